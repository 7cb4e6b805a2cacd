#include <rivet/log/decoder.hpp>

#include <fmt/format.h>

#include <cstring>
#include <string_view>

namespace rivet::log {
namespace {

namespace wire = contracts::log;

// Anything wrong inside one frame; caught by decode_frame, never escapes.
struct bad_frame {};

struct reader {
    std::span<const std::uint8_t> data;
    std::size_t pos = 0;

    std::uint8_t byte() {
        if (pos >= data.size()) throw bad_frame{};
        return data[pos++];
    }
    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = byte();
            value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw bad_frame{};
    }
    std::int64_t zigzag() {
        const auto v = varint();
        return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
    }
    std::span<const std::uint8_t> bytes(std::uint64_t count) {
        if (count > data.size() - pos) throw bad_frame{};
        auto out = data.subspan(pos, static_cast<std::size_t>(count));
        pos += static_cast<std::size_t>(count);
        return out;
    }
};

struct signature_cursor {
    std::string_view text;
    std::size_t pos = 0;
    char next() {
        if (pos >= text.size()) throw bad_frame{};
        return text[pos++];
    }
    char peek() const {
        if (pos >= text.size()) throw bad_frame{};
        return text[pos];
    }
};

// A user type's "(LEN:FORMAT" prefix: returns FORMAT, leaves the cursor on
// the first field's signature.
std::string_view user_format(signature_cursor& sig) {
    std::size_t length = 0;
    for (char c = sig.next(); c != ':'; c = sig.next()) {
        if (c < '0' || c > '9' || length > 100000) throw bad_frame{};
        length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    if (length > sig.text.size() - sig.pos) throw bad_frame{};
    auto format = sig.text.substr(sig.pos, length);
    sig.pos += length;
    return format;
}

void skip_signature(signature_cursor& sig, int depth = 0) {
    if (depth > 32) throw bad_frame{};
    const char c = sig.next();
    if (c == wire::sig::list || c == wire::sig::optional) {
        skip_signature(sig, depth + 1);
    } else if (c == wire::sig::user_open) {
        user_format(sig);
        while (sig.peek() != wire::sig::user_close) skip_signature(sig, depth + 1);
        sig.next();
    }
}

std::string debug_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

// Applies a checked spec (without '?') through fmt; the firmware checked
// it against the type, but the ELF may be from anywhere.
template <class T>
std::string with_spec(std::string_view spec, const T& value) {
    if (spec.empty()) return fmt::format("{}", value);
    try {
        return fmt::format(fmt::runtime(fmt::format("{{:{}}}", spec)), value);
    } catch (const fmt::format_error&) {
        return fmt::format("{}", value);
    }
}

// Integers: as fmt, except that {:#o} is 0o17 as in Rust (fmt writes 017).
template <class T>
std::string integer_with_spec(const std::string& spec, T value) {
    const auto hash = spec.find('#');
    if (hash != std::string::npos && !spec.empty() && spec.back() == 'o') {
        return "0o" + with_spec(std::string(spec).erase(hash, 1), value);
    }
    return with_spec(spec, value);
}

// A precision means digits after the point (as in Rust), not fmt's
// significant digits.
std::string float_spec(const std::string& spec) {
    if (spec.find('.') != std::string::npos && !spec.empty() &&
        (spec.back() >= '0' && spec.back() <= '9')) {
        return spec + "f";
    }
    return spec;
}

class formatter {
public:
    formatter(const metadata& meta, reader& in) : meta_(meta), in_(in) {}

    std::string message(std::string_view format, signature_cursor& sig, int depth) {
        if (depth > 16) throw bad_frame{};
        std::string out;
        for (std::size_t i = 0; i < format.size(); ++i) {
            const char c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.size() && format[i + 1] == c) {
                out += c;
                ++i;
            } else if (c == '{') {
                const auto close = format.find('}', i);
                if (close == std::string_view::npos) throw bad_frame{};
                auto inside = format.substr(i + 1, close - i - 1);
                if (!inside.empty() && inside.front() == ':') inside.remove_prefix(1);
                out += value(sig, inside, depth);
                i = close;
            } else {
                out += c;
            }
        }
        return out;
    }

private:
    std::string value(signature_cursor& sig, std::string_view spec, int depth) {
        if (depth > 16) throw bad_frame{};
        const bool debug = !spec.empty() && spec.back() == '?';
        const std::string plain(debug ? spec.substr(0, spec.size() - 1) : spec);
        switch (sig.next()) {
            case wire::sig::boolean:
                return with_spec(plain, in_.byte() != 0);
            case wire::sig::character: {
                const char c = static_cast<char>(in_.byte());
                return debug ? fmt::format("'{}'", c) : with_spec(plain, c);
            }
            case wire::sig::signed_int:
                return integer_with_spec(plain, in_.zigzag());
            case wire::sig::unsigned_int:
                return integer_with_spec(plain, in_.varint());
            case wire::sig::f32: {
                float f;
                std::memcpy(&f, in_.bytes(4).data(), 4);
                return with_spec(float_spec(plain), f);
            }
            case wire::sig::f64: {
                double d;
                std::memcpy(&d, in_.bytes(8).data(), 8);
                return with_spec(float_spec(plain), d);
            }
            case wire::sig::string: {
                auto bytes = in_.bytes(in_.varint());
                std::string text(bytes.begin(), bytes.end());
                return debug ? debug_quoted(text) : with_spec(plain, text);
            }
            case wire::sig::interned: {
                const auto* text = meta_.find_string(static_cast<std::uint32_t>(in_.varint()));
                if (!text) throw bad_frame{};
                return debug ? debug_quoted(*text) : with_spec(plain, *text);
            }
            case wire::sig::bytes: {
                auto bytes = in_.bytes(in_.varint());
                std::string out;
                if (plain.empty() && !debug) {
                    for (auto b : bytes) out += fmt::format("{}{:02x}", out.empty() ? "" : " ", b);
                    return out;
                }
                out = "[";
                for (std::size_t i = 0; i < bytes.size(); ++i) {
                    out += (i ? ", " : "") + with_spec(plain, static_cast<unsigned>(bytes[i]));
                }
                return out + "]";
            }
            case wire::sig::list: {
                const auto count = in_.varint();
                if (count > in_.data.size()) throw bad_frame{};
                const auto element = sig.pos;
                std::string out = "[";
                for (std::uint64_t i = 0; i < count; ++i) {
                    sig.pos = element;
                    out += (i ? ", " : "") + value(sig, spec, depth + 1);
                }
                sig.pos = element;
                skip_signature(sig);
                return out + "]";
            }
            case wire::sig::enumeration: {
                const auto* names = meta_.find_enum(static_cast<std::uint32_t>(in_.varint()));
                if (!names) throw bad_frame{};
                const auto number = in_.zigzag();
                auto it = names->names.find(number);
                if (it == names->names.end()) return fmt::format("{}({})", names->type, number);
                return debug ? names->type + "::" + it->second : it->second;
            }
            case wire::sig::pointer: {
                std::uint32_t address;
                std::memcpy(&address, in_.bytes(4).data(), 4);
                return plain.empty() ? fmt::format("0x{:08x}", address) : with_spec(plain, address);
            }
            case wire::sig::optional: {
                if (in_.byte() == 0) {
                    skip_signature(sig);
                    return "None";
                }
                auto inner = value(sig, spec, depth + 1);
                return debug ? "Some(" + inner + ")" : inner;
            }
            case wire::sig::user_open: {
                const auto format = user_format(sig);
                auto out = message(format, sig, depth + 1);
                if (sig.next() != wire::sig::user_close) throw bad_frame{};
                return out;
            }
            default:
                throw bad_frame{};
        }
    }

    const metadata& meta_;
    reader& in_;
};

}  // namespace

