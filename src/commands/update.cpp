// bvplan update: a progress update, a milestone met, a measure's actual or a risk review
// written into the plan that holds the id, in place, checked before anything is written.
#include <fmt/format.h>

#include <cstdlib>
#include <functional>
#include <optional>

#include "bvplan/app/update.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/findings.hpp"
#include "bvplan/formats/text.hpp"
#include "bvplan/formats/update.hpp"
#include "bvplan/io/files.hpp"
#include "bvplan/io/terminal.hpp"
#include "bvplan/io/workspace.hpp"
#include "bvplan/model/risk.hpp"

namespace bvplan {

namespace {

using Value = std::optional<std::string>;

std::string trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(start, end + 1 - start));
}

struct UpdateOptions {
  std::string id;
  PlanInputs plans;
  Value date;
  // An action's update.
  Value complete, completed, summary, remedy, benefits, next, changes, spent, staff_days, savings;
  // A milestone met.
  Value done;
  // A measure's actual (note also for a risk review).
  Value value, note;
  // A risk review.
  Value likelihood, impact;
  bool dry_run = false;
};

// How each field is written and which kind of item takes it: one row per option.
enum class Kind { date, number, percent, whole, text };
struct Field {
  const char* key;     // in the plan
  const char* option;  // on the command line
  Value UpdateOptions::*value;
  Kind kind;
  ItemKind item;
  const char* help;
};

const Field fields[] = {
    {"complete", "--complete", &UpdateOptions::complete, Kind::percent, ItemKind::action,
     "percent complete (0-100); default: the latest update's"},
    {"completed", "--completed", &UpdateOptions::completed, Kind::date, ItemKind::action,
     "the date the work was finished (with --complete 100)"},
    {"spent", "--spent", &UpdateOptions::spent, Kind::number, ItemKind::action, "money spent to date"},
    {"staff_days", "--staff-days", &UpdateOptions::staff_days, Kind::number, ItemKind::action,
     "staff days logged to date"},
    {"savings", "--savings", &UpdateOptions::savings, Kind::number, ItemKind::action, "savings delivered to date"},
    {"summary", "--summary", &UpdateOptions::summary, Kind::text, ItemKind::action, "progress this period"},
    {"remedy", "--remedy", &UpdateOptions::remedy, Kind::text, ItemKind::action,
     "remedial action where progress is behind"},
    {"benefits", "--benefits", &UpdateOptions::benefits, Kind::text, ItemKind::action, "benefits achieved"},
    {"next", "--next", &UpdateOptions::next, Kind::text, ItemKind::action, "what happens next"},
    {"changes", "--changes", &UpdateOptions::changes, Kind::text, ItemKind::action, "changes to the plan"},
    {"done", "--done", &UpdateOptions::done, Kind::date, ItemKind::milestone, "the date a milestone was met"},
    {"value", "--value", &UpdateOptions::value, Kind::number, ItemKind::measure, "a measure's actual value"},
    {"likelihood", "--likelihood", &UpdateOptions::likelihood, Kind::whole, ItemKind::risk,
     "a risk's likelihood now (1-5); default: its current rating's"},
    {"impact", "--impact", &UpdateOptions::impact, Kind::whole, ItemKind::risk,
     "a risk's impact now (1-5); default: its current rating's"},
    {"note", "--note", &UpdateOptions::note, Kind::text, ItemKind::measure,
     "a note on a measure's actual or a risk review"},
};

const char* kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::action: return "an action";
    case ItemKind::milestone: return "a milestone";
    case ItemKind::measure: return "an outcome measure";
    case ItemKind::risk: return "a risk";
  }
  return "";
}

bool takes(const Field& field, ItemKind item) {
  if (field.value == &UpdateOptions::note) return item == ItemKind::measure || item == ItemKind::risk;
  return field.item == item;
}

void declare(CLI::App& command, UpdateOptions& options) {
  command.add_option("id", options.id, "the id of an action, milestone, outcome measure or risk")
      ->required()
      ->type_name("ID");
  command.add_option("paths", options.plans.paths, "plan files or folders to look in (default: the current folder)")
      ->type_name("PATH");
  command.add_option("--date", options.date, "the date of the update; default today, or SOURCE_DATE_EPOCH when set")
      ->type_name("DATE");
  for (const Field& field : fields)
    command.add_option(field.option, options.*field.value, field.help)
        ->type_name(field.kind == Kind::text   ? "TEXT"
                    : field.kind == Kind::date ? "DATE"
                                               : "N");
  command.add_flag("--dry-run", options.dry_run, "print the change as a diff and write nothing");
  add_owners_option(command, options.plans.owners_file);
  add_max_file_size_option(command, options.plans.max_file_size);
}

