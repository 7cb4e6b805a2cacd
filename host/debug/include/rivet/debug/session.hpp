// One debugger's session with a target that Rivet keeps running for the
// firmware: the debugger's packets become probe calls (memory, registers,
// breakpoints, continue, step, interrupt), and while the core runs the
// run's services (the RTT log reader) are polled as `rivet run` polls them.
// Rivet's own traps stay invisible: reaching the exit trap is the end of
// the program to the debugger (W), the fault trap a SIGSEGV stop.
#pragma once

#include <rivet/debug/connection.hpp>
#include <rivet/debug/registers.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/runner/wait.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::debug {

struct session_end {
    enum class how {
        ended,  // the run ended (the firmware exited or faulted, a timeout, an interrupt): `wait`
        detached,  // the debugger left with D: the core is halted, to be run on by the caller
    };
    how why = how::ended;
    // ended: as runner::wait_for_end says it (the debugger's kill, or its
    // going away, is an interrupt).
    runner::wait_result wait;
};

class session {
public:
    // `ends` are the traps runner::start set; `deadline` (if any) is when
    // the run's timeout passes; `reset` resets the core as the run did
    // (`monitor reset`).
    session(probe::probe& target, const runner::traps& ends, const runner::run_options& options,
            std::optional<std::chrono::steady_clock::time_point> deadline,
            std::function<void()> reset);

    // Serves the debugger from a halted core until the run ends or the
    // debugger detaches.
    session_end serve(connection& gdb);

private:
    using stop = std::optional<probe::stop_event>;

    // A packet while the core is halted: the reply is sent; returns an end
    // when the packet ends the session, sets resume_ when it runs the core.
    std::optional<session_end> handle(connection& gdb, const std::string& packet);
    // Runs (or steps) the core until it stops, the debugger interrupts it
    // or the run ends; polls the services meanwhile.
    std::optional<session_end> run_until_stop(connection& gdb, bool single_step);
    // Tells the debugger about a stop; an end when it ends the run.
    std::optional<session_end> report(connection& gdb, const probe::stop_event& event);
    // The run ends (timeout, interrupt, kill): halt the core, drain the services.
    session_end finish(runner::wait_result::ending how, bool running);
    // The run ends in the fault trap the core sits in (a fault report follows).
    session_end end_at_fault();

    [[nodiscard]] std::string read_registers();
    [[nodiscard]] std::string read_register(std::string_view number);
    [[nodiscard]] std::string write_register(std::string_view assignment);
    [[nodiscard]] std::string read_memory(std::string_view request);
    [[nodiscard]] std::string write_memory(std::string_view request);
    [[nodiscard]] std::string breakpoint(std::string_view request, bool insert);
    [[nodiscard]] std::string features(std::string_view request);
    void monitor(connection& gdb, std::string_view hex_command);
    [[nodiscard]] bool deadline_passed() const;
    [[nodiscard]] bool interrupted() const;

    probe::probe& target_;
    runner::traps ends_;
    const runner::run_options& options_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    std::function<void()> reset_;
    std::vector<gdb_register> registers_;
    std::string target_xml_;
    std::set<std::uint32_t> breakpoints_;  // the debugger's
    probe::stop_event last_stop_{probe::stop_event::kind::halted, 5, 0};
    // The core sits in the fault trap: resuming it ends the run.
    bool faulted_ = false;
    enum class resume { none, cont, step };
    resume resume_ = resume::none;
};

}  // namespace rivet::debug
