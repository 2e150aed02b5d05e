// bvplan schema: the JSON Schema of plan files or owners registers, for editors.
#include "bvplan/formats/schema.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"

namespace bvplan {

namespace {

const Choices<SchemaKind> kinds = {{"plan", SchemaKind::plan}, {"owners", SchemaKind::owners}};

struct SchemaOptions {
  std::string kind;
  OutputOption output;
};

void declare(CLI::App& command, SchemaOptions& options) {
  add_choice_option(command, "kind", options.kind, kinds,
                    "plan (a plan file, the default) or owners (an owners register, owners.yaml)");
  add_output_option(command, options.output);
  command.footer(
      "\nFor VS Code's YAML extension (yaml-language-server), put a modeline at the top of a plan:\n"
      "  # yaml-language-server: $schema=/usr/share/bvplan/plan.schema.json\n"
      "(/usr/local/share/... after cmake --install), or map files to it in settings.json: see bvplan(1).");
}

int run(const SchemaOptions& options) {
  SchemaKind kind = choice_of(kinds, options.kind);
  options.output.write([kind](Output& out) { render_schema(kind, out); }, {});
  return exit_ok;
}

}  // namespace

Runner declare_schema(CLI::App& command) { return bind_command<SchemaOptions>(command, declare, run); }

}  // namespace bvplan
