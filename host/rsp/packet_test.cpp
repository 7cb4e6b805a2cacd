#include "rivet/rsp/packet.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include <rivet/support/error.hpp>

namespace rivet::rsp {
namespace {

std::vector<event> decode_all(packet_decoder& d) {
    std::vector<event> out;
    while (auto e = d.next()) out.push_back(std::move(*e));
    return out;
}

// Frames raw wire bytes without escaping them, as a server might send them.
std::string frame(std::string_view raw) {
    char cs[3];
    std::snprintf(cs, sizeof cs, "%02x", checksum(raw));
    return "$" + std::string(raw) + "#" + cs;
}

std::vector<event> decode(std::string_view wire) {
    packet_decoder d;
    d.feed(wire);
    return decode_all(d);
}

TEST(rsp_codec, encodes_with_checksum) {
    EXPECT_EQ(encode_packet("OK"), "$OK#9a");
    EXPECT_EQ(encode_packet(""), "$#00");
    EXPECT_EQ(encode_packet("g"), "$g#67");
    EXPECT_EQ(encode_packet("m20000000,4"), "$m20000000,4#4f");
}

TEST(rsp_codec, escapes_special_bytes) {
    // '$' 0x24 -> } 0x04, '#' 0x23 -> } 0x03, '}' 0x7d -> } 0x5d, '*' 0x2a -> } 0x0a
    std::string wire = encode_packet("a$#}*b");
    EXPECT_EQ(wire.substr(0, wire.size() - 3), std::string("$a}\x04}\x03}]}\nb"));
    auto events = decode(wire);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::packet);
    EXPECT_EQ(events[0].payload, "a$#}*b");
}

TEST(rsp_codec, every_byte_round_trips) {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    std::string wire = encode_packet(all);
    // No raw framing characters may remain inside the packet.
    std::string_view inner = std::string_view(wire).substr(1, wire.size() - 4);
    EXPECT_EQ(inner.find('$'), std::string_view::npos);
    EXPECT_EQ(inner.find('#'), std::string_view::npos);
    EXPECT_EQ(inner.find('*'), std::string_view::npos);
    auto events = decode(wire);
    ASSERT_EQ(events.size(), 1u);
    ASSERT_EQ(events[0].type, event::kind::packet);
    EXPECT_EQ(events[0].payload, all);
    for (int i = 0; i < 256; ++i) {
        std::string one(1, static_cast<char>(i));
        auto e = decode(encode_packet(one));
        ASSERT_EQ(e.size(), 1u) << i;
        EXPECT_EQ(e[0].payload, one) << i;
    }
}

TEST(rsp_codec, wrong_checksum_is_reported) {
    auto events = decode("$OK#00");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::bad_checksum);
    EXPECT_EQ(events[0].payload, "OK");
    EXPECT_EQ(events[0].computed_checksum, 0x9a);
    EXPECT_EQ(events[0].received_checksum, 0x00);

    auto not_hex = decode("$OK#zz");
    ASSERT_EQ(not_hex.size(), 1u);
    EXPECT_EQ(not_hex[0].type, event::kind::bad_checksum);
    EXPECT_EQ(not_hex[0].received_checksum, -1);
}

TEST(rsp_codec, checksum_digits_are_case_insensitive) {
    auto events = decode("$OK#9A");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::packet);
}

TEST(rsp_codec, packet_split_byte_by_byte) {
    std::string wire = "+" + encode_packet("T05thread:01;") + "-";
    packet_decoder d;
    std::vector<event> events;
    for (char c : wire) {
        d.feed(std::string_view(&c, 1));
        auto got = decode_all(d);
        events.insert(events.end(), got.begin(), got.end());
    }
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].type, event::kind::ack);
    EXPECT_EQ(events[1].type, event::kind::packet);
    EXPECT_EQ(events[1].payload, "T05thread:01;");
    EXPECT_EQ(events[2].type, event::kind::nack);
    EXPECT_EQ(d.buffered(), 0u);
}

TEST(rsp_codec, merged_packets_and_garbage) {
    std::string wire = "noise\r\n" + encode_packet("O48690a") + "xx+" + encode_packet("W03") +
                       std::string("\x03") + "junk";
    auto events = decode(wire);
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].type, event::kind::packet);
    EXPECT_EQ(events[0].payload, "O48690a");
    EXPECT_EQ(events[1].type, event::kind::ack);
    EXPECT_EQ(events[2].type, event::kind::packet);
    EXPECT_EQ(events[2].payload, "W03");
    EXPECT_EQ(events[3].type, event::kind::interrupt);
}

TEST(rsp_codec, dollar_inside_packet_restarts_it) {
    auto events = decode("$m2000" + encode_packet("OK"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::packet);
    EXPECT_EQ(events[0].payload, "OK");
}

TEST(rsp_codec, run_length_replies) {
    // "0* " is '0' plus ' ' - 29 = 3 more.
    auto events = decode(frame("0* "));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::packet);
    EXPECT_EQ(events[0].payload, "0000");
    // A memory read of 16 zero bytes as QEMU-style stubs may compress it:
    // '0' + 31 more ('~' - 29 = 97 is the largest count).
    events = decode(frame("0*<"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].payload, std::string(32, '0'));
    events = decode(frame("ab*\"cd"));  // '"' - 29 = 5
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].payload, "abbbbbbcd");
}

TEST(rsp_codec, bad_run_length_is_malformed) {
    for (std::string raw : {"*a", "ab*", "a*\x01"}) {
        auto events = decode(frame(raw));
        ASSERT_EQ(events.size(), 1u) << raw;
        EXPECT_EQ(events[0].type, event::kind::malformed) << raw;
    }
    auto events = decode(frame("ab}"));  // ends inside an escape
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, event::kind::malformed);
}

