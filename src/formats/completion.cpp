#include "bvplan/formats/completion.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bvplan {

std::string shell_word(std::string_view text) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-_.,/+=:@%").find(c) != std::string_view::npos;
  };
  bool all_plain = !text.empty();
  for (char c : text) all_plain = all_plain && plain(c);
  if (all_plain) return std::string(text);
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

std::string fish_word(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

namespace {

const char* value_name(CompletionValue value) {
  switch (value) {
    case CompletionValue::none: return "none";
    case CompletionValue::text: return "text";
    case CompletionValue::choice: return "choice";
    case CompletionValue::plan: return "plan";
    case CompletionValue::file: return "file";
    case CompletionValue::folder: return "folder";
    case CompletionValue::revision: return "revision";
    case CompletionValue::revision_or_plan: return "revision_or_plan";
    case CompletionValue::id: return "id";
  }
  return "none";
}

// What the shell says it is offering ("plan file or folder"), for zsh's messages.
const char* value_message(CompletionValue value) {
  switch (value) {
    case CompletionValue::none: return "";
    case CompletionValue::text: return "value";
    case CompletionValue::choice: return "value";
    case CompletionValue::plan: return "plan file or folder";
    case CompletionValue::file: return "file";
    case CompletionValue::folder: return "folder";
    case CompletionValue::revision: return "git revision";
    case CompletionValue::revision_or_plan: return "git revision or plan file";
    case CompletionValue::id: return "id";
  }
  return "";
}

std::string shell_words(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += shell_word(word);
  }
  return out;
}

// Help texts on one line, for descriptions shown beside a candidate.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// ---- bash ----

// The shell functions every bash script shares; the tables follow them.
constexpr std::string_view bash_functions = R"BASH(
# Sets REPLY to WORD as the shell would read it, quotes and backslashes removed, never
# evaluated: what was typed is matched, not run.
_bvplan_dequote() {
  local in=$1 out= quote= c i
  for ((i = 0; i < ${#in}; i++)); do
    c=${in:i:1}
    if [[ $quote == "'" ]]; then
      if [[ $c == "'" ]]; then quote=; else out+=$c; fi
    elif [[ $c == '\' ]]; then
      ((i++))
      out+=${in:i:1}
    elif [[ $quote == '"' ]]; then
      if [[ $c == '"' ]]; then quote=; else out+=$c; fi
    elif [[ $c == "'" || $c == '"' ]]; then
      quote=$c
    else
      out+=$c
    fi
  done
  REPLY=$out
}

# Adds each WORD that starts with what is being completed, quoted for the command line.
_bvplan_add() {
  local word quoted
  for word; do
    [[ -n $word && $word == "$_bvplan_cur"* ]] || continue
    printf -v quoted %q "$word"
    COMPREPLY+=("$_bvplan_prefix$quoted")
  done
}

# Files matching what is being completed: $1 is plan (*.yaml, *.yml and folders), file
# (any file and folders) or folder. Names are left for readline to quote.
_bvplan_files() {
  local shopts path word=$_bvplan_cur home= shown
  shopts=$(shopt -p nullglob failglob dotglob)
  shopt -s nullglob
  shopt -u failglob dotglob
  # A leading ~ is the home folder, kept as typed in what is offered.
  if [[ $word == "~" || $word == "~/"* ]]; then
    home=$HOME
    word=$HOME${word:1}
  fi
  for path in "$word"*; do
    shown=$path
    [[ -n $home ]] && shown="~${path:${#home}}"
    if [[ ${path##*/} == . || ${path##*/} == .. ]]; then
      continue
    elif [[ -d $path ]]; then
      COMPREPLY+=("$_bvplan_prefix$shown")
    elif [[ $1 == file || ($1 == plan && ($path == *.yaml || $path == *.yml)) ]]; then
      COMPREPLY+=("$_bvplan_prefix$shown")
    fi
  done
  eval "$shopts"
  compopt -o filenames 2>/dev/null
  return 0
}

# HEAD, branches, tags and remote branches; nothing outside a git repository.
_bvplan_revisions() {
  local listed ref
  local -a refs=(HEAD)
  listed=$(git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null) || return 0
  while IFS= read -r ref; do
    refs+=("$ref")
  done <<<"$listed"
  _bvplan_add "${refs[@]}"
}

# The ids declared in the plans of the current folder that the command being completed
# ($command, _bvplan's) takes, asked of the program being completed; nothing when it
# cannot say.
_bvplan_ids() {
  local program=${COMP_WORDS[0]} id
  local -a ids=()
  _bvplan_dequote "$program"
  program=$REPLY
  [[ $program == "~/"* ]] && program=$HOME/${program:2}
  while IFS= read -r id; do
    ids+=("$id")
  done < <("$program" completion --ids --for "$command" 2>/dev/null </dev/null)
  _bvplan_add "${ids[@]}"
}

_bvplan_value() {
  case $1 in
    choice) _bvplan_add "${_bvplan_choices[@]}" ;;
    plan | file | folder) _bvplan_files "$1" ;;
    revision) _bvplan_revisions ;;
    revision_or_plan)
      _bvplan_revisions
      _bvplan_files plan
      ;;
    id) _bvplan_ids ;;
  esac
}

# COMP_WORDS walked to the word being completed: the command, the option whose value it
# is (a value may follow "--opt", "--opt =" or "--opt=") or its place among the arguments.
_bvplan() {
  local word command= option= dashdash= i position=0 cur=${COMP_WORDS[COMP_CWORD]}
  local _bvplan_cur _bvplan_prefix= _bvplan_kind _bvplan_options _bvplan_choices
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -n $option ]]; then
      [[ $word == = ]] || option=
      continue
    fi
    if [[ -z $command ]]; then
      [[ $word == -* ]] || command=$word
      continue
    fi
    if [[ -z $dashdash && $word == -- ]]; then
      dashdash=1
    elif [[ -z $dashdash && $word == -?* ]]; then
      if [[ $word != *=* ]]; then
        _bvplan_spec "$command" "$word"
        [[ $_bvplan_kind == none ]] || option=$word
      fi
    else
      ((position++))
    fi
  done
  [[ -n $option && $cur == = ]] && cur=
  if [[ -z $option && -z $dashdash && -n $command && $cur == --*=* ]]; then
    option=${cur%%=*}
    _bvplan_prefix=${cur%%=*}=
    cur=${cur#*=}
  fi
  _bvplan_dequote "$cur"
  _bvplan_cur=$REPLY
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      _bvplan_add "${_bvplan_global_options[@]}"
    else
      _bvplan_add "${_bvplan_commands[@]}"
    fi
  elif [[ -n $option ]]; then
    _bvplan_spec "$command" "$option"
    _bvplan_value "$_bvplan_kind"
  elif [[ -z $dashdash && $cur == -* ]]; then
    _bvplan_spec "$command" ""
    _bvplan_add "${_bvplan_options[@]}"
  else
    _bvplan_spec "$command" "" "$position"
    _bvplan_value "$_bvplan_kind"
  fi
  return 0
}
)BASH";

void write_bash_option_cases(std::string& out, const std::vector<CompletionOption>& options) {
  // Options grouped by what their value is, one case each, in the order first met.
  std::vector<std::pair<std::string, std::vector<std::string>>> cases;  // body, patterns
  for (const CompletionOption& option : options) {
    std::string body = fmt::format("_bvplan_kind={}", value_name(option.value));
    if (option.value == CompletionValue::choice)
      body += fmt::format(" _bvplan_choices=({})", shell_words(option.choices));
    auto same = std::find_if(cases.begin(), cases.end(), [&](const auto& c) { return c.first == body; });
    if (same == cases.end()) {
      cases.push_back({body, {}});
      same = cases.end() - 1;
    }
    for (const std::string& name : option.names) same->second.push_back(shell_word(name));
  }
  for (const auto& [body, patterns] : cases)
    out += fmt::format("        {}) {} ;;\n", fmt::join(patterns, " | "), body);
}

void write_bash_positional_cases(std::string& out, const std::vector<CompletionPositional>& positionals) {
  out += "        '')\n          case $3 in\n";
  for (size_t i = 0; i < positionals.size(); ++i) {
    const CompletionPositional& positional = positionals[i];
    bool last = i + 1 == positionals.size();
    std::string pattern = last && positional.repeats ? "*" : std::to_string(i);
    std::string choices;
    if (positional.value == CompletionValue::choice)
      choices = fmt::format(" _bvplan_choices=({})", shell_words(positional.choices));
    out += fmt::format("            {}) _bvplan_kind={}{} ;;\n", pattern, value_name(positional.value), choices);
    if (last && positional.repeats) break;
  }
  out += "          esac\n          ;;\n";
}

}  // namespace

std::string render_completion_bash(const CompletionModel& model) {
  std::string out = fmt::format(
      "# bash completion for {0}: commands, options, their values, plan files, git revisions and ids.\n"
      "# Written by '{0} completion bash' from {0}'s own table of commands. To use it in this shell:\n"
      "#   source <({0} completion bash)\n",
      model.program);
  out += bash_functions;
  std::vector<std::string> global, names;
  for (const CompletionOption& option : model.options)
    for (const std::string& name : option.names) global.push_back(name);
  for (const CompletionCommand& command : model.commands) names.push_back(command.name);
  out += fmt::format("\n_bvplan_global_options=({})\n_bvplan_commands=({})\n", shell_words(global), shell_words(names));
  out +=
      "\n# _bvplan_spec COMMAND OPTION [POSITION]: sets _bvplan_options (the command's options),\n"
      "# _bvplan_kind (what OPTION's value is, or with no OPTION what the argument at POSITION is)\n"
      "# and _bvplan_choices.\n"
      "_bvplan_spec() {\n"
      "  _bvplan_options=() _bvplan_kind=none _bvplan_choices=()\n"
      "  case $1 in\n";
  for (const CompletionCommand& command : model.commands) {
    std::vector<std::string> options;
    for (const CompletionOption& option : command.options)
      for (const std::string& name : option.names) options.push_back(name);
    out += fmt::format("    {})\n      _bvplan_options=({})\n      case $2 in\n", shell_word(command.name),
                       shell_words(options));
    write_bash_option_cases(out, command.options);
    write_bash_positional_cases(out, command.positionals);
    out += "      esac\n      ;;\n";
  }
  out += "  esac\n}\n\n";
  out += fmt::format("complete -F _bvplan {}\n", shell_word(model.program));
  return out;
}

// ---- zsh ----

namespace {

// An _arguments explanation: brackets and backslashes escaped, on one line.
std::string zsh_explanation(std::string_view help) {
  std::string out;
  for (char c : one_line(help)) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const CompletionOption& option) {
  switch (option.value) {
    case CompletionValue::none: return "";
    case CompletionValue::choice: {
      std::string words;
      for (const std::string& choice : option.choices) {
        if (!words.empty()) words += ' ';
        for (char c : choice) {
          if (c == ' ' || c == '(' || c == ')' || c == '\\' || c == ':') words += '\\';
          words += c;
        }
      }
      return fmt::format(":{}:({})", value_message(option.value), words);
    }
    case CompletionValue::text: return ":value: ";
    default: break;
  }
  return fmt::format(":{}:_bvplan_value_{}", value_message(option.value), value_name(option.value));
}

std::string zsh_option_specs(const std::vector<CompletionOption>& options, const char* indent) {
  std::string out;
  for (const CompletionOption& option : options) {
    std::string exclusions;
    if (!option.repeats) {
      exclusions = "(";
      for (const std::string& name : option.names) exclusions += (exclusions.size() > 1 ? " " : "") + name;
      exclusions += ")";
    }
    for (const std::string& name : option.names) {
      bool is_long = name.rfind("--", 0) == 0;
      std::string attach = option.value == CompletionValue::none ? "" : (is_long ? "=" : "+");
      std::string spec = fmt::format("{}{}{}[{}]{}", option.repeats ? "*" : exclusions, name, attach,
                                     zsh_explanation(option.help), zsh_action(option));
      out += fmt::format("{}{} \\\n", indent, shell_word(spec));
    }
  }
  return out;
}

std::string zsh_positional_specs(const std::vector<CompletionPositional>& positionals, const char* indent) {
  std::string out;
  for (size_t i = 0; i < positionals.size(); ++i) {
    const CompletionPositional& positional = positionals[i];
    std::string place = positional.repeats ? "*" : std::to_string(i + 1);
    CompletionOption as_option{{}, "", positional.value, positional.choices};
    std::string action = positional.value == CompletionValue::none ? ":value: " : zsh_action(as_option);
    out += fmt::format("{}{} \\\n", indent, shell_word(place + action));
  }
  return out;
}

constexpr std::string_view zsh_functions = R"ZSH(
_bvplan_value_plan() {
  _files -g '*.(yaml|yml)(-.)'
}

_bvplan_value_file() {
  _files
}

_bvplan_value_folder() {
  _files -/
}

# HEAD, branches, tags and remote branches; nothing outside a git repository.
_bvplan_value_revision() {
  local listed
  listed=$(git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null) || return 1
  local -a refs=(HEAD ${(f)listed})
  _wanted revisions expl 'git revision' compadd -a refs
}

_bvplan_value_revision_or_plan() {
  _alternative 'revisions:git revision:_bvplan_value_revision' 'files:plan file or folder:_bvplan_value_plan'
}

# The ids declared in the plans of the current folder that the command being completed
# (words[1], once _bvplan has shifted the words) takes, asked of the program being
# completed; nothing when it cannot say.
_bvplan_value_id() {
  local program=${_bvplan_program:-bvplan}
  [[ $program == '~/'* ]] && program=$HOME/${program#\~/}
  local -a ids
  ids=(${(f)"$("$program" completion --ids --for "${words[1]}" 2>/dev/null </dev/null)"})
  _wanted ids expl 'id' compadd -a ids
}
)ZSH";

}  // namespace

std::string render_completion_zsh(const CompletionModel& model) {
  std::string out = fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0}: commands, options, their values, plan files, git revisions and ids.\n"
      "# Written by '{0} completion zsh' from {0}'s own table of commands. To use it in this shell\n"
      "# (after compinit):\n"
      "#   source <({0} completion zsh)\n",
      model.program);
  out += zsh_functions;
  out +=
      "\n_bvplan() {\n"
      "  local curcontext=$curcontext state state_descr line ret=1\n"
      "  local _bvplan_program=${(Q)words[1]}\n"
      "  typeset -A opt_args\n"
      "  _arguments -C \\\n";
  out += zsh_option_specs(model.options, "    ");
  out +=
      "    '1:command:->command' \\\n"
      "    '*::argument:->argument' && ret=0\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands=(\n";
  for (const CompletionCommand& command : model.commands) {
    std::string item = command.name;
    item += ':';
    item += one_line(command.summary);
    out += fmt::format("        {}\n", shell_word(item));
  }
  out +=
      "      )\n"
      "      _describe -t commands 'command' commands && ret=0\n"
      "      ;;\n"
      "    argument)\n"
      "      curcontext=${curcontext%:*:*}:bvplan-$line[1]:\n"
      "      case $line[1] in\n";
  for (const CompletionCommand& command : model.commands) {
    out += fmt::format("        {})\n          _arguments -S \\\n", shell_word(command.name));
    out += zsh_option_specs(command.options, "            ");
    out += zsh_positional_specs(command.positionals, "            ");
    out += "            && ret=0\n          ;;\n";
  }
  out +=
      "      esac\n"
      "      ;;\n"
      "  esac\n"
      "  return ret\n"
      "}\n\n";
  out += fmt::format(
      "if [[ $funcstack[1] == _bvplan ]]; then\n"
      "  _bvplan \"$@\"\n"
      "else\n"
      "  compdef _bvplan {}\n"
      "fi\n",
      shell_word(model.program));
  return out;
}

