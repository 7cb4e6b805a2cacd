// The rivet command line: parses arguments, wires the host modules together,
// and is the one place that prints errors and picks the exit code.
#include <rivet/support/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <algorithm>
#include <string_view>

#ifndef RIVET_VERSION
#define RIVET_VERSION "unknown"
#endif

namespace {

using namespace rivet::cli;

int run_cli(int argc, char** argv) {
    // Known before parsing, so that even an argument error comes as JSON.
    output::set_json(std::any_of(
        argv + 1, argv + argc, [](const char* arg) { return std::string_view(arg) == "--json"; }));
    CLI::App app{"rivet: build, run and debug Cortex-M firmware", "rivet"};
    app.set_version_flag("--version", RIVET_VERSION);
    app.require_subcommand(1);

    int exit_code = 0;
    add_run_command(app, exit_code);
    add_gdb_command(app, exit_code);
    add_flash_command(app, exit_code);
    add_attach_command(app, exit_code);
    add_reset_command(app, exit_code);
    add_log_command(app, exit_code);
    add_stack_command(app, exit_code);
    add_test_command(app, exit_code);
    add_svd_command(app);

    add_new_command(app, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // One voice for every error, the argument parser's too; the command
        // whose --help explains the arguments follows in brackets.
        std::string command = "rivet";
        for (const CLI::App* sub = &app; sub != nullptr;) {
            const auto parsed = sub->get_subcommands();
            sub = parsed.empty() ? nullptr : parsed.front();
            if (sub != nullptr) command += " " + sub->get_name();
        }
        output::error("usage", exit_usage, fmt::format("{} (see {} --help)", e.what(), command));
        return exit_usage;
    } catch (const rivet::error& e) {
        output::error(kind_name(e.kind()), exit_code_for(e.kind()), e.what());
        return exit_code_for(e.kind());
    } catch (const std::exception& e) {
        // A bug in rivet, not in the input: still one line and a code.
        output::error("internal", exit_internal, fmt::format("internal error: {}", e.what()));
        return exit_internal;
    }
    output::exit(exit_code);
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run_cli(argc, argv);
    } catch (...) {
        return rivet::cli::exit_internal;  // even printing failed
    }
}
