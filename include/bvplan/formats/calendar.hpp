// The monitoring calendar, as Markdown, CSV and JSON, and as iCalendar.
#pragma once

#include <string>

#include "bvplan/reports/calendar.hpp"

namespace bvplan {

std::string render_calendar_markdown(const Calendar& calendar);
std::string render_calendar_csv(const Calendar& calendar);
std::string render_calendar_json(const Calendar& calendar);
// RFC 5545: CRLF, folded at 75 octets, UID and DTSTAMP on every event; `stamp` is the
// DTSTAMP (the as-of date, so the file is reproducible).
std::string render_calendar_ics(const Calendar& calendar, Date stamp);

}  // namespace bvplan
