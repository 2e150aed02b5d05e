// The paper's walk: the title, then for each plan its particulars and the sections in
// template order, each section's blocks built, handed to the writer and freed.
#include <set>

#include <fmt/format.h>

#include "bvplan/core/period.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/savings.hpp"

namespace bvplan {

const std::vector<PaperSection>& paper_sections() {
  static const std::vector<PaperSection> sections{
      {"Summary", write_summary},
      {"1. Summary of action taken", write_action_taken},
      {"2. Target and actual % complete by date of report", write_target_and_actual},
      {"3. % of project implementation budget used", write_budget_used},
      {"4. Proposed action to remedy any work overdue", write_remedies},
      {"5. Benefits delivered to date", write_benefits},
      {"6. Action planned in the next period", write_next_period},
      {"7. Any fundamental changes to plan", write_fundamental_changes}};
  return sections;
}

namespace {

std::string monitoring_text(const Plan& plan) {
  std::vector<std::string> bodies;
  for (const Monitoring& m : plan.monitoring)
    bodies.push_back(fmt::format("{} (every {})", m.body, to_string(m.every)));
  return fmt::format("{}", fmt::join(bodies, "; "));
}

std::string owner_name(const PlanFigures& p, const std::string& id) {
  const Owners& owners = p.owners ? *p.owners : p.plan->owners;
  auto it = owners.find(id);
  return it == owners.end() || it->second.name.empty() ? id : it->second.name;
}

// "CMT: Corporate Management Team; SPS: Strategic & Performance Services": every owner the
// plan names whose name says more than its id, in id order.
std::string owner_key(const PlanFigures& p) {
  std::set<std::string> ids;
  const Plan& plan = *p.plan;
  if (plan.owner) ids.insert(plan.owner->id);
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) {
      ids.insert(action.lead.id);
      for (const Reference& r : action.support) ids.insert(r.id);
    }
  for (const Measure& m : plan.measures)
    if (!m.owner.empty()) ids.insert(m.owner);
  for (const Risk& r : plan.risks) ids.insert(r.owner.id);
  std::vector<std::string> entries;
  for (const std::string& id : ids) {
    std::string name = owner_name(p, id);
    if (name != id) entries.push_back(fmt::format("{}: {}", id, name));
  }
  return fmt::format("{}", fmt::join(entries, "; "));
}

Fields plan_particulars(const PlanFigures& p) {
  const Plan& plan = *p.plan;
  Fields f;
  if (!plan.review.empty()) f.fields.emplace_back("Review", plain(plan.review));
  if (plan.owner) f.fields.emplace_back("Lead", plain(owner_name(p, plan.owner->id)));
  f.fields.emplace_back("Plan period", plain(fmt::format("{} to {}", to_long(plan.start), to_long(plan.end))));
  if (!plan.monitoring.empty()) f.fields.emplace_back("Monitoring", plain(monitoring_text(plan)));
  // "Quarter 3 2001/02 (October to December 2001)" in a financial year; else the dates.
  f.fields.emplace_back("Reporting period",
                        plain(period_wording(p.window, plan.year_start)
                                  .value_or(fmt::format("{} to {}", to_long(p.window.start), to_long(p.window.end)))));
  if (p.next_report)
    f.fields.emplace_back(
        "Next report",
        plain(to_long(*p.next_report) + (p.next_report_body.empty() ? std::string() : ", to " + p.next_report_body)));
  std::string key = owner_key(p);
  if (!key.empty()) f.fields.emplace_back("Key to owners", plain(key));
  return f;
}

void write_plan(PaperWriter& writer, const PlanFigures& p, const PaperOptions& options, int level) {
  Blocks blocks;
  blocks.emplace_back(plan_particulars(p));
  writer.blocks(blocks, level);
  bool first = true;
  for (const PaperSection& section : paper_sections()) {
    blocks.clear();
    blocks.emplace_back(Heading{0, section.heading});
    section.write(blocks, p);
    if (first && options.rag_chart && !p.issues.empty())
      blocks.emplace_back(Figure{options.rag_chart(p), ""});  // the chart carries its own title
    first = false;
    writer.blocks(blocks, level);
  }
  if (!p.risks.empty()) {
    blocks.clear();
    write_risk_register(blocks, p);
    writer.blocks(blocks, level);
  }
  if (options.gantt && options.gantt_chart) {
    blocks.clear();
    blocks.emplace_back(Heading{0, "Timeline"});
    for (std::string& svg : options.gantt_chart(p)) blocks.emplace_back(Figure{std::move(svg), ""});
    writer.blocks(blocks, level);
  }
}

void write_portfolio_summary(Blocks& out, const std::vector<PlanFigures>& plans) {
  out.emplace_back(Heading{0, "Portfolio summary"});
  PaperTable t{{{"Plan", Align::left, 30},
                {"Lead", Align::left, 19},
                {"Target", Align::right, 9},
                {"Actual", Align::right, 9},
                {"RAG", Align::left, 12},
                {"Budget used", Align::right, 9},
                {"Savings", Align::right, 12}},
               {}};
  for (const PlanFigures& p : plans) {
    const Plan& plan = *p.plan;
    std::string savings = p.savings_target ? fmt::format("{} of {}", format_money(p.savings_delivered, plan.currency),
                                                         format_money(*p.savings_target, plan.currency))
                                           : format_money(p.savings_delivered, plan.currency);
    t.rows.push_back({cell(plan.title), cell(plan.owner ? owner_name(p, plan.owner->id) : ""),
                      cell(percent_text(p.target)), cell(percent_text(p.actual)), rag_cell(p.rag),
                      cell(p.budget_used ? percent_text(*p.budget_used) : ""), cell(savings)});
  }
  out.emplace_back(std::move(t));
}

}  // namespace

