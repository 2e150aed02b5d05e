#include "bvplan/formats/savings.hpp"

#include <fmt/format.h>

#include "bvplan/core/period.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

namespace {

std::string share(double part, double whole) { return whole > 0 ? format_percent(100 * part / whole, 0) + "%" : ""; }

}  // namespace

std::string render_savings_markdown(const Savings& s, const std::string& h) {
  std::string out = fmt::format("{} Financial benefits as at {}\n\n", h, to_long(s.as_of));
  Table table{{{"Plan"},
               {"Savings target", Align::right},
               {"Expected by now", Align::right},
               {"Delivered", Align::right},
               {"Delivered of expected", Align::right},
               {"RAG"},
               {"% complete", Align::right}},
              {}};
  for (const PlanSavings& p : s.plans)
    table.rows.push_back(
        {escape_markdown(p.plan->title), p.target ? markdown_money(*p.target, p.plan->currency) : "none",
         escape_markdown(format_estimate(p.expected, p.plan->currency)), markdown_money(p.delivered, p.plan->currency),
         share(p.delivered, p.expected), rag_word(p.rag), percent_text(p.complete)});
  // One total per currency: pounds and euros are never added together.
  for (const SavingsTotal& t : s.totals)
    table.rows.push_back({fmt::format("**Total{}{}**", s.totals.size() > 1 ? " " : "",
                                      s.totals.size() > 1 ? escape_markdown(t.currency) : ""),
                          markdown_money(t.target, t.currency),
                          escape_markdown(format_estimate(t.expected, t.currency)),
                          markdown_money(t.delivered, t.currency), share(t.delivered, t.expected), rag_word(t.rag),
                          std::string(blank_cell)});
  out += render_markdown(table);
  out += '\n';
  std::vector<std::string> lagging;
  for (const PlanSavings& p : s.plans)
    if (p.lags)
      lagging.push_back(fmt::format("- **{}**: {} of its savings delivered, though the work is {} complete",
                                    escape_markdown(p.plan->title), share(p.delivered, *p.target),
                                    percent_text(p.complete)));
  out += lagging.empty() ? "No plan's savings lag its completion.\n"
                         : "Savings lagging completion:\n\n" + fmt::format("{}", fmt::join(lagging, "\n")) + "\n";
  return out;
}

std::string render_savings_csv(const Savings& s) {
  Table table{titled_columns({"plan", "title", "currency", "savings_target", "expected", "delivered",
                              "delivered_of_expected", "rag", "complete", "lags", "as_of"}),
              {}};
  for (const PlanSavings& p : s.plans)
    table.rows.push_back({csv_text(p.plan->id), csv_text(p.plan->title), csv_text(p.plan->currency),
                          p.target ? format_number(*p.target) : "", format_number(p.expected),
                          format_number(p.delivered),
                          p.expected > 0 ? format_percent(100 * p.delivered / p.expected, 1) : "", to_string(p.rag),
                          p.complete ? format_percent(*p.complete, 1) : "", p.lags ? "yes" : "no", to_iso(s.as_of)});
  return render_csv(table);
}

std::string render_savings_json(const Savings& s) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    // Version 2: totals per currency replace version 1's single total, which added currencies.
    json.begin_object().key("version").number(2).key("as_of").string(to_iso(s.as_of)).key("totals").begin_array();
    for (const SavingsTotal& t : s.totals) {
      json.begin_object().key("currency").string(t.currency).key("target").number(format_number(t.target));
      json.key("expected").number(format_number(t.expected)).key("delivered").number(format_number(t.delivered));
      json.key("rag").string(to_string(t.rag)).end_object();
    }
    json.end_array().key("plans").begin_array({true, 2, true});
    for (const PlanSavings& p : s.plans) {
      json.begin_object().key("id").string(p.plan->id).key("title").string(p.plan->title);
      json.key("currency").string(p.plan->currency);
      json.key("savings_target").number_or_null(p.target ? std::optional(format_number(*p.target)) : std::nullopt);
      json.key("expected").number(format_number(p.expected)).key("delivered").number(format_number(p.delivered));
      json.key("rag").string(to_string(p.rag));
      json.key("complete").number_or_null(p.complete ? std::optional(format_percent(*p.complete, 1)) : std::nullopt);
      json.key("lags").boolean(p.lags).end_object();
    }
    json.end_array().end_object();
    out.put('\n');
  });
}

