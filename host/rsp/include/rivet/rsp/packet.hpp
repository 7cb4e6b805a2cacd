// GDB Remote Serial Protocol codec: framing, escaping, checksums, hex and
// stop-reply parsing. Pure functions and a streaming decoder with no I/O, so
// the byte-level rules can be tested and fuzzed apart from any socket.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace rivet::rsp {

// Modulo-256 sum of the bytes as they appear on the wire (after escaping).
[[nodiscard]] std::uint8_t checksum(std::string_view wire_payload);

// `$payload#cs`, with `$ # } *` escaped as 0x7d followed by the byte ^ 0x20.
[[nodiscard]] std::string encode_packet(std::string_view payload);

// Undoes encode_packet's escaping; nullopt when the data ends inside an escape.
[[nodiscard]] std::optional<std::string> unescape(std::string_view wire_payload);

// Expands `X*c` run-length sequences (X repeated c - 29 more times); nullopt
// when a `*` has no preceding character, no count, a count below 0, or the
// result would exceed max_size.
[[nodiscard]] std::optional<std::string> run_length_decode(std::string_view wire_payload,
                                                           std::size_t max_size);

// Lowercase hex, two digits per byte.
[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string to_hex(std::string_view bytes);
// nullopt on odd length or a non-hex digit.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> from_hex(std::string_view hex);
// A big-endian hex number as used in addresses and lengths ("20000000");
// nullopt on empty input, non-hex digits or overflow.
[[nodiscard]] std::optional<std::uint64_t> parse_hex_number(std::string_view hex);
// A 32-bit value in target (little-endian) byte order: 0x12345678 -> "78563412".
[[nodiscard]] std::string hex_u32_le(std::uint32_t value);

// One thing read from the peer.
struct event {
    enum class kind {
        ack,           // '+'
        nack,          // '-'
        packet,        // a good packet; payload is unescaped and run-length decoded
        bad_checksum,  // payload decoded as far as possible; checksums below
        malformed,     // checksum fine but bad escape or run-length encoding
        overlong,      // the packet exceeded the decoder's limit and was dropped
        interrupt,     // 0x03 outside a packet
    };
    kind type{kind::ack};
    std::string payload;
    std::uint8_t computed_checksum{0};  // over the bytes received
    int received_checksum{-1};          // the two digits after '#', -1 if not hex
};

// Turns a byte stream into events. Bytes outside a packet other than
// '+', '-', '$' and 0x03 are skipped; a '$' inside a packet restarts it (the
// earlier one was cut short). Memory is bounded by max_packet.
class packet_decoder {
public:
    static constexpr std::size_t default_max_packet = std::size_t{64} * 1024;
    // Run-length expansion may grow a packet up to this many bytes.
    static constexpr std::size_t max_decoded = std::size_t{1024} * 1024;

    explicit packet_decoder(std::size_t max_packet = default_max_packet)
        : max_packet_(max_packet) {}

    void feed(std::string_view bytes);
    [[nodiscard]] std::optional<event> next();
    // Bytes fed but not yet turned into events.
    [[nodiscard]] std::size_t buffered() const { return input_.size() - pos_; }

private:
    enum class state { idle, payload, checksum, discard, discard_checksum };

    std::optional<event> finish_packet();

    std::size_t max_packet_;
    std::string input_;
    std::size_t pos_{0};
    state state_{state::idle};
    std::string raw_;
    std::string checksum_digits_;
};

// Why the target stopped, from an S, T, W or X packet.
struct stop_reply {
    enum class kind {
        signal,      // S/T: halted with a signal (5 = SIGTRAP for breakpoints/steps)
        exited,      // W: the process exited with code
        terminated,  // X: the process was killed by signal code
    };
    kind type{kind::signal};
    std::uint8_t code{0};
    // T packet register values by regnum, bytes in target order.
    std::map<unsigned, std::vector<std::uint8_t>> registers;
    // The other T packet fields in order, e.g. {"thread","1"}, {"swbreak",""}.
    std::vector<std::pair<std::string, std::string>> info;

    // A register from a T packet as a little-endian number (first 4 bytes).
    [[nodiscard]] std::optional<std::uint32_t> register_u32(unsigned regnum) const;
};

// Console output from an O packet, already hex-decoded.
struct console_output {
    std::string text;
};

// An `E NN` reply.
struct error_reply {
    std::uint8_t code{0};
};

using stop_event = std::variant<stop_reply, console_output, error_reply>;

// Parses a reply that may arrive while the target runs. Throws rivet::error
// (io) naming the packet when it is none of S, T, W, X, O or E.
[[nodiscard]] stop_event parse_stop_event(std::string_view payload);

// Parses "ENN" (also tolerates "E.message" as some stubs send); nullopt otherwise.
[[nodiscard]] std::optional<error_reply> parse_error_reply(std::string_view payload);

// Shortens a payload for an error message and makes control bytes visible.
[[nodiscard]] std::string printable(std::string_view payload, std::size_t max_len = 48);

}  // namespace rivet::rsp
