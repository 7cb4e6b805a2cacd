#include "rivet/rsp/client.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <array>

#include <rivet/support/error.hpp>

namespace rivet::rsp {

namespace {

constexpr std::size_t min_packet_size = 64;
constexpr std::size_t max_packet_size = packet_decoder::default_max_packet;
// target.xml plus includes is a few KiB; this only stops a runaway server.
constexpr std::size_t max_xfer_size = std::size_t{4} * 1024 * 1024;
constexpr int max_include_depth = 8;
constexpr std::chrono::milliseconds kill_grace{200};

bool is_ok(std::string_view reply) {
    return reply == "OK";
}

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool looks_like_stop(std::string_view packet) {
    return packet.size() >= 3 &&
           std::string_view("STWX").find(packet[0]) != std::string_view::npos &&
           is_hex_digit(packet[1]) && is_hex_digit(packet[2]);
}

// Requests whose genuine replies never look like a stop reply, so a stop
// arriving in their place is news about the target, not the answer.
bool never_answered_by_stop(std::string_view request) {
    for (std::string_view prefix : {"qSupported", "QStartNoAckMode", "qXfer:", "qRcmd,"}) {
        if (request.starts_with(prefix)) return true;
    }
    return !request.empty() &&
           std::string_view("mMpPZzgGD").find(request[0]) != std::string_view::npos;
}

bool is_include(std::string_view element) {
    return element == "include" ||
           (element.size() > 8 && element.substr(element.size() - 8) == ":include");
}

std::uint32_t little_endian(const std::vector<std::uint8_t>& bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytes.size() && i < 4; ++i) {
        value |= static_cast<std::uint32_t>(bytes[i]) << (8 * i);
    }
    return value;
}

// What GDB assumes for Cortex-M when a server has no target description:
// the classic arm 'g' layout, with cpsr (xpsr) at 25 after the FPA registers.
std::vector<register_info> default_registers() {
    std::vector<register_info> regs;
    for (unsigned i = 0; i <= 12; ++i) regs.push_back({fmt::format("r{}", i), i, 32});
    regs.push_back({"sp", 13, 32});
    regs.push_back({"lr", 14, 32});
    regs.push_back({"pc", 15, 32});
    regs.push_back({"xpsr", 25, 32});
    return regs;
}

}  // namespace

client::client(std::unique_ptr<transport> link, client_options options)
    : link_(std::move(link)), options_(options) {
    if (!link_) throw error(error_kind::usage, "rsp::client needs a transport");
    if (options_.timeout.count() <= 0) options_.timeout = std::chrono::milliseconds(1);
    if (options_.max_retransmits < 0) options_.max_retransmits = 0;
}

std::optional<event> client::next_event(clock::time_point deadline) {
    std::array<char, 4096> buf{};
    for (;;) {
        if (auto e = decoder_.next()) return e;
        auto now = clock::now();
        // Rounded up: rounded down, the deadline's last fraction of a
        // millisecond was spun through with zero-timeout reads.
        auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
        if (left.count() < 0) left = std::chrono::milliseconds(0);
        // Poll at least once even at the deadline so data already queued counts.
        std::size_t n = link_->read_some(buf.data(), buf.size(), left);
        if (n > 0) {
            decoder_.feed(std::string_view(buf.data(), n));
        } else if (clock::now() >= deadline) {
            return std::nullopt;
        }
    }
}

