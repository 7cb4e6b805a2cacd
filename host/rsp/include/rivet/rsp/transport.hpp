// Byte transport under the RSP client: an abstract stream with timed reads,
// and its TCP (or any connected stream socket) implementation. Every failure
// is a rivet::error naming the peer.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rivet::rsp {

class transport {
public:
    virtual ~transport() = default;
    // Writes all bytes or throws (io on a closed connection, timeout when the
    // peer stops reading).
    virtual void write(std::string_view bytes) = 0;
    // Reads at most n bytes; 0 when nothing arrived within timeout. Throws
    // rivet::error(io) when the peer closed the connection or on an error.
    virtual std::size_t read_some(char* buf, std::size_t n, std::chrono::milliseconds timeout) = 0;
    // "127.0.0.1:1234", for messages.
    [[nodiscard]] virtual std::string peer() const = 0;
};

class socket_transport final : public transport {
public:
    // Takes ownership of an already connected stream socket (TCP or a
    // socketpair end).
    socket_transport(int fd, std::string peer,
                     std::chrono::milliseconds write_timeout = std::chrono::seconds(5));
    ~socket_transport() override;
    socket_transport(const socket_transport&) = delete;
    socket_transport& operator=(const socket_transport&) = delete;

    void write(std::string_view bytes) override;
    std::size_t read_some(char* buf, std::size_t n, std::chrono::milliseconds timeout) override;
    [[nodiscard]] std::string peer() const override { return peer_; }
    [[nodiscard]] int fd() const { return fd_; }

private:
    int fd_;
    std::string peer_;
    std::chrono::milliseconds write_timeout_;
};

// Connects with TCP_NODELAY (RSP is many tiny request/reply round trips).
// Refused or unreachable -> error_kind::unavailable ("cannot connect to gdb
// server at HOST:PORT: Connection refused"); no answer in time -> timeout.
[[nodiscard]] std::unique_ptr<socket_transport> connect_tcp(std::string_view host,
                                                            std::uint16_t port,
                                                            std::chrono::milliseconds timeout);

}  // namespace rivet::rsp
