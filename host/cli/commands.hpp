// The subcommands of `rivet`; each callback sets the process exit code
// (`svd`, whose commands either succeed or throw, has none to set).
#pragma once

#include <CLI/CLI.hpp>

namespace rivet::cli {

void add_run_command(CLI::App& app, int& exit_code);
void add_gdb_command(CLI::App& app, int& exit_code);
void add_flash_command(CLI::App& app, int& exit_code);
void add_attach_command(CLI::App& app, int& exit_code);
void add_reset_command(CLI::App& app, int& exit_code);
void add_log_command(CLI::App& app, int& exit_code);
void add_stack_command(CLI::App& app, int& exit_code);
void add_svd_command(CLI::App& app);
// `new` and `boards`: a project for a board, and the boards.
void add_new_command(CLI::App& app, int& exit_code);

}  // namespace rivet::cli