void client::send_packet(std::string_view payload) {
    std::string wire = encode_packet(payload);
    link_->write(wire);
    if (no_ack_) return;
    int nacks = 0;
    bool awaiting_dropped_packet_ack = false;
    // How long an ack may take before a packet that met a stop reply is
    // taken as dropped.
    constexpr auto dropped_packet_grace = std::chrono::milliseconds(300);
    auto deadline = clock::now() + options_.timeout;
    for (;;) {
        auto e = next_event(deadline);
        if (!e && awaiting_dropped_packet_ack) {
            awaiting_dropped_packet_ack = false;
            link_->write(wire);
            deadline = clock::now() + options_.timeout;
            continue;
        }
        if (!e) {
            throw error(error_kind::timeout,
                        fmt::format("no acknowledgement from {} for '{}' within {} ms", peer(),
                                    printable(payload), options_.timeout.count()));
        }
        switch (e->type) {
            case event::kind::ack:
                return;
            case event::kind::nack:
                if (++nacks > options_.max_retransmits) {
                    throw error(error_kind::io, fmt::format("{} rejected '{}' {} times", peer(),
                                                            printable(payload), nacks));
                }
                link_->write(wire);
                deadline = clock::now() + options_.timeout;
                break;
            case event::kind::packet:
                link_->write("+");
                if (looks_like_stop(e->payload) && never_answered_by_stop(payload)) {
                    // Two cases look alike. QEMU halts on the first byte it
                    // receives while running, reports the stop and drops the
                    // packet: no '+' follows, so send it again. But QEMU also
                    // reports a stop when a connection opens on a running
                    // target, and then still takes our packet: its '+' comes
                    // at once, and resending would get two replies.
                    note_unsolicited_stop(e->payload, payload);
                    if (++nacks > options_.max_retransmits) {
                        throw error(error_kind::io,
                                    fmt::format("{} kept answering '{}' with stop replies", peer(),
                                                printable(payload)));
                    }
                    awaiting_dropped_packet_ack = true;
                    deadline = clock::now() + dropped_packet_grace;
                    break;
                }
                // A reply means the request arrived even if its '+' got lost.
                pending_.push_back(std::move(e->payload));
                return;
            case event::kind::bad_checksum:
            case event::kind::malformed:
                link_->write("-");
                break;
            case event::kind::overlong:
                throw error(error_kind::io,
                            fmt::format("{} sent a packet longer than {} bytes ('{}')", peer(),
                                        packet_decoder::default_max_packet, printable(e->payload)));
            case event::kind::interrupt:
                break;
        }
    }
}

std::optional<std::string> client::receive_packet(clock::time_point deadline) {
    if (!pending_.empty()) {
        std::string p = std::move(pending_.front());
        pending_.pop_front();
        return p;
    }
    int corrupted = 0;
    for (;;) {
        auto e = next_event(deadline);
        if (!e) return std::nullopt;
        switch (e->type) {
            case event::kind::packet:
                if (!no_ack_) {
                    try {
                        link_->write("+");
                    } catch (const error& error) {
                        // A server that reports an exit (W, X) may close the
                        // connection before our ack arrives: the exit is the
                        // news, the ack is moot.
                        const bool exit_report =
                            !e->payload.empty() && (e->payload[0] == 'W' || e->payload[0] == 'X');
                        if (error.kind() != error_kind::io || !exit_report) throw;
                    }
                }
                return std::move(e->payload);
            case event::kind::bad_checksum:
            case event::kind::malformed:
                // Without acks there is no way to ask for the packet again.
                if (no_ack_ || ++corrupted > options_.max_retransmits) {
                    throw error(error_kind::io,
                                fmt::format("{} sent a corrupted packet '{}' (checksum {:02x}, "
                                            "received {})",
                                            peer(), printable(e->payload), e->computed_checksum,
                                            e->received_checksum < 0
                                                ? std::string("not hex")
                                                : fmt::format("{:02x}", e->received_checksum)));
                }
                link_->write("-");
                break;
            case event::kind::overlong:
                throw error(error_kind::io,
                            fmt::format("{} sent a packet longer than {} bytes ('{}')", peer(),
                                        packet_decoder::default_max_packet, printable(e->payload)));
            case event::kind::ack:
            case event::kind::nack:
            case event::kind::interrupt:
                break;  // late duplicates; nothing to do
        }
    }
}

std::string client::receive_reply(std::string_view request, clock::time_point deadline) {
    for (;;) {
        auto reply = receive_packet(deadline);
        if (!reply) {
            throw error(error_kind::timeout,
                        fmt::format("no reply from {} to '{}' within {} ms", peer(),
                                    printable(request), options_.timeout.count()));
        }
        if (looks_like_stop(*reply) && never_answered_by_stop(request)) {
            note_unsolicited_stop(*reply, request);
            continue;
        }
        return std::move(*reply);
    }
}