void write_paper(PaperWriter& writer, const std::vector<PlanFigures>& plans, const PaperOptions& options) {
  if (plans.empty()) return;
  bool portfolio = plans.size() > 1;
  std::string title = portfolio ? "Best Value improvement plans: progress report"
                                : fmt::format("{}: progress report", plans.front().plan->title);
  writer.begin(title, to_long(plans.front().as_of));
  if (!portfolio) {
    write_plan(writer, plans.front(), options, 2);
    writer.end();
    return;
  }
  Blocks blocks;
  write_portfolio_summary(blocks, plans);
  if (options.savings) write_savings(blocks, *options.savings);
  if (options.savings_by_year) write_savings_by_year(blocks, *options.savings_by_year);
  writer.blocks(blocks, 2);
  for (const PlanFigures& p : plans) {
    writer.plan_heading(2, p.plan->title);
    write_plan(writer, p, options, 3);
  }
  writer.end();
}

}  // namespace bvplan

namespace bvplan {

namespace {

std::string share(double part, double whole) { return whole > 0 ? format_percent(100 * part / whole, 0) + "%" : ""; }

}  // namespace

void write_savings(Blocks& out, const Savings& s) {
  out.emplace_back(Heading{0, fmt::format("Financial benefits as at {}", to_long(s.as_of))});
  PaperTable t{{{"Plan", Align::left, 28},
                {"Savings target", Align::right, 13},
                {"Expected by now", Align::right, 13},
                {"Delivered", Align::right, 12},
                {"Delivered of expected", Align::right, 12},
                {"RAG", Align::left, 12},
                {"% complete", Align::right, 10}},
               {}};
  for (const PlanSavings& p : s.plans)
    t.rows.push_back({cell(p.plan->title), cell(p.target ? format_money(*p.target, p.plan->currency) : "none"),
                      cell(format_estimate(p.expected, p.plan->currency)),
                      cell(format_money(p.delivered, p.plan->currency)), cell(share(p.delivered, p.expected)),
                      rag_cell(p.rag), cell(percent_text(p.complete))});
  // One total per currency: pounds and euros are never added together.
  for (const SavingsTotal& total : s.totals) {
    Cell name = cell(s.totals.size() > 1 ? "Total " + total.currency : "Total");
    name.strong = true;
    t.rows.push_back({std::move(name), cell(format_money(total.target, total.currency)),
                      cell(format_estimate(total.expected, total.currency)),
                      cell(format_money(total.delivered, total.currency)), cell(share(total.delivered, total.expected)),
                      rag_cell(total.rag), cell("")});
  }
  out.emplace_back(std::move(t));
  List lagging;
  for (const PlanSavings& p : s.plans)
    if (p.lags) {
      Text item = strong(p.plan->title);
      item.push_back(Span{fmt::format(": {} of its savings delivered, though the work is {} complete",
                                      share(p.delivered, *p.target), percent_text(p.complete))});
      lagging.items.push_back(std::move(item));
    }
  if (lagging.items.empty()) {
    out.emplace_back(Paragraph{plain("No plan's savings lag its completion.")});
  } else {
    out.emplace_back(Paragraph{plain("Savings lagging completion:"), true});
    out.emplace_back(std::move(lagging));
  }
}

void write_savings_by_year(Blocks& out, const SavingsByYear& s) {
  out.emplace_back(Heading{0, "Savings by year"});
  out.emplace_back(Paragraph{plain(savings_years_words(s.year_start)), true});
  PaperTable t{{{"Year", Align::left, 24},
                {"Expected in the year", Align::right, 19},
                {"Expected to date", Align::right, 19},
                {"Delivered", Align::right, 19},
                {"Delivered of expected", Align::right, 19}},
               {}};
  for (const YearSavingsTotal& total : s.totals) {
    for (const YearSavings& y : s.years)
      if (y.currency == total.currency)
        t.rows.push_back({cell(y.year.label), cell(format_estimate(y.expected, y.currency)),
                          cell(y.expected_to_date ? format_estimate(*y.expected_to_date, y.currency) : ""),
                          cell(y.delivered ? format_money(*y.delivered, y.currency) : ""),
                          cell(y.delivered && y.expected_to_date ? share(*y.delivered, *y.expected_to_date) : "")});
    Cell name = cell(savings_total_name(s, total));
    name.strong = true;
    t.rows.push_back({std::move(name), cell(format_estimate(total.expected, total.currency)),
                      cell(format_estimate(total.expected_to_date, total.currency)),
                      cell(format_money(total.delivered, total.currency)),
                      cell(share(total.delivered, total.expected_to_date))});
  }
  out.emplace_back(std::move(t));
  out.emplace_back(Paragraph{plain(savings_by_year_note(s))});
}

}  // namespace bvplan
