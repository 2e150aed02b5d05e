// The portfolio reports as text: workload by owner, financial benefits and the monitoring
// calendar, each as Markdown, CSV and JSON (and the calendar as iCalendar).
#pragma once

#include <string>

#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

std::string render_workload_markdown(const Workload& workload);
std::string render_workload_csv(const Workload& workload);
std::string render_workload_json(const Workload& workload);

// `heading` is the Markdown heading mark ("##" inside a portfolio paper).
std::string render_savings_markdown(const Savings& savings, const std::string& heading = "#");
std::string render_savings_csv(const Savings& savings);
std::string render_savings_json(const Savings& savings);

std::string render_calendar_markdown(const Calendar& calendar);
std::string render_calendar_csv(const Calendar& calendar);
std::string render_calendar_json(const Calendar& calendar);
// RFC 5545: CRLF, folded at 75 octets, UID and DTSTAMP on every event; `stamp` is the
// DTSTAMP (the as-of date, so the file is reproducible).
std::string render_calendar_ics(const Calendar& calendar, Date stamp);

}  // namespace bvplan