void client::note_unsolicited_stop(const std::string& packet, std::string_view request) {
    stop_event parsed = parse_stop_event(packet);
    const stop_reply& stop = std::get<stop_reply>(parsed);
    last_stop_ = stop;
    unsolicited_stops_.push_back(stop);
    if (stop.type != stop_reply::kind::signal) {
        throw error(error_kind::io,
                    fmt::format("the target {} with {} {} before {} answered '{}'",
                                stop.type == stop_reply::kind::exited ? "exited" : "was terminated",
                                stop.type == stop_reply::kind::exited ? "code" : "signal",
                                stop.code, peer(), printable(request)));
    }
}

std::string client::request(std::string_view payload) {
    send_packet(payload);
    return receive_reply(payload, clock::now() + options_.timeout);
}

void client::expect_ok(std::string_view req, std::string_view what) {
    std::string reply = request(req);
    if (is_ok(reply)) return;
    if (reply.empty()) {
        throw error(error_kind::unavailable,
                    fmt::format("{} does not support {} ('{}')", peer(), what, printable(req)));
    }
    if (parse_error_reply(reply)) {
        throw error(error_kind::io, fmt::format("{} refused to {} ('{}' answered {})", peer(), what,
                                                printable(req), printable(reply)));
    }
    throw error(error_kind::io, fmt::format("unexpected reply '{}' from {} to '{}'",
                                            printable(reply), peer(), printable(req)));
}

void client::handshake() {
    std::string reply =
        request("qSupported:multiprocess-;swbreak+;hwbreak+;qRelocInsn-;xmlRegisters=arm");
    bool can_no_ack = false;
    std::string_view rest = reply;
    while (!rest.empty()) {
        auto semi = rest.find(';');
        std::string_view feature = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        if (feature.starts_with("PacketSize=")) {
            auto size = parse_hex_number(feature.substr(11));
            if (!size) {
                throw error(error_kind::io, fmt::format("{} sent a malformed qSupported reply '{}'",
                                                        peer(), printable(reply)));
            }
            packet_size_ = static_cast<std::size_t>(
                std::clamp<std::uint64_t>(*size, min_packet_size, max_packet_size));
        } else if (feature == "qXfer:features:read+") {
            xfer_features_ = true;
        } else if (feature == "QStartNoAckMode+") {
            can_no_ack = true;
        }
    }
    if (can_no_ack && options_.use_no_ack_mode && !no_ack_) {
        if (is_ok(request("QStartNoAckMode"))) no_ack_ = true;
    }
    load_target_description();

    std::string stop = request("?");
    auto parsed = parse_stop_event(stop);
    if (auto* s = std::get_if<stop_reply>(&parsed)) {
        last_stop_ = *s;
    } else {
        throw error(error_kind::io,
                    fmt::format("unexpected reply '{}' from {} to '?'", printable(stop), peer()));
    }
}

std::string client::read_xfer(std::string_view object, std::string_view annex) {
    std::string out;
    std::size_t chunk = packet_size_ - 5;
    for (;;) {
        std::string req =
            fmt::format("qXfer:{}:read:{}:{:x},{:x}", object, annex, out.size(), chunk);
        std::string reply = request(req);
        if (reply.empty()) {
            throw error(error_kind::unavailable,
                        fmt::format("{} does not support qXfer:{}:read", peer(), object));
        }
        if (reply[0] == 'l' || reply[0] == 'm') {
            out.append(reply, 1);
            if (reply[0] == 'l') return out;
            if (reply.size() == 1 || out.size() > max_xfer_size) {
                throw error(error_kind::io,
                            fmt::format("{} sent no end to qXfer {} {}", peer(), object, annex));
            }
            continue;
        }
        if (parse_error_reply(reply)) {
            throw error(error_kind::io, fmt::format("{} refused to read {} '{}' ({})", peer(),
                                                    object, annex, printable(reply)));
        }
        throw error(error_kind::io, fmt::format("unexpected reply '{}' from {} to '{}'",
                                                printable(reply), peer(), printable(req)));
    }
}

void client::load_target_description() {
    if (!xfer_features_) {
        registers_ = default_registers();
        return;
    }
    registers_.clear();
    unsigned next_regnum = 0;
    add_registers_from("target.xml", 0, next_regnum);
}