std::optional<std::vector<std::uint8_t>> cobs_decode(std::span<const std::uint8_t> encoded) {
    std::vector<std::uint8_t> out;
    out.reserve(encoded.size());
    std::size_t i = 0;
    while (i < encoded.size()) {
        const std::uint8_t code = encoded[i++];
        if (code == 0) return std::nullopt;
        if (code - 1u > encoded.size() - i) return std::nullopt;
        for (unsigned k = 1; k < code; ++k) {
            if (encoded[i] == 0) return std::nullopt;
            out.push_back(encoded[i++]);
        }
        if (code != 0xff && i < encoded.size()) out.push_back(0);
    }
    return out;
}

std::optional<record> decode_frame(const metadata& meta, std::span<const std::uint8_t> frame,
                                   decode_stats& stats) {
    try {
        reader in{frame};
        const auto index = in.varint();
        if (index == wire::drop_report_index) {
            const auto count = in.varint();
            if (in.pos != frame.size()) throw bad_frame{};
            stats.dropped_frames += count;
            return std::nullopt;
        }
        if (index > 0xffffffffu) throw bad_frame{};
        const auto* site = meta.find_call_site(static_cast<std::uint32_t>(index));
        if (!site) throw bad_frame{};
        record r;
        r.severity = site->severity;
        r.file = site->file;
        r.line = site->line;
        if (site->timestamp) r.timestamp = in.varint();
        signature_cursor sig{site->signature};
        formatter format(meta, in);
        r.message = format.message(site->format, sig, 0);
        if (in.pos != frame.size() || sig.pos != sig.text.size()) throw bad_frame{};
        ++stats.records;
        return r;
    } catch (const bad_frame&) {
        ++stats.corrupt_frames;
        stats.skipped_bytes += frame.size();
        return std::nullopt;
    }
}

void stream_decoder::feed(std::span<const std::uint8_t> bytes) {
    // No valid encoded frame is longer than this; anything longer is junk
    // that has lost its delimiter, skipped up to the next one.
    constexpr std::size_t longest = wire::max_frame_size + 2;
    for (auto b : bytes) {
        if (b != wire::frame_delimiter) {
            if (pending_.size() <= longest)
                pending_.push_back(b);
            else
                ++stats_.skipped_bytes;
            continue;
        }
        if (pending_.empty()) continue;
        if (pending_.size() > longest) {
            ++stats_.corrupt_frames;
            stats_.skipped_bytes += pending_.size();
        } else if (auto frame = cobs_decode(pending_)) {
            if (auto r = decode_frame(meta_, *frame, stats_)) sink_(*r);
        } else {
            ++stats_.corrupt_frames;
            stats_.skipped_bytes += pending_.size();
        }
        pending_.clear();
    }
}

void stream_decoder::finish() {
    if (!pending_.empty()) {
        ++stats_.corrupt_frames;
        stats_.skipped_bytes += pending_.size();
        pending_.clear();
    }
}

}  // namespace rivet::log
