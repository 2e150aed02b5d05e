#include "bvplan/formats/completion.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {

// A program with one command: a choice, a flag, a file option, an id then plan files.
CompletionModel small_model() {
  CompletionModel model;
  model.program = "bvplan";
  model.options = {{{"-h", "--help"}, "Print this help message and exit", CompletionValue::none, {}, false}};
  CompletionCommand explain{"explain", "every figure: for one id", {}, {}};
  explain.options = {
      {{"--format"}, "output format", CompletionValue::choice, {"text", "json"}, false},
      {{"--strict"}, "fail [exit 1] on warnings", CompletionValue::none, {}, false},
      {{"-o", "--output"}, "write to FILE", CompletionValue::file, {}, false},
      {{"--as-of"}, "it's the date", CompletionValue::text, {}, false},
  };
  explain.positionals = {{"the id", CompletionValue::id, {}, false}, {"plans", CompletionValue::plan, {}, true}};
  model.commands = {explain};
  return model;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("shell_word: plain words as they are, anything else single-quoted") {
  CHECK(shell_word("--format") == "--format");
  CHECK(shell_word("a.yaml") == "a.yaml");
  CHECK(shell_word("") == "''");
  CHECK(shell_word("it's") == "'it'\\''s'");
  CHECK(shell_word("$(rm -rf ~)") == "'$(rm -rf ~)'");
  CHECK(shell_word("a b") == "'a b'");
  CHECK(shell_word("~x") == "'~x'");
}

TEST_CASE("fish_word: single-quoted, backslash and quote escaped") {
  CHECK(fish_word("json") == "'json'");
  CHECK(fish_word("it's") == "'it\\'s'");
  CHECK(fish_word("a\\b") == "'a\\\\b'");
  CHECK(fish_word("$HOME (x)") == "'$HOME (x)'");
}

TEST_CASE("bash: the table says each option's value and each argument's, by place") {
  std::string script = render_completion_bash(small_model());
  CHECK(contains(script, "_bvplan_global_options=(-h --help)\n_bvplan_commands=(explain)\n"));
  CHECK(contains(script,
                 "    explain)\n"
                 "      _bvplan_options=(--format --strict -o --output --as-of)\n"
                 "      case $2 in\n"
                 "        --format) _bvplan_kind=choice _bvplan_choices=(text json) ;;\n"
                 "        --strict) _bvplan_kind=none ;;\n"
                 "        -o | --output) _bvplan_kind=file ;;\n"
                 "        --as-of) _bvplan_kind=text ;;\n"
                 "        '')\n"
                 "          case $3 in\n"
                 "            0) _bvplan_kind=id ;;\n"
                 "            *) _bvplan_kind=plan ;;\n"
                 "          esac\n"
                 "          ;;\n"
                 "      esac\n"
                 "      ;;\n"));
  CHECK(contains(script, "\ncomplete -F _bvplan bvplan\n"));
}

TEST_CASE("bash: options with the same kind of value share a case; a last argument that does not repeat ends") {
  CompletionModel model = small_model();
  model.commands[0].options[2].value = CompletionValue::text;
  model.commands[0].positionals.pop_back();
  std::string script = render_completion_bash(model);
  CHECK(contains(script, "        -o | --output | --as-of) _bvplan_kind=text ;;\n"));
  CHECK(contains(script,
                 "          case $3 in\n"
                 "            0) _bvplan_kind=id ;;\n"
                 "          esac\n"));
}

TEST_CASE("bash: names that are not plain words are quoted") {
  CompletionModel model = small_model();
  model.commands[0].options[0].choices = {"a b", "it's"};
  std::string script = render_completion_bash(model);
  CHECK(contains(script, "_bvplan_choices=('a b' 'it'\\''s')"));
}

TEST_CASE("zsh: _arguments specs with escaped explanations and one action per kind of value") {
  std::string script = render_completion_zsh(small_model());
  CHECK(script.rfind("#compdef bvplan\n", 0) == 0);
  CHECK(contains(script,
                 "    '(-h --help)-h[Print this help message and exit]' \\\n"
                 "    '(-h --help)--help[Print this help message and exit]' \\\n"
                 "    '1:command:->command' \\\n"));
  CHECK(contains(script, "        'explain:every figure: for one id'\n"));
  CHECK(contains(script,
                 "        explain)\n"
                 "          _arguments -S \\\n"
                 "            '(--format)--format=[output format]:value:(text json)' \\\n"
                 "            '(--strict)--strict[fail \\[exit 1\\] on warnings]' \\\n"
                 "            '(-o --output)-o+[write to FILE]:file:_bvplan_value_file' \\\n"
                 "            '(-o --output)--output=[write to FILE]:file:_bvplan_value_file' \\\n"
                 "            '(--as-of)--as-of=[it'\\''s the date]:value: ' \\\n"
                 "            1:id:_bvplan_value_id \\\n"
                 "            '*:plan file or folder:_bvplan_value_plan' \\\n"
                 "            && ret=0\n"));
  CHECK(contains(script, "  compdef _bvplan bvplan\n"));
}

TEST_CASE("fish: a complete line per command and option, arguments by place") {
  std::string script = render_completion_fish(small_model());
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_no_command' -s 'h' -l 'help' -d 'Print this help message "
                 "and exit'\n"));
  CHECK(contains(script, "complete -c 'bvplan' -n __bvplan_no_command -a 'explain' -d 'every figure: for one id'\n"));
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_using \\'explain\\'' -l 'format' -x -a 'text json' -d "
                 "'output format'\n"));
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_using \\'explain\\'' -s 'o' -l 'output' -r -F -d 'write "
                 "to FILE'\n"));
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_using \\'explain\\'' -l 'as-of' -x -d 'it\\'s the "
                 "date'\n"));
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_using \\'explain\\'; and test (__bvplan_position) -eq 0' "
                 "-a '(__bvplan_ids)' -d 'the id'\n"));
  CHECK(contains(script,
                 "complete -c 'bvplan' -n '__bvplan_using \\'explain\\'; and test (__bvplan_position) -ge 1' "
                 "-a '(__bvplan_plans)' -d 'plans'\n"));
  CHECK(contains(script,
                 "        case 'explain'\n            string join \\n -- '--format' '-o' '--output' "
                 "'--as-of'\n"));
}