// A number as the plan writes it: digits with an optional sign and decimal point; "60%",
// "£1,200" and "1 200" are taken too. nullopt when it is not a number.
std::optional<std::string> plain_number(std::string text, Kind kind) {
  std::string out;
  size_t i = 0;
  if (text.rfind("\xC2\xA3", 0) == 0) i = 2;  // £
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',' || c == ' ') continue;
    if (c == '%' && kind == Kind::percent && i + 1 == text.size()) break;
    out += c;
  }
  size_t k = out.size() > 0 && out[0] == '-' ? 1 : 0;
  size_t digits = 0, points = 0;
  for (size_t j = k; j < out.size(); ++j) {
    if (out[j] >= '0' && out[j] <= '9')
      ++digits;
    else if (out[j] == '.' && points == 0 && j > k && j + 1 < out.size())
      ++points;
    else
      return std::nullopt;
  }
  if (digits == 0 || (kind == Kind::whole && points)) return std::nullopt;
  return out;
}

// The value of `field` as YAML, or the reason it cannot be one.
std::optional<std::string> field_value(const Field& field, const std::string& text, std::string& reason) {
  switch (field.kind) {
    case Kind::text:
      if (text.empty()) reason = "is empty";
      return text.empty() ? std::nullopt : std::optional<std::string>(text);
    case Kind::date:
      if (parse_date(text)) return text;
      reason = "wants a date written YYYY-MM-DD";
      return std::nullopt;
    default:
      if (auto n = plain_number(text, field.kind)) return n;
      reason = field.kind == Kind::whole ? "wants a whole number" : "wants a number";
      return std::nullopt;
  }
}

// The latest update, actual or review: where the interactive mode takes its defaults.
struct Latest {
  const Update* update = nullptr;
  std::optional<RiskRating> rating;
  std::optional<Date> date;  // of the latest entry: a new one must come after it
};

// What is wrong with a value the plan would refuse (complete over 100, a likelihood of
// 6), for the interactive mode to ask again; "" when nothing.
std::string range_problem(const Field& field, const std::string& value) {
  double n = std::strtod(value.c_str(), nullptr);
  if (field.kind == Kind::percent && (n < 0 || n > 100)) return "must be from 0 to 100";
  if (field.kind == Kind::whole && (n < 1 || n > 5)) return "must be from 1 to 5";
  return "";
}

// An entry's date must not be after today (updates record what has happened: a year
// mistyped as 2040 would block every later update), nor before the action started or,
// for a risk, the plan began.
std::string date_problem(const UpdateTarget& target, Date date, Date today) {
  if (date > today) return fmt::format("is after today, {}: an entry records what has happened", to_iso(today));
  if (target.action && date < target.action->start)
    return fmt::format("is before action '{}' starts, on {}", target.action->id, to_iso(target.action->start));
  if (target.kind == ItemKind::risk && date < target.plan_model().start)
    return fmt::format("is before the plan starts, on {}", to_iso(target.plan_model().start));
  return "";
}

std::string number_text(double value) { return format_number(value); }

std::optional<std::string> default_of(const Field& field, const UpdateTarget& target, const Latest& latest) {
  const Update* u = latest.update;
  if (field.value == &UpdateOptions::complete) return u ? number_text(u->complete) : "0";
  if (field.value == &UpdateOptions::likelihood && latest.rating) return std::to_string(latest.rating->likelihood);
  if (field.value == &UpdateOptions::impact && latest.rating) return std::to_string(latest.rating->impact);
  if (field.value == &UpdateOptions::done) return std::nullopt;
  (void)target;
  if (!u) return std::nullopt;
  if (field.value == &UpdateOptions::spent && u->spent) return number_text(*u->spent);
  if (field.value == &UpdateOptions::staff_days && u->staff_days) return number_text(*u->staff_days);
  if (field.value == &UpdateOptions::savings && u->savings) return number_text(*u->savings);
  auto text = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  if (field.value == &UpdateOptions::summary) return text(u->summary);
  if (field.value == &UpdateOptions::remedy) return text(u->remedy);
  if (field.value == &UpdateOptions::benefits) return text(u->benefits);
  if (field.value == &UpdateOptions::next) return text(u->next);
  if (field.value == &UpdateOptions::changes) return text(u->changes);
  return std::nullopt;
}

