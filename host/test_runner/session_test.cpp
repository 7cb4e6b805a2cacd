#include <rivet/contracts/log_wire.hpp>
#include <rivet/contracts/testing.hpp>
#include <rivet/probe/fake_probe.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/test_runner/session.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rivet::test_runner {
namespace {

using namespace std::chrono_literals;
using probe::fake_probe;
using probe::stop_event;
using ::testing::HasSubstr;
using verdict = case_result::verdict;

// testdata/cases.elf: tests/firmware/testing/cases.cpp for lm3s6965evb,
// debug information stripped (testdata/README.md).
struct fixture : ::testing::Test {
    elf::file firmware = elf::file::open(RIVET_TEST_RUNNER_TESTDATA "/cases.elf");
    board::description board = runner::board_for(firmware, std::nullopt);
    std::vector<test_case> cases = read_cases(firmware);
    fake_probe target;
    session_options options;

    fixture() {
        target.add_memory(0x00000000, 256 * 1024);
        target.add_memory(0x20000000, 64 * 1024);
        target.set_register("sp", 0x20001000);
        options.timeout = 2000ms;
    }
    // Only these cases, in this order.
    void keep(std::initializer_list<std::string_view> names) {
        std::vector<test_case> kept;
        for (auto name : names)
            for (const auto& c : cases)
                if (c.name == name) kept.push_back(c);
        ASSERT_EQ(kept.size(), names.size());
        cases = kept;
    }
    std::uint32_t address_of(const char* name) { return firmware.find_symbol(name)->value & ~1u; }
    // The firmware reaches the handshake after `before` instructions.
    void reaches_ready(std::optional<std::uint64_t> before) {
        target.script({.after = 1ms,
                       .event = halted(),
                       .pc = address_of(contracts::testing::ready_trap_symbol),
                       .instructions = before});
    }
    void exits(std::optional<std::uint32_t> code, std::optional<std::uint64_t> at) {
        std::map<std::string, std::uint32_t, std::less<>> registers;
        if (code) registers["r0"] = *code;
        target.script({.after = 1ms,
                       .event = halted(),
                       .pc = address_of("rivet_exit_trap"),
                       .registers = registers,
                       .instructions = at});
    }
    session_result run(const selection& chosen) {
        return run_cases(target, firmware, board, cases, chosen, options);
    }
    static stop_event halted() { return {stop_event::kind::halted, 5, 0}; }
};

TEST_F(fixture, runs_each_case_on_a_reset_target_and_counts_its_instructions) {
    target.instruction_count = 0;
    reaches_ready(100);
    exits(0, 350);
    reaches_ready(1000);
    exits(contracts::log::panic_exit_code, 1500);

    keep({"adds_up", "compares_wrong"});
    const auto results = run({});

    ASSERT_EQ(results.results.size(), 2u);
    EXPECT_EQ(results.results[0].which.name, "adds_up");
    EXPECT_EQ(results.results[0].how, verdict::passed);
    EXPECT_EQ(results.results[0].instructions, 250u);
    EXPECT_EQ(results.results[1].which.name, "compares_wrong");
    EXPECT_EQ(results.results[1].how, verdict::failed);
    EXPECT_EQ(results.results[1].reason, "panicked (a failed assertion)");
    EXPECT_EQ(results.results[1].instructions, 500u);
    EXPECT_GE(target.system_resets(), 2);
}

TEST_F(fixture, hands_the_firmware_the_index_of_the_case) {
    reaches_ready(std::nullopt);
    exits(std::nullopt, std::nullopt);  // r0 still holds what the host put there
    keep({"runs_after_a_fault"});
    const auto results = run({});
    ASSERT_EQ(results.results.size(), 1u);
    EXPECT_NE(cases[0].index, 0u);
    EXPECT_EQ(results.results[0].reason, "exited with " + std::to_string(cases[0].index));
    // Counting is the probe's: without it, no count.
    EXPECT_FALSE(results.results[0].instructions);
    // The handshake's breakpoint is gone; the traps stay.
    EXPECT_FALSE(target.breakpoints().contains(address_of(contracts::testing::ready_trap_symbol)));
    EXPECT_TRUE(target.breakpoints().contains(address_of("rivet_exit_trap")));
}

TEST_F(fixture, should_fail_turns_the_verdict_around) {
    reaches_ready(0);
    exits(contracts::log::panic_exit_code, 0);
    reaches_ready(0);
    exits(0, 0);
    keep({"panics_as_it_should", "should_fail_but_passes"});
    const auto results = run({});
    ASSERT_EQ(results.results.size(), 2u);
    EXPECT_EQ(results.results[0].how, verdict::passed);
    EXPECT_EQ(results.results[1].how, verdict::failed);
    EXPECT_EQ(results.results[1].reason, "passed, but should_fail expects it to fail");
}

TEST_F(fixture, a_fault_fails_the_case_and_the_next_one_runs) {
    reaches_ready(0);
    target.script({.after = 1ms,
                   .event = halted(),
                   .pc = address_of("rivet_fault_trap"),
                   .registers = {{"r0", 3}}});
    reaches_ready(0);
    exits(0, 0);
    keep({"executes_undefined", "runs_after_a_fault"});
    const auto results = run({});
    ASSERT_EQ(results.results.size(), 2u);
    EXPECT_EQ(results.results[0].how, verdict::failed);
    EXPECT_EQ(results.results[0].reason, "took a fault (HardFault)");
    EXPECT_TRUE(results.results[0].fault);
    EXPECT_EQ(results.results[1].how, verdict::passed);
}

TEST_F(fixture, a_hung_case_fails_at_the_timeout) {
    options.timeout = 100ms;
    reaches_ready(0);  // then it runs for ever
    const auto results = run({.filter = "adds_up", .exact = true});
    ASSERT_EQ(results.results.size(), 1u);
    EXPECT_THAT(results.results[0].reason, HasSubstr("did not end within 0.1 s"));
}

TEST_F(fixture, an_ending_before_the_handshake_fails_the_case) {
    exits(3, 0);
    const auto results = run({.filter = "adds_up", .exact = true});
    ASSERT_EQ(results.results.size(), 1u);
    EXPECT_EQ(results.results[0].reason, "before the case started: exited with 3");
}

TEST_F(fixture, ignored_cases_are_reported_without_touching_the_target) {
    const auto results = run({.filter = "needs_hardware"});
    ASSERT_EQ(results.results.size(), 1u);
    EXPECT_EQ(results.results[0].how, verdict::ignored);
    EXPECT_EQ(target.system_resets(), 0);
    EXPECT_EQ(target.runs(), 0);
}

backtrace::frame frame_in(const char* function, const char* file, unsigned line,
                          bool exception_entry = false) {
    backtrace::frame f;
    f.locations.push_back({.function = function, .file = file, .line = line});
    f.exception_entry = exception_entry;
    return f;
}

TEST(failure_location, skips_rivets_way_out_and_the_fault_handler) {
    backtrace::trace exit_trace;
    exit_trace.frames = {
        frame_in("rivet_exit_trap", "exit.cpp", 10),
        frame_in("rivet::log::detail::panic_exit()", "log.cpp", 70),
        frame_in("rivet_test_body_compares_wrong", "cases.cpp", 27),
    };
    EXPECT_EQ(failure_location(exit_trace), "cases.cpp:27 (rivet_test_body_compares_wrong)");

    backtrace::trace fault_trace;
    fault_trace.frames = {
        frame_in("rivet_fault_trap", "default_handlers.cpp", 10),
        frame_in("hard_fault_handler", "default_handlers.cpp", 20),
        frame_in("rivet_test_body_executes_undefined", "cases.cpp", 40, true),
    };
    EXPECT_EQ(failure_location(fault_trace), "cases.cpp:40 (rivet_test_body_executes_undefined)");
    EXPECT_EQ(failure_location({}), "");
}

}  // namespace
}  // namespace rivet::test_runner