// ---- fish ----

namespace {

constexpr std::string_view fish_functions = R"FISH(
# The command given (the first word after the program that is not an option).
function __bvplan_command
    for word in (commandline -opc)[2..-1]
        if not string match -q -- '-*' $word
            echo $word
            return 0
        end
    end
    return 1
end

function __bvplan_no_command
    not __bvplan_command >/dev/null
end

function __bvplan_using
    set -l command (__bvplan_command); and test "$command" = $argv[1]
end

# How many arguments the command has before the word being completed, option values
# not counted.
function __bvplan_position
    set -l words (commandline -opc)[2..-1]
    set -l command (__bvplan_command)
    set -l valued (__bvplan_valued $command)
    set -l seen_command 0
    set -l skip 0
    set -l dashdash 0
    set -l count 0
    for word in $words
        if test $seen_command = 0
            string match -q -- '-*' $word; or set seen_command 1
            continue
        end
        if test $skip = 1
            set skip 0
        else if test $dashdash = 0; and test $word = --
            set dashdash 1
        else if test $dashdash = 0; and string match -q -- '-?*' $word
            contains -- $word $valued; and set skip 1
        else
            set count (math $count + 1)
        end
    end
    echo $count
end

# Plan files (*.yaml, *.yml) and folders matching the word being completed, the word
# unescaped ("dir\ with\ space/", a quote left open) and a leading ~ kept as typed.
function __bvplan_plans
    set -l token (commandline -ct | string unescape --style=script 2>/dev/null)
    set -l home
    if string match -qr -- '^~(/|$)' $token
        set home $HOME
        set token $HOME(string sub -s 2 -- $token)
    end
    for path in $token*
        set -l shown $path
        test -n "$home"; and set shown '~'(string sub -s (math (string length -- $home) + 1) -- $path)
        if test -d $path
            echo $shown/
        else if string match -qr '\.ya?ml$' -- $path
            echo $shown
        end
    end
end

# HEAD, branches, tags and remote branches; nothing outside a git repository.
function __bvplan_revisions
    set -l refs (git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null)
    or return
    string join \n -- HEAD $refs
end

# The ids declared in the plans of the current folder that the command being completed
# takes, asked of the program being completed; nothing when it cannot say.
function __bvplan_ids
    set -l words (commandline -opc)
    set -l program $words[1]
    string match -q -- '~/*' $program; and set program $HOME/(string sub -s 3 -- $program)
    # fish itself reports a command it cannot find, whatever 2> says: ask first.
    command -q $program; or return
    command $program completion --ids --for "$words[2]" 2>/dev/null </dev/null
end
)FISH";

