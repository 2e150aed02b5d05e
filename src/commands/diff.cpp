// bvplan diff: what changed in the plans between two git revisions.
#include <filesystem>

#include <fmt/format.h>

#include "bvplan/app/diff.hpp"
#include "bvplan/app/revision.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/io/workspace.hpp"

namespace bvplan {

namespace {

using Render = std::string (*)(const PlanDiffs&);
const Choices<Render> formats = {
    {"md", [](const PlanDiffs& d) { return render_diff_markdown(d.diffs, d.from, d.to); }},
    {"json", [](const PlanDiffs& d) { return render_diff_json(d.diffs, d.from, d.to); }},
};

struct DiffOptions {
  std::vector<std::string> args;
  std::string format;
  std::string owners_file;
  size_t max_file_size = default_max_file_bytes;
};

void declare(CLI::App& command, DiffOptions& options) {
  command.add_option("args", options.args, "[REV [REV2]] [PATH...]: revisions first, then plan files or folders")
      ->type_name("ARG");
  add_choice_option(command, "--format", options.format, formats, "md or json");
  add_owners_option(command, options.owners_file);
  add_max_file_size_option(command, options.max_file_size);
}

// Splits the arguments into revisions (at most two, first) and paths; opens the
// repository when an argument must be looked up in it.
void split_args(const std::vector<std::string>& args, DiffRequest& request, std::unique_ptr<GitRepository>& repo) {
  for (const std::string& arg : args) {
    std::error_code ec;
    bool is_path = std::filesystem::exists(arg, ec);
    if (!is_path && request.scope.empty() && request.revisions.size() < 2) {
      if (!repo) repo = GitRepository::open(".");
      if (repo->is_revision(arg)) {
        request.revisions.push_back(arg);
        continue;
      }
      throw Error(fmt::format("'{}' is neither a git revision nor a file or folder{}", arg,
                              repo->shallow() ? "; this is a shallow clone, so older commits are missing: fetch "
                                                "them with git fetch --unshallow"
                                              : ""));
    }
    request.scope.push_back(arg);
  }
  if (request.scope.empty()) request.scope.push_back(".");
}

int run(const DiffOptions& options) {
  DiffRequest request{{}, {}, {}, options.owners_file, options.max_file_size};
  std::unique_ptr<GitRepository> repo;
  split_args(options.args, request, repo);
  bool two_revisions = request.revisions.size() > 1;
  PlanFiles found;
  if (!two_revisions) {
    // The working tree's plans; two revisions' plans come from their trees instead.
    found = collect_plan_files(request.scope);
    report_problems(found.unreadable);
    if (found.files.empty()) {
      if (found.unreadable.empty())
        report_problems({fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(request.scope, ", "))});
      return exit_usage;
    }
    request.files = found.files;
  }
  if (!repo) repo = two_revisions ? GitRepository::open(".") : open_repository(found.files);
  PlanDiffs diffs = diff_revisions(*repo, request, write_err);
  std::string text = choice_of(formats, options.format)(diffs);
  report_register_findings(diffs.registers);
  write_out(text);
  return !found.unreadable.empty() ? exit_usage : diffs.errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_diff(CLI::App& command) { return bind_command<DiffOptions>(command, declare, run); }

}  // namespace bvplan
