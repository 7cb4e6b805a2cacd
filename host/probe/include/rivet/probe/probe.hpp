// The one interface the runner drives a target through, whatever sits behind
// it: QEMU started by Rivet, or a GDB server in front of real hardware
// (OpenOCD, pyOCD, J-Link, Black Magic Probe, st-util). Deliberately narrow:
// memory, registers, breakpoints, run/halt and waiting for a stop.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::probe {

// Why the target stopped running.
struct stop_event {
    enum class kind {
        halted,  // a breakpoint, a halt request or a signal; the core can be inspected
        exited,  // the target ended (e.g. semihosting exit under QEMU) with exit_code
    };
    kind type = kind::halted;
    int signal = 0;     // halted: the GDB signal number (5 = SIGTRAP)
    int exit_code = 0;  // exited
};

// Receives console text as it arrives (UART under QEMU, 'O' packets).
using output_sink = std::function<void(std::string_view)>;

class probe {
public:
    virtual ~probe() = default;

    // For messages: "QEMU lm3s6965evb", "gdb server at 127.0.0.1:3333".
    [[nodiscard]] virtual std::string describe() const = 0;

    [[nodiscard]] virtual std::vector<std::uint8_t> read_memory(std::uint32_t address,
                                                                std::size_t length) = 0;
    virtual void write_memory(std::uint32_t address, std::span<const std::uint8_t> data) = 0;

    // Core registers by their GDB names: r0..r12, sp, lr, pc, xpsr, msp, ...
    [[nodiscard]] virtual std::uint32_t read_register(std::string_view name) = 0;
    // Any register in target byte order, also those wider than 32 bits (the
    // FPU's d0..d15), for a debugger that shows them all (host/debug).
    [[nodiscard]] virtual std::vector<std::uint8_t> read_register_bytes(std::string_view name) = 0;
    virtual void write_register(std::string_view name, std::uint32_t value) = 0;
    [[nodiscard]] virtual bool has_register(std::string_view name) const = 0;

    virtual void set_breakpoint(std::uint32_t address) = 0;
    virtual void clear_breakpoint(std::uint32_t address) = 0;

    // Resumes the core; the stop comes through wait_stop().
    virtual void run() = 0;
    // Executes one instruction of a halted core; the stop comes through
    // wait_stop() (a debugger's single step).
    virtual void step() = 0;
    // Asks a running core to halt; the stop comes through wait_stop().
    virtual void halt() = 0;
    // The next stop, or nullopt if none came within `timeout`. Console output
    // that arrives meanwhile goes to the sink given at creation.
    [[nodiscard]] virtual std::optional<stop_event> wait_stop(
        std::chrono::milliseconds timeout) = 0;

    // Leaves the target to itself: breakpoints gone, the core running,
    // the connection closed (`rivet attach`, `rivet reset`). The probe is
    // not used afterwards.
    virtual void detach() = 0;
};

}  // namespace rivet::probe
