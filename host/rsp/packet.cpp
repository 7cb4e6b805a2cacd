#include "rivet/rsp/packet.hpp"

#include <fmt/format.h>

#include <rivet/support/error.hpp>

namespace rivet::rsp {

namespace {

constexpr char escape_char = '}';

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool needs_escape(char c) {
    return c == '$' || c == '#' || c == '}' || c == '*';
}

bool all_hex(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (hex_digit(c) < 0) return false;
    }
    return true;
}

// Two hex digits exactly, as in the signal number of S/T/W/X packets.
std::optional<std::uint8_t> hex_byte(std::string_view s) {
    if (s.size() != 2) return std::nullopt;
    int hi = hex_digit(s[0]);
    int lo = hex_digit(s[1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    return static_cast<std::uint8_t>(hi * 16 + lo);
}

[[noreturn]] void malformed_reply(std::string_view payload) {
    throw error(error_kind::io, fmt::format("malformed stop reply '{}'", printable(payload)));
}

// W and X carry an optional ";process:pid" we do not need.
std::uint8_t exit_code(std::string_view payload) {
    std::string_view digits = payload.substr(1);
    if (auto semi = digits.find(';'); semi != std::string_view::npos)
        digits = digits.substr(0, semi);
    auto code = parse_hex_number(digits);
    if (!code || *code > 0xff) malformed_reply(payload);
    return static_cast<std::uint8_t>(*code);
}

stop_reply parse_t_packet(std::string_view payload) {
    stop_reply reply;
    auto signal = hex_byte(payload.substr(1, 2));
    if (payload.size() < 3 || !signal) malformed_reply(payload);
    reply.code = *signal;
    std::string_view rest = payload.substr(3);
    while (!rest.empty()) {
        auto semi = rest.find(';');
        std::string_view field = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        if (field.empty()) continue;
        auto colon = field.find(':');
        if (colon == std::string_view::npos) malformed_reply(payload);
        std::string_view key = field.substr(0, colon);
        std::string_view value = field.substr(colon + 1);
        // No named field (thread, watch, swbreak, ...) is made only of hex
        // digits, so an all-hex key is a register number.
        if (all_hex(key)) {
            auto regnum = parse_hex_number(key);
            auto bytes = from_hex(value);
            if (!regnum || *regnum > 0xffff || !bytes) malformed_reply(payload);
            reply.registers[static_cast<unsigned>(*regnum)] = std::move(*bytes);
        } else {
            reply.info.emplace_back(std::string(key), std::string(value));
        }
    }
    return reply;
}

}  // namespace

std::uint8_t checksum(std::string_view wire_payload) {
    unsigned sum = 0;
    for (char c : wire_payload) sum += static_cast<unsigned char>(c);
    return static_cast<std::uint8_t>(sum & 0xff);
}

std::string encode_packet(std::string_view payload) {
    std::string wire;
    wire.reserve(payload.size() + 4);
    wire.push_back('$');
    for (char c : payload) {
        if (needs_escape(c)) {
            wire.push_back(escape_char);
            wire.push_back(static_cast<char>(c ^ 0x20));
        } else {
            wire.push_back(c);
        }
    }
    std::uint8_t sum = checksum(std::string_view(wire).substr(1));
    wire += fmt::format("#{:02x}", sum);
    return wire;
}

std::optional<std::string> unescape(std::string_view wire_payload) {
    std::string out;
    out.reserve(wire_payload.size());
    for (std::size_t i = 0; i < wire_payload.size(); ++i) {
        char c = wire_payload[i];
        if (c == escape_char) {
            if (++i == wire_payload.size()) return std::nullopt;
            out.push_back(static_cast<char>(wire_payload[i] ^ 0x20));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<std::string> run_length_decode(std::string_view wire_payload, std::size_t max_size) {
    std::string out;
    out.reserve(std::min(wire_payload.size(), max_size));
    for (std::size_t i = 0; i < wire_payload.size(); ++i) {
        char c = wire_payload[i];
        if (c != '*') {
            if (out.size() >= max_size) return std::nullopt;
            out.push_back(c);
            continue;
        }
        if (out.empty() || i + 1 == wire_payload.size()) return std::nullopt;
        int count = static_cast<unsigned char>(wire_payload[++i]) - 29;
        if (count < 0) return std::nullopt;
        if (out.size() + static_cast<std::size_t>(count) > max_size) return std::nullopt;
        out.append(static_cast<std::size_t>(count), out.back());
    }
    return out;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xf]);
    }
    return out;
}

std::string to_hex(std::string_view bytes) {
    return to_hex(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

std::optional<std::vector<std::uint8_t>> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = hex_digit(hex[i]);
        int lo = hex_digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return out;
}

std::optional<std::uint64_t> parse_hex_number(std::string_view hex) {
    if (hex.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : hex) {
        int d = hex_digit(c);
        if (d < 0 || value > (UINT64_MAX >> 4)) return std::nullopt;
        value = value << 4 | static_cast<std::uint64_t>(d);
    }
    return value;
}

std::string hex_u32_le(std::uint32_t value) {
    std::uint8_t bytes[4] = {
        static_cast<std::uint8_t>(value), static_cast<std::uint8_t>(value >> 8),
        static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 24)};
    return to_hex(std::span<const std::uint8_t>(bytes));
}

void packet_decoder::feed(std::string_view bytes) {
    // Drop consumed input so a long-lived decoder does not grow without end.
    if (pos_ > 0 && pos_ == input_.size()) {
        input_.clear();
        pos_ = 0;
    } else if (pos_ > 4096) {
        input_.erase(0, pos_);
        pos_ = 0;
    }
    input_.append(bytes);
}

std::optional<event> packet_decoder::next() {
    while (pos_ < input_.size()) {
        char c = input_[pos_++];
        switch (state_) {
            case state::idle:
                if (c == '+') return event{event::kind::ack, {}, 0, -1};
                if (c == '-') return event{event::kind::nack, {}, 0, -1};
                if (c == '\x03') return event{event::kind::interrupt, {}, 0, -1};
                if (c == '$') {
                    raw_.clear();
                    state_ = state::payload;
                }
                break;  // anything else is line noise between packets
            case state::payload:
                if (c == '#') {
                    checksum_digits_.clear();
                    state_ = state::checksum;
                } else if (c == '$') {
                    raw_.clear();  // the previous packet was cut short
                } else if (raw_.size() >= max_packet_) {
                    event e{event::kind::overlong, raw_.substr(0, 32), 0, -1};
                    raw_.clear();
                    raw_.shrink_to_fit();
                    state_ = state::discard;
                    return e;
                } else {
                    raw_.push_back(c);
                }
                break;
            case state::checksum:
                checksum_digits_.push_back(c);
                if (checksum_digits_.size() == 2) {
                    state_ = state::idle;
                    return finish_packet();
                }
                break;
            case state::discard:
                // The rest of an overlong packet must not be read as acks.
                if (c == '#') {
                    checksum_digits_.clear();
                    state_ = state::discard_checksum;
                } else if (c == '$') {
                    raw_.clear();
                    state_ = state::payload;
                }
                break;
            case state::discard_checksum:
                checksum_digits_.push_back(c);
                if (checksum_digits_.size() == 2) state_ = state::idle;
                break;
        }
    }
    return std::nullopt;
}

std::optional<event> packet_decoder::finish_packet() {
    event e;
    e.computed_checksum = checksum(raw_);
    int hi = hex_digit(checksum_digits_[0]);
    int lo = hex_digit(checksum_digits_[1]);
    e.received_checksum = hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    // Run-length decoding comes first: a repeat count applies to the wire
    // character before it, which may be the second half of an escape.
    std::optional<std::string> decoded;
    if (auto expanded = run_length_decode(raw_, max_decoded)) decoded = unescape(*expanded);
    if (e.received_checksum != e.computed_checksum) {
        e.type = event::kind::bad_checksum;
        e.payload = decoded ? std::move(*decoded) : raw_;
    } else if (!decoded) {
        e.type = event::kind::malformed;
        e.payload = raw_;
    } else {
        e.type = event::kind::packet;
        e.payload = std::move(*decoded);
    }
    raw_.clear();
    if (raw_.capacity() > 4096) raw_.shrink_to_fit();
    return e;
}

std::optional<std::uint32_t> stop_reply::register_u32(unsigned regnum) const {
    auto it = registers.find(regnum);
    if (it == registers.end() || it->second.empty()) return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < it->second.size() && i < 4; ++i) {
        value |= static_cast<std::uint32_t>(it->second[i]) << (8 * i);
    }
    return value;
}

std::optional<error_reply> parse_error_reply(std::string_view payload) {
    if (payload.size() < 2 || payload[0] != 'E') return std::nullopt;
    if (payload[1] == '.') return error_reply{0};
    auto code = hex_byte(payload.substr(1));
    if (!code) return std::nullopt;
    return error_reply{*code};
}

stop_event parse_stop_event(std::string_view payload) {
    if (payload.empty()) malformed_reply(payload);
    switch (payload[0]) {
        case 'S': {
            auto signal = hex_byte(payload.substr(1));
            if (!signal) malformed_reply(payload);
            stop_reply reply;
            reply.code = *signal;
            return reply;
        }
        case 'T':
            return parse_t_packet(payload);
        case 'W':
        case 'X': {
            stop_reply reply;
            reply.type =
                payload[0] == 'W' ? stop_reply::kind::exited : stop_reply::kind::terminated;
            reply.code = exit_code(payload);
            return reply;
        }
        case 'O': {
            auto bytes = from_hex(payload.substr(1));
            if (!bytes) malformed_reply(payload);
            return console_output{std::string(bytes->begin(), bytes->end())};
        }
        case 'E':
            if (auto error = parse_error_reply(payload)) return *error;
            break;
        default:
            break;
    }
    malformed_reply(payload);
}

std::string printable(std::string_view payload, std::size_t max_len) {
    std::string out;
    for (std::size_t i = 0; i < payload.size(); ++i) {
        if (out.size() >= max_len) {
            out += "...";
            break;
        }
        auto c = static_cast<unsigned char>(payload[i]);
        if (c >= 0x20 && c < 0x7f) {
            out.push_back(static_cast<char>(c));
        } else {
            out += fmt::format("\\x{:02x}", c);
        }
    }
    return out;
}

}  // namespace rivet::rsp
