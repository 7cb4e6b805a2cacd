// The QEMU probe: starts qemu-system-arm for a board, halted, with its GDB
// stub on a loopback port nobody else can take (QEMU inherits the listening
// socket), semihosting on and the board's first serial port piped to the
// runner. QEMU never outlives its qemu_process, nor the runner process.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/probe/gdb_probe.hpp>

#include <sys/types.h>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace rivet::probe {

struct qemu_options {
    // Empty: $RIVET_QEMU if set, else "qemu-system-arm" from PATH.
    std::string executable;
    std::vector<std::string> extra_arguments;
    // Bytes read from this descriptor (e.g. STDIN_FILENO) go to the board's
    // console UART receiver; -1: the UART receives nothing.
    int input_fd = -1;
    // Run under -icount (shift=4, sleep=off: 62.5 M instructions a virtual
    // second, whatever the host's speed), unless extra_arguments name an
    // -icount of their own, and let the probe count instructions exactly.
    bool count_instructions = false;
};

class qemu_process {
public:
    // Throws error_kind::unavailable when QEMU cannot be started and usage
    // when the board has no QEMU machine.
    qemu_process(const board::description& board, output_sink serial, const qemu_options& options);
    ~qemu_process();
    qemu_process(const qemu_process&) = delete;
    qemu_process& operator=(const qemu_process&) = delete;

    [[nodiscard]] std::uint16_t gdb_port() const { return gdb_port_; }
    [[nodiscard]] pid_t pid() const { return pid_; }
    // "exited with status 1: <what QEMU said>", or empty while it runs.
    [[nodiscard]] std::string exit_report();
    // The GDB connection stands: what QEMU said so far is printed, and from
    // now on as it says it (before, a failed start's error says it).
    void started();
    // The QMP connection the probe asks through (count_instructions); -1
    // otherwise. Taken once: the caller owns it.
    int take_control_monitor() { return std::exchange(control_qmp_, -1); }
    // Kills QEMU, reaps it and flushes the last of its output.
    void stop();

private:
    void forward_output(int stdout_fd, int stderr_fd);
    void forward_input(int input_fd, int qmp_fd, std::optional<board::register_condition> ready);

    pid_t pid_ = -1;
    int exit_status_ = -1;
    std::uint16_t gdb_port_ = 0;
    int serial_input_ = -1;
    int control_qmp_ = -1;  // QEMU's stdin: the serial port's receive side
    output_sink serial_;
    std::mutex said_;  // guards stderr_text_, held_ and started_
    std::string stderr_text_;
    std::vector<std::string> held_;
    bool started_ = false;
    std::thread forwarder_;
    std::array<int, 2> stop_input_{-1, -1};  // written to end forward_input
    std::thread input_forwarder_;
};

// Starts QEMU and connects to it; the probe owns QEMU.
std::unique_ptr<probe> start_qemu(const board::description& board, output_sink serial,
                                  const qemu_options& options, std::chrono::milliseconds timeout);

}  // namespace rivet::probe