// complete's arguments for a value of this kind.
std::string fish_value(CompletionValue value, const std::vector<std::string>& choices) {
  switch (value) {
    case CompletionValue::none: return "";
    case CompletionValue::text: return " -x";
    case CompletionValue::choice: {
      std::string words;
      for (const std::string& choice : choices) words += (words.empty() ? "" : " ") + choice;
      return " -x -a " + fish_word(words);
    }
    case CompletionValue::plan: return " -x -a '(__bvplan_plans)'";
    case CompletionValue::file: return " -r -F";
    case CompletionValue::folder: return " -x -a '(__fish_complete_directories)'";
    case CompletionValue::revision: return " -x -a '(__bvplan_revisions)'";
    case CompletionValue::revision_or_plan: return " -x -a '(__bvplan_revisions; __bvplan_plans)'";
    case CompletionValue::id: return " -x -a '(__bvplan_ids)'";
  }
  return "";
}

std::string fish_option(const std::string& program, const std::string& condition, const CompletionOption& option) {
  std::string names;
  for (const std::string& name : option.names) {
    if (name.rfind("--", 0) == 0)
      names += " -l " + fish_word(name.substr(2));
    else if (name.size() == 2)
      names += " -s " + fish_word(name.substr(1));
    else
      names += " -o " + fish_word(name.substr(1));
  }
  return fmt::format("complete -c {} -n {}{}{} -d {}\n", fish_word(program), fish_word(condition), names,
                     fish_value(option.value, option.choices), fish_word(one_line(option.help)));
}

}  // namespace

