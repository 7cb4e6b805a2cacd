// The debugger's end of a GDB remote-protocol link, seen from the server:
// packets in (acknowledged, checksums checked) and replies out, the 0x03
// interrupt, and no-ack mode once the debugger asks for it. The codec is
// host/rsp's; this is the other side of its client.
#pragma once

#include <rivet/rsp/packet.hpp>
#include <rivet/rsp/transport.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rivet::debug {

struct incoming {
    enum class kind {
        packet,     // `payload` holds it, unescaped
        interrupt,  // 0x03: the debugger asks a running target to halt
        closed,     // the debugger went away
    };
    kind type = kind::packet;
    std::string payload;
};

class connection {
public:
    explicit connection(std::unique_ptr<rsp::transport> link);

    // The next packet or interrupt, or nullopt when none came within
    // `timeout`. Good packets are acknowledged, bad ones asked for again.
    [[nodiscard]] std::optional<incoming> next(std::chrono::milliseconds timeout);
    // Sends one reply. Acks are not waited for (a loopback link does not
    // lose bytes); a '-' resends the last reply.
    void send(std::string_view payload);
    // From now on neither side acknowledges (QStartNoAckMode).
    void stop_acks() { acks_ = false; }

    [[nodiscard]] std::string peer() const { return link_->peer(); }

private:
    std::unique_ptr<rsp::transport> link_;
    rsp::packet_decoder decoder_;
    std::string last_sent_;
    bool acks_ = true;
    bool closed_ = false;
};

}  // namespace rivet::debug