void client::add_registers_from(const std::string& annex, int depth, unsigned& next_regnum) {
    if (depth > max_include_depth) {
        throw error(error_kind::io, fmt::format("target description from {} nests includes deeper "
                                                "than {} at '{}'",
                                                peer(), max_include_depth, annex));
    }
    std::string xml = read_xfer("features", annex);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) {
        throw error(error_kind::io,
                    fmt::format("{} sent a malformed target description '{}': {} at offset {}",
                                peer(), annex, parsed.description(), parsed.offset));
    }
    auto walk = [&](auto& self, const pugi::xml_node& node) -> void {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view element = child.name();
            if (element == "reg") {
                std::string name = child.attribute("name").as_string();
                if (name.empty()) {
                    throw error(error_kind::io,
                                fmt::format("target description '{}' from {} has a <reg> "
                                            "without a name",
                                            annex, peer()));
                }
                if (auto regnum = child.attribute("regnum")) next_regnum = regnum.as_uint();
                registers_.push_back(
                    {std::move(name), next_regnum, child.attribute("bitsize").as_uint(32)});
                ++next_regnum;
            } else if (is_include(element)) {
                std::string href = child.attribute("href").as_string();
                if (!href.empty()) add_registers_from(href, depth + 1, next_regnum);
            } else {
                self(self, child);
            }
        }
    };
    walk(walk, doc);
}

const register_info* client::find_register(std::string_view name) const {
    auto it = std::find_if(registers_.begin(), registers_.end(),
                           [&](const register_info& r) { return r.name == name; });
    return it == registers_.end() ? nullptr : &*it;
}

const register_info& client::register_named(std::string_view name) const {
    if (const register_info* r = find_register(name)) return *r;
    throw error(error_kind::usage, fmt::format("no register named '{}' on {}", name, peer()));
}

std::vector<std::uint8_t> client::read_memory(std::uint32_t address, std::size_t length) {
    if (length > 0 && length - 1 > std::size_t{0xffffffff} - address) {
        throw error(error_kind::usage,
                    fmt::format("cannot read {} bytes at 0x{:08x}: past the end of memory", length,
                                address));
    }
    std::vector<std::uint8_t> out;
    out.reserve(length);
    const std::size_t max_chunk = std::max<std::size_t>(1, (packet_size_ - 4) / 2);
    while (out.size() < length) {
        auto at = static_cast<std::uint32_t>(address + out.size());
        std::size_t n = std::min(max_chunk, length - out.size());
        std::string req = fmt::format("m{:x},{:x}", at, n);
        std::string reply = request(req);
        if (parse_error_reply(reply)) {
            throw error(error_kind::io,
                        fmt::format("target refused to read {} bytes at 0x{:08x} ({})", n, at,
                                    printable(reply)));
        }
        auto bytes = from_hex(reply);
        // Servers may return fewer bytes than asked (e.g. at a region end),
        // but never none and never more.
        if (!bytes || bytes->empty() || bytes->size() > n) {
            throw error(error_kind::io, fmt::format("unexpected reply '{}' from {} to '{}'",
                                                    printable(reply), peer(), req));
        }
        out.insert(out.end(), bytes->begin(), bytes->end());
    }
    return out;
}

