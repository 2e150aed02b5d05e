// Shell completion scripts (bash, zsh, fish) written from a plain model of the command
// line, which `commands/completion` builds from the table of commands.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bvplan {

// What an option's or argument's value is, so the shell knows what to offer.
enum class CompletionValue {
  none,              // a flag: takes no value
  text,              // free text (a date, a title): nothing to offer
  choice,            // one of a fixed list
  plan,              // a plan file or folder: *.yaml, *.yml and folders only
  file,              // any file
  folder,            // a folder
  revision,          // a git revision: HEAD, branches, tags
  revision_or_plan,  // diff's first arguments: a revision or a plan file or folder
  id,                // an id declared in the plans of the current folder
};

struct CompletionOption {
  std::vector<std::string> names;  // "-o", "--output": short names first
  std::string help;
  CompletionValue value = CompletionValue::none;
  std::vector<std::string> choices;  // for CompletionValue::choice, in help order
  bool repeats = false;              // may be given more than once
};

struct CompletionPositional {
  std::string help;
  CompletionValue value = CompletionValue::none;
  std::vector<std::string> choices;  // for CompletionValue::choice
  bool repeats = false;              // takes every argument from here on (only the last may)
};

struct CompletionCommand {
  std::string name;
  std::string summary;
  std::vector<CompletionOption> options;
  std::vector<CompletionPositional> positionals;  // in order
};

struct CompletionModel {
  std::string program;                    // "bvplan"
  std::vector<CompletionOption> options;  // before a command: --help, --version
  std::vector<CompletionCommand> commands;
};

// The completion script for each shell: loaded as it is (`source <(bvplan completion
// bash)`) or installed in the shell's completion folder. Ids come from running
// `PROGRAM completion --ids`, which must print one id a line and nothing on failure.
std::string render_completion_bash(const CompletionModel& model);
std::string render_completion_zsh(const CompletionModel& model);
std::string render_completion_fish(const CompletionModel& model);

// `text` as one word for bash or zsh: as it is when it holds only letters, digits and
// `-_.,/+=:@%`, else in single quotes ('it'\''s').
std::string shell_word(std::string_view text);

// `text` as one word for fish: single-quoted with `\` and `'` escaped when needed.
std::string fish_word(std::string_view text);

}  // namespace bvplan
