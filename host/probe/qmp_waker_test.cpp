// qmp_waker against a fake QEMU monitor on the other end of a socketpair:
// the handshake, one request at a time, events in between, and a QEMU that
// goes away.
#include <rivet/probe/qmp_waker.hpp>

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
    // The end the waker owns.
    [[nodiscard]] int take_client_end() const { return theirs_; }

    void say(std::string_view text) const {
        ASSERT_EQ(::write(ours_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    }
    // Everything the waker has sent so far.
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
void negotiate(fake_monitor& qemu, qmp_waker& waker) {
    qemu.say(greeting);
    ASSERT_TRUE(waker.receive());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"qmp_capabilities\"}\n");
    EXPECT_FALSE(waker.ready());
    qemu.say(ok);
    ASSERT_TRUE(waker.receive());
    EXPECT_TRUE(waker.ready());
}

TEST(QmpWaker, SendsNothingBeforeTheHandshake) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    EXPECT_TRUE(waker.wake());
    EXPECT_EQ(qemu.heard(), "");
    EXPECT_TRUE(waker.receive());  // nothing to read yet is not an error
    negotiate(qemu, waker);
}

TEST(QmpWaker, AsksForTheStatusOneRequestAtATime) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    negotiate(qemu, waker);
    EXPECT_TRUE(waker.wake());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"query-status\"}\n");
    EXPECT_TRUE(waker.wake());  // unanswered: no second request
    EXPECT_EQ(qemu.heard(), "");
    qemu.say(stop_event);  // an event is not the answer
    ASSERT_TRUE(waker.receive());
    EXPECT_TRUE(waker.wake());
    EXPECT_EQ(qemu.heard(), "");
    EXPECT_EQ(waker.answered(), 0u);
    qemu.say(status);
    ASSERT_TRUE(waker.receive());
    EXPECT_EQ(waker.answered(), 1u);
    EXPECT_TRUE(waker.wake());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"query-status\"}\n");
}

TEST(QmpWaker, AnErrorReplyStillCountsAsAnAnswer) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    negotiate(qemu, waker);
    ASSERT_TRUE(waker.wake());
    qemu.say(R"({"error": {"class": "GenericError", "desc": "no"}})"
             "\r\n");
    ASSERT_TRUE(waker.receive());
    EXPECT_EQ(waker.answered(), 1u);
}

TEST(QmpWaker, ReadsMessagesSplitAcrossReads) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    qemu.say(greeting.substr(0, 10));
    ASSERT_TRUE(waker.receive());
    EXPECT_EQ(qemu.heard(), "");
    qemu.say(greeting.substr(10));
    ASSERT_TRUE(waker.receive());
    EXPECT_EQ(qemu.heard(), "{\"execute\":\"qmp_capabilities\"}\n");
    // Reply and event in one read.
    qemu.say(std::string(ok) + std::string(stop_event));
    ASSERT_TRUE(waker.receive());
    EXPECT_TRUE(waker.ready());
}

TEST(QmpWaker, GivesUpWhenTheHandshakeIsRefused) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    qemu.say(greeting);
    ASSERT_TRUE(waker.receive());
    qemu.say(R"({"error": {"class": "CommandNotFound", "desc": "no"}})"
             "\r\n");
    EXPECT_FALSE(waker.receive());
    EXPECT_EQ(waker.fd(), -1);
    EXPECT_FALSE(waker.wake());
}

TEST(QmpWaker, GivesUpOnSomethingThatIsNotQmp) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    qemu.say("(qemu) \r\n");
    EXPECT_FALSE(waker.receive());
    EXPECT_EQ(waker.fd(), -1);
}

TEST(QmpWaker, NoticesQemuHangingUpWithoutASignal) {
    fake_monitor qemu;
    qmp_waker waker(qemu.take_client_end());
    negotiate(qemu, waker);
    qemu.hang_up();
    // Sending to a closed socket would raise SIGPIPE without MSG_NOSIGNAL,
    // ending this test binary.
    EXPECT_FALSE(waker.wake());
    EXPECT_FALSE(waker.receive());
    EXPECT_EQ(waker.fd(), -1);
}

}  // namespace
}  // namespace rivet::probe
