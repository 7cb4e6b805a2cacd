#include <rivet/log/decoder.hpp>

#include <rivet/contracts/log_format.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace rivet::log {
namespace {

namespace wire = contracts::log;
namespace grammar = contracts::log::format;

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

using out_iterator = std::back_insert_iterator<std::string>;

// The spec as fmt reads it (without '?', which is not fmt's): a precision
// means digits after the point (as in Rust), not fmt's significant digits,
// so floats get 'f'; '#o' is Rust's 0o17 (the caller adds the prefix).
std::string fmt_spec(const grammar::spec& spec, bool floating) {
    std::string out = "{:";
    if (spec.alternate && spec.type != 'o') out += '#';
    if (spec.zero) out += '0';
    if (spec.width != 0) out += std::to_string(spec.width);
    if (spec.has_precision) out += '.' + std::to_string(spec.precision);
    if (spec.type != 0 && spec.type != '?') {
        out += spec.type;
    } else if (floating && spec.has_precision) {
        out += 'f';
    }
    return out + '}';
}

// Applies the spec through fmt; the firmware checked it against the type,
// but the ELF may be from anywhere, so what fmt refuses is shown plain.
template <class T>
void with_spec(std::string& out, const grammar::spec& spec, const T& value) {
    if (!spec.alternate && !spec.zero && spec.width == 0 && !spec.has_precision &&
        (spec.type == 0 || spec.type == '?')) {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                      !std::is_same_v<T, char>) {
            const fmt::format_int text(value);
            out.append(text.data(), text.size());
        } else {
            fmt::format_to(out_iterator(out), "{}", value);
        }
        return;
    }
    constexpr bool floating = std::is_floating_point_v<T>;
    if constexpr (std::is_integral_v<T>) {
        if (spec.alternate && spec.type == 'o') out += "0o";
    }
    const auto size = out.size();
    try {
        fmt::vformat_to(out_iterator(out), fmt_spec(spec, floating), fmt::make_format_args(value));
    } catch (const fmt::format_error&) {
        out.resize(size);
        fmt::format_to(out_iterator(out), "{}", value);
    }
}

class formatter {
public:
    formatter(const metadata& meta, reader& in) : meta_(meta), in_(in) {}

    void message(std::string& out, std::string_view format, signature_cursor& sig, int depth) {
        if (depth > 16) throw bad_frame{};
        grammar::parser parser(format);
        for (auto piece = parser.next(); piece.kind != grammar::piece_kind::end;
             piece = parser.next()) {
            put(out, piece, sig, depth);
        }
    }
    // The same, for a format parsed beforehand (a cached call site's).
    void message(std::string& out, std::span<const grammar::piece> pieces, signature_cursor& sig) {
        for (const auto& piece : pieces) put(out, piece, sig, 0);
    }

private:
    void put(std::string& out, const grammar::piece& piece, signature_cursor& sig, int depth) {
        if (piece.kind == grammar::piece_kind::error) throw bad_frame{};
        if (piece.kind == grammar::piece_kind::text) {
            out += piece.text;
        } else {
            value(out, sig, piece.spec, depth);
        }
    }

