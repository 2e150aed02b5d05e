// The table of commands (ninja's kTools[]): adding a command is one file under
// src/commands/ defining its `declare_...` and one row in src/commands/table.cpp.
#pragma once

#include <functional>
#include <memory>
#include <span>

#include <CLI/CLI.hpp>

namespace bvplan {

// Runs a command with the options its declare function bound; returns the exit status.
using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  // Declares the command's options on its CLI11 subcommand and returns how to run it.
  Runner (*declare)(CLI::App& command);
};

// Every command, in the order `bvplan --help` lists them.
std::span<const Command> commands();

// A command's options struct, its `declare` and its `run`, bound together: the options
// live as long as the returned runner.
template <typename Options>
Runner bind_command(CLI::App& command, void (*declare)(CLI::App&, Options&), int (*run)(const Options&)) {
  auto options = std::make_shared<Options>();
  declare(command, *options);
  return [options, run] { return run(*options); };
}

}  // namespace bvplan
