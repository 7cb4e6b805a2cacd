// `rivet run --gdb`: the run of runner::run with a GDB server in the middle.
// Rivet loads and resets the target, then waits, core halted, for a
// debugger (gdb-multiarch, VS Code) on a loopback port and serves it
// through a session while the services (RTT logs) keep being polled; the
// run's ending is runner::run's, so the firmware's exit code comes through.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/rsp/transport.hpp>
#include <rivet/runner/run.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rivet::debug {

// A listening TCP socket on 127.0.0.1 (debuggers connect from this machine
// only: the protocol has no authentication).
class listener {
public:
    // Port 0: one the kernel picks. Taken or not allowed:
    // error(unavailable) naming the port.
    explicit listener(std::uint16_t port);
    ~listener();
    listener(const listener&) = delete;
    listener& operator=(const listener&) = delete;

    [[nodiscard]] std::uint16_t port() const { return port_; }
    // A debugger's connection, or nullptr when none came within `timeout`.
    [[nodiscard]] std::unique_ptr<rsp::socket_transport> accept(std::chrono::milliseconds timeout);

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

struct server_options {
    std::uint16_t port = 0;
    // Told once the port listens (before the wait for a debugger), e.g. to
    // print it or to start the debugger.
    std::function<void(std::uint16_t port)> listening;
    // Told when a debugger comes and goes ("connected from ...").
    std::function<void(const std::string&)> note;
    // Asked while waiting for a debugger: true when none will come (the one
    // Rivet started has exited), which ends the run as an interrupt.
    std::function<bool()> gone;
};

// runner::run with the debugger in charge of the core between the reset
// and the end: the debugger's detach lets the firmware run on to its end
// as `rivet run` would; its kill (or its leaving) ends the run as an
// interrupt. The options' timeout counts from the reset, stops included.
runner::run_outcome run(probe::probe& target, const elf::file& firmware,
                        const board::description& board, const runner::run_options& options,
                        const server_options& server);

}  // namespace rivet::debug
