#include "bvplan/app/plan_set.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "bvplan/core/period.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

const SourceFile* PlanSet::source(const std::string& file) const {
  for (const SourceFile& s : sources)
    if (s.path == file) return &s;
  return registers.source(file);
}

std::vector<std::string> PlanSet::inputs() const {
  std::vector<std::string> all = files;
  for (const std::string& r : registers.files()) all.push_back(r);
  return all;
}

Diagnostics PlanSet::findings() const {
  Diagnostics all = register_diagnostics;
  for (const CheckedPlan& plan : plans) all.insert(all.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  return all;
}

namespace {

// One plan file (or standard input) read and checked; its read failure becomes a problem.
void add_plan(PlanSet& set, const PlanInputs& inputs, const std::string& file) {
  std::optional<Diagnostic> too_big;
  SourceFile source;
  try {
    source = file == "-" ? read_standard_input(inputs.stdin_filename, inputs.max_file_size, too_big)
                         : read_source_file(file, inputs.max_file_size, too_big);
  } catch (const Error& e) {
    set.problems.push_back(e.what());
    return;
  }
  std::string shown = source.path;
  OwnersRegister inherited = set.registers.for_plan(file == "-" ? inputs.stdin_filename : file);
  CheckedPlan checked;
  if (too_big)
    checked.diagnostics.push_back(*too_big);
  else
    checked = read_plan_for_check(source, inherited);
  set.files.push_back(shown);
  set.paths.push_back(file);
  set.sources.push_back(std::move(source));
  set.plans.push_back(std::move(checked));
}

}  // namespace

std::unique_ptr<PlanSet> load_plan_set(const PlanInputs& inputs, Date as_of) {
  return load_plan_set(inputs, [as_of](const PlanSet&) { return as_of; });
}

std::unique_ptr<PlanSet> load_plan_set(const PlanInputs& inputs, const AsOfFor& as_of_for) {
  auto set = std::make_unique<PlanSet>();
  set->registers = OwnerRegisters(inputs.max_file_size);
  std::vector<std::string> paths = inputs.paths.empty() ? std::vector<std::string>{"."} : inputs.paths;
  PlanFiles found = collect_plan_files(paths);
  set->problems = found.unreadable;
  if (!inputs.owners_file.empty()) set->registers.set_explicit(inputs.owners_file);
  for (const std::string& file : found.files) add_plan(*set, inputs, file);
  Date as_of = set->as_of = as_of_for(*set);
  for (CheckedPlan& checked : set->plans) validate_checked(checked, as_of);
  set->register_diagnostics = set->registers.take_diagnostics();
  if (found.files.empty() && found.unreadable.empty())
    set->problems.push_back(fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", ")));
  return set;
}

SetYearStart year_start_of(const std::vector<std::string>& files, const std::vector<const Plan*>& plans) {
  SetYearStart out;
  bool first = true;
  for (size_t n = 0; n < plans.size(); ++n) {
    const Plan* plan = plans[n];
    if (!plan) continue;
    if (first) {
      out.month = plan->year_start;
      out.first = files[n];
      first = false;
    } else if (plan->year_start != out.month && out.other.empty()) {
      out.other = files[n];
      out.other_month = plan->year_start;
    }
  }
  return out;
}

SetYearStart year_start_of(const PlanSet& set) {
  std::vector<const Plan*> plans;
  for (const CheckedPlan& checked : set.plans) plans.push_back(checked.plan ? &*checked.plan : nullptr);
  return year_start_of(set.files, plans);
}

Portfolio portfolio_of(const PlanSet& set) {
  Portfolio p;
  for (const CheckedPlan& checked : set.plans) {
    if (!checked.plan || checked.has_errors()) continue;
    const Plan& plan = *checked.plan;
    if (p.plans.empty() || plan.start < p.start) p.start = plan.start;
    if (p.plans.empty() || plan.end > p.end) p.end = plan.end;
    p.plans.push_back(&plan);
    p.year_start = p.plans.size() == 1 || plan.year_start == p.year_start ? plan.year_start : calendar_year_start;
    for (const auto& [id, owner] : checked.owners) p.owners.emplace(id, owner);
  }
  return p;
}

Diagnostics capacity_findings(const PlanSet& set, Date as_of) {
  Portfolio p = portfolio_of(set);
  if (p.plans.empty()) return {};
  std::vector<Period> quarters;
  for (const Plan* plan : p.plans)
    for (const Period& q : periods_between(plan->start, plan->end, HistoryStep::quarter, p.year_start))
      quarters.push_back(q);
  std::sort(quarters.begin(), quarters.end(), [](const Period& a, const Period& b) { return a.start < b.start; });
  quarters.erase(std::unique(quarters.begin(), quarters.end(),
                             [](const Period& a, const Period& b) { return a.start == b.start; }),
                 quarters.end());
  return workload_findings(compute_workload(p.plans, p.owners, as_of, quarters));
}

ShownFindings findings_to_show(const PlanSet& set, Date as_of, FindingsShown which) {
  ShownFindings out;
  out.shown = set.findings();
  if (which == FindingsShown::errors) {
    out.hidden = count_severity(out.shown, Severity::warning) + capacity_findings(set, as_of).size();
    std::erase_if(out.shown, [](const Diagnostic& d) { return d.severity != Severity::error; });
  }
  sort_diagnostics(out.shown);
  out.errors = count_severity(out.shown, Severity::error) > 0;
  return out;
}

}  // namespace bvplan
