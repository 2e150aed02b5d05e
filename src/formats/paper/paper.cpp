#include <set>

#include <fmt/format.h>

#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

std::string monitoring_text(const Plan& plan) {
  std::vector<std::string> bodies;
  for (const Monitoring& m : plan.monitoring)
    bodies.push_back(fmt::format("{} (every {})", m.body, to_string(m.every)));
  return bodies.empty() ? "" : fmt::format("{}", fmt::join(bodies, "; "));
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
    if (name != id) entries.push_back(fmt::format("{}: {}", escape_markdown(id), escape_markdown(name)));
  }
  return fmt::format("{}", fmt::join(entries, "; "));
}

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + '"';
}

void write_plan_header(Output& out, const PlanFigures& p) {
  const Plan& plan = *p.plan;
  if (!plan.review.empty()) out.format("**Review:** {}  \n", escape_markdown(plan.review));
  if (plan.owner) out.format("**Lead:** {}  \n", escape_markdown(owner_name(p, plan.owner->id)));
  out.format("**Plan period:** {} to {}  \n", to_long(plan.start), to_long(plan.end));
  if (!plan.monitoring.empty()) out.format("**Monitoring:** {}  \n", escape_markdown(monitoring_text(plan)));
  out.format("**Reporting period:** {} to {}  \n", to_long(p.window.start), to_long(p.window.end));
  if (p.next_report)
    out.format("**Next report:** {}{}  \n", to_long(*p.next_report),
               p.next_report_body.empty() ? "" : fmt::format(", to {}", escape_markdown(p.next_report_body)));
  std::string key = owner_key(p);
  if (!key.empty()) out.format("**Key to owners:** {}  \n", key);
}

// Markdown blocks (headings, paragraphs, tables, lists) one blank line apart, with no
// blank line at the end of the paper.
class Blocks {
public:
  explicit Blocks(Output& out) : out_(out) {}
  Output& next() {
    if (started_) out_.put('\n');
    started_ = true;
    return out_;
  }

private:
  Output& out_;
  bool started_ = false;
};

void write_plan(Blocks& blocks, const PlanFigures& p, const MarkdownOptions& options, std::string_view heading) {
  write_plan_header(blocks.next(), p);
  for (const PaperSection& section : paper_sections()) {
    Output& out = blocks.next();
    out.format("{} {}\n\n", heading, section.heading);
    section.write(out, p);
  }
  if (!p.risks.empty()) write_risk_register(blocks.next(), p, heading);
  if (options.gantt) write_timeline(blocks.next(), p, heading);
}

void write_portfolio_summary(Output& out, const std::vector<PlanFigures>& plans) {
  out.write("## Portfolio summary\n\n");
  write_markdown_header(out, {{"Plan"},
                              {"Review"},
                              {"Lead"},
                              {"Monitoring body"},
                              {"Target", Align::right},
                              {"Actual", Align::right},
                              {"RAG"},
                              {"Budget used", Align::right},
                              {"Savings", Align::right}});
  for (const PlanFigures& p : plans) {
    const Plan& plan = *p.plan;
    std::vector<std::string> bodies;
    for (const Monitoring& m : plan.monitoring) bodies.push_back(escape_markdown(m.body));
    std::string savings = p.savings_target ? fmt::format("{} of {}", markdown_money(p.savings_delivered, plan.currency),
                                                         markdown_money(*p.savings_target, plan.currency))
                                           : markdown_money(p.savings_delivered, plan.currency);
    out.format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(plan.title),
               escape_markdown(plan.review), plan.owner ? escape_markdown(owner_name(p, plan.owner->id)) : "",
               fmt::join(bodies, "; "), percent_text(p.target), percent_text(p.actual), rag_word(p.rag),
               p.budget_used ? percent_text(*p.budget_used) : "", savings);
  }
}

}  // namespace

void render_markdown(Output& out, const std::vector<PlanFigures>& plans, const MarkdownOptions& options) {
  if (plans.empty()) return;
  Date as_of = plans.front().as_of;
  bool portfolio = plans.size() > 1;
  std::string title = portfolio ? "Best Value improvement plans: progress report"
                                : fmt::format("{}: progress report", plans.front().plan->title);
  Blocks blocks(out);
  // pandoc reads metadata values as Markdown: escaped for Markdown, then quoted for YAML.
  blocks.next().format("---\ntitle: {}\ndate: {}\n---\n", yaml_quoted(escape_markdown(title)),
                       yaml_quoted(to_long(as_of)));
  blocks.next().format("# {} as at {}\n", escape_markdown(title), to_long(as_of));
  if (!portfolio) return write_plan(blocks, plans.front(), options, "##");
  write_portfolio_summary(blocks.next(), plans);
  if (options.savings) blocks.next().write(render_savings_markdown(*options.savings, "##"));
  for (const PlanFigures& p : plans) {
    blocks.next().format("## {}\n", escape_markdown(p.plan->title));
    write_plan(blocks, p, options, "###");
  }
}

std::string render_markdown(const std::vector<PlanFigures>& plans, const MarkdownOptions& options) {
  return render_to_string([&](Output& out) { render_markdown(out, plans, options); });
}

}  // namespace bvplan
