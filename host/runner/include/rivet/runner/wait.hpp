// The two halves of `rivet run` after the image is loaded: waiting for the
// firmware to end (while the services poll it), and reading what the end
// means from the halted target. Split so that each is tested on its own
// against a fake probe (host/probe/fake).
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/runner/run.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace rivet::runner {

// The breakpoints that end a run (docs/runner-contract.md).
struct traps {
    std::optional<std::uint32_t> exit;   // rivet_exit_trap: the code in r0
    std::optional<std::uint32_t> fault;  // rivet_fault_trap, or a foreign HardFault handler
    // Rivet's fault trap receives the exception number in r0; at a foreign
    // handler it comes from IPSR.
    bool fault_number_in_r0 = false;
    // Breakpoints of the caller's own (`rivet test`'s handshake): a stop
    // there ends the wait, and is the caller's to interpret.
    std::vector<std::uint32_t> others{};

    [[nodiscard]] bool at(std::uint32_t pc) const {
        return (exit && pc == *exit) || (fault && pc == *fault) ||
               std::find(others.begin(), others.end(), pc) != others.end();
    }
};

// The trap addresses of this firmware: Rivet's symbols, or for firmware
// Rivet did not link, its own HardFault handler.
traps traps_of(const elf::file& firmware, const board::description& board);

// run()'s first half: check_fits, load, the traps set, reset, the services
// attached. The core is left halted at the reset vector, for a caller that
// runs it its own way (run() below, a debugger session in host/debug).
traps start(probe::probe& target, const elf::file& firmware, const board::description& board,
            const run_options& options);

struct wait_result {
    enum class ending {
        stopped,      // the target stopped by itself: `stop`
        timeout,      // run_options::timeout passed; `stop` if the core halted
        interrupted,  // run_options::interrupted became true; `stop` if the core halted
    };
    ending how = ending::stopped;
    std::optional<probe::stop_event> stop;
};

// Runs the core until it stops by itself, the timeout passes or the run is
// interrupted. Meanwhile polls the services at the shortest interval they
// ask for, each time with the core halted, and resumes it; a stop that
// lands on a trap while a poll's halt is requested is the firmware's own.
// Services finish whenever the run ends with the core halted.
wait_result wait_for_end(probe::probe& target, const traps& ends, const run_options& options);

// The shortest interval any service asks for (zero: none polls). Services
// adapt theirs to the traffic they see, so ask again after every poll.
[[nodiscard]] std::chrono::milliseconds shortest_poll_interval(const run_options& options);

// One poll of the services while the core runs: halts it, polls every
// service and resumes it, unless the core had stopped by itself just before
// the halt request (`own_stop(pc)` says which halted places are its own: a
// trap, a debugger's breakpoint). Returns that stop; nullopt when the core
// was polled and runs again, or did not halt in time (its stop comes
// through the next wait_stop then).
std::optional<probe::stop_event> poll_services(probe::probe& target, const run_options& options,
                                               const std::function<bool(std::uint32_t)>& own_stop);

// What the end means, read from the (halted) target: the exit code, the
// fault report, or where the core was. Throws error(io) when the core
// halted somewhere that is not a trap.
run_outcome interpret(probe::probe& target, const elf::file& firmware,
                      const board::description& board, const traps& ends, const wait_result& end,
                      const run_options& options);

}  // namespace rivet::runner
