// bvplan init: a plans repository (an example plan, owners.yaml, a GitHub workflow and a
// README), written only when none of its files exists yet.
#include <filesystem>

#include <fmt/format.h>

#include "bvplan/app/new_plan.hpp"
#include "bvplan/authoring/skeleton.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/findings.hpp"
#include "bvplan/io/files.hpp"

namespace bvplan {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string folder = ".";
};

void declare(CLI::App& command, InitOptions& options) {
  command.add_option("dir", options.folder, "the folder to set up (created when missing; default: the current folder)")
      ->type_name("DIR")
      ->check(non_empty);
  command.footer(
      "Writes DIR/plans/example.yaml, DIR/owners.yaml, DIR/.github/workflows/bvplan.yml and DIR/README.md;\n"
      "if any of them exists, writes nothing.");
}

// A file of the repository as the user names it: relative to the current folder.
std::string shown_path(const std::string& folder, const std::string& file) {
  if (folder == ".") return file;
  return (fs::path(folder) / file).generic_string();
}

int run(const InitOptions& options) {
  Date today = parse_as_of("");
  std::vector<SkeletonFile> files = repository_skeleton(today);
  std::error_code error;
  if (fs::exists(options.folder, error) && !fs::is_directory(options.folder, error))
    throw Error(fmt::format("'{}' is not a folder", options.folder));

  std::vector<std::string> existing;
  for (const SkeletonFile& file : files) {
    std::string path = shown_path(options.folder, file.path);
    if (fs::exists(fs::symlink_status(path, error))) existing.push_back(path);
  }
  if (!existing.empty()) {
    for (const std::string& path : existing) write_err(fmt::format("bvplan: error: '{}' already exists\n", path));
    write_err(
        "bvplan: error: nothing written: bvplan init does not overwrite files; move them away or choose "
        "another folder\n");
    return exit_usage;
  }

  // The example plan is checked with the register written beside it, as check will read it.
  const SkeletonFile& plan = files[0];
  const SkeletonFile& owners = files[1];
  auto preview = preview_plan(shown_path(options.folder, plan.path), plan.text, today,
                              SourceFile(shown_path(options.folder, owners.path), owners.text));
  if (!preview->findings.empty()) {
    write_err(render_findings_text(preview->findings, [&](const std::string& f) { return preview->source(f); }));
    write_err("bvplan: error: the example plan would not pass 'bvplan check' cleanly; nothing written\n");
    return exit_findings;
  }

  std::string created;
  for (const SkeletonFile& file : files) {
    std::string path = shown_path(options.folder, file.path);
    write_new_file(path, file.text);
    created += fmt::format("created {}\n", escape_control(path));
  }
  std::string plans = shown_path(options.folder, "plans");
  write_out(created + fmt::format("next: run 'bvplan check {}', then start the council's own plan with "
                                  "'bvplan new {}/NAME.yaml' and delete the example; {} says how to "
                                  "set up the GitHub workflow\n",
                                  escape_control(plans), escape_control(plans),
                                  escape_control(shown_path(options.folder, "README.md"))));
  return exit_ok;
}

}  // namespace

Runner declare_init(CLI::App& command) { return bind_command<InitOptions>(command, declare, run); }

}  // namespace bvplan
