#include <rivet/contracts/log_wire.hpp>
#include <rivet/contracts/testing.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/runner/wait.hpp>
#include <rivet/support/error.hpp>
#include <rivet/test_runner/session.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace rivet::test_runner {
namespace {

using verdict = case_result::verdict;
constexpr std::chrono::milliseconds startup_patience{10000};
using ending = runner::run_outcome::ending;

// Rivet's own way out of a failed case: not where it failed.
bool is_way_out(std::string_view function) {
    constexpr std::array<std::string_view, 5> prefixes = {
        "rivet_exit_trap", "rivet::exit", "rivet::log::detail::", "rivet_fault_trap", "_exit"};
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return function.starts_with(p); });
}

// The count now, or nullopt when the probe cannot count (or is gone).
std::optional<std::uint64_t> count(probe::probe& target) {
    try {
        return target.instructions_executed();
    } catch (const error&) {
        return std::nullopt;
    }
}

// Judges how a case ended.
void judge(case_result& result, const runner::run_outcome& outcome, double timeout_seconds) {
    const bool should_fail = result.which.should_fail;
    result.backtrace = outcome.backtrace;
    switch (outcome.how) {
        case ending::exited:
            if (outcome.exit_code == 0) {
                result.how = should_fail ? verdict::failed : verdict::passed;
                if (should_fail) result.reason = "passed, but should_fail expects it to fail";
                return;
            }
            result.how = should_fail ? verdict::passed : verdict::failed;
            if (outcome.exit_code == contracts::log::panic_exit_code) {
                result.reason = "panicked (a failed assertion)";
            } else if (outcome.exit_code == contracts::testing::no_such_case_exit_code) {
                result.how = verdict::failed;
                result.reason = fmt::format("the firmware has no case {}", result.which.index);
            } else {
                result.reason = fmt::format("exited with {}", outcome.exit_code);
            }
            break;
        case ending::fault:
            result.how = verdict::failed;
            result.fault = outcome.fault;
            result.reason = fmt::format("took a fault ({})", outcome.fault->exception);
            if (outcome.fault->backtrace.trace)
                result.location = failure_location(*outcome.fault->backtrace.trace);
            return;
        case ending::timeout:
            result.how = verdict::failed;
            result.reason = fmt::format("did not end within {} s", timeout_seconds);
            if (!outcome.stopped_at.empty())
                result.reason += " (stopped at " + outcome.stopped_at + ")";
            break;
        case ending::interrupted:
            result.how = verdict::failed;
            result.reason = "interrupted";
            break;
    }
    if (result.backtrace && result.backtrace->trace)
        result.location = failure_location(*result.backtrace->trace);
}

class session {
public:
    session(probe::probe& target, const elf::file& firmware, const board::description& board,
            const session_options& options)
        : target_(target), firmware_(firmware), board_(board), options_(options) {
        const auto ready = firmware.find_symbol(contracts::testing::ready_trap_symbol);
        if (!ready) {
            throw error(
                error_kind::bad_input,
                fmt::format("{}: has test cases but no {} (link it with rivet_testing, "
                            "which brings the main that runs them)",
                            firmware.path().string(), contracts::testing::ready_trap_symbol));
        }
        ready_ = ready->value & ~1u;
        ends_ = runner::traps_of(firmware, board);
        ends_.others.push_back(ready_);
        run_options_.timeout = options.timeout;
        run_options_.interrupted = options.interrupted;
        run_options_.services = options.services;
        run_options_.backtrace_on_error_exit = true;
    }

    void load() {
        runner::check_fits(firmware_, board_);
        runner::load(target_, firmware_, options_.verify);
        if (ends_.exit) target_.set_breakpoint(*ends_.exit);
        if (ends_.fault) target_.set_breakpoint(*ends_.fault);
    }

    // One case on a freshly reset system.
    case_result run(const test_case& c) {
        case_result result{.which = c};
        target_.reset_system();
        runner::reset(target_, firmware_, board_);
        target_.set_breakpoint(ready_);
        for (auto* service : options_.services) service->attach(target_);
        // The timeout is the case's; the way to the handshake (startup,
        // constructors) may take longer on a loaded host.
        auto starting = run_options_;
        if (starting.timeout.count() > 0)
            starting.timeout = std::max(starting.timeout, startup_patience);
        auto end = runner::wait_for_end(target_, ends_, starting);
        const bool at_ready = end.how == runner::wait_result::ending::stopped &&
                              end.stop->type == probe::stop_event::kind::halted &&
                              target_.read_register("pc") == ready_;
        if (end.stop && end.stop->type == probe::stop_event::kind::halted)
            target_.clear_breakpoint(ready_);
        std::optional<std::uint64_t> started;
        if (at_ready) {
            target_.write_register("r0", c.index);
            started = count(target_);
            end = runner::wait_for_end(target_, ends_, run_options_);
        }
        if (started && end.stop) {
            if (auto ended = count(target_)) result.instructions = *ended - *started;
        }
        const auto outcome =
            runner::interpret(target_, firmware_, board_, ends_, end, run_options_);
        judge(result, outcome, static_cast<double>(options_.timeout.count()) / 1000.0);
        interrupted_ = outcome.how == ending::interrupted;
        if (!at_ready && !interrupted_) {
            // Whatever it did, it did before any case ran.
            result.how = verdict::failed;
            result.reason = "before the case started: " + result.reason;
        }
        return result;
    }

    [[nodiscard]] bool interrupted() const { return interrupted_; }

private:
    probe::probe& target_;
    const elf::file& firmware_;
    const board::description& board_;
    const session_options& options_;
    std::uint32_t ready_ = 0;
    runner::traps ends_;
    runner::run_options run_options_;
    bool interrupted_ = false;
};

}  // namespace

std::size_t session_result::count(case_result::verdict v) const {
    return static_cast<std::size_t>(std::count_if(
        results.begin(), results.end(), [v](const case_result& r) { return r.how == v; }));
}

session_result run_cases(probe::probe& target, const elf::file& firmware,
                         const board::description& board, const std::vector<test_case>& cases,
                         const selection& chosen, const session_options& options) {
    session_result out;
    session running(target, firmware, board, options);
    bool loaded = false;
    for (const auto& c : cases) {
        const auto what = choose(c, chosen);
        if (what == choice::skip) continue;
        if (what == choice::ignore) {
            out.results.push_back({.which = c, .how = verdict::ignored});
            if (options.on_result) options.on_result(out.results.back());
            continue;
        }
        if (options.interrupted && options.interrupted->load()) {
            out.interrupted = true;
            break;
        }
        if (!loaded) {
            running.load();
            loaded = true;
        }
        if (options.on_start) options.on_start(c);
        out.results.push_back(running.run(c));
        if (options.on_result) options.on_result(out.results.back());
        if (running.interrupted()) {
            out.interrupted = true;
            break;
        }
    }
    return out;
}

std::string failure_location(const backtrace::trace& trace) {
    // After a fault, the frames before the exception entry are the handler's.
    const bool faulted = std::any_of(trace.frames.begin(), trace.frames.end(),
                                     [](const backtrace::frame& f) { return f.exception_entry; });
    bool past_entry = !faulted;
    for (const auto& frame : trace.frames) {
        if (!past_entry) {
            if (!frame.exception_entry) continue;
            past_entry = true;
        }
        for (const auto& where : frame.locations) {
            if (where.file.empty() || is_way_out(where.function)) continue;
            return where.function.empty()
                       ? fmt::format("{}:{}", where.file, where.line)
                       : fmt::format("{}:{} ({})", where.file, where.line, where.function);
        }
    }
    return "";
}

}  // namespace rivet::test_runner