Latest latest_of(const UpdateTarget& target) {
  Latest latest;
  if (target.kind == ItemKind::action && !target.action->updates.empty()) {
    latest.update = &target.action->updates.back();
    latest.date = latest.update->date;
  }
  if (target.kind == ItemKind::measure && !target.measure->actuals.empty())
    latest.date = target.measure->actuals.back().date;
  if (target.kind == ItemKind::risk) {
    const Risk& r = *target.risk;
    latest.rating = r.reviews.empty() ? r.inherent : r.reviews.back().rating;
    if (!r.reviews.empty()) latest.date = r.reviews.back().date;
  }
  return latest;
}

// Asks for each field the item takes, the latest values as defaults: Enter keeps, '-'
// clears. False at end of input.
bool ask_fields(UpdateOptions& options, const UpdateTarget& target, const Latest& latest, Date today) {
  std::string_view kind = kind_name(target.kind);
  kind.remove_prefix(kind.find(' ') + 1);  // "an action" -> "action"
  write_err(fmt::format("Updating {} '{}' in {} (Enter keeps the value in brackets, '-' clears it)\n", kind, options.id,
                        target.file()));
  auto ask = [&](const char* label, Value& into, const std::optional<std::string>& fallback,
                 const std::function<std::optional<std::string>(const std::string&, std::string&)>& check) {
    while (true) {
      std::string prompt =
          fallback ? fmt::format("{} [{}]: ", label, escape_control(*fallback)) : fmt::format("{}: ", label);
      std::optional<std::string> line = ask_line(prompt);
      if (!line) return false;
      std::string answer = trim(*line);
      if (answer.empty()) {
        into = fallback;
        return true;
      }
      if (answer == "-") {
        into.reset();
        return true;
      }
      std::string reason;
      if (auto value = check(answer, reason)) {
        into = *value;
        return true;
      }
      write_err(fmt::format("  {} {}\n", label, reason));
    }
  };
  auto date_check = [&](const std::string& text, std::string& reason) -> std::optional<std::string> {
    std::optional<Date> date = parse_date(text);
    if (!date) {
      reason = "wants a date written YYYY-MM-DD";
      return std::nullopt;
    }
    reason = date_problem(target, *date, today);
    if (reason.empty() && latest.date && *date <= *latest.date)
      reason = fmt::format("must be after the latest entry's date, {}", to_iso(*latest.date));
    return reason.empty() ? std::optional<std::string>(text) : std::nullopt;
  };
  if (target.kind != ItemKind::milestone && !ask("date", options.date, to_iso(today), date_check)) return false;
  for (const Field& field : fields) {
    if (!takes(field, target.kind)) continue;
    if (field.value == &UpdateOptions::completed && options.complete != "100") continue;
    std::optional<std::string> fallback = default_of(field, target, latest);
    if (field.value == &UpdateOptions::done) fallback = to_iso(today);
    bool required = field.value == &UpdateOptions::value || field.value == &UpdateOptions::complete ||
                    field.value == &UpdateOptions::likelihood || field.value == &UpdateOptions::impact ||
                    field.value == &UpdateOptions::done;
    auto check = [&](const std::string& text, std::string& reason) {
      std::optional<std::string> value = field_value(field, text, reason);
      if (value) reason = range_problem(field, *value);
      if (value && reason.empty() && field.kind == Kind::date)
        reason = date_problem(target, *parse_date(*value), today);
      return reason.empty() ? value : std::nullopt;
    };
    if (!ask(field.key, options.*field.value, fallback, check)) return false;
    while (required && !(options.*field.value)) {
      write_err(fmt::format("  {} is needed\n", field.key));
      if (!ask(field.key, options.*field.value, fallback, check)) return false;
    }
  }
  return true;
}

bool any_value(const UpdateOptions& options) {
  if (options.date) return true;
  for (const Field& field : fields)
    if (options.*field.value) return true;
  return false;
}

