#include "bvplan/core/number.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("round_percent and format_percent round half away from zero") {
  CHECK(round_percent(0.5, 0) == 1);
  CHECK(round_percent(-0.5, 0) == -1);
  CHECK(round_percent(2.5, 0) == 3);
  CHECK(round_percent(-2.5, 0) == -3);
  CHECK(round_percent(0.4, 0) == 0);
  CHECK(round_percent(0.15, 1) == 0.2);
  CHECK(round_percent(12.25, 1) == 12.3);
  CHECK(round_percent(-12.25, 1) == -12.3);

  CHECK(format_percent(0.5, 0) == "1");
  CHECK(format_percent(-0.5, 0) == "-1");
  CHECK(format_percent(2.5, 0) == "3");
  CHECK(format_percent(37.5, 0) == "38");
  CHECK(format_percent(-12.5, 0) == "-13");
  CHECK(format_percent(-0.4, 0) == "0");
  CHECK(format_percent(0.15, 1) == "0.2");
  CHECK(format_percent(-0.04, 1) == "0.0");
  CHECK(format_percent(12.25, 1) == "12.3");
  CHECK(format_percent(48, 1) == "48.0");
  CHECK(format_percent(48.5, 1) == "48.5");
  CHECK(format_percent(100, 0) == "100");
  CHECK(format_percent(0, 1) == "0.0");
}

TEST_CASE("format_number") {
  CHECK(format_number(1500) == "1500");
  CHECK(format_number(1500.5) == "1500.5");
  CHECK(format_number(0.25) == "0.25");
  CHECK(format_number(0) == "0");
  CHECK(format_number(-5) == "-5");
  CHECK(format_number(-12.5) == "-12.5");
  CHECK(format_number(1234567) == "1234567");
}

TEST_CASE("format_amount: money in findings, whole or to the penny") {
  CHECK(format_amount(100) == "100");
  CHECK(format_amount(150.5) == "150.50");
  CHECK(format_amount(5000.01) == "5000.01");
}
