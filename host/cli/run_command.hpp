// `rivet run`: argument parsing for the runner.
#pragma once

#include <CLI/CLI.hpp>

namespace rivet::cli {

// Adds the `run` subcommand; its callback sets `exit_code`.
void add_run_command(CLI::App& app, int& exit_code);

}  // namespace rivet::cli