void client::write_memory(std::uint32_t address, std::span<const std::uint8_t> data) {
    if (!data.empty() && data.size() - 1 > std::size_t{0xffffffff} - address) {
        throw error(error_kind::usage,
                    fmt::format("cannot write {} bytes at 0x{:08x}: past the end of memory",
                                data.size(), address));
    }
    // "M" + address + "," + length + ":" + hex, inside "$...#cs".
    const std::size_t overhead = 4 + 1 + 8 + 1 + 8 + 1;
    const std::size_t max_chunk = std::max<std::size_t>(1, (packet_size_ - overhead) / 2);
    struct chunk {
        std::uint32_t at;
        std::size_t size;
    };
    std::vector<chunk> chunks;
    for (std::size_t done = 0; done < data.size(); done += max_chunk) {
        chunks.push_back(
            {static_cast<std::uint32_t>(address + done), std::min(max_chunk, data.size() - done)});
    }
    // Round trips, not bandwidth, bound a load over TCP: keep a few packets
    // in flight. The stub handles them in order and answers each in turn.
    constexpr std::size_t window = 16;
    // Our acks for the replies ride along with the next packet: one segment
    // and one wake-up of the stub instead of two.
    std::string acks;
    std::size_t sent = 0;
    for (std::size_t answered = 0; answered < chunks.size(); ++answered) {
        for (; sent < chunks.size() && sent - answered < window; ++sent) {
            const chunk& c = chunks[sent];
            link_->write(acks +
                         encode_packet(fmt::format("M{:x},{:x}:{}", c.at, c.size,
                                                   to_hex(data.subspan(c.at - address, c.size)))));
            acks.clear();
        }
        const chunk& c = chunks[answered];
        const std::string what = fmt::format("M{:x},{:x}:...", c.at, c.size);
        std::string reply = receive_pipelined_reply(what, clock::now() + options_.timeout, acks);
        if (answered + 1 == chunks.size() && !acks.empty()) {
            link_->write(acks);
            acks.clear();
        }
        if (is_ok(reply)) continue;
        if (parse_error_reply(reply)) {
            throw error(error_kind::io,
                        fmt::format("target refused to write {} bytes at 0x{:08x} ({})", c.size,
                                    c.at, printable(reply)));
        }
        throw error(error_kind::io, fmt::format("unexpected reply '{}' from {} to '{}'",
                                                printable(reply), peer(), what));
    }
}

std::string client::receive_pipelined_reply(std::string_view request, clock::time_point deadline,
                                            std::string& deferred_acks) {
    bool acked = no_ack_;
    for (;;) {
        auto e = next_event(deadline);
        if (!e) {
            throw error(error_kind::timeout,
                        fmt::format("no {} from {} to '{}' within {} ms",
                                    acked ? "reply" : "acknowledgement", peer(), request,
                                    options_.timeout.count()));
        }
        switch (e->type) {
            case event::kind::ack:
                acked = true;
                break;
            case event::kind::packet:
                if (!no_ack_) deferred_acks += '+';
                if (looks_like_stop(e->payload)) note_unsolicited_stop(e->payload, request);
                return std::move(e->payload);
            case event::kind::nack:
            case event::kind::bad_checksum:
            case event::kind::malformed:
                // With later packets already sent, a resend would reorder the
                // writes; a clean failure is better than a wrong image.
                throw error(error_kind::io,
                            fmt::format("{} garbled the exchange for '{}'", peer(), request));
            case event::kind::overlong:
                throw error(error_kind::io,
                            fmt::format("{} sent a packet longer than {} bytes", peer(),
                                        packet_decoder::default_max_packet));
            case event::kind::interrupt:
                break;
        }
    }
}

std::vector<std::uint8_t> client::read_register_bytes(std::string_view name) {
    const register_info& reg = register_named(name);
    std::string req = fmt::format("p{:x}", reg.regnum);
    std::string reply = request(req);
    if (parse_error_reply(reply)) {
        throw error(error_kind::io, fmt::format("target refused to read register {} ({})", reg.name,
                                                printable(reply)));
    }
    if (!reply.empty() &&
        std::all_of(reply.begin(), reply.end(), [](char c) { return c == 'x'; })) {
        throw error(error_kind::io,
                    fmt::format("register {} is unavailable on {}", reg.name, peer()));
    }
    auto bytes = from_hex(reply);
    if (!bytes || bytes->empty()) {
        throw error(error_kind::io, fmt::format("unexpected reply '{}' from {} to '{}'",
                                                printable(reply), peer(), req));
    }
    return std::move(*bytes);
}

std::uint32_t client::read_register(std::string_view name) {
    const register_info& reg = register_named(name);
    if (reg.bitsize > 32) {
        throw error(error_kind::usage, fmt::format("register {} is {} bits wide; read its bytes",
                                                   reg.name, reg.bitsize));
    }
    return little_endian(read_register_bytes(name));
}