    void value(std::string& out, signature_cursor& sig, const grammar::spec& spec, int depth) {
        if (depth > 16) throw bad_frame{};
        const bool debug = spec.debug();
        switch (sig.next()) {
            case wire::sig::boolean:
                return with_spec(out, spec, in_.byte() != 0);
            case wire::sig::character: {
                const char c = static_cast<char>(in_.byte());
                if (debug) {
                    out += '\'';
                    out += c;
                    out += '\'';
                    return;
                }
                return with_spec(out, spec, c);
            }
            case wire::sig::signed_int:
                return with_spec(out, spec, in_.zigzag());
            case wire::sig::unsigned_int:
                return with_spec(out, spec, in_.varint());
            case wire::sig::f32: {
                float f;
                std::memcpy(&f, in_.bytes(4).data(), 4);
                return with_spec(out, spec, f);
            }
            case wire::sig::f64: {
                double d;
                std::memcpy(&d, in_.bytes(8).data(), 8);
                return with_spec(out, spec, d);
            }
            case wire::sig::string: {
                auto bytes = in_.bytes(in_.varint());
                const std::string_view text(reinterpret_cast<const char*>(bytes.data()),
                                            bytes.size());
                if (debug) {
                    out += debug_quoted(text);
                } else {
                    with_spec(out, spec, text);
                }
                return;
            }
            case wire::sig::interned: {
                const auto* text = meta_.find_string(static_cast<std::uint32_t>(in_.varint()));
                if (!text) throw bad_frame{};
                if (debug) {
                    out += debug_quoted(*text);
                } else {
                    with_spec(out, spec, std::string_view(*text));
                }
                return;
            }
            case wire::sig::bytes: {
                auto bytes = in_.bytes(in_.varint());
                if (spec.plain()) {
                    for (std::size_t i = 0; i < bytes.size(); ++i) {
                        fmt::format_to(out_iterator(out), "{}{:02x}", i ? " " : "", bytes[i]);
                    }
                    return;
                }
                out += '[';
                for (std::size_t i = 0; i < bytes.size(); ++i) {
                    if (i) out += ", ";
                    with_spec(out, spec, static_cast<unsigned>(bytes[i]));
                }
                out += ']';
                return;
            }
            case wire::sig::list: {
                const auto count = in_.varint();
                if (count > in_.data.size()) throw bad_frame{};
                const auto element = sig.pos;
                out += '[';
                for (std::uint64_t i = 0; i < count; ++i) {
                    sig.pos = element;
                    if (i) out += ", ";
                    value(out, sig, spec, depth + 1);
                }
                out += ']';
                sig.pos = element;
                skip_signature(sig);
                return;
            }
            case wire::sig::enumeration: {
                const auto* names = meta_.find_enum(static_cast<std::uint32_t>(in_.varint()));
                if (!names) throw bad_frame{};
                const auto number = in_.zigzag();
                auto it = names->names.find(number);
                if (it == names->names.end()) {
                    fmt::format_to(out_iterator(out), "{}({})", names->type, number);
                } else if (debug) {
                    out += names->type;
                    out += "::";
                    out += it->second;
                } else {
                    out += it->second;
                }
                return;
            }
            case wire::sig::pointer: {
                std::uint32_t address;
                std::memcpy(&address, in_.bytes(4).data(), 4);
                if (spec.plain() || debug) {
                    fmt::format_to(out_iterator(out), "0x{:08x}", address);
                } else {
                    with_spec(out, spec, address);
                }
                return;
            }
            case wire::sig::optional: {
                if (in_.byte() == 0) {
                    skip_signature(sig);
                    out += "None";
                    return;
                }
                if (debug) out += "Some(";
                value(out, sig, spec, depth + 1);
                if (debug) out += ')';
                return;
            }
            case wire::sig::user_open: {
                const auto format = user_format(sig);
                message(out, format, sig, depth + 1);
                if (sig.next() != wire::sig::user_close) throw bad_frame{};
                return;
            }
            default:
                throw bad_frame{};
        }
    }

    const metadata& meta_;
    reader& in_;
};

// Removes COBS into out (at least encoded.size() bytes); the decoded size,
// or nullopt if the encoding is broken. A byte loop: frames are short, and
// memchr/memcpy calls cost more than they save on a few bytes.
std::optional<std::size_t> cobs_decode_into(std::span<const std::uint8_t> encoded,
                                            std::uint8_t* out) {
    std::uint8_t* to = out;
    const std::uint8_t* from = encoded.data();
    const std::uint8_t* const end = from + encoded.size();
    while (from < end) {
        const std::uint8_t code = *from++;
        if (code == 0) return std::nullopt;
        const std::size_t run = code - 1u;
        if (run > static_cast<std::size_t>(end - from)) return std::nullopt;
        for (const auto* stop = from + run; from < stop; ++from) {
            if (*from == 0) return std::nullopt;
            *to++ = *from;
        }
        if (code != 0xff && from < end) *to++ = 0;
    }
    return static_cast<std::size_t>(to - out);
}

}  // namespace

// Call sites met so far, with their formats parsed once.
struct stream_decoder::site_cache {
    struct entry {
        const call_site* site;
        std::vector<grammar::piece> pieces;
    };
    std::unordered_map<std::uint32_t, entry> sites;
    std::uint32_t last_index = 0;  // never a call site's (0 is the version entry)
    const entry* last = nullptr;
    const call_site* filled_from = nullptr;  // what the reused record holds

    const entry* find(const metadata& meta, std::uint32_t index) {
        if (index == last_index && last) return last;
        auto it = sites.find(index);
        if (it == sites.end()) {
            const auto* site = meta.find_call_site(index);
            if (!site) return nullptr;  // junk never grows the cache
            entry e{site, {}};
            grammar::parser parser(site->format);
            for (auto piece = parser.next(); piece.kind != grammar::piece_kind::end;
                 piece = parser.next()) {
                e.pieces.push_back(piece);
            }
            it = sites.emplace(index, std::move(e)).first;
        }
        last_index = index;
        last = &it->second;
        return last;
    }
};

