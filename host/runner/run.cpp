#include <rivet/contracts/runner.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace rivet::runner {
namespace {

namespace contracts = rivet::contracts;
using clock = std::chrono::steady_clock;

std::string where(const elf::file& firmware, std::uint32_t pc) {
    if (auto symbol = firmware.symbol_at(pc)) {
        return fmt::format("0x{:08x} in {}", pc, symbol->name);
    }
    return fmt::format("0x{:08x}", pc);
}

std::optional<std::uint32_t> symbol_address(const elf::file& firmware, const char* name) {
    if (auto symbol = firmware.find_symbol(name)) return symbol->value & ~1u;
    return std::nullopt;
}

}  // namespace

run_outcome run(probe::probe& target, const elf::file& firmware,
                const board::description& board, const run_options& options) {
    check_fits(firmware, board);
    load(target, firmware, options.verify);

    const auto exit_trap = symbol_address(firmware, contracts::exit_trap_symbol);
    const auto rivet_fault_trap = symbol_address(firmware, contracts::fault_trap_symbol);
    // Firmware Rivet did not link: stop at its own HardFault handler.
    const auto fault_trap =
        rivet_fault_trap ? rivet_fault_trap : foreign_fault_handler(firmware, board);
    if (exit_trap) target.set_breakpoint(*exit_trap);
    if (fault_trap) target.set_breakpoint(*fault_trap);

    reset(target, firmware, board);
    for (auto* service : options.services) service->attach(target);

    // Services drain what is left whenever the run ends with the core halted.
    auto finish = [&] {
        for (auto* service : options.services) service->finish(target);
    };
    auto is_trap = [&](std::uint32_t pc) {
        return (exit_trap && pc == *exit_trap) || (fault_trap && pc == *fault_trap);
    };
    auto halt = [&]() -> bool {
        target.halt();
        return target.wait_stop(std::chrono::milliseconds(500)).has_value();
    };

    // The shortest interval any service asks for; services may adapt theirs
    // to the traffic they see, so this is asked again after every poll.
    auto shortest_poll_interval = [&] {
        std::chrono::milliseconds shortest{0};
        for (auto* service : options.services) {
            auto interval = service->poll_interval();
            if (interval.count() > 0 && (shortest.count() == 0 || interval < shortest)) {
                shortest = interval;
            }
        }
        return shortest;
    };
    auto poll_interval = shortest_poll_interval();

    target.run();
    const auto started = clock::now();
    auto next_poll = started + poll_interval;
    for (;;) {
        const bool interrupted = options.interrupted && options.interrupted->load();
        const bool timed_out =
            options.timeout.count() > 0 && clock::now() - started >= options.timeout;
        if (interrupted || timed_out) {
            run_outcome outcome;
            outcome.how =
                interrupted ? run_outcome::ending::interrupted : run_outcome::ending::timeout;
            try {
                if (halt()) {
                    finish();
                    outcome.stopped_at = where(firmware, target.read_register("pc"));
                    outcome.backtrace = read_backtrace(target, firmware, board);
                }
            } catch (const Error&) {
                // The ending is the news; where the core was is a bonus.
            }
            return outcome;
        }
        auto wait = std::chrono::milliseconds(50);
        if (poll_interval.count() > 0) {
            auto until_poll =
                std::chrono::duration_cast<std::chrono::milliseconds>(next_poll - clock::now());
            wait = std::clamp(until_poll, std::chrono::milliseconds(0), wait);
        }
        auto stop = target.wait_stop(wait);
        if (!stop) {
            if (poll_interval.count() == 0 || clock::now() < next_poll) continue;
            target.halt();
            stop = target.wait_stop(std::chrono::milliseconds(500));
            if (!stop) continue;  // it did not halt in time: its stop is seen next turn
            // The core may have hit a trap just before our halt request: then
            // this stop is the firmware's, not ours.
            const bool at_trap = stop->type == probe::stop_event::kind::exited ||
                                 is_trap(target.read_register("pc"));
            if (!at_trap) {
                for (auto* service : options.services) service->poll(target);
                target.run();
                if (auto shortest = shortest_poll_interval(); shortest.count() > 0) {
                    poll_interval = shortest;
                }
                next_poll = clock::now() + poll_interval;
                continue;
            }
        }
        if (stop->type == probe::stop_event::kind::exited) {
            run_outcome outcome;
            outcome.exit_code = stop->exit_code;
            return outcome;
        }

        finish();
        const std::uint32_t pc = target.read_register("pc");
        if (exit_trap && pc == *exit_trap) {
            run_outcome outcome;
            outcome.exit_code = static_cast<int>(target.read_register("r0") & 0xff);
            if (outcome.exit_code != 0 && options.backtrace_on_error_exit) {
                outcome.backtrace = read_backtrace(target, firmware, board);
            }
            return outcome;
        }
        if (fault_trap && pc == *fault_trap) {
            const auto exception =
                rivet_fault_trap ? target.read_register("r0") : active_exception(target);
            run_outcome outcome;
            outcome.how = run_outcome::ending::fault;
            outcome.fault = read_fault(target, firmware, board, exception);
            return outcome;
        }
        throw Error(ErrorKind::io, fmt::format("the target halted unexpectedly at {} (signal {})",
                                               where(firmware, pc), stop->signal));
    }
}

}  // namespace rivet::runner
