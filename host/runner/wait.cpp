#include <rivet/contracts/runner.hpp>
#include <rivet/runner/wait.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace rivet::runner {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long a halt request may take before the core counts as not halted.
constexpr milliseconds halt_patience{500};
// The longest single wait for a stop, so the timeout and Ctrl-C are seen.
constexpr milliseconds wait_slice{50};
// GDB's signal number for a halt that was asked for (the RSP's T02).
constexpr int gdb_sigint = 2;

std::optional<std::uint32_t> code_address(const elf::file& firmware, const char* name) {
    if (auto symbol = firmware.find_symbol(name)) return symbol->value & ~1u;
    return std::nullopt;
}

void finish_services(probe::probe& target, const run_options& options) {
    for (auto* service : options.services) service->finish(target);
}

std::string where(const elf::file& firmware, std::uint32_t pc) {
    if (auto symbol = firmware.symbol_at(pc))
        return fmt::format("0x{:08x} in {}", pc, symbol->name);
    return fmt::format("0x{:08x}", pc);
}

}  // namespace

milliseconds shortest_poll_interval(const run_options& options) {
    milliseconds shortest{0};
    for (auto* service : options.services) {
        const auto interval = service->poll_interval();
        if (interval.count() > 0 && (shortest.count() == 0 || interval < shortest))
            shortest = interval;
    }
    return shortest;
}

std::optional<probe::stop_event> poll_services(probe::probe& target, const run_options& options,
                                               const std::function<bool(std::uint32_t)>& own_stop) {
    target.halt();
    auto stop = target.wait_stop(halt_patience);
    if (!stop) return std::nullopt;
    // The core may have reached a trap just before the halt request: then
    // this stop is the firmware's, not the poll's.
    if (stop->type == probe::stop_event::kind::exited || own_stop(target.read_register("pc")))
        return stop;
    for (auto* service : options.services) service->poll(target);
    target.run();
    return std::nullopt;
}

traps traps_of(const elf::file& firmware, const board::description& board) {
    traps out;
    out.exit = code_address(firmware, contracts::exit_trap_symbol);
    out.fault = code_address(firmware, contracts::fault_trap_symbol);
    out.fault_number_in_r0 = out.fault.has_value();
    if (!out.fault) out.fault = foreign_fault_handler(firmware, board);
    return out;
}

wait_result wait_for_end(probe::probe& target, const traps& ends, const run_options& options) {
    auto poll_interval = shortest_poll_interval(options);
    target.run();
    const auto started = clock::now();
    auto next_poll = started + poll_interval;
    for (;;) {
        const bool interrupted = options.interrupted && options.interrupted->load();
        const bool timed_out =
            options.timeout.count() > 0 && clock::now() - started >= options.timeout;
        if (interrupted || timed_out) {
            wait_result out;
            out.how = interrupted ? wait_result::ending::interrupted : wait_result::ending::timeout;
            try {
                target.halt();
                out.stop = target.wait_stop(halt_patience);
                if (out.stop && out.stop->type == probe::stop_event::kind::halted)
                    finish_services(target, options);
            } catch (const error&) {
                // The ending is the news; the core's state is a bonus.
            }
            return out;
        }
        auto wait = wait_slice;
        if (poll_interval.count() > 0) {
            // Rounded up: a wait rounded down to 0 ms would spin until the poll.
            const auto until_poll = std::chrono::ceil<milliseconds>(next_poll - clock::now());
            wait = std::clamp(until_poll, milliseconds(0), wait_slice);
        }
        auto stop = target.wait_stop(wait);
        if (!stop) {
            if (poll_interval.count() == 0 || clock::now() < next_poll) continue;
            stop = poll_services(target, options, [&](std::uint32_t pc) { return ends.at(pc); });
            if (!stop) {
                if (auto shortest = shortest_poll_interval(options); shortest.count() > 0)
                    poll_interval = shortest;
                next_poll = clock::now() + poll_interval;
                continue;
            }
        }
        // A halt a poll asked for can outlive the stop it raced with (the
        // core reached a trap just as the poll halted it): QEMU then reports
        // it, as SIGINT, once the core runs again. Nobody wants that stop.
        if (stop->type == probe::stop_event::kind::halted && stop->signal == gdb_sigint &&
            !ends.at(target.read_register("pc"))) {
            target.run();
            continue;
        }
        if (stop->type == probe::stop_event::kind::halted) finish_services(target, options);
        return {wait_result::ending::stopped, stop};
    }
}

run_outcome interpret(probe::probe& target, const elf::file& firmware,
                      const board::description& board, const traps& ends, const wait_result& end,
                      const run_options& options) {
    run_outcome outcome;
    if (end.how != wait_result::ending::stopped) {
        outcome.how = end.how == wait_result::ending::interrupted ? run_outcome::ending::interrupted
                                                                  : run_outcome::ending::timeout;
        if (!end.stop || end.stop->type != probe::stop_event::kind::halted) return outcome;
        try {
            outcome.stopped_at = where(firmware, target.read_register("pc"));
            outcome.backtrace = read_backtrace(target, firmware, board);
        } catch (const error&) {
            // As above: where the core was is a bonus.
        }
        return outcome;
    }
    if (end.stop->type == probe::stop_event::kind::exited) {
        outcome.exit_code = end.stop->exit_code;
        return outcome;
    }
    const std::uint32_t pc = target.read_register("pc");
    if (ends.exit && pc == *ends.exit) {
        outcome.exit_code = static_cast<int>(target.read_register("r0") & 0xff);
        if (outcome.exit_code != 0 && options.backtrace_on_error_exit)
            outcome.backtrace = read_backtrace(target, firmware, board);
        return outcome;
    }
    if (ends.fault && pc == *ends.fault) {
        const auto exception =
            ends.fault_number_in_r0 ? target.read_register("r0") : active_exception(target);
        outcome.how = run_outcome::ending::fault;
        outcome.fault = read_fault(target, firmware, board, exception);
        return outcome;
    }
    throw error(error_kind::io, fmt::format("the target halted unexpectedly at {} (signal {})",
                                            where(firmware, pc), end.stop->signal));
}

}  // namespace rivet::runner
