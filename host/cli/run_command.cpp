// `rivet run`: load, run, print the output, exit with the firmware's code.
#include <rivet/debug/server.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/stack/frames.hpp>
#include <rivet/stack/measure.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <memory>
#include <string>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "log_output.hpp"
#include "output.hpp"
#include "run_command.hpp"
#include "target_options.hpp"

namespace rivet::cli {
namespace {

std::atomic<bool> interrupted{false};

void on_signal(int) {
    interrupted.store(true);
}

}  // namespace

void install_signal_handlers(bool ctrl_c) {
    struct sigaction action {};
    action.sa_handler = on_signal;
    (void)sigemptyset(&action.sa_mask);
    if (ctrl_c) {
        (void)::sigaction(SIGINT, &action, nullptr);
    } else {
        (void)::signal(SIGINT, SIG_IGN);
    }
    (void)::sigaction(SIGTERM, &action, nullptr);
    (void)::signal(SIGPIPE, SIG_IGN);
}

const std::atomic<bool>* interruption() {
    return &interrupted;
}

bool signalled() {
    return interrupted.load();
}

// --timeout SECONDS: a number > 0; without it the run waits for ever.
void add_timeout_option(CLI::App& command, double& seconds) {
    command
        .add_option("--timeout", seconds,
                    "Seconds before giving up (exit code 124); without it, wait for ever")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                std::size_t used = 0;
                double value = 0;
                try {
                    value = std::stod(text, &used);
                } catch (const std::exception&) {
                    used = 0;
                }
                if (used == 0 || used != text.size() || !std::isfinite(value) || value <= 0) {
                    return fmt::format("'{}': expected a number of seconds > 0", text);
                }
                return {};
            },
            "SECONDS"));
}

namespace {

// Where rivet's stdin goes: QEMU's console UART, or RTT down channel 0 (a
// board on a remote probe has no UART rivet could feed).
void route_input(run_arguments& args) {
    if (args.input == "auto") args.input = args.target.probe == "qemu" ? "console" : "rtt";
    if (args.input == "console" && args.target.probe != "qemu") {
        throw error(error_kind::usage,
                    "--input console needs --probe qemu: use --input rtt with a remote probe");
    }
    args.target.forward_stdin = args.input == "console";
}

// A backtrace of where the core was, as text after `introduction` or as a
// {"type":"backtrace"} object.
std::string backtrace_text(const runner::run_outcome& outcome, std::string_view introduction) {
    if (!outcome.backtrace) return "";
    if (output::json()) {
        auto object = runner::to_json(*outcome.backtrace);
        object["type"] = "backtrace";
        output::object(object);
    }
    return fmt::format("{}{}", introduction, runner::to_text(*outcome.backtrace));
}

// Shows how the run ended; returns the exit code, or throws the error that
// says why there is none of the firmware's own (docs/exit-codes.md).
int report(const runner::run_outcome& outcome, double timeout_seconds) {
    using ending = runner::run_outcome::ending;
    const std::string at =
        outcome.stopped_at.empty() ? "" : fmt::format(" (stopped it at {})", outcome.stopped_at);
    switch (outcome.how) {
        case ending::exited: {
            const auto trace = backtrace_text(outcome, "");
            if (!trace.empty()) {
                fmt::print(stderr, "rivet: the firmware exited with {}; {}\n", outcome.exit_code,
                           trace);
            }
            return outcome.exit_code;
        }
        case ending::fault:
            if (output::json()) output::object(runner::to_json(*outcome.fault));
            throw error(error_kind::target_fault, runner::to_text(*outcome.fault));
        case ending::timeout:
            throw error(error_kind::timeout,
                        fmt::format("timeout: the firmware did not exit within {} s{}{}",
                                    timeout_seconds, at, backtrace_text(outcome, "\n")));
        case ending::interrupted:
            throw error(error_kind::interrupted,
                        fmt::format("interrupted{}{}", at, backtrace_text(outcome, "\n")));
    }
    return exit_io;
}

}  // namespace

void add_run_options(CLI::App& command, run_arguments& args) {
    args.target.add_to(command);
    add_timeout_option(command, args.timeout_seconds);
    command.add_flag("--no-verify", args.no_verify, "Do not read the loaded image back");
    args.log.add_to(command);
    args.rtt.add_to(command);
    command.add_flag("--measure-stack", args.measure_stack,
                     "Paint the stack at reset and print the peak stack use when the run ends");
    command.add_flag(
        "--backtrace", args.backtrace,
        "Print a backtrace when the firmware exits with a non-zero code (panic, assert)");
    command
        .add_option("--input", args.input,
                    "Where stdin goes: console (the board's UART, QEMU only), rtt (RTT down "
                    "channel 0), none; auto: console under QEMU, rtt otherwise")
        ->check(CLI::IsMember({"auto", "console", "rtt", "none"}));
}

void add_gdb_option(CLI::App& command, run_arguments& args) {
    command
        .add_option_function<std::uint16_t>(
            "--gdb", [&args](std::uint16_t port) { args.gdb_port = port; },
            fmt::format("Start halted and serve a debugger (gdb-multiarch, VS Code) on "
                        "127.0.0.1:PORT (default {}; 0: any free port) while logs stream",
                        default_gdb_port))
        ->expected(0, 1)
        ->default_str(std::to_string(default_gdb_port))
        ->type_name("[PORT]");
}

