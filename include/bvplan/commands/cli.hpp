// The command layer: arguments, files, the clock, streams and exit statuses.
#pragma once

namespace bvplan {

// Exit statuses shared by every command.
enum ExitStatus : int { exit_ok = 0, exit_findings = 1, exit_usage = 2 };

// Runs bvplan with the process's arguments; returns the exit status.
int run(int argc, char** argv);

}  // namespace bvplan
