// `rivet run`'s options and its work, shared with the commands that run
// firmware under a debugger (`rivet run --gdb`, `rivet debug`, `rivet gdb`).
#pragma once

#include <rivet/debug/server.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "log_output.hpp"
#include "target_options.hpp"

namespace rivet::cli {

// The port `--gdb` and `rivet debug` serve the debugger on when none is
// named (OpenOCD's; launch configurations expect a fixed one).
inline constexpr std::uint16_t default_gdb_port = 3333;

struct run_arguments {
    target_options target;
    double timeout_seconds = 0;
    bool no_verify = false;
    log_options log;
    rtt_options rtt;
    bool measure_stack = false;
    bool backtrace = false;
    std::string input = "auto";
    // Serve a debugger on this loopback port (0: any free one) between the
    // reset and the end (host/debug).
    std::optional<std::uint16_t> gdb_port;
};

// How a run under a debugger reaches the one who starts the debugger.
struct debugger_hooks {
    // The server listens on `port`.
    std::function<void(std::uint16_t port)> listening;
    // No debugger will come: stop waiting for one.
    std::function<bool()> gone;
};

// The GDB server's options for a run: what it says on stderr, and the hooks.
[[nodiscard]] debug::server_options debug_server_options(std::uint16_t port, const std::string& elf,
                                                         const debugger_hooks& hooks);

// Every option of `rivet run` but --gdb.
void add_run_options(CLI::App& command, run_arguments& args);
// `--gdb[=PORT]`.
void add_gdb_option(CLI::App& command, run_arguments& args);

// Ctrl-C and SIGTERM end the run through the runner's loop, so QEMU is shut
// down and the exit code is the documented one. With `ctrl_c` false, Ctrl-C
// is left to a debugger sharing the terminal (it halts the core with it).
void install_signal_handlers(bool ctrl_c = true);
// True once SIGINT or SIGTERM arrived.
[[nodiscard]] bool signalled();

// Runs as `rivet run` does (through the GDB server when args.gdb_port is
// set) and returns the exit code, or throws the error that says why there
// is none of the firmware's own.
int run_firmware(run_arguments& args, const debugger_hooks& hooks = {});

}  // namespace rivet::cli
