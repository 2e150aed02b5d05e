// The monitoring calendar, as Markdown, CSV and JSON, and as iCalendar.
#pragma once

#include <string>

#include "bvplan/reports/calendar.hpp"

namespace bvplan {

// "p: reports to Cabinet every 5 months do not divide the plan period 2004-01-01 to
// 2004-12-31; the last falls due on 2004-11-01, 60 days before the plan ends".
std::string describe(const CalendarNote& note);

std::string render_calendar_markdown(const Calendar& calendar);
std::string render_calendar_csv(const Calendar& calendar);
std::string render_calendar_json(const Calendar& calendar);
// RFC 5545: CRLF, folded at 75 octets, UID and DTSTAMP on every event; `stamp` is the
// DTSTAMP (the as-of date, so the file is reproducible).
std::string render_calendar_ics(const Calendar& calendar, Date stamp);

}  // namespace bvplan