void client::write_register(std::string_view name, std::uint32_t value) {
    const register_info& reg = register_named(name);
    if (reg.bitsize > 32 || reg.bitsize == 0 || reg.bitsize % 8 != 0) {
        throw error(error_kind::usage, fmt::format("cannot write register {} ({} bits) as 32 bits",
                                                   reg.name, reg.bitsize));
    }
    std::string hex = hex_u32_le(value).substr(0, reg.bitsize / 4);
    expect_ok(fmt::format("P{:x}={}", reg.regnum, hex), fmt::format("write register {}", reg.name));
}

void client::cont() {
    forget_signal_stops();
    send_packet("c");
}

void client::step() {
    forget_signal_stops();
    send_packet("s");
}

void client::forget_signal_stops() {
    std::erase_if(unsolicited_stops_,
                  [](const stop_reply& s) { return s.type == stop_reply::kind::signal; });
}

void client::interrupt() {
    link_->write("\x03");
}

std::optional<stop_reply> client::wait_stop(std::chrono::milliseconds timeout,
                                            const output_callback& on_output) {
    if (!unsolicited_stops_.empty()) {
        stop_reply stop = unsolicited_stops_.front();
        unsolicited_stops_.pop_front();
        return stop;
    }
    auto deadline = clock::now() + timeout;
    for (;;) {
        auto packet = receive_packet(deadline);
        if (!packet) return std::nullopt;
        stop_event parsed = parse_stop_event(*packet);
        if (auto* stop = std::get_if<stop_reply>(&parsed)) {
            last_stop_ = *stop;
            return *stop;
        }
        if (auto* out = std::get_if<console_output>(&parsed)) {
            if (on_output) on_output(out->text);
            continue;
        }
        throw error(error_kind::io, fmt::format("{} answered {} while the target was running",
                                                peer(), printable(*packet)));
    }
}

void client::insert_breakpoint(std::uint32_t address, bool hardware) {
    expect_ok(fmt::format("Z{},{:x},2", hardware ? 1 : 0, address),
              fmt::format("insert a {} breakpoint at 0x{:08x}", hardware ? "hardware" : "software",
                          address));
}

void client::remove_breakpoint(std::uint32_t address, bool hardware) {
    expect_ok(fmt::format("z{},{:x},2", hardware ? 1 : 0, address),
              fmt::format("remove the {} breakpoint at 0x{:08x}",
                          hardware ? "hardware" : "software", address));
}

std::string client::monitor(std::string_view command) {
    std::string req = "qRcmd," + to_hex(command);
    send_packet(req);
    std::string output;
    for (;;) {
        // Output keeps the command alive: the deadline counts from the last packet.
        std::string reply = receive_reply(req, clock::now() + options_.timeout);
        if (is_ok(reply)) return output;
        if (reply.empty()) {
            throw error(error_kind::unavailable,
                        fmt::format("{} does not support monitor commands", peer()));
        }
        if (reply[0] == 'O') {
            auto text = from_hex(std::string_view(reply).substr(1));
            if (!text) break;
            output.append(text->begin(), text->end());
            continue;
        }
        if (parse_error_reply(reply)) {
            throw error(error_kind::io, fmt::format("{} refused monitor command '{}' ({})", peer(),
                                                    printable(command), printable(reply)));
        }
        // Some servers answer with the output itself instead of O packets + OK.
        if (auto text = from_hex(reply)) {
            output.append(text->begin(), text->end());
            return output;
        }
        break;
    }
    throw error(error_kind::io, fmt::format("unexpected reply from {} to monitor command '{}'",
                                            peer(), printable(command)));
}

void client::detach() {
    expect_ok("D", "detach");
}

void client::kill() {
    try {
        link_->write(encode_packet("k"));
        // QEMU exits at once; others ack or reply. Drain whatever comes briefly.
        auto deadline = clock::now() + std::min(options_.timeout, kill_grace);
        while (auto e = next_event(deadline)) {
            if (e->type == event::kind::packet && !no_ack_) link_->write("+");
        }
    } catch (const error& e) {
        if (e.kind() != error_kind::io && e.kind() != error_kind::timeout) throw;
    }
}

}  // namespace rivet::rsp