int run(const UpdateOptions& given) {
  UpdateOptions options = given;
  Date today = bvplan::today();
  UpdateTarget target = find_update_target(options.plans, options.id, today);
  Latest latest = latest_of(target);
  bool interactive = !any_value(options) && interactive_terminal();
  if (!any_value(options) && !interactive)
    throw Error(
        fmt::format("nothing to write for '{}': give the values (such as --complete and --summary for an "
                    "action, --done for a milestone), or run on a terminal to be asked for them",
                    options.id));
  if (interactive && !ask_fields(options, target, latest, today)) {
    write_err("\nbvplan: nothing written\n");
    return exit_findings;
  }

  // Every option given must suit the item; a milestone takes only --done.
  for (const Field& field : fields)
    if (options.*field.value && !takes(field, target.kind))
      throw Error(
          fmt::format("{} is for {}; '{}' is {}", field.option,
                      field.value == &UpdateOptions::note ? "an outcome measure or a risk" : kind_name(field.item),
                      options.id, kind_name(target.kind)));
  if (target.kind == ItemKind::milestone && options.date)
    throw Error(fmt::format("--date is not for a milestone: give the date it was met with --done"));

  std::vector<EntryField> entry;
  Date date = options.date ? parse_date_option("--date", *options.date) : today;
  if (target.kind != ItemKind::milestone) entry.push_back({"date", to_iso(date)});
  for (const Field& field : fields) {
    if (!takes(field, target.kind)) continue;
    Value value = options.*field.value;
    if (!value && !interactive) {
      // Required by the plan's format: carried forward from the latest entry.
      if (field.value == &UpdateOptions::complete || field.value == &UpdateOptions::likelihood ||
          field.value == &UpdateOptions::impact)
        value = default_of(field, target, latest);
    }
    if (!value) continue;
    std::string reason;
    std::optional<std::string> spelled = field_value(field, *value, reason);
    if (!spelled) throw Error(fmt::format("{} {} (got '{}')", field.option, reason, *value));
    entry.push_back({field.key, *spelled, field.kind == Kind::text});
  }
  if (target.kind == ItemKind::milestone) {
    if (!options.done) throw Error("a milestone takes --done DATE, the date it was met");
    date = parse_date_option("--done", *options.done);
  }
  if (std::string problem = date_problem(target, date, today); !problem.empty())
    throw Error(
        fmt::format("{} {} {}", target.kind == ItemKind::milestone ? "--done" : "--date", to_iso(date), problem));
  if (target.kind == ItemKind::measure && !options.value)
    throw Error(fmt::format("'{}' is an outcome measure: give its actual with --value N", options.id));

  UpdateOutcome outcome = apply_update(target, entry, today);
  const PlanSet& set = *target.set;
  SourceFile after{target.file(), outcome.after.substr(outcome.after.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0)};
  auto sources = [&](const std::string& file) -> const SourceFile* {
    return file == target.file() ? &after : set.source(file);
  };
  if (outcome.refused) {
    write_err(render_findings_text(outcome.added, sources));
    write_err(fmt::format("bvplan: nothing written to {}: the update would add {} (lines as the file would read)\n",
                          target.file(), plural(count_severity(outcome.added, Severity::error), "error")));
    return exit_findings;
  }
  std::string diff = unified_diff(outcome.before, outcome.after, target.file());
  if (interactive) {
    write_err(diff);
    std::optional<std::string> answer = ask_line(fmt::format("Write this to {}? [y/N] ", target.file()));
    if (!answer || (trim(*answer) != "y" && trim(*answer) != "Y" && trim(*answer) != "yes")) {
      write_err("bvplan: nothing written\n");
      return exit_findings;
    }
  }
  if (!outcome.added.empty()) write_err(render_findings_text(outcome.added, sources));
  if (options.dry_run) {
    write_out(diff);
    return exit_ok;
  }
  rewrite_file(set.paths[target.plan], outcome.after);
  const Plan& plan = *outcome.plan;
  PlanFigures figures = compute_plan(plan, date, cadence_window(shortest_cadence(plan), date), &outcome.owners);
  std::string what = target.kind == ItemKind::milestone ? "done date"
                     : target.kind == ItemKind::measure ? "actual"
                     : target.kind == ItemKind::risk    ? "review"
                                                        : "update";
  std::string was = target.milestone && target.milestone->done && *target.milestone->done != date
                        ? fmt::format(" (it was {})", to_long(*target.milestone->done))
                        : "";
  write_out(fmt::format("Wrote the {} of {} for '{}' to {}{}.\n", what, to_long(date), escape_control(options.id),
                        escape_control(target.file()), was));
  write_out(update_consequence(figures, target.kind, options.id));
  return exit_ok;
}

}  // namespace

Runner declare_update(CLI::App& command) { return bind_command<UpdateOptions>(command, declare, run); }

}  // namespace bvplan
