#include <rivet/board/description.hpp>
#include <rivet/probe/fake_probe.hpp>
#include <rivet/runner/wait.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

namespace rivet::runner {
namespace {

using namespace std::chrono_literals;
using probe::fake_probe;
using probe::stop_event;
using ::testing::HasSubstr;

constexpr std::uint32_t exit_trap = 0x100;
constexpr std::uint32_t fault_trap = 0x200;
const traps ends{exit_trap, fault_trap, true};

// Counts what the runner asks of it; checks the core is halted each time.
class counting_service : public probe::target_service {
public:
    explicit counting_service(std::chrono::milliseconds interval) : interval_(interval) {}
    [[nodiscard]] std::chrono::milliseconds poll_interval() const override { return interval_; }
    void poll(probe::probe& target) override {
        auto& fake = dynamic_cast<fake_probe&>(target);
        EXPECT_FALSE(fake.running()) << "polled while the core runs";
        ++polls;
    }
    void finish(probe::probe& target) override {
        EXPECT_FALSE(dynamic_cast<fake_probe&>(target).running());
        ++finishes;
    }
    int polls = 0;
    int finishes = 0;

private:
    std::chrono::milliseconds interval_;
};

stop_event halted() {
    return {stop_event::kind::halted, 5, 0};
}

TEST(wait_for_end, runs_on_after_a_late_halt_that_nobody_asked_for) {
    // The halt of a poll that raced with a trap, reported once the core ran
    // again: a SIGINT stop away from every trap (a startup case failed so).
    fake_probe target;
    target.script({0ms, {stop_event::kind::halted, 2, 0}, 0x8004});
    target.script({10ms, halted(), exit_trap});

    const auto end = wait_for_end(target, ends, run_options{});

    EXPECT_EQ(end.how, wait_result::ending::stopped);
    EXPECT_EQ(target.read_register("pc"), exit_trap);
    EXPECT_EQ(target.runs(), 2);
}

TEST(wait_for_end, polls_services_with_the_core_halted_and_resumes_it) {
    fake_probe target;
    target.script({60ms, halted(), exit_trap});
    counting_service service(5ms);
    run_options options;
    options.services = {&service};

    const auto end = wait_for_end(target, ends, options);

    EXPECT_EQ(end.how, wait_result::ending::stopped);
    ASSERT_TRUE(end.stop.has_value());
    EXPECT_EQ(target.read_register("pc"), exit_trap);
    EXPECT_GE(service.polls, 2);
    EXPECT_EQ(target.runs(), service.polls + 1);  // resumed after every poll
    EXPECT_EQ(service.finishes, 1);
}

TEST(wait_for_end, a_trap_reached_before_the_polls_halt_is_the_firmwares_stop) {
    fake_probe target;
    target.set_register("pc", fault_trap);  // the core is already there
    counting_service service(1ms);
    run_options options;
    options.services = {&service};

    const auto end = wait_for_end(target, ends, options);

    EXPECT_EQ(end.how, wait_result::ending::stopped);
    EXPECT_EQ(service.polls, 0);
    EXPECT_EQ(service.finishes, 1);
    EXPECT_EQ(target.runs(), 1);
}

TEST(wait_for_end, a_timeout_halts_the_core_and_finishes_the_services) {
    fake_probe target;  // runs for ever
    counting_service service(0ms);
    run_options options;
    options.timeout = 20ms;
    options.services = {&service};

    const auto end = wait_for_end(target, ends, options);

    EXPECT_EQ(end.how, wait_result::ending::timeout);
    ASSERT_TRUE(end.stop.has_value());
    EXPECT_EQ(end.stop->type, stop_event::kind::halted);
    EXPECT_FALSE(target.running());
    EXPECT_EQ(service.polls, 0);
    EXPECT_EQ(service.finishes, 1);
}

TEST(wait_for_end, a_core_that_does_not_halt_is_not_read) {
    fake_probe target;
    target.ignore_halts = true;
    counting_service service(0ms);
    std::atomic<bool> interrupted{true};
    run_options options;
    options.interrupted = &interrupted;
    options.services = {&service};

    const auto end = wait_for_end(target, ends, options);

    EXPECT_EQ(end.how, wait_result::ending::interrupted);
    EXPECT_FALSE(end.stop.has_value());
    EXPECT_EQ(service.finishes, 0);
}

TEST(wait_for_end, a_target_that_exits_ends_the_wait_without_finishing_services) {
    fake_probe target;
    target.script({5ms, {stop_event::kind::exited, 0, 3}, {}});
    counting_service service(0ms);
    run_options options;
    options.services = {&service};

    const auto end = wait_for_end(target, ends, options);

    ASSERT_TRUE(end.stop.has_value());
    EXPECT_EQ(end.stop->type, stop_event::kind::exited);
    EXPECT_EQ(service.finishes, 0);  // there is no core left to read
}

class interpret_test : public ::testing::Test {
protected:
    elf::file firmware = elf::file::open(RIVET_RUNNER_TESTDATA "/tiny.elf");
    board::description board = board::find_builtin("lm3s6965evb").value();
    fake_probe target;
    run_options options;

    run_outcome stopped_at(std::uint32_t pc) {
        target.set_register("pc", pc);
        return interpret(target, firmware, board, ends, {wait_result::ending::stopped, halted()},
                         options);
    }
};

TEST_F(interpret_test, the_exit_trap_gives_the_low_byte_of_r0) {
    target.set_register("r0", 0x1234);
    const auto outcome = stopped_at(exit_trap);
    EXPECT_EQ(outcome.how, run_outcome::ending::exited);
    EXPECT_EQ(outcome.exit_code, 0x34);
    EXPECT_FALSE(outcome.backtrace.has_value());
}

TEST_F(interpret_test, a_semihosting_exit_gives_its_code) {
    const auto outcome = interpret(
        target, firmware, board, ends,
        {wait_result::ending::stopped, stop_event{stop_event::kind::exited, 0, 42}}, options);
    EXPECT_EQ(outcome.how, run_outcome::ending::exited);
    EXPECT_EQ(outcome.exit_code, 42);
}

TEST_F(interpret_test, the_fault_trap_reports_the_exception_rivets_handler_passed) {
    target.set_register("r0", 3);
    const auto outcome = stopped_at(fault_trap);
    EXPECT_EQ(outcome.how, run_outcome::ending::fault);
    ASSERT_TRUE(outcome.fault.has_value());
    EXPECT_EQ(outcome.fault->exception, "HardFault");
}

TEST_F(interpret_test, a_halt_anywhere_else_is_an_error_naming_the_place) {
    try {
        (void)stopped_at(0x8004);
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::io);
        EXPECT_THAT(e.what(), HasSubstr("halted unexpectedly at 0x00008004"));
    }
}

TEST_F(interpret_test, a_timeout_without_a_halted_core_says_only_that) {
    const auto outcome =
        interpret(target, firmware, board, ends, {wait_result::ending::timeout, {}}, options);
    EXPECT_EQ(outcome.how, run_outcome::ending::timeout);
    EXPECT_TRUE(outcome.stopped_at.empty());
}

}  // namespace
}  // namespace rivet::runner
