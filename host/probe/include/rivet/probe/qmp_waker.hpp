// Wakes QEMU's main loop on demand through a QMP connection, without
// touching the guest.
//
// Why: QEMU 7.2's chardev layer only re-checks whether a UART can take input
// when its main loop runs an iteration (io_watch_poll_prepare in
// chardev/char-io.c), and some UART models never ask for one when they make
// room (the nRF51 UART on STARTRX, the CMSDK APB UART on reading DATA or
// enabling RX: neither calls qemu_chr_fe_accept_input). Bytes already in
// QEMU's stdin pipe then wait until something else wakes the loop. A QMP
// command is handled by the main loop, so each one is such a wake; the GDB
// connection is no use for this, as any byte on it halts a running guest.
//
// Non-blocking: the owner polls fd() for input, calls receive() when it is
// readable and wake() when it wants the main loop to run. Header-only so the
// protocol can be unit-tested against a fake QEMU on a socketpair.
#pragma once

#include <sys/socket.h>
#include <unistd.h>
#include <array>
#include <cerrno>
#include <string>
#include <string_view>

namespace rivet::probe {

class qmp_waker {
public:
    // Takes ownership of a connected stream socket whose other end is a QMP
    // monitor (-chardev socket,fd=N -mon chardev=...,mode=control).
    explicit qmp_waker(int fd) : fd_(fd) {}
    ~qmp_waker() { close(); }
    qmp_waker(const qmp_waker&) = delete;
    qmp_waker& operator=(const qmp_waker&) = delete;

    // -1 once the connection is gone (QEMU exited, or spoke nonsense).
    [[nodiscard]] int fd() const { return fd_; }
    // The capabilities handshake is done, so wake() sends commands.
    [[nodiscard]] bool ready() const { return state_ == state::ready; }
    // Commands answered so far (each one a main-loop iteration in QEMU).
    [[nodiscard]] unsigned long answered() const { return answered_; }

    // Reads what QEMU sent: the greeting (answered with qmp_capabilities),
    // replies, and asynchronous events (ignored). False, and the socket
    // closed, when QEMU hung up or broke the protocol.
    bool receive() {
        if (fd_ < 0) return false;
        std::array<char, 4096> chunk{};
        ssize_t n;
        do {
            n = ::recv(fd_, chunk.data(), chunk.size(), MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        if (n <= 0) return fail();
        input_.append(chunk.data(), static_cast<std::size_t>(n));
        for (auto end = input_.find('\n'); end != std::string::npos; end = input_.find('\n')) {
            const std::string line = input_.substr(0, end);
            input_.erase(0, end + 1);
            if (!take_line(line)) return fail();
        }
        // No QMP message is this long without a newline.
        if (input_.size() > std::size_t{64} * 1024) return fail();
        return true;
    }

    // Asks QEMU for its run state, which costs it one main-loop iteration
    // and leaves the guest alone. Does nothing before the handshake is done
    // or while the previous request is unanswered (a busy QEMU gets no
    // backlog). False when the connection is gone.
    bool wake() {
        if (fd_ < 0) return false;
        if (state_ != state::ready || outstanding_) return true;
        if (!send(R"({"execute":"query-status"})"
                  "\n"))
            return fail();
        outstanding_ = true;
        return true;
    }

    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    enum class state { greeting, negotiating, ready };

    bool take_line(std::string_view line) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty()) return true;
        const bool reply = line.starts_with(R"({"return")") || line.starts_with(R"({"error")");
        switch (state_) {
            case state::greeting:
                if (!line.starts_with(R"({"QMP")")) return false;
                state_ = state::negotiating;
                return send(R"({"execute":"qmp_capabilities"})"
                            "\n");
            case state::negotiating:
                if (!reply) return true;  // an event
                if (!line.starts_with(R"({"return")")) return false;
                state_ = state::ready;
                return true;
            case state::ready:
                if (!reply) return true;
                // An error reply still means the main loop ran.
                outstanding_ = false;
                ++answered_;
                return true;
        }
        return false;
    }

    bool send(std::string_view text) const {
        while (!text.empty()) {
            // MSG_NOSIGNAL: a QEMU that died must not take rivet with it.
            ssize_t n = ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && errno == EINTR) continue;
            // A full socket buffer means QEMU has stopped reading: give up
            // rather than block the caller.
            if (n <= 0) return false;
            text.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    bool fail() {
        close();
        return false;
    }

    int fd_ = -1;
    state state_ = state::greeting;
    bool outstanding_ = false;
    unsigned long answered_ = 0;
    std::string input_;
};

}  // namespace rivet::probe