std::string render_completion_fish(const CompletionModel& model) {
  std::string program = fish_word(model.program);
  std::string out = fmt::format(
      "# fish completion for {0}: commands, options, their values, plan files, git revisions and ids.\n"
      "# Written by '{0} completion fish' from {0}'s own table of commands. To use it in this shell:\n"
      "#   {0} completion fish | source\n",
      model.program);
  out += fish_functions;
  out += "\n# The options of each command that take a value.\nfunction __bvplan_valued\n    switch $argv[1]\n";
  for (const CompletionCommand& command : model.commands) {
    std::vector<std::string> valued;
    for (const CompletionOption& option : command.options)
      if (option.value != CompletionValue::none)
        for (const std::string& name : option.names) valued.push_back(fish_word(name));
    out += fmt::format("        case {}\n", fish_word(command.name));
    if (!valued.empty()) out += fmt::format("            string join \\n -- {}\n", fmt::join(valued, " "));
  }
  out += "    end\nend\n\n";
  out += fmt::format("complete -c {} -e\ncomplete -c {} -f\n", program, program);
  for (const CompletionOption& option : model.options) out += fish_option(model.program, "__bvplan_no_command", option);
  for (const CompletionCommand& command : model.commands)
    out += fmt::format("complete -c {} -n __bvplan_no_command -a {} -d {}\n", program, fish_word(command.name),
                       fish_word(one_line(command.summary)));
  for (const CompletionCommand& command : model.commands) {
    out += '\n';
    std::string using_command = "__bvplan_using " + fish_word(command.name);
    for (const CompletionOption& option : command.options) out += fish_option(model.program, using_command, option);
    for (size_t i = 0; i < command.positionals.size(); ++i) {
      const CompletionPositional& positional = command.positionals[i];
      std::string value = fish_value(positional.value, positional.choices);
      if (value.empty() || positional.value == CompletionValue::text) continue;
      bool only_one = command.positionals.size() == 1 && positional.repeats;
      std::string condition = only_one ? using_command
                                       : fmt::format("{}; and test (__bvplan_position) {} {}", using_command,
                                                     positional.repeats ? "-ge" : "-eq", i);
      // -a offers the values; -x would stop files being offered, which -a already replaces.
      std::string arguments = positional.value == CompletionValue::file ? " -F" : value.substr(value.find(" -a "));
      out += fmt::format("complete -c {} -n {}{} -d {}\n", program, fish_word(condition), arguments,
                         fish_word(one_line(positional.help)));
    }
  }
  return out;
}

}  // namespace bvplan
