#include <rivet/debug/server.hpp>
#include <rivet/debug/session.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/runner/wait.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rivet::debug {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds accept_slice{50};

}  // namespace

listener::listener(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) {
        throw error(error_kind::unavailable,
                    fmt::format("cannot open a socket for the debugger: {}", std::strerror(errno)));
    }
    const int yes = 1;
    (void)::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd_, 1) != 0) {
        const int saved_errno = errno;
        ::close(fd_);
        throw error(error_kind::unavailable,
                    fmt::format("cannot serve the debugger on 127.0.0.1:{}: {}", port,
                                std::strerror(saved_errno)));
    }
    socklen_t size = sizeof address;
    (void)::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
}

listener::~listener() {
    if (fd_ >= 0) ::close(fd_);
}

std::unique_ptr<rsp::socket_transport> listener::accept(milliseconds timeout) {
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(timeout.count())) <= 0) return nullptr;
    sockaddr_in peer{};
    socklen_t size = sizeof peer;
    const int fd = ::accept4(fd_, reinterpret_cast<sockaddr*>(&peer), &size, SOCK_CLOEXEC);
    if (fd < 0) return nullptr;
    // Many tiny request/reply round trips, as on the probe's side.
    const int yes = 1;
    (void)::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    char host[INET_ADDRSTRLEN] = "?";
    (void)::inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host);
    return std::make_unique<rsp::socket_transport>(
        fd, fmt::format("{}:{}", host, ntohs(peer.sin_port)));
}

runner::run_outcome run(probe::probe& target, const elf::file& firmware,
                        const board::description& board, const runner::run_options& options,
                        const server_options& server) {
    listener socket(server.port);
    const auto ends = runner::start(target, firmware, board, options);
    const auto started = clock::now();
    std::optional<clock::time_point> deadline;
    if (options.timeout.count() > 0) deadline = started + options.timeout;
    if (server.listening) server.listening(socket.port());

    const auto note = [&](const std::string& text) {
        if (server.note) server.note(text);
    };
    session debugger(target, ends, options, deadline,
                     [&] { runner::reset(target, firmware, board); });
    session_end end;
    for (;;) {
        // The core waits at the reset vector for the debugger.
        const bool interrupted =
            (options.interrupted && options.interrupted->load()) || (server.gone && server.gone());
        const bool timed_out = deadline && clock::now() >= *deadline;
        if (interrupted || timed_out) {
            end.wait.how = interrupted ? runner::wait_result::ending::interrupted
                                       : runner::wait_result::ending::timeout;
            end.wait.stop = probe::stop_event{probe::stop_event::kind::halted, 5, 0};
            for (auto* service : options.services) service->finish(target);
            break;
        }
        auto link = socket.accept(accept_slice);
        if (!link) continue;
        connection gdb(std::move(link));
        note(fmt::format("debugger connected from {}", gdb.peer()));
        end = debugger.serve(gdb);
        note(end.why == session_end::how::detached ? "debugger detached; the firmware runs on"
                                                   : "debugger session ended");
        break;
    }
    if (end.why == session_end::how::detached) {
        // The rest of the run is `rivet run`'s, within what is left of the timeout.
        auto rest = options;
        if (deadline) {
            rest.timeout = std::max(milliseconds(1),
                                    std::chrono::ceil<milliseconds>(*deadline - clock::now()));
        }
        end.wait = runner::wait_for_end(target, ends, rest);
    }
    return runner::interpret(target, firmware, board, ends, end.wait, options);
}

}  // namespace rivet::debug
