// The subcommands of `rivet`; each callback sets the process exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace rivet::cli {

void add_run_command(CLI::App& app, int& exit_code);
void add_flash_command(CLI::App& app, int& exit_code);
void add_log_command(CLI::App& app, int& exit_code);
void add_stack_command(CLI::App& app, int& exit_code);

}  // namespace rivet::cli