int run_firmware(run_arguments& args, const debugger_hooks& hooks) {
    route_input(args);
    auto session = open_target(args.target);
    runner::run_options options;
    options.timeout =
        std::chrono::milliseconds(static_cast<long long>(args.timeout_seconds * 1000));
    options.verify = !args.no_verify;
    options.interrupted = &interrupted;
    // Deferred logs over RTT, decoded live (docs/logging.md).
    auto rtt_log = make_rtt_log_service(session.firmware, args.log, args.rtt,
                                        args.input == "rtt" ? STDIN_FILENO : -1);
    if (rtt_log) options.services.push_back(rtt_log.get());
    // Peak stack use (docs/stack.md), printed however the run ends.
    std::unique_ptr<stack::measure_service> stack_use;
    std::unique_ptr<stack::frames_service> frame_pools;
    if (args.measure_stack) {
        stack_use = std::make_unique<stack::measure_service>(
            stack::main_stack(session.firmware, session.board));
        options.services.push_back(stack_use.get());
        // Coroutine frame pools (firmware/async), when the firmware has them.
        frame_pools = stack::frame_pools_of(session.firmware);
        if (frame_pools) options.services.push_back(frame_pools.get());
    }
    options.backtrace_on_error_exit = args.backtrace;
    auto report_stack = [&] {
        if (stack_use) fmt::print(stderr, "rivet: {}\n", stack_use->summary());
        if (frame_pools)
            for (const auto& line : frame_pools->summary()) fmt::print(stderr, "rivet: {}\n", line);
    };
    runner::run_outcome outcome;
    try {
        if (args.gdb_port) {
            outcome = debug::run(*session.probe, session.firmware, session.board, options,
                                 debug_server_options(*args.gdb_port, args.target.elf, hooks));
        } else {
            outcome = runner::run(*session.probe, session.firmware, session.board, options);
        }
    } catch (const error&) {
        report_stack();
        throw;
    }
    report_stack();
    return report(outcome, args.timeout_seconds);
}

void add_run_command(CLI::App& app, int& exit_code) {
    // `rivet debug` is `rivet run --gdb`: the same options, the server on.
    for (const bool debug : {false, true}) {
        auto args = std::make_shared<run_arguments>();
        if (debug) args->gdb_port = default_gdb_port;
        auto* command =
            debug ? app.add_subcommand(
                        "debug",
                        "rivet run --gdb: start halted and serve a debugger while logs "
                        "stream")
                  : app.add_subcommand(
                        "run", "Load firmware, run it, print its output, exit with its code");
        add_run_options(*command, *args);
        add_gdb_option(*command, *args);
        command->callback([args, &exit_code] {
            install_signal_handlers();
            exit_code = run_firmware(*args);
        });
    }
}

namespace {

struct attach_arguments {
    target_options target;
    double duration_seconds = 0;
    log_options log;
    std::string input = "rtt";
};

}  // namespace

void add_attach_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<attach_arguments>();
    auto* command = app.add_subcommand(
        "attach",
        "Join firmware already running on a remote probe, without loading or resetting it; "
        "stream its RTT channels until Ctrl-C or --duration, then leave it running");
    args->target.add_to(*command);
    command
        ->add_option("--duration", args->duration_seconds,
                     "Seconds to stay attached; without it, until Ctrl-C")
        ->check(CLI::PositiveNumber);
    args->log.add_to(*command);
    command
        ->add_option("--input", args->input, "Where stdin goes: rtt (RTT down channel 0) or none")
        ->check(CLI::IsMember({"rtt", "none"}));
    command->callback([args, &exit_code] {
        install_signal_handlers();
        // The QEMU rivet starts would be new, not running, and gone when
        // rivet leaves: there is nothing to join.
        if (args->target.probe == "qemu") {
            throw error(error_kind::usage,
                        "attach needs a target that is already running: --probe gdb://HOST:PORT "
                        "(or openocd, pyocd), not qemu");
        }
        auto session = open_target(args->target);
        runner::run_options options;
        options.timeout =
            std::chrono::milliseconds(static_cast<long long>(args->duration_seconds * 1000));
        options.interrupted = &interrupted;
        // keep: the running firmware's channel modes are its own, and its
        // start-mode word is long read.
        rtt_options keep;
        keep.mode = "keep";
        auto rtt_log = make_rtt_log_service(session.firmware, args->log, keep,
                                            args->input == "rtt" ? STDIN_FILENO : -1);
        if (rtt_log) options.services.push_back(rtt_log.get());
        const auto outcome =
            runner::attach(*session.probe, session.firmware, session.board, options);
        using ending = runner::run_outcome::ending;
        // Leaving is the user's choice, not a failure.
        exit_code = outcome.how == ending::timeout || outcome.how == ending::interrupted
                        ? 0
                        : report(outcome, args->duration_seconds);
    });
}

}  // namespace rivet::cli
