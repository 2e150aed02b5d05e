#include "bvplan/core/date.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("parse_date accepts exactly YYYY-MM-DD naming a real day") {
  CHECK(to_iso(*parse_date("2004-06-30")) == "2004-06-30");
  CHECK(to_iso(*parse_date("2004-02-29")) == "2004-02-29");  // leap year
  CHECK_FALSE(parse_date("2003-02-29"));
  CHECK_FALSE(parse_date("2004-02-30"));
  CHECK_FALSE(parse_date("2004-13-01"));
  CHECK_FALSE(parse_date("2004-00-10"));
  CHECK_FALSE(parse_date("2004-6-30"));
  CHECK_FALSE(parse_date("30/06/2004"));
  CHECK_FALSE(parse_date("2004-06-30 "));
  CHECK_FALSE(parse_date("2004-06-3x"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("date arithmetic") {
  Date d = *parse_date("2004-01-31");
  CHECK(to_iso(d.plus_months(1)) == "2004-02-29");
  CHECK(to_iso(d.plus_months(-2)) == "2003-11-30");
  CHECK(to_iso(d.plus_days(1)) == "2004-02-01");
  CHECK(parse_date("2004-12-31")->days_since(*parse_date("2004-01-01")) == 365);
  CHECK(to_iso(parse_date("2004-02-10")->end_of_month()) == "2004-02-29");
}

TEST_CASE("date formats") {
  Date d = *parse_date("2004-06-30");
  CHECK(to_long(d) == "30 June 2004");
  CHECK(to_short(d) == "30 Jun 2004");
  CHECK(to_short(*parse_date("2004-01-01")) == "1 Jan 2004");
  CHECK(to_short(*parse_date("2004-09-05")) == "5 Sep 2004");
  CHECK(to_basic(d) == "20040630");
  CHECK(to_month_year(d) == "Jun 2004");
  CHECK(to_month_year(*parse_date("0987-01-01")) == "Jan 0987");
  CHECK(to_month_year(*parse_date("2010-12-31")) == "Dec 2010");
  CHECK(to_iso(date_from_unix(0)) == "1970-01-01");
  CHECK(to_iso(date_from_unix(1088553600)) == "2004-06-30");
  CHECK(to_iso(date_from_unix(-1)) == "1969-12-31");
}

TEST_CASE("dates are written only within 0000-01-01 to 9999-12-31") {
  CHECK(to_iso(Date::earliest()) == "0000-01-01");
  CHECK(to_long(Date::earliest()) == "1 January 0000");
  CHECK(to_iso(Date::latest()) == "9999-12-31");
  CHECK(to_iso(Date::latest().plus_days(1)) == "after 9999-12-31");
  CHECK(to_long(Date::latest().plus_days(1)) == "after 31 December 9999");
  CHECK(to_short(Date::latest()) == "31 Dec 9999");
  CHECK(to_short(Date::latest().plus_days(1)) == "after 31 Dec 9999");
  CHECK(to_short(Date::earliest().plus_days(-1)) == "before 1 Jan 0000");
  CHECK(to_iso(Date::earliest().plus_days(-1)) == "before 0000-01-01");
  CHECK(to_month_year(Date::latest()) == "Dec 9999");
  CHECK(to_month_year(Date::latest().plus_days(1)) == "after Dec 9999");
  CHECK(to_month_year(Date::earliest().plus_days(-1)) == "before Jan 0000");
  CHECK(to_iso(date_from_unix(253402300800)) == "after 9999-12-31");  // a commit dated in year 10000
  CHECK(Date::latest().writable());
  CHECK_FALSE(Date::latest().plus_days(1).writable());
}