TEST(rsp_codec, run_length_expansion_is_bounded) {
    EXPECT_FALSE(run_length_decode("0*~", 50).has_value());
    EXPECT_EQ(run_length_decode("0*~", 98).value().size(), 98u);
}

TEST(rsp_codec, overlong_packet_is_dropped_and_reported) {
    packet_decoder d(16);
    // Payload full of '+' and '-' that must not be taken for acks.
    std::string big = "$" + std::string(40, '+') + std::string(40, '-') + "#00";
    d.feed(big + encode_packet("OK"));
    auto events = decode_all(d);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].type, event::kind::overlong);
    EXPECT_EQ(events[1].type, event::kind::packet);
    EXPECT_EQ(events[1].payload, "OK");
    EXPECT_EQ(d.buffered(), 0u);
}

TEST(rsp_codec, acks_and_nacks) {
    auto events = decode("++-+");
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].type, event::kind::ack);
    EXPECT_EQ(events[1].type, event::kind::ack);
    EXPECT_EQ(events[2].type, event::kind::nack);
    EXPECT_EQ(events[3].type, event::kind::ack);
}

TEST(rsp_codec, long_stream_stays_bounded) {
    packet_decoder d;
    for (int i = 0; i < 10000; ++i) {
        d.feed(encode_packet("O414243"));
        auto e = d.next();
        ASSERT_TRUE(e.has_value());
        EXPECT_EQ(e->payload, "O414243");
    }
    EXPECT_EQ(d.buffered(), 0u);
}

TEST(rsp_hex, round_trips_and_rejects_bad_input) {
    std::vector<std::uint8_t> bytes{0x00, 0x7f, 0x80, 0xff};
    EXPECT_EQ(to_hex(bytes), "007f80ff");
    EXPECT_EQ(from_hex("007F80ff").value(), bytes);
    EXPECT_FALSE(from_hex("abc").has_value());
    EXPECT_FALSE(from_hex("zz").has_value());
    EXPECT_EQ(to_hex(std::string_view("hi")), "6869");
    EXPECT_EQ(hex_u32_le(0x12345678), "78563412");
    EXPECT_EQ(parse_hex_number("1fffff00").value(), 0x1fffff00u);
    EXPECT_FALSE(parse_hex_number("").has_value());
    EXPECT_FALSE(parse_hex_number("12345678123456789").has_value());
}

TEST(rsp_stop_reply, signal) {
    auto s = std::get<stop_reply>(parse_stop_event("S05"));
    EXPECT_EQ(s.type, stop_reply::kind::signal);
    EXPECT_EQ(s.code, 5);
    EXPECT_TRUE(s.registers.empty());
}

TEST(rsp_stop_reply, t_packet_with_registers_and_info) {
    auto s =
        std::get<stop_reply>(parse_stop_event("T05thread:01;0f:00010000;0d:f0ff0020;swbreak:;"));
    EXPECT_EQ(s.type, stop_reply::kind::signal);
    EXPECT_EQ(s.code, 5);
    EXPECT_EQ(s.register_u32(15).value(), 0x100u);
    EXPECT_EQ(s.register_u32(13).value(), 0x2000fff0u);
    EXPECT_FALSE(s.register_u32(14).has_value());
    ASSERT_EQ(s.info.size(), 2u);
    EXPECT_EQ(s.info[0], (std::pair<std::string, std::string>{"thread", "01"}));
    EXPECT_EQ(s.info[1].first, "swbreak");
}

TEST(rsp_stop_reply, exit_and_termination) {
    auto w = std::get<stop_reply>(parse_stop_event("W00"));
    EXPECT_EQ(w.type, stop_reply::kind::exited);
    EXPECT_EQ(w.code, 0);
    auto w3 = std::get<stop_reply>(parse_stop_event("W03;process:1"));
    EXPECT_EQ(w3.code, 3);
    auto x = std::get<stop_reply>(parse_stop_event("X09"));
    EXPECT_EQ(x.type, stop_reply::kind::terminated);
    EXPECT_EQ(x.code, 9);
}

TEST(rsp_stop_reply, console_output_and_errors) {
    EXPECT_EQ(std::get<console_output>(parse_stop_event("O48690a")).text, "Hi\n");
    EXPECT_EQ(std::get<error_reply>(parse_stop_event("E14")).code, 0x14);
    EXPECT_EQ(parse_error_reply("E01").value().code, 1);
    EXPECT_EQ(parse_error_reply("E.no memory").value().code, 0);
    EXPECT_FALSE(parse_error_reply("OK").has_value());
    EXPECT_FALSE(parse_error_reply("E1").has_value());
}

TEST(rsp_stop_reply, malformed_replies_throw_io) {
    for (std::string bad :
         {"", "OK", "S", "S5", "T0", "T05pc", "T050f:zz", "W", "Wxx", "Ozz", "Q"}) {
        try {
            (void)parse_stop_event(bad);
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const error& e) {
            EXPECT_EQ(e.kind(), error_kind::io) << bad;
            EXPECT_NE(std::string(e.what()).find("malformed stop reply"), std::string::npos);
        }
    }
}

TEST(rsp_printable, shows_control_bytes_and_truncates) {
    EXPECT_EQ(printable(std::string_view("a\x03z", 3)), "a\\x03z");
    EXPECT_EQ(printable(std::string(100, 'x'), 8), "xxxxxxxx...");
}

}  // namespace
}  // namespace rivet::rsp
