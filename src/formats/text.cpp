#include "bvplan/formats/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"

namespace bvplan {

std::string direction_text(Direction direction) {
  switch (direction) {
    case Direction::improved: return "\u2191 improved";
    case Direction::same: return "\u2192 same";
    case Direction::worse: return "\u2193 worse";
    case Direction::added: return "new";
    case Direction::unrated: return "-";
  }
  return "";
}

namespace {

std::string group_thousands(long long whole) {
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (whole < 0 ? "-" : "") + out;
}

// "&name;" or "&#123;": what Markdown would read as a character reference.
bool starts_entity(std::string_view text) {
  size_t i = 1;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || (i == 1 && text[i] == '#'))) ++i;
  return i > 1 && i < text.size() && text[i] == ';';
}

}  // namespace

std::string format_money(double amount, std::string_view currency) {
  double rounded = round_percent(amount, 2);  // half away from zero, as every figure
  auto whole = static_cast<long long>(std::trunc(rounded));
  long long pence = std::llround(std::fabs(rounded - static_cast<double>(whole)) * 100);
  std::string number = group_thousands(whole);
  if (whole == 0 && rounded < 0) number = "-0";
  if (pence) number += fmt::format(".{:02}", pence);
  if (currency == "GBP") return number[0] == '-' ? "-£" + number.substr(1) : "£" + number;
  if (currency == "EUR") return number[0] == '-' ? "-€" + number.substr(1) : "€" + number;
  return fmt::format("{} {}", number, currency);
}

std::string format_estimate(double amount, std::string_view currency) {
  return format_money(round_percent(amount, 0), currency);
}

std::string markdown_money(double amount, std::string_view currency) {
  return escape_markdown(format_money(amount, currency));
}

std::string percent_text(double value) { return format_percent(value, 0) + "%"; }

std::string percent_text(const std::optional<double>& value) { return value ? percent_text(*value) : "-"; }

std::string staff_text(const StaffTime& staff) {
  if (!staff.any()) return "-";
  std::string days = format_number(staff.days);
  if (!staff.effort) return days;
  days += '/';
  days += format_number(*staff.effort);
  if (staff.used) days += fmt::format(" ({})", percent_text(*staff.used));
  return days;
}

std::string staff_sentence(const StaffTime& staff) {
  std::string out = fmt::format("{} logged", format_number(staff.days));
  if (staff.effort) out += fmt::format(" of {} planned", format_number(*staff.effort));
  if (staff.used) out += fmt::format(" ({} used)", percent_text(*staff.used));
  return out;
}

bool logs_staff_time(const PlanFigures& plan) {
  return std::any_of(plan.actions.begin(), plan.actions.end(), [](const ActionFigures& a) { return a.staff.any(); });
}

std::string title_case(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// RAG for people: a word, never a colour alone.
std::string rag_word(Rag rag) { return rag == Rag::none ? "Not rated" : title_case(to_string(rag)); }

std::string counts_text(const RagCounts& c) {
  std::vector<std::string> parts;
  auto add = [&](size_t n, const char* word) {
    if (n) parts.push_back(fmt::format("{} {}", n, word));
  };
  add(c.green, "green");
  add(c.amber, "amber");
  add(c.red, "red");
  add(c.complete, "complete");
  add(c.none, "not rated");
  return parts.empty() ? "no actions" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string plural(size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string escape_html(std::string_view raw) {
  std::string without_cr;
  without_cr.reserve(raw.size());
  for (char c : raw)
    if (c != '\r') without_cr += c;
  std::string visible = escape_control(without_cr, Keep::tab_and_newline);
  std::string out;
  out.reserve(visible.size());
  for (char c : visible) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n':
        if (!out.empty() && out.back() != ' ') out += ' ';
        break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_markdown(std::string_view raw) {
  // Control characters (a file name may hold any) shown as escapes, which the Markdown
  // escaping below then keeps literal; CR goes, as line breaks fold to spaces.
  std::string without_cr;
  without_cr.reserve(raw.size());
  for (char c : raw)
    if (c != '\r') without_cr += c;
  std::string visible = escape_control(without_cr, Keep::tab_and_newline);
  std::string_view text = visible;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\r': break;
      case '\n':
        if (!out.empty() && out.back() != ' ') out += ' ';
        break;
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '~':
      case '^':
      case '$':
      case '@':
        out += '\\';
        out += c;
        break;
      case '&':
        // Only where it would start an entity (&amp;, &#38;): "O&S" stays readable.
        if (starts_entity(text.substr(i))) out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string csv_text(std::string_view text) {
  std::string value(text);
  bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                                    value[0] == '\t' || value[0] == '\r');
  if (formula) value.insert(value.begin(), '\'');
  // A cell of several lines: none of them may read as a GitHub Actions workflow command
  // when the CSV is printed in a CI log.
  value = guard_line_starts(value);
  bool quote = formula || value.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace bvplan
