// A set of plans named on the command line, loaded and validated with their owners
// registers, and what the commands work out from the set as a whole.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bvplan/app/check.hpp"
#include "bvplan/app/owner_registers.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/period.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/io/workspace.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// Receives what a command says on standard error while the application works (notes,
// warnings, findings about files read from git), in order and as it happens: a later
// failure must not swallow what was already said.
using MessageSink = std::function<void(const std::string& text)>;

// Where plans come from: paths (files, folders, "-" for standard input), an explicit
// owners register, the name for standard input, and the size limit for every file read.
struct PlanInputs {
  std::vector<std::string> paths;  // empty: the current folder
  std::string owners_file;
  std::string stdin_filename = "<stdin>";
  size_t max_file_size = default_max_file_bytes;
};

// Every plan named, loaded and validated, with the sources kept for excerpts.
// `problems` are failures of the invocation itself (a path that is not there).
struct PlanSet {
  Date as_of;                      // the date the plans were checked as of
  std::vector<std::string> files;  // as shown in messages (--stdin-filename for standard input)
  std::vector<std::string> paths;  // as read: a file's path, or "-" for standard input
  std::vector<SourceFile> sources;
  std::vector<CheckedPlan> plans;
  Diagnostics register_diagnostics;
  std::vector<std::string> problems;
  OwnerRegisters registers{default_max_file_bytes};

  // A file's text, plan or register; nullptr when it was not read.
  const SourceFile* source(const std::string& file) const;
  // Every file read: plans and owners registers (never to be overwritten by -o).
  std::vector<std::string> inputs() const;
  // The findings of every plan and register, unsorted.
  Diagnostics findings() const;
};

// Reads and checks every plan in `inputs` as of `as_of`. Throws Error when the explicit
// owners register cannot be read.
std::unique_ptr<PlanSet> load_plan_set(const PlanInputs& inputs, Date as_of);
// The same, checked as of the date `as_of_for` gives once every plan is read (and before
// any is validated): a financial period ends where the plans' year start puts it. What
// `as_of_for` throws stops the load.
using AsOfFor = std::function<Date(const PlanSet& read)>;
std::unique_ptr<PlanSet> load_plan_set(const PlanInputs& inputs, const AsOfFor& as_of_for);

// The month the plans' years start in (Plan::year_start): the first plan's; `other` names
// a plan whose year starts in another month, when one does.
struct SetYearStart {
  unsigned month = calendar_year_start;
  std::string first;
  std::string other;
  unsigned other_month = calendar_year_start;
  bool mixed() const { return !other.empty(); }
};
SetYearStart year_start_of(const PlanSet& set);
// The same over `plans`, named by `files` (a null plan is left out).
SetYearStart year_start_of(const std::vector<std::string>& files, const std::vector<const Plan*>& plans);

// Plans without errors, every owner they may name (first declaration wins), and the
// span of their periods: what the portfolio commands work on.
struct Portfolio {
  std::vector<const Plan*> plans;
  Owners owners;
  Date start, end;
  // The month the plans' years start in when they agree; January (calendar periods) when
  // they do not.
  unsigned year_start = calendar_year_start;
};
Portfolio portfolio_of(const PlanSet& set);

// over-capacity across every plan given, by quarter over each plan's period: only the
// quarters some plan covers, so plans centuries apart do not cost every quarter between.
Diagnostics capacity_findings(const PlanSet& set, Date as_of);

// Which findings a reporting command shows: all of them (status, report, explain), or
// only the errors that keep a plan out of it (the portfolio commands, whose readers want
// the table, not pages of warnings) plus a count of the rest.
enum class FindingsShown { all, errors };

struct ShownFindings {
  Diagnostics shown;  // sorted
  size_t hidden = 0;  // warnings left out, over-capacity included: what `check` would add
  bool errors = false;
};
ShownFindings findings_to_show(const PlanSet& set, Date as_of, FindingsShown which);

}  // namespace bvplan
