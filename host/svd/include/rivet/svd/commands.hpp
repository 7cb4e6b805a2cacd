// Registers `rivet svd gen|patch|check` on a CLI11 app. Each command throws
// rivet::Error on failure; the caller maps error kinds to exit codes.
#pragma once

#include <CLI/CLI.hpp>

namespace rivet::svd {

void add_svd_commands(CLI::App& app);

}  // namespace rivet::svd

// The name the rivet CLI calls.
using rivet::svd::add_svd_commands;
