// `rivet flash`: load and verify without running, and say how fast it went:
// a progress bar per phase on a terminal, one summary line always.
#include <rivet/runner/load.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include <unistd.h>

#include "commands.hpp"
#include "progress.hpp"
#include "target_options.hpp"

namespace rivet::cli {
namespace {

struct flash_arguments {
    target_options target;
    bool no_verify = false;
};

}  // namespace

void add_flash_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<flash_arguments>();
    auto* command = app.add_subcommand(
        "flash", "Load firmware and verify it, leaving the core halted at reset");
    args->target.add_to(*command);
    command->add_flag("--no-verify", args->no_verify, "Do not read the loaded image back");
    command->callback([args, &exit_code] {
        auto session = open_target(args->target);
        const auto start = std::chrono::steady_clock::now();
        progress_display display(stderr, ::isatty(STDERR_FILENO) != 0);
        const std::size_t bytes = runner::load(
            *session.probe, session.firmware, !args->no_verify,
            [&](runner::load_phase phase, std::size_t done, std::size_t total) {
                display.update(phase == runner::load_phase::write ? "load" : "verify", done, total);
            });
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        runner::reset(*session.probe, session.firmware, session.board);
        fmt::print("loaded {} bytes in {:.1f} ms ({:.0f} KiB/s){}\n", bytes, took.count() * 1e3,
                   static_cast<double>(bytes) / 1024.0 / took.count(),
                   args->no_verify ? "" : ", verified");
        exit_code = 0;
    });
}

void add_reset_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<target_options>();
    auto* command = app.add_subcommand(
        "reset", "Reset the core from the firmware's vector table and leave it running");
    args->add_to(*command);
    command->callback([args, &exit_code] {
        if (args->probe == "qemu") {
            throw error(error_kind::usage,
                        "reset needs a target that outlives rivet: --probe gdb://HOST:PORT (or "
                        "openocd, pyocd), not qemu");
        }
        auto session = open_target(*args);
        runner::reset(*session.probe, session.firmware, session.board);
        session.probe->detach();
        fmt::print("reset {} and left it running\n", session.probe->describe());
        exit_code = 0;
    });
}

}  // namespace rivet::cli
