#include "rivet/rsp/transport.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rivet/support/error.hpp>

namespace rivet::rsp {

namespace {

using clock = std::chrono::steady_clock;

// Rounded up: rounded down, the last fraction of a millisecond became
// poll(0), and a caller waiting out a deadline spun on it.
int remaining_ms(clock::time_point deadline) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 1 << 30));
}

void set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// Waits for events on fd; false on timeout. EINTR restarts with the time left.
bool wait_fd(int fd, short events, clock::time_point deadline, const std::string& what) {
    for (;;) {
        pollfd p{fd, events, 0};
        int rc = ::poll(&p, 1, remaining_ms(deadline));
        if (rc > 0) return true;
        if (rc == 0) return false;
        if (errno != EINTR) {
            throw error(error_kind::io, fmt::format("{}: {}", what, std::strerror(errno)));
        }
    }
}

}  // namespace

socket_transport::socket_transport(int fd, std::string peer,
                                   std::chrono::milliseconds write_timeout)
    : fd_(fd), peer_(std::move(peer)), write_timeout_(write_timeout) {
    set_nonblocking(fd_);
    int one = 1;
    // Fails harmlessly on socketpairs, which have no Nagle to turn off.
    (void)setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

socket_transport::~socket_transport() {
    if (fd_ >= 0) ::close(fd_);
}

void socket_transport::write(std::string_view bytes) {
    auto deadline = clock::now() + write_timeout_;
    while (!bytes.empty()) {
        ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n > 0) {
            bytes.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!wait_fd(fd_, POLLOUT, deadline, fmt::format("writing to {}", peer_))) {
                throw error(error_kind::timeout,
                            fmt::format("{} stopped reading: could not send {} bytes within {} ms",
                                        peer_, bytes.size(), write_timeout_.count()));
            }
            continue;
        }
        if (n < 0 && (errno == EPIPE || errno == ECONNRESET)) {
            throw error(error_kind::io, fmt::format("connection to {} closed by the peer", peer_));
        }
        throw error(error_kind::io,
                    fmt::format("writing to {}: {}", peer_, std::strerror(n < 0 ? errno : EIO)));
    }
}

std::size_t socket_transport::read_some(char* buf, std::size_t n,
                                        std::chrono::milliseconds timeout) {
    auto deadline = clock::now() + timeout;
    for (;;) {
        if (!wait_fd(fd_, POLLIN, deadline, fmt::format("reading from {}", peer_))) return 0;
        ssize_t got = ::recv(fd_, buf, n, 0);
        if (got > 0) return static_cast<std::size_t>(got);
        if (got == 0) {
            throw error(error_kind::io, fmt::format("connection to {} closed by the peer", peer_));
        }
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
        if (errno == ECONNRESET) {
            throw error(error_kind::io, fmt::format("connection to {} reset by the peer", peer_));
        }
        throw error(error_kind::io,
                    fmt::format("reading from {}: {}", peer_, std::strerror(errno)));
    }
}

std::unique_ptr<socket_transport> connect_tcp(std::string_view host, std::uint16_t port,
                                              std::chrono::milliseconds timeout) {
    std::string where = fmt::format("{}:{}", host, port);
    auto fail = [&](error_kind kind, std::string_view why) -> error {
        return error(kind, fmt::format("cannot connect to gdb server at {}: {}", where, why));
    };

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    std::string host_str(host);
    std::string port_str = std::to_string(port);
    if (int rc = ::getaddrinfo(host_str.c_str(), port_str.c_str(), &hints, &found); rc != 0) {
        throw fail(error_kind::unavailable, gai_strerror(rc));
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);

    auto deadline = clock::now() + timeout;
    int last_errno = ECONNREFUSED;
    for (addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
        int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            last_errno = errno;
            continue;
        }
        set_nonblocking(fd);
        int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (rc < 0 && errno == EINPROGRESS) {
            bool ready = false;
            try {
                ready = wait_fd(fd, POLLOUT, deadline, fmt::format("connecting to {}", where));
            } catch (...) {
                ::close(fd);
                throw;
            }
            if (!ready) {
                ::close(fd);
                throw fail(error_kind::timeout,
                           fmt::format("no answer within {} ms", timeout.count()));
            }
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            rc = err == 0 ? 0 : -1;
            errno = err;
        }
        if (rc == 0) return std::make_unique<socket_transport>(fd, where);
        last_errno = errno;
        ::close(fd);
    }
    throw fail(error_kind::unavailable, std::strerror(last_errno));
}

}  // namespace rivet::rsp
