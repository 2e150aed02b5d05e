// The only place, with the other files of src/commands/, that includes CLI11.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/core/version.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/yaml/version.hpp"

namespace bvplan {

// Each defined in src/commands/NAME.cpp.
Runner declare_init(CLI::App& command);
Runner declare_new(CLI::App& command);
Runner declare_check(CLI::App& command);
Runner declare_status(CLI::App& command);
Runner declare_report(CLI::App& command);
Runner declare_explain(CLI::App& command);
Runner declare_history(CLI::App& command);
Runner declare_diff(CLI::App& command);
Runner declare_workload(CLI::App& command);
Runner declare_savings(CLI::App& command);
Runner declare_calendar(CLI::App& command);
Runner declare_update(CLI::App& command);
Runner declare_import(CLI::App& command);
Runner declare_schema(CLI::App& command);
Runner declare_completion(CLI::App& command);

namespace {

// "bvplan 0.1.0" and the libraries it was built with, as a bug report needs them.
std::string version_text() {
  return fmt::format("bvplan {}\nbuilt with yaml-cpp {}, libgit2 {}, fmt {}", bvplan_version(), yaml_cpp_version(),
                     libgit2_version(), fmt_version());
}

const Command table[] = {
    {"init", "set up a plans repository: an example plan, owners.yaml, a GitHub workflow, a README", declare_init},
    {"new", "write a new plan file with comments, one key issue and one action to copy", declare_new},
    {"import", "a spreadsheet of actions (CSV) turned into a plan that passes check", declare_import},
    {"update", "add a progress update, a milestone's date, a measure's actual or a risk review to its plan, in place",
     declare_update},
    {"check", "validate plans: format, dates, owners, dependencies, budgets and progress", declare_check},
    {"status", "a compact progress table per plan: target, actual, RAG, days late", declare_status},
    {"report", "the committee paper (Markdown for pandoc), CSV for spreadsheets, or JSON for scripts", declare_report},
    {"explain", "every figure for one action, key issue, measure or plan, with the numbers that produced it",
     declare_explain},
    {"history", "each plan's progress over time, read from its git history", declare_history},
    {"diff", "what changed in the plans between two git revisions (default: HEAD and the working tree)", declare_diff},
    {"workload", "actions led and supported and days of effort per owner and period, against capacity",
     declare_workload},
    {"savings", "financial benefits per plan (or per year) and in total: target, expected, delivered, with RAG",
     declare_savings},
    {"calendar", "every progress report due to each monitoring body, from the plans' monitoring lists",
     declare_calendar},
    {"schema", "the JSON Schema of plan files or owners registers, for editors to check plans as they are typed",
     declare_schema},
    {"completion", "print the shell completion script for bash, zsh or fish (commands, options, files, revisions, ids)",
     declare_completion},
};

// An unknown first word is a mistyped command, not a missing one: says which, and the
// nearest command (CLI11 would say "A subcommand is required"). Returns whether it was.
bool unknown_command(int argc, char** argv) {
  if (argc <= 1 || argv[1][0] == '-') return false;
  std::vector<std::string> names;
  for (const Command& command : commands()) names.push_back(command.name);
  if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return false;
  std::string hint = did_you_mean(argv[1], names);
  write_err(fmt::format("bvplan: error: unknown command '{}'{}\n", argv[1],
                        hint.empty() ? fmt::format("; the commands are {}", fmt::join(names, ", ")) : hint));
  write_err("bvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n");
  return true;
}

int run_command(int argc, char** argv) {
  CLI::App app{"bvplan: Best Value improvement plans as YAML in git, checked and reported", "bvplan"};
  app.set_version_flag("--version", version_text());
  app.require_subcommand(1);
  app.fallthrough();
  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners.emplace_back(sub, command.declare(*sub));
  }
  if (unknown_command(argc, argv)) return exit_usage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 100-127; bvplan's usage errors are 2, in its own words.
    write_err(
        fmt::format("bvplan: error: {}\nbvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n", e.what()));
    return exit_usage;
  }
  try {
    for (const auto& [sub, runner] : runners)
      if (app.got_subcommand(sub)) return runner();
  } catch (const Error& e) {
    write_err(fmt::format("bvplan: error: {}\n", escape_control(e.what())));
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace

std::span<const Command> commands() { return table; }

int run(int argc, char** argv) {
  // Nothing escapes: an exception of any kind (out of memory, a file system failure, a
  // worker thread's failure brought back) ends in one line and exit 2, never an abort.
  try {
    return run_command(argc, argv);
  } catch (...) {
    std::string what = describe_stop(std::current_exception());
    std::fputs("bvplan: error: ", stderr);
    std::fputs(what.c_str(), stderr);
    std::fputs("\n", stderr);
    return exit_usage;
  }
}

}  // namespace bvplan
