// The session against a fake probe, driven by host/rsp's client as the
// debugger: what gdb-multiarch sends, over a socketpair.
#include <rivet/debug/session.hpp>
#include <rivet/probe/fake_probe.hpp>
#include <rivet/rsp/client.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/socket.h>

#include <atomic>
#include <future>
#include <thread>

namespace rivet::debug {
namespace {

using namespace std::chrono_literals;
using probe::fake_probe;
using probe::stop_event;

constexpr std::uint32_t exit_trap = 0x100;
constexpr std::uint32_t fault_trap = 0x200;
const runner::traps ends{exit_trap, fault_trap, true};

// Counts polls and finishes, each of which must see the core halted.
class counting_service : public probe::target_service {
public:
    [[nodiscard]] std::chrono::milliseconds poll_interval() const override { return 5ms; }
    void poll(probe::probe& target) override {
        EXPECT_FALSE(dynamic_cast<fake_probe&>(target).running()) << "polled while running";
        ++polls;
    }
    void finish(probe::probe& target) override {
        EXPECT_FALSE(dynamic_cast<fake_probe&>(target).running());
        ++finishes;
    }
    std::atomic<int> polls = 0;
    std::atomic<int> finishes = 0;
};

// A session serving on one end of a socketpair, a client on the other.
class debug_session_test : public ::testing::Test {
protected:
    debug_session_test() {
        target.add_memory(0x0, 0x1000);
        target.add_memory(0x20000000, 0x1000);
        for (int i = 0; i <= 12; ++i) target.set_register(fmt::format("r{}", i), 0x1000u + i);
        target.set_register("sp", 0x20001000);
        target.set_register("lr", 0xffffffff);
        target.set_register("pc", 0x40);
        target.set_register("xpsr", 0x01000000);
        target.set_breakpoint(exit_trap);  // as runner::start leaves them
        target.set_breakpoint(fault_trap);
        options.services = {&service};
    }
    ~debug_session_test() override {
        if (server.joinable()) server.join();
    }

    // Starts serving; the client has done its handshake when this returns.
    void start() {
        int fds[2];
        ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        auto served = std::make_shared<std::promise<session_end>>();
        ended = served->get_future();
        server = std::thread([this, fd = fds[0], served] {
            connection gdb(std::make_unique<rsp::socket_transport>(fd, "gdb"));
            session debugger(target, ends, options, std::nullopt, [this] { ++resets; });
            served->set_value(debugger.serve(gdb));
        });
        gdb =
            std::make_unique<rsp::client>(std::make_unique<rsp::socket_transport>(fds[1], "rivet"));
        gdb->handshake();
    }
    session_end end() {
        if (ended.wait_for(5s) != std::future_status::ready) std::abort();
        return ended.get();
    }
    rsp::stop_reply stop() {
        auto reply = gdb->wait_stop(2s);
        if (!reply) throw std::runtime_error("no stop reply");
        return *reply;
    }

