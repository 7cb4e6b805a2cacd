#include <rivet/log/decoder.hpp>
#include <rivet/log/printer.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "test_metadata.hpp"

namespace rivet::log {
namespace {

using testing::cobs_frame;
using ::testing::HasSubstr;
using testing::section_builder;

std::vector<std::uint8_t> varint(std::uint64_t v) {
    std::vector<std::uint8_t> out;
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
    return out;
}
std::vector<std::uint8_t> zigzag(std::int64_t v) {
    return varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}
std::vector<std::uint8_t> cat(std::initializer_list<std::vector<std::uint8_t>> parts) {
    std::vector<std::uint8_t> out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}
std::vector<std::uint8_t> str(std::string_view s) {
    return cat({varint(s.size()), std::vector<std::uint8_t>(s.begin(), s.end())});
}
template <class T>
std::vector<std::uint8_t> raw(T value) {
    std::vector<std::uint8_t> out(sizeof value);
    std::memcpy(out.data(), &value, sizeof value);
    return out;
}

struct decoded {
    std::vector<record> records;
    decode_stats stats;
};

decoded decode(const metadata& meta, const std::vector<std::uint8_t>& stream) {
    decoded out;
    stream_decoder decoder(meta, [&](const record& r) { out.records.push_back(r); });
    decoder.feed(stream);
    decoder.finish();
    out.stats = decoder.stats();
    return out;
}

std::string one_message(const metadata& meta, const std::vector<std::uint8_t>& frame) {
    auto result = decode(meta, cobs_frame(frame));
    EXPECT_EQ(result.records.size(), 1u);
    EXPECT_EQ(result.stats.corrupt_frames, 0u);
    return result.records.empty() ? "" : result.records[0].message;
}

TEST(log_decoder, formats_integers_and_strings) {
    section_builder s;
    const auto site = s.call(level::info, "t={} C, n={}, name={}", "ius", 42);
    auto meta = metadata::parse(s.bytes, "test");
    auto result =
        decode(meta, cobs_frame(cat({varint(site), zigzag(-12), varint(300000), str("a b")})));
    ASSERT_EQ(result.records.size(), 1u);
    EXPECT_EQ(result.records[0].message, "t=-12 C, n=300000, name=a b");
    EXPECT_EQ(result.records[0].severity, level::info);
    EXPECT_EQ(result.records[0].file, "main.cpp");
    EXPECT_EQ(result.records[0].line, 42u);
}

TEST(log_decoder, applies_display_hints) {
    section_builder s;
    const auto site =
        s.call(level::info, "{:x} {:#x} {:X} {:b} {:#b} {:o} {:08} {:?} {{}}", "uuuuuuis");
    auto meta = metadata::parse(s.bytes, "test");
    EXPECT_EQ(one_message(meta, cat({varint(site), varint(255), varint(255), varint(255), varint(5),
                                     varint(5), varint(8), zigzag(-42), str("q\"")})),
              "ff 0xff FF 101 0b101 10 -0000042 \"q\\\"\" {}");
}

TEST(log_decoder, every_argument_kind) {
    section_builder s;
    const auto text = s.string("interned text");
    const auto color = s.add(contracts::log::entry_kind::enum_names, 0, 0,
                             {"Color", "0", "red", "1", "green", "-2", "minus"});
    const auto site = s.call(level::debug, "{} {} {:.2} {} {} {} {:?} {} {} {} {} {:?} {:?}",
                             "bcfdSyaieep(8:({}, {})iau)oioi");
    auto meta = metadata::parse(s.bytes, "test");
    auto frame =
        cat({varint(site),    {1},           {'z'},      raw(1.5f),        raw(2.25), varint(text),
             str("\xde\xad"), varint(3),     zigzag(1),  zigzag(-2),       zigzag(3), varint(color),
             zigzag(1),       varint(color), zigzag(-2), raw(0x20001000u), zigzag(7), varint(1),
             varint(9),       {0},           {1},        zigzag(-5)});
    EXPECT_EQ(one_message(meta, frame),
              "true z 1.50 2.25 interned text de ad [1, -2, 3] green minus 0x20001000 "
              "(7, [9]) None Some(-5)");
}

TEST(log_decoder, unknown_enum_value_shows_the_number) {
    section_builder s;
    const auto color = s.add(contracts::log::entry_kind::enum_names, 0, 0, {"Color", "0", "red"});
    const auto site = s.call(level::info, "{}", "e");
    auto meta = metadata::parse(s.bytes, "test");
    EXPECT_EQ(one_message(meta, cat({varint(site), varint(color), zigzag(9)})), "Color(9)");
}

TEST(log_decoder, resynchronises_after_corruption_and_counts_it) {
    section_builder s;
    const auto site = s.call(level::info, "n={}", "u");
    auto meta = metadata::parse(s.bytes, "test");
    auto good = cobs_frame(cat({varint(site), varint(7)}));
    auto bad = cobs_frame(cat({varint(site), varint(7), {0x80}}));  // trailing junk
    std::vector<std::uint8_t> stream = {0x13, 0x37, 0xff};          // a lost frame's tail
    stream.push_back(0);
    stream.insert(stream.end(), bad.begin(), bad.end());
    stream.insert(stream.end(), good.begin(), good.end());
    stream.insert(stream.end(), good.begin(), good.end() - 2);  // truncated at the end
    auto result = decode(meta, stream);
    ASSERT_EQ(result.records.size(), 1u);
    EXPECT_EQ(result.records[0].message, "n=7");
    EXPECT_EQ(result.stats.corrupt_frames, 3u);
    EXPECT_GT(result.stats.skipped_bytes, 0u);
}

TEST(log_decoder, any_split_of_the_stream_gives_the_same_records) {
    section_builder s;
    const auto site = s.call(level::info, "n={}", "u");
    auto meta = metadata::parse(s.bytes, "test");
    std::vector<std::uint8_t> stream;
    for (int i = 0; i < 300; ++i) {
        auto f = cobs_frame(cat({varint(site), varint(static_cast<std::uint64_t>(i) * 977)}));
        stream.insert(stream.end(), f.begin(), f.end());
    }
    for (std::size_t chunk : {1u, 2u, 7u, 64u}) {
        std::vector<std::string> got;
        stream_decoder decoder(meta, [&](const record& r) { got.push_back(r.message); });
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            decoder.feed(std::span(stream).subspan(at, std::min(chunk, stream.size() - at)));
        }
        ASSERT_EQ(got.size(), 300u);
        EXPECT_EQ(got[299], "n=" + std::to_string(299 * 977));
    }
}

TEST(log_decoder, counts_drop_reports) {
    section_builder s;
    auto meta = metadata::parse(s.bytes, "test");
    auto result = decode(meta, cobs_frame(cat({varint(0), varint(12)})));
    EXPECT_TRUE(result.records.empty());
    EXPECT_EQ(result.stats.dropped_frames, 12u);
}

TEST(log_decoder, timestamps_when_the_firmware_sends_them) {
    section_builder s;
    const auto with = s.call(level::warn, "n={}", "u", 10, true);
    const auto without = s.call(level::warn, "n={}", "u");
    auto meta = metadata::parse(s.bytes, "test");
    auto result = decode(meta, cat({cobs_frame(cat({varint(with), varint(123456), varint(5)})),
                                    cobs_frame(cat({varint(without), varint(6)}))}));
    ASSERT_EQ(result.records.size(), 2u);
    EXPECT_EQ(result.records[0].timestamp, 123456u);
    EXPECT_EQ(result.records[0].severity, level::warn);
    EXPECT_EQ(result.records[0].message, "n=5");
    EXPECT_FALSE(result.records[1].timestamp);
}

TEST(log_metadata, refuses_another_wire_version) {
    section_builder s(contracts::log::wire_version + 1);
    try {
        (void)metadata::parse(s.bytes, "fw.elf");
        FAIL() << "expected an error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::bad_input);
        EXPECT_THAT(e.what(),
                    HasSubstr(fmt::format("fw.elf: the firmware speaks log wire version {}",
                                          contracts::log::wire_version + 1)));
    }
}

TEST(log_metadata, timestamp_unit_once_and_not_zero) {
    section_builder s;
    EXPECT_FALSE(metadata::parse(s.bytes, "fw").timestamp_hz());
    s.add(contracts::log::entry_kind::timestamp_unit, 0, 32768, {"hz"});
    EXPECT_EQ(metadata::parse(s.bytes, "fw").timestamp_hz(), 32768u);
    s.add(contracts::log::entry_kind::timestamp_unit, 0, 1000, {"hz"});
    EXPECT_THROW((void)metadata::parse(s.bytes, "fw"), error) << "two units";
    section_builder zero;
    zero.add(contracts::log::entry_kind::timestamp_unit, 0, 0, {"hz"});
    EXPECT_THROW((void)metadata::parse(zero.bytes, "fw"), error) << "0 Hz";
}

TEST(log_printer, timestamps_in_seconds_when_the_unit_is_known) {
    EXPECT_EQ(format_timestamp(1234567, std::nullopt), "1234567");
    EXPECT_EQ(format_timestamp(1234567, 1'000'000), "1.234567");
    EXPECT_EQ(format_timestamp(5, 1'000'000), "0.000005");
    EXPECT_EQ(format_timestamp(1999, 1000), "1.999");
    EXPECT_EQ(format_timestamp(7, 1), "7");
    EXPECT_EQ(format_timestamp(32767, 32768), "0.99996") << "rounded down, never ahead";
    EXPECT_EQ(format_timestamp(~0ull, 4'000'000'000u), "4611686018.4273879037");
    record r{level::info, "tick", "main.cpp", 3, 2'500'000};
    EXPECT_EQ(render(r, {.timestamp_hz = 1'000'000}), "  2.500000 INFO  tick  (main.cpp:3)\n");
    EXPECT_EQ(render(r, {.json = true, .timestamp_hz = 1000}),
              "{\"type\":\"log\",\"level\":\"info\",\"message\":\"tick\",\"file\":\"main.cpp\","
              "\"line\":3,"
              "\"timestamp\":2500000,\"seconds\":2500.000}\n");
    EXPECT_EQ(render(r, {.format = "{timestamp}|{message}", .timestamp_hz = 1000}),
              "2500.000|tick\n");
}

TEST(log_metadata, refuses_junk) {
    std::vector<std::uint8_t> junk = {2, 0, 3, 0, 0, 0, 0, 0};
    EXPECT_THROW((void)metadata::parse(junk, "x"), error);
    EXPECT_THROW((void)metadata::parse({}, "x"), error);
}

TEST(log_printer, text_json_template_and_level_filter) {
    record r{level::warn, "hot \"now\"", "main.cpp", 12, std::nullopt};
    EXPECT_EQ(render(r, {}), "WARN  hot \"now\"  (main.cpp:12)\n");
    EXPECT_EQ(render(r, {.json = true}),
              "{\"type\":\"log\",\"level\":\"warn\",\"message\":\"hot "
              "\\\"now\\\"\",\"file\":\"main.cpp\",\"line\":12}\n");
    EXPECT_EQ(render(r, {.format = "[{level}] {location}: {message}"}),
              "[WARN] main.cpp:12: hot \"now\"\n");
    EXPECT_EQ(render(r, {.min_level = level::error}), "");
    record p{level::println, "plain", "main.cpp", 3, std::nullopt};
    EXPECT_EQ(render(p, {.min_level = level::error}), "plain\n");
    EXPECT_THAT(render(r, {.color = true}), HasSubstr("\x1b[33mWARN \x1b[0m"));
}

// The fuzz corpus replayed, so `make test` exercises it without clang.
TEST(log_decoder, corpus_never_crashes) {
    section_builder s;
    s.call(level::info, "a={} b={:#x} s={:?}", "ius");
    auto meta = metadata::parse(s.bytes, "test");
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(RIVET_LOG_CORPUS)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
        (void)decode(meta, bytes);
        try {
            (void)metadata::parse(bytes, "corpus");
        } catch (const error&) {
        }
        ++files;
    }
    EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace rivet::log
