#include "bvplan/app/history.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "bvplan/app/revision.hpp"
#include "bvplan/core/parallel.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/findings.hpp"

namespace bvplan {

namespace {

// One plan version to evaluate at one date. First decide which versions to evaluate at
// which dates, then read each distinct version once (blobs from git serially, parsing on
// every core: yaml-cpp's parse is most of the time), then evaluate in order.
struct Evaluation {
  const std::string* file;
  FileVersion version;
  Date as_of;
  std::string key;  // file and blob: the same blob may name different owners elsewhere
};

// The versions of one file to evaluate up to `until`, and the dates to evaluate them at.
// Returns false when the file's first commit comes after every date asked for.
bool add_evaluations(const std::string& file, const std::vector<FileVersion>& versions, const HistoryRequest& request,
                     Date until, unsigned year_start, std::vector<Evaluation>& out) {
  auto add = [&](const FileVersion& v, Date as_of) { out.push_back({&file, v, as_of, file + "\n" + v.blob}); };
  const std::optional<Date>& since = request.since;
  Date first = versions.back().commit.date;
  for (const FileVersion& v : versions) first = std::min(first, v.commit.date);
  if (first > until && (!since || *since <= until)) return false;
  if (request.step == HistoryStep::commit) {
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
      if ((!since || it->commit.date >= *since) && it->commit.date <= until) add(*it, it->commit.date);
    return true;
  }
  for (Date end : period_ends(since ? std::max(*since, first) : first, until, request.step, year_start)) {
    // The plan as committed on or before that day: the newest such version.
    auto it =
        std::find_if(versions.begin(), versions.end(), [&](const FileVersion& v) { return v.commit.date <= end; });
    if (it != versions.end()) add(*it, end);
  }
  return true;
}

struct Parse {
  const Evaluation* first;
  std::string text;
  std::unique_ptr<CheckedPlan> result;
};

// Each distinct version read once and checked, in parallel, into `parsed` (versions
// already there are not read again).
void parse_versions(GitRepository& repo, const std::vector<Evaluation>& evaluations,
                    const std::map<std::string, OwnersRegister>& inherited, size_t max_bytes,
                    const MessageSink& messages, std::map<std::string, Parse>& parsed) {
  Diagnostics too_big;  // versions over --max-file-size: not read
  for (const Evaluation& e : evaluations) {
    auto [it, inserted] = parsed.try_emplace(e.key, Parse{&e, {}, nullptr});
    if (!inserted) continue;
    size_t size = repo.blob_size(e.version.blob);
    if (size > max_bytes) {
      too_big.push_back(too_big_finding(*e.file + "@" + e.version.commit.short_id, size, max_bytes));
      it->second.result = std::make_unique<CheckedPlan>();
      it->second.result->diagnostics.push_back(too_big.back());
      continue;
    }
    it->second.text = repo.read_blob(e.version.blob);
  }
  sort_diagnostics(too_big);
  messages(render_findings_text(too_big, [](const std::string&) { return nullptr; }));
  std::vector<Parse*> work;
  for (auto& [key, parse] : parsed)
    if (!parse.result) work.push_back(&parse);
  // A failure in a worker (out of memory) comes back here and stops the command.
  run_in_parallel(work.size(), std::max(1u, std::thread::hardware_concurrency()), [&](size_t i) {
    const Evaluation& e = *work[i]->first;
    work[i]->result =
        std::make_unique<CheckedPlan>(check_text(std::move(work[i]->text), *e.file + "@" + e.version.commit.short_id,
                                                 inherited.at(*e.file), e.version.commit.date));
  });
}

}  // namespace

HistoryRequest for_plan_year(const HistoryRequest& request, unsigned year_start, const std::string& file) {
  HistoryRequest out = request;
  auto place = [&](const char* name, const std::string& text, const PeriodSpec& spec) {
    if (spec.financial && year_start == calendar_year_start)
      throw Error(
          fmt::format("{} '{}' is a period of a financial year, but the year of '{}' is the calendar year: "
                      "write 'year_start: april' in its owners.yaml (or in the plan) to use financial years "
                      "(see bvplan-plan(5)), or give a calendar period such as {:04}",
                      name, text, file, spec.year));
    std::optional<DateRange> range = period_range(spec, year_start);
    if (!range) throw Error(fmt::format("{} '{}' ends after 9999-12-31", name, text));
    return *range;
  };
  if (request.since_period) out.since = place("--since", request.since_text, *request.since_period).start;
  if (request.until_period) out.until = place("--until", request.until_text, *request.until_period).end;
  return out;
}

PlanHistory read_history(GitRepository& repo, const std::vector<std::string>& files, OwnerRegisters& registers,
                         const HistoryRequest& general, const MessageSink& messages) {
  PlanHistory out;
  std::vector<std::pair<const std::string*, std::vector<FileVersion>>> histories;
  std::map<std::string, OwnersRegister> inherited;
  for (const std::string& file : files) {
    if (file == "-") {
      out.problems.push_back("history reads plans from git, not from standard input");
      continue;
    }
    std::string path = repo.relative_path(file);
    std::vector<FileVersion> versions = repo.file_history(path);
    if (versions.empty()) {
      out.problems.push_back(fmt::format("'{}' has never been committed to git, so it has no history", file));
      continue;
    }
    if (repo.differs_from_head(path))
      messages(fmt::format("bvplan: note: '{}' has changes that are not committed; history uses commits only\n", file));
    inherited[file] = registers.for_plan(file);
    histories.emplace_back(&file, std::move(versions));
  }
  std::map<std::string, Parse> parsed;
  // Without --until each plan's history runs to its end or last update (at most today), as
  // its newest version has them; and that version tells whether --source plan would show
  // what git cannot. Those versions are read first.
  std::vector<Evaluation> newest;
  for (const auto& [file, versions] : histories)
    newest.push_back({file, versions.front(), general.today, *file + "\n" + versions.front().blob});
  parse_versions(repo, newest, inherited, general.max_file_size, messages, parsed);
  std::vector<Evaluation> evaluations;
  for (size_t n = 0; n < histories.size(); ++n) {
    const auto& [file, versions] = histories[n];
    const CheckedPlan& latest = *parsed.at(newest[n].key).result;
    const bool readable = latest.plan && !latest.has_errors();
    const unsigned year_start =
        latest.plan ? latest.plan->year_start : inherited.at(*file).year_start.value_or(calendar_year_start);
    const HistoryRequest request = for_plan_year(general, year_start, *file);
    Date until = general.today;
    if (request.until) {
      until = *request.until;
    } else if (readable) {
      until = history_end(*latest.plan, request.today);
    }
    Date first = versions.back().commit.date;
    for (const FileVersion& v : versions) first = std::min(first, v.commit.date);
    // --source plan helps when the plan (as last committed) has a date of its own from its
    // start to before `first`.
    const std::vector<Date> own = readable ? plan_dates(*latest.plan, request, until) : std::vector<Date>{};
    const bool helps =
        std::any_of(own.begin(), own.end(), [&](Date d) { return d >= latest.plan->start && d < first; });
    const std::string advice = helps ? "; for the trend its own dated updates record, use --source plan" : "";
    if (!add_evaluations(*file, versions, request, until, year_start, evaluations)) {
      out.late.push_back(*file);
      std::string why;
      if (!helps && readable && until < latest.plan->start)
        why = fmt::format(", and the plan starts on {}, so its own updates give no trend then either",
                          to_iso(latest.plan->start));
      messages(
          fmt::format("bvplan: note: '{}' was first committed to git on {}, after the last date asked for "
                      "({}), so git holds no version of it then{}{}\n",
                      *file, to_iso(first), to_iso(until), why, advice));
    } else if (request.since && *request.since < first && *request.since <= until &&
               request.step != HistoryStep::commit &&
               period_ends(*request.since, until, request.step, year_start).front() < first) {
      // Some of the periods asked for end before the plan was in git: they have no point.
      messages(
          fmt::format("bvplan: note: '{}' was first committed to git on {}, so the periods before then have no "
                      "point{}\n",
                      *file, to_iso(first), advice));
    }
  }
  parse_versions(repo, evaluations, inherited, general.max_file_size, messages, parsed);
  std::set<std::string> reported;
  for (const Evaluation& e : evaluations) {
    const CheckedPlan& plan = *parsed.at(e.key).result;
    if (!plan.plan || plan.has_errors()) {
      if (reported.insert(e.key).second)
        messages(fmt::format("bvplan: warning: skipping '{}' as committed in {} ({}): it has {} error(s) there\n",
                             *e.file, e.version.commit.short_id, to_iso(e.version.commit.date),
                             count_severity(plan.diagnostics, Severity::error)));
      continue;
    }
    PlanFigures figures =
        compute_plan(*plan.plan, e.as_of, cadence_window(shortest_cadence(*plan.plan), e.as_of), &plan.owners);
    out.points.push_back(history_point(figures, e.version.commit.short_id));
    if (general.step == HistoryStep::quarter) out.points.back().period = financial_quarter_ending(*plan.plan, e.as_of);
  }
  std::stable_sort(out.points.begin(), out.points.end(),
                   [](const HistoryPoint& a, const HistoryPoint& b) { return a.date < b.date; });
  return out;
}

std::vector<Date> plan_dates(const Plan& plan, const HistoryRequest& request, Date until) {
  std::vector<Date> dates;
  if (request.step == HistoryStep::commit) {
    for (const KeyIssue& issue : plan.issues)
      for (const Action& action : issue.actions)
        for (const Update& u : action.updates)
          if ((!request.since || u.date >= *request.since) && u.date <= until) dates.push_back(u.date);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
  }
  const Date from = request.since.value_or(plan.start);
  if (from > until) return dates;
  return period_ends(from, until, request.step, plan.year_start);
}

PlanHistory plan_history(const std::vector<NamedPlan>& plans, const HistoryRequest& general,
                         const MessageSink& messages) {
  PlanHistory out;
  for (const NamedPlan& named : plans) {
    const CheckedPlan* checked = named.plan;
    if (!checked->plan || checked->has_errors()) continue;
    const Plan& plan = *checked->plan;
    const HistoryRequest request = for_plan_year(general, plan.year_start, named.file);
    const Date until = request.until.value_or(history_end(plan, request.today));
    const std::vector<Date> dates = plan_dates(plan, request, until);
    if (dates.empty()) {
      out.empty.push_back(named.file);
      const Date from = request.since.value_or(plan.start);
      if (until < plan.start)
        messages(
            fmt::format("bvplan: note: '{}' starts on {}, after the last date asked for ({}), so no period of "
                        "it ends by then; there is nothing to show for it\n",
                        named.file, to_iso(plan.start), to_iso(until)));
      else if (from > until)
        messages(
            fmt::format("bvplan: note: '{}' has nothing to show from {}: its history ends on {} (give "
                        "--since on or before that date)\n",
                        named.file, to_iso(from), to_iso(until)));
      else if (request.step == HistoryStep::commit)
        messages(
            fmt::format("bvplan: note: '{}' records no update dated from {} to {}, so there is nothing to "
                        "show for it\n",
                        named.file, to_iso(from), to_iso(until)));
      else
        messages(fmt::format("bvplan: note: no {} of '{}' ends from {} to {}, so there is nothing to show for it\n",
                             request.step == HistoryStep::month ? "month" : "quarter", named.file, to_iso(from),
                             to_iso(until)));
      continue;
    }
    for (Date as_of : dates) {
      out.points.push_back(history_point(
          compute_plan(plan, as_of, cadence_window(shortest_cadence(plan), as_of), &checked->owners), ""));
      if (request.step == HistoryStep::quarter) out.points.back().period = financial_quarter_ending(plan, as_of);
    }
  }
  std::stable_sort(out.points.begin(), out.points.end(),
                   [](const HistoryPoint& a, const HistoryPoint& b) { return a.date < b.date; });
  return out;
}

}  // namespace bvplan
