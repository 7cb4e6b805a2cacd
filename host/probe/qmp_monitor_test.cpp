// qmp_monitor against a fake QEMU monitor on the other end of a socketpair:
// the handshake, one request at a time, events in between, and a QEMU that
// goes away.
#include <rivet/probe/qmp_monitor.hpp>

#include <gtest/gtest.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <array>
#include <string>

namespace rivet::probe {
namespace {

constexpr std::string_view greeting =
    R"({"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}})"
    "\r\n";
constexpr std::string_view ok = "{\"return\": {}}\r\n";
constexpr std::string_view status =
    "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}\r\n";
constexpr std::string_view stop_event =
    R"({"timestamp": {"seconds": 1, "microseconds": 2}, "event": "STOP"})"
    "\r\n";

class fake_monitor {
public:
    fake_monitor() {
        std::array<int, 2> fds{};
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds.data()), 0);
        ours_ = fds[0];
        theirs_ = fds[1];
    }
    ~fake_monitor() {
        if (ours_ >= 0) ::close(ours_);
    }
    // The end the monitor owns.
    [[nodiscard]] int take_client_end() const { return theirs_; }

    void say(std::string_view text) const {
        ASSERT_EQ(::write(ours_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    }
    // Everything the monitor has sent so far.
    std::string heard() const {
        std::string all;
        std::array<char, 1024> chunk{};
        pollfd p{ours_, POLLIN, 0};
        while (::poll(&p, 1, 0) == 1) {
            ssize_t n = ::read(ours_, chunk.data(), chunk.size());
            if (n <= 0) break;
            all.append(chunk.data(), static_cast<std::size_t>(n));
        }
        return all;
    }
    void hang_up() {
        ::close(ours_);
        ours_ = -1;
    }

private:
    int ours_ = -1;
    int theirs_ = -1;
};

// Negotiated: greeting answered with qmp_capabilities, which QEMU accepted.
void negotiate(fake_monitor& qemu, qmp_monitor& monitor) {
    qemu.say(greeting);
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"qmp_capabilities\"}\n");
    EXPECT_FALSE(monitor.ready());
    qemu.say(ok);
    ASSERT_TRUE(monitor.receive());
    EXPECT_TRUE(monitor.ready());
}

TEST(qmp_monitor, sends_nothing_before_the_handshake) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    EXPECT_TRUE(monitor.wake());
    EXPECT_EQ(qemu.heard(), "");
    EXPECT_TRUE(monitor.receive());  // nothing to read yet is not an error
    negotiate(qemu, monitor);
}

TEST(qmp_monitor, asks_for_the_status_one_request_at_a_time) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    negotiate(qemu, monitor);
    EXPECT_TRUE(monitor.wake());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"query-status\"}\n");
    EXPECT_TRUE(monitor.wake());  // unanswered: no second request
    EXPECT_EQ(qemu.heard(), "");
    qemu.say(stop_event);  // an event is not the answer
    ASSERT_TRUE(monitor.receive());
    EXPECT_TRUE(monitor.wake());
    EXPECT_EQ(qemu.heard(), "");
    EXPECT_EQ(monitor.answered(), 0u);
    qemu.say(status);
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(monitor.answered(), 1u);
    EXPECT_TRUE(monitor.wake());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"query-status\"}\n");
}

TEST(qmp_monitor, an_error_reply_still_counts_as_an_answer) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    negotiate(qemu, monitor);
    ASSERT_TRUE(monitor.wake());
    qemu.say(R"({"error": {"class": "GenericError", "desc": "no"}})"
             "\r\n");
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(monitor.answered(), 1u);
}

TEST(qmp_monitor, reads_messages_split_across_reads) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    qemu.say(greeting.substr(0, 10));
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(qemu.heard(), "");
    qemu.say(greeting.substr(10));
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"qmp_capabilities\"}\n");
    // Reply and event in one read.
    qemu.say(std::string(ok) + std::string(stop_event));
    ASSERT_TRUE(monitor.receive());
    EXPECT_TRUE(monitor.ready());
}

TEST(qmp_monitor, gives_up_when_the_handshake_is_refused) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    qemu.say(greeting);
    ASSERT_TRUE(monitor.receive());
    qemu.say(R"({"error": {"class": "CommandNotFound", "desc": "no"}})"
             "\r\n");
    EXPECT_FALSE(monitor.receive());
    EXPECT_EQ(monitor.fd(), -1);
    EXPECT_FALSE(monitor.wake());
}

TEST(qmp_monitor, gives_up_on_something_that_is_not_qmp) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    qemu.say("(qemu) \r\n");
    EXPECT_FALSE(monitor.receive());
    EXPECT_EQ(monitor.fd(), -1);
}

TEST(qmp_monitor, notices_qemu_hanging_up_without_a_signal) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    negotiate(qemu, monitor);
    qemu.hang_up();
    // Sending to a closed socket would raise SIGPIPE without MSG_NOSIGNAL,
    // ending this test binary.
    EXPECT_FALSE(monitor.wake());
    EXPECT_FALSE(monitor.receive());
    EXPECT_EQ(monitor.fd(), -1);
}

TEST(qmp_monitor, reads_a_word_while_the_guest_runs) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    EXPECT_TRUE(monitor.read_word(0x4001100c));  // before the handshake: nothing sent
    EXPECT_EQ(qemu.heard(), "");
    negotiate(qemu, monitor);
    EXPECT_FALSE(monitor.last_word());
    EXPECT_TRUE(monitor.read_word(0x4001100c));
    EXPECT_EQ(
        qemu.heard(),
        R"({"execute":"human-monitor-command","arguments":{"command-line":"xp /1wx 0x4001100c"}})"
        "\n");
    EXPECT_TRUE(monitor.wake());  // one request at a time
    EXPECT_EQ(qemu.heard(), "");
    qemu.say(R"({"return": "000000004001100c: 0x0000200c\r\n"})"
             "\r\n");
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(monitor.last_word(), 0x200cu);
    EXPECT_EQ(monitor.answered(), 1u);
}

TEST(qmp_monitor, a_word_qemu_cannot_read_is_unknown) {
    fake_monitor qemu;
    qmp_monitor monitor(qemu.take_client_end());
    negotiate(qemu, monitor);
    ASSERT_TRUE(monitor.read_word(0x10));
    qemu.say(R"({"return": "0000000000000010: 0x00000007\r\n"})"
             "\r\n");
    ASSERT_TRUE(monitor.receive());
    EXPECT_EQ(monitor.last_word(), 7u);
    ASSERT_TRUE(monitor.read_word(0xfffffff0));
    qemu.say(R"({"return": "Cannot access memory\r\n"})"
             "\r\n");
    ASSERT_TRUE(monitor.receive());
    EXPECT_FALSE(monitor.last_word());
}

TEST(qmp_monitor, parses_what_xp_prints) {
    EXPECT_EQ(parse_xp_word("0000000040011000: 0x0000200c"), 0x200cu);
    EXPECT_EQ(parse_xp_word("4000c030: 0xffffffff\r\n"), 0xffffffffu);
    EXPECT_FALSE(parse_xp_word("0000000040011000: 0x"));
    EXPECT_FALSE(parse_xp_word("Cannot access memory"));
    EXPECT_FALSE(parse_xp_word(""));
}

}  // namespace
}  // namespace rivet::probe