std::string savings_years_words(unsigned year_start) {
  if (year_start == calendar_year_start) return "Calendar years.";
  return fmt::format("Financial years, {} to {}.", month_name(year_start),
                     month_name(year_start == 1 ? 12 : year_start - 1));
}

std::string savings_by_year_note(const SavingsByYear& s) {
  return fmt::format(
      "Expected to date is the part of a year's expected savings due by {0}, by the plans' target curves; the rest "
      "of the year's is still to come. Delivered is what the plans' updates report in the year up to {0}; years not "
      "yet begun have none.",
      to_long(s.as_of));
}

std::string savings_total_name(const SavingsByYear& s, const YearSavingsTotal& t) {
  return s.totals.size() > 1 ? "Total " + t.currency : "Total";
}

std::string render_savings_by_year_markdown(const SavingsByYear& s, const std::string& h) {
  std::string out =
      fmt::format("{} Savings by year as at {}\n\n{}\n\n", h, to_long(s.as_of), savings_years_words(s.year_start));
  Table table{{{"Year"},
               {"Expected in the year", Align::right},
               {"Expected to date", Align::right},
               {"Delivered", Align::right},
               {"Delivered of expected", Align::right}},
              {}};
  for (const YearSavingsTotal& t : s.totals) {
    for (const YearSavings& y : s.years)
      if (y.currency == t.currency)
        table.rows.push_back(
            {y.year.label, escape_markdown(format_estimate(y.expected, y.currency)),
             y.expected_to_date ? escape_markdown(format_estimate(*y.expected_to_date, y.currency))
                                : std::string(blank_cell),
             y.delivered ? markdown_money(*y.delivered, y.currency) : std::string(blank_cell),
             y.delivered && y.expected_to_date ? share(*y.delivered, *y.expected_to_date) : std::string(blank_cell)});
    table.rows.push_back({"**" + escape_markdown(savings_total_name(s, t)) + "**",
                          escape_markdown(format_estimate(t.expected, t.currency)),
                          escape_markdown(format_estimate(t.expected_to_date, t.currency)),
                          markdown_money(t.delivered, t.currency), share(t.delivered, t.expected_to_date)});
  }
  out += render_markdown(table);
  out += '\n';
  out += savings_by_year_note(s);
  out += '\n';
  return out;
}

std::string render_savings_by_year_csv(const SavingsByYear& s) {
  Table table{titled_columns({"year", "start", "end", "currency", "expected", "expected_to_date", "delivered",
                              "delivered_of_expected", "as_of"}),
              {}};
  for (const YearSavings& y : s.years)
    table.rows.push_back({y.year.label, to_iso(y.year.start), to_iso(y.year.end), csv_text(y.currency),
                          format_number(y.expected), y.expected_to_date ? format_number(*y.expected_to_date) : "",
                          y.delivered ? format_number(*y.delivered) : "",
                          y.delivered && y.expected_to_date && *y.expected_to_date > 0
                              ? format_percent(100 * *y.delivered / *y.expected_to_date, 1)
                              : "",
                          to_iso(s.as_of)});
  return render_csv(table);
}

std::string render_savings_by_year_json(const SavingsByYear& s) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    // The savings document's version; "by" says it holds years rather than plans.
    json.begin_object().key("version").number(2).key("by").string("year").key("as_of").string(to_iso(s.as_of));
    json.key("totals").begin_array();
    for (const YearSavingsTotal& t : s.totals) {
      json.begin_object().key("currency").string(t.currency).key("expected").number(format_number(t.expected));
      json.key("expected_to_date").number(format_number(t.expected_to_date));
      json.key("delivered").number(format_number(t.delivered)).end_object();
    }
    json.end_array().key("years").begin_array({true, 2, true});
    for (const YearSavings& y : s.years) {
      json.begin_object().key("year").string(y.year.label).key("start").string(to_iso(y.year.start));
      json.key("end").string(to_iso(y.year.end)).key("currency").string(y.currency);
      json.key("expected").number(format_number(y.expected));
      json.key("expected_to_date")
          .number_or_null(y.expected_to_date ? std::optional(format_number(*y.expected_to_date)) : std::nullopt);
      json.key("delivered").number_or_null(y.delivered ? std::optional(format_number(*y.delivered)) : std::nullopt);
      json.end_object();
    }
    json.end_array().end_object();
    out.put('\n');
  });
}

}  // namespace bvplan