namespace {

// Decodes one frame into r (reusing its strings' storage); false if it is
// corrupt or a drop report. With a cache, call sites are looked up and
// their formats parsed once.
bool decode_into(const metadata& meta, std::span<const std::uint8_t> frame, decode_stats& stats,
                 record& r, stream_decoder::site_cache* cache) {
    try {
        reader in{frame};
        const auto index = in.varint();
        if (index == wire::drop_report_index) {
            const auto count = in.varint();
            if (in.pos != frame.size()) throw bad_frame{};
            stats.dropped_frames += count;
            return false;
        }
        if (index > 0xffffffffu) throw bad_frame{};
        const stream_decoder::site_cache::entry* cached = nullptr;
        const call_site* site;
        if (cache) {
            cached = cache->find(meta, static_cast<std::uint32_t>(index));
            site = cached ? cached->site : nullptr;
        } else {
            site = meta.find_call_site(static_cast<std::uint32_t>(index));
        }
        if (!site) throw bad_frame{};
        if (!cache || cache->filled_from != site) {
            r.severity = site->severity;
            r.file = site->file;
            r.line = site->line;
            if (cache) cache->filled_from = site;
        }
        r.timestamp.reset();
        if (site->timestamp) r.timestamp = in.varint();
        signature_cursor sig{site->signature};
        formatter format(meta, in);
        r.message.clear();
        if (cached) {
            format.message(r.message, cached->pieces, sig);
        } else {
            format.message(r.message, site->format, sig, 0);
        }
        if (in.pos != frame.size() || sig.pos != sig.text.size()) throw bad_frame{};
        ++stats.records;
        return true;
    } catch (const bad_frame&) {
        ++stats.corrupt_frames;
        stats.skipped_bytes += frame.size();
        return false;
    }
}

}  // namespace

std::optional<std::vector<std::uint8_t>> cobs_decode(std::span<const std::uint8_t> encoded) {
    std::vector<std::uint8_t> out(encoded.size());
    const auto size = cobs_decode_into(encoded, out.data());
    if (!size) return std::nullopt;
    out.resize(*size);
    return out;
}

std::optional<record> decode_frame(const metadata& meta, std::span<const std::uint8_t> frame,
                                   decode_stats& stats) {
    record r;
    if (!decode_into(meta, frame, stats, r, nullptr)) return std::nullopt;
    return r;
}

void stream_decoder::frame(std::span<const std::uint8_t> encoded) {
    // No valid encoded frame is longer than this; anything longer is junk
    // that has lost its delimiter, skipped up to the next one.
    constexpr std::size_t longest = wire::max_frame_size + 2;
    if (encoded.empty()) return;
    std::optional<std::size_t> size;
    if (encoded.size() <= longest) size = cobs_decode_into(encoded, frame_.data());
    if (!size) {
        ++stats_.corrupt_frames;
        stats_.skipped_bytes += encoded.size();
        return;
    }
    if (decode_into(meta_, {frame_.data(), *size}, stats_, record_, cache_.get())) sink_(record_);
}

void stream_decoder::feed(std::span<const std::uint8_t> bytes) {
    constexpr std::size_t longest = wire::max_frame_size + 2;
    const std::uint8_t* at = bytes.data();
    const std::uint8_t* const end = at + bytes.size();
    while (at < end) {
        const auto* found = std::find(at, end, wire::frame_delimiter);
        const auto* stop = found == end ? nullptr : found;
        const auto* run_end = found;
        const auto run = static_cast<std::size_t>(run_end - at);
        if (pending_.empty() && stop) {
            frame({at, run});  // whole in this chunk: no copy
        } else {
            // Keep at most one byte past the longest frame: enough to know
            // it is junk; the rest is only counted.
            const auto keep = pending_.size() <= longest
                                  ? std::min(run, longest + 1 - pending_.size())
                                  : std::size_t{0};
            pending_.insert(pending_.end(), at, at + keep);
            overlong_ += run - keep;
            if (stop) {
                if (overlong_ != 0) {
                    ++stats_.corrupt_frames;
                    stats_.skipped_bytes += pending_.size() + overlong_;
                } else {
                    frame(pending_);
                }
                pending_.clear();
                overlong_ = 0;
            }
        }
        at = stop ? stop + 1 : end;
    }
}

void stream_decoder::finish() {
    if (!pending_.empty()) {
        ++stats_.corrupt_frames;
        stats_.skipped_bytes += pending_.size() + overlong_;
        pending_.clear();
        overlong_ = 0;
    }
}

stream_decoder::stream_decoder(const metadata& meta, record_sink sink)
    : meta_(meta), sink_(std::move(sink)), cache_(std::make_unique<site_cache>()) {}

stream_decoder::~stream_decoder() = default;

}  // namespace rivet::log