    fake_probe target;
    counting_service service;
    runner::run_options options;
    std::atomic<int> resets = 0;
    std::thread server;
    std::future<session_end> ended;
    std::unique_ptr<rsp::client> gdb;
};

TEST_F(debug_session_test, describes_the_core_and_reads_registers_and_memory) {
    target.put32(0x20000010, 0xcafef00d);
    start();
    ASSERT_NE(gdb->find_register("xpsr"), nullptr);
    EXPECT_EQ(gdb->find_register("xpsr")->regnum, 16u);
    EXPECT_EQ(gdb->read_register("pc"), 0x40u);
    EXPECT_EQ(gdb->read_register("r7"), 0x1007u);
    EXPECT_EQ(gdb->read_memory(0x20000010, 4), (std::vector<std::uint8_t>{0x0d, 0xf0, 0xfe, 0xca}));
    // Whole register file at once: 17 registers of 8 hex digits.
    EXPECT_EQ(gdb->request("g").size(), 17u * 8u);
    // Memory no probe has is an error reply, not the end of the session.
    EXPECT_THROW((void)gdb->read_memory(0x90000000, 4), error);

    const std::vector<std::uint8_t> bytes{1, 2, 3, 4, 5};
    gdb->write_memory(0x20000100, bytes);
    gdb->write_register("r3", 0x12345678);
    gdb->detach();
    const auto finished = end();
    EXPECT_EQ(finished.why, session_end::how::detached);
    EXPECT_EQ(target.read_memory(0x20000100, 5), bytes);
    EXPECT_EQ(target.read_register("r3"), 0x12345678u);
}

TEST_F(debug_session_test, runs_to_the_debuggers_breakpoint_polling_the_services_meanwhile) {
    target.script({80ms, {stop_event::kind::halted, 5, 0}, 0x80});
    start();
    gdb->insert_breakpoint(0x80, false);
    gdb->cont();
    const auto reply = stop();
    EXPECT_EQ(reply.type, rsp::stop_reply::kind::signal);
    EXPECT_EQ(reply.code, 5);
    EXPECT_EQ(gdb->read_register("pc"), 0x80u);
    const int polls = service.polls;
    EXPECT_GE(polls, 3);  // every 5 ms for 80 ms, and once at the stop
    gdb->remove_breakpoint(0x80, false);
    gdb->kill();
    const auto finished = end();
    EXPECT_EQ(finished.wait.how, runner::wait_result::ending::interrupted);
    EXPECT_EQ(target.breakpoints(), (std::set<std::uint32_t>{exit_trap, fault_trap}));
    EXPECT_EQ(service.finishes, 1);
}

TEST_F(debug_session_test, the_exit_trap_is_the_end_of_the_program_with_its_code) {
    target.script({20ms, {stop_event::kind::halted, 5, 0}, exit_trap});
    target.set_register("r0", 3);
    start();
    gdb->cont();
    const auto reply = stop();
    EXPECT_EQ(reply.type, rsp::stop_reply::kind::exited);
    EXPECT_EQ(reply.code, 3);
    const auto finished = end();
    EXPECT_EQ(finished.why, session_end::how::ended);
    EXPECT_EQ(finished.wait.how, runner::wait_result::ending::stopped);
    EXPECT_EQ(service.finishes, 1);
}

TEST_F(debug_session_test, ctrl_c_halts_a_running_core) {
    start();
    gdb->cont();
    std::this_thread::sleep_for(30ms);
    gdb->interrupt();
    const auto reply = stop();
    EXPECT_EQ(reply.type, rsp::stop_reply::kind::signal);
    EXPECT_EQ(reply.code, 2);
    gdb->detach();
    EXPECT_EQ(end().why, session_end::how::detached);
    EXPECT_FALSE(target.running());  // the caller runs it on
}

TEST_F(debug_session_test, steps_one_instruction) {
    start();
    gdb->step();
    const auto reply = stop();
    EXPECT_EQ(reply.code, 5);
    EXPECT_EQ(gdb->read_register("pc"), 0x42u);
    gdb->detach();
    (void)end();
    EXPECT_EQ(target.steps(), 1);
}

TEST_F(debug_session_test, rivets_traps_stay_whatever_the_debugger_does_with_them) {
    start();
    gdb->insert_breakpoint(exit_trap, false);
    gdb->remove_breakpoint(exit_trap, false);
    gdb->detach();
    (void)end();
    EXPECT_TRUE(target.breakpoints().contains(exit_trap));
}

TEST_F(debug_session_test, a_fault_stops_with_sigsegv_and_resuming_ends_the_run_there) {
    target.script({20ms, {stop_event::kind::halted, 5, 0}, fault_trap});
    start();
    gdb->cont();
    EXPECT_EQ(stop().code, 11);
    EXPECT_EQ(gdb->read_register("pc"), fault_trap);  // there to be looked at
    gdb->cont();
    const auto reply = stop();
    EXPECT_EQ(reply.type, rsp::stop_reply::kind::terminated);
    const auto finished = end();
    EXPECT_EQ(finished.wait.how, runner::wait_result::ending::stopped);
    EXPECT_EQ(target.read_register("pc"), fault_trap);
}

TEST_F(debug_session_test, monitor_reset_resets_the_core) {
    start();
    EXPECT_THAT(gdb->monitor("reset"), ::testing::HasSubstr("reset from the vector table"));
    EXPECT_THAT(gdb->monitor("frobnicate"), ::testing::HasSubstr("unknown monitor command"));
    gdb->detach();
    (void)end();
    EXPECT_EQ(resets, 1);
}

TEST_F(debug_session_test, a_debugger_that_goes_away_ends_the_run_as_an_interrupt) {
    start();
    gdb.reset();
    const auto finished = end();
    EXPECT_EQ(finished.why, session_end::how::ended);
    EXPECT_EQ(finished.wait.how, runner::wait_result::ending::interrupted);
}

TEST_F(debug_session_test, the_runs_interrupt_ends_a_session_while_the_core_runs) {
    std::atomic<bool> interrupted{false};
    options.interrupted = &interrupted;
    start();
    gdb->cont();
    std::this_thread::sleep_for(20ms);
    interrupted = true;
    const auto finished = end();
    EXPECT_EQ(finished.wait.how, runner::wait_result::ending::interrupted);
    ASSERT_TRUE(finished.wait.stop.has_value());
    EXPECT_FALSE(target.running());
}

}  // namespace
}  // namespace rivet::debug
