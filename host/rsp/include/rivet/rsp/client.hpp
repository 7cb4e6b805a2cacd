// GDB Remote Serial Protocol client for one 32-bit little-endian Cortex-M
// target behind a gdb server (QEMU's stub, OpenOCD, pyOCD, ...): memory,
// registers, run control, breakpoints and monitor commands. Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rivet/rsp/packet.hpp"
#include "rivet/rsp/transport.hpp"

namespace rivet::rsp {

struct client_options {
    // Longest wait for any ack or reply; passing it is error_kind::timeout.
    std::chrono::milliseconds timeout{2000};
    // Times a packet is resent after a '-' before giving up with error_kind::io.
    int max_retransmits{3};
    // Switch off acks when the server offers QStartNoAckMode+ (QEMU 7.2 does not).
    bool use_no_ack_mode{true};
};

struct register_info {
    std::string name;
    unsigned regnum{0};
    unsigned bitsize{32};
};

using output_callback = std::function<void(std::string_view)>;

class client {
public:
    explicit client(std::unique_ptr<transport> link, client_options options = {});

    // qSupported, optional QStartNoAckMode, target.xml (with its xi:includes)
    // into the register table, then '?' for the current stop reason.
    void handshake();

    [[nodiscard]] std::size_t packet_size() const { return packet_size_; }
    [[nodiscard]] bool no_ack_mode() const { return no_ack_; }
    [[nodiscard]] const std::vector<register_info>& registers() const { return registers_; }
    [[nodiscard]] const register_info* find_register(std::string_view name) const;
    // The reply to '?' from handshake(), or the last stop seen by wait_stop().
    [[nodiscard]] const std::optional<stop_reply>& last_stop() const { return last_stop_; }

    [[nodiscard]] std::vector<std::uint8_t> read_memory(std::uint32_t address, std::size_t length);
    void write_memory(std::uint32_t address, std::span<const std::uint8_t> data);

    [[nodiscard]] std::uint32_t read_register(std::string_view name);
    void write_register(std::string_view name, std::uint32_t value);
    // Any size of register (e.g. 64-bit d0), bytes in target order.
    [[nodiscard]] std::vector<std::uint8_t> read_register_bytes(std::string_view name);

    // Resume or single-step; return once the server acknowledged, without
    // waiting for the stop (use wait_stop). Stops that requests provoked
    // while the target ran are forgotten here: the target resumes from them.
    void cont();
    void step();
    // Sends 0x03; the stop arrives through wait_stop.
    void interrupt();
    // The next stop reply, or nullopt when none came within timeout so the
    // caller can poll. Console output ('O' packets) goes to on_output. A
    // request sent while the target ran halts QEMU; that stop comes here too.
    [[nodiscard]] std::optional<stop_reply> wait_stop(std::chrono::milliseconds timeout,
                                                      const output_callback& on_output = {});

    void insert_breakpoint(std::uint32_t address, bool hardware);
    void remove_breakpoint(std::uint32_t address, bool hardware);

    // `monitor CMD` through qRcmd; returns the console output it produced.
    std::string monitor(std::string_view command);

    void detach();
    // Sends 'k' and waits briefly: servers may answer, close, or say nothing.
    void kill();

    // One request/reply exchange for packets this class does not wrap.
    std::string request(std::string_view payload);
    // The whole of a qXfer object (e.g. "features", "target.xml").
    std::string read_xfer(std::string_view object, std::string_view annex);

    [[nodiscard]] std::string peer() const { return link_->peer(); }

private:
    using clock = std::chrono::steady_clock;

    void send_packet(std::string_view payload);
    // The next good packet, or nullopt at the deadline. Acks/nacks as needed.
    std::optional<std::string> receive_packet(clock::time_point deadline);
    std::string receive_reply(std::string_view request, clock::time_point deadline);
    // Reads from the link until an event is decoded or the deadline passes.
    std::optional<event> next_event(clock::time_point deadline);
    // The ack (unless in no-ack mode) and then the reply of one of several
    // requests sent back to back. The ack we owe for the reply is appended to
    // deferred_acks, for the caller to send with its next write.
    std::string receive_pipelined_reply(std::string_view request, clock::time_point deadline,
                                        std::string& deferred_acks);
    void expect_ok(std::string_view request, std::string_view what);
    void note_unsolicited_stop(const std::string& packet, std::string_view request);
    void forget_signal_stops();
    [[nodiscard]] const register_info& register_named(std::string_view name) const;
    void load_target_description();
    void add_registers_from(const std::string& annex, int depth, unsigned& next_regnum);

    std::unique_ptr<transport> link_;
    client_options options_;
    packet_decoder decoder_;
    std::deque<std::string> pending_;  // packets that arrived while waiting for an ack
    // Stops reported while a request was in flight (QEMU halts on any byte
    // received while running), handed out by the next wait_stop.
    std::deque<stop_reply> unsolicited_stops_;
    std::size_t packet_size_{400};
    bool xfer_features_{false};
    bool no_ack_{false};
    std::vector<register_info> registers_;
    std::optional<stop_reply> last_stop_;
};

}  // namespace rivet::rsp
