// bvplan completion: a shell completion script, written from the table of commands as
// CLI11 holds it (CLI11 has no completion of its own).
#include <algorithm>

#include <fmt/format.h>

#include "bvplan/app/plan_ids.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/completion.hpp"
#include "bvplan/io/files.hpp"

namespace bvplan {

namespace {

const std::vector<std::string> shells = {"bash", "zsh", "fish"};

struct CompletionCommandOptions {
  std::string shell;
  std::vector<std::string> paths;    // after --ids
  const CLI::Option* ids = nullptr;  // --ids [PATH...], given or not
  std::string for_command;           // --for COMMAND: only the ids it takes
  size_t max_file_size = default_max_file_bytes;
};

// What a value is, from the type name the command gave it ("FILE", "REV": what --help
// shows) and, for the few that need it, the option's name.
CompletionValue value_of(const CLI::Option& option) {
  if (option.get_expected_max() == 0) return CompletionValue::none;
  if (!choices_of(&option).empty()) return CompletionValue::choice;
  std::string type = option.get_type_name();
  type = type.substr(0, type.find(':'));
  // An owners register is YAML, like a plan.
  if (option.get_name() == "--owners") return CompletionValue::plan;
  if (type == "PATH") return CompletionValue::plan;
  if (type == "FILE" || type.rfind("FILE.", 0) == 0) return CompletionValue::file;
  if (type == "DIR") return CompletionValue::folder;
  if (type == "REV") return CompletionValue::revision;
  // The id explain and update look up (--id of new and import names a new one).
  if (type == "ID" && !option.nonpositional()) return CompletionValue::id;
  return CompletionValue::text;
}

bool hidden(const CLI::Option& option) { return option.get_group().empty(); }

CompletionOption option_of(const CLI::Option& option) {
  CompletionOption out;
  for (const std::string& name : option.get_snames()) out.names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) out.names.push_back("--" + name);
  out.help = option.get_description();
  out.value = value_of(option);
  out.choices = choices_of(&option);
  out.repeats = option.get_expected_max() > 0 && option.get_items_expected_max() > 1;
  return out;
}

std::vector<CompletionPositional> positionals_of(const CLI::App& command) {
  std::vector<CompletionPositional> out;
  for (const CLI::Option* option : command.get_options()) {
    if (option->nonpositional() || hidden(*option)) continue;
    CompletionPositional positional{option->get_description(), value_of(*option), choices_of(option),
                                    option->get_items_expected_max() > 1};
    if (option->get_type_name() == "ARG") {
      // diff's arguments: up to two revisions first, then plan files or folders.
      CompletionPositional first{positional.help, CompletionValue::revision_or_plan, {}, false};
      out.push_back(first);
      out.push_back(first);
      positional.value = CompletionValue::plan;
    }
    out.push_back(positional);
  }
  return out;
}

CompletionModel model_of(const CLI::App& app) {
  CompletionModel model;
  model.program = app.get_name();
  for (const CLI::Option* option : app.get_options())
    if (option->nonpositional() && !hidden(*option)) model.options.push_back(option_of(*option));
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;
    CompletionCommand command{sub->get_name(), sub->get_description(), {}, positionals_of(*sub)};
    for (const CLI::Option* option : sub->get_options())
      if (option->nonpositional() && !hidden(*option)) command.options.push_back(option_of(*option));
    model.commands.push_back(std::move(command));
  }
  return model;
}

void declare(CLI::App& command, CompletionCommandOptions& options) {
  CLI::Option* shell = command.add_option("shell", options.shell, "bash, zsh or fish")->type_name("SHELL");
  remember_choices(shell, shells);
  // `completion --ids [PATH...]`: what the scripts run to offer ids; not for people.
  options.ids =
      command.add_option("--ids", options.paths)->expected(0, CLI::detail::expected_max_vector_size)->group("");
  command.add_option("--for", options.for_command)->group("");
  command.footer(
      "Load it in the shell you are in (source <(bvplan completion bash), or\n"
      "source <(bvplan completion zsh) after compinit, or bvplan completion fish | source),\n"
      "or save it where the shell looks: the package installs all three (see bvplan(1), FILES).");
}

// Every id in the plans named (the shell script passes none: the current folder), one a
// line. Completion is never interrupted by a message: failures print nothing.
int print_ids(const CompletionCommandOptions& options) {
  // CLI11 gives "--ids" alone as one empty value.
  std::vector<std::string> paths;
  for (const std::string& path : options.paths)
    if (!path.empty()) paths.push_back(path);
  if (!options.shell.empty()) paths.push_back(options.shell);
  try {
    std::string text;
    // explain looks up no milestone; update adds to no key issue or plan.
    IdKinds kinds;
    if (options.for_command == "explain") kinds.milestones = false;
    if (options.for_command == "update") kinds.plan = kinds.issues = false;
    for (const std::string& id : ids_in_plans(paths, options.max_file_size, kinds)) text += id + "\n";
    write_out(text);
  } catch (...) {}
  return exit_ok;
}

int run(const CLI::App& app, const CompletionCommandOptions& options) {
  if (options.ids->count() > 0) return print_ids(options);
  if (std::find(shells.begin(), shells.end(), options.shell) == shells.end()) {
    std::string problem = options.shell.empty()
                              ? std::string("name a shell: bash, zsh or fish")
                              : fmt::format("no completion for the shell '{}'{}; the shells are bash, zsh and fish",
                                            options.shell, did_you_mean(options.shell, shells));
    write_err(fmt::format("bvplan: error: {}\nbvplan: run 'bvplan completion --help' for usage\n", problem));
    return exit_usage;
  }
  CompletionModel model = model_of(app);
  if (options.shell == "bash") write_out(render_completion_bash(model));
  if (options.shell == "zsh") write_out(render_completion_zsh(model));
  if (options.shell == "fish") write_out(render_completion_fish(model));
  return exit_ok;
}

}  // namespace

Runner declare_completion(CLI::App& command) {
  auto options = std::make_shared<CompletionCommandOptions>();
  declare(command, *options);
  const CLI::App* app = command.get_parent();
  return [options, app] { return run(*app, *options); };
}

}  // namespace bvplan
