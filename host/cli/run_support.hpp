// What the commands that run firmware share: Ctrl-C and SIGTERM ending the
// run through the runner's loop, and the --timeout option.
#pragma once

#include <CLI/CLI.hpp>

#include <atomic>

namespace rivet::cli {

// Becomes true on SIGINT or SIGTERM once install_signal_handlers ran.
extern std::atomic<bool> interrupted;

// Ctrl-C and SIGTERM end the run through the runner's loop, so QEMU is shut
// down and the exit code is the documented one.
void install_signal_handlers();

// --timeout SECONDS: a number > 0, explained by `what`.
void add_timeout_option(CLI::App& command, double& seconds, const std::string& what);

}  // namespace rivet::cli
