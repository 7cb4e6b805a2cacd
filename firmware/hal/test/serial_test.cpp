// write_all(), read_exact() and read_line() over a loopback that takes a
// few bytes per call, and their errors.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "rivet/hal/fakes/serial.hpp"
#include "rivet/hal/serial.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::serial_loopback;

constexpr std::array<std::uint8_t, 10> message{'h', 'e', 'l', 'l', 'o', ' ', 'r', 'i', 'v', 't'};

TEST(hal_serial, write_all_loops_over_partial_writes) {
    serial_loopback port{3};
    ASSERT_TRUE(write_all(port, message));
    EXPECT_EQ(port.writes(), 4u);  // 3 + 3 + 3 + 1
    EXPECT_EQ(port.buffered(), message.size());
    EXPECT_EQ(port.flushes(), 0u);  // write_all does not flush
    ASSERT_TRUE(port.flush());

    std::array<std::uint8_t, message.size()> back{};
    ASSERT_TRUE(read_exact(port, back));
    EXPECT_EQ(back, message);
}

TEST(hal_serial, write_all_reports_write_zero) {
    serial_loopback port{8};
    std::array<std::uint8_t, serial_loopback::capacity + 1> too_much{};
    auto r = write_all(port, too_much);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::write_zero);
    EXPECT_EQ(r.error().device_error(), nullptr);
    EXPECT_EQ(port.buffered(), serial_loopback::capacity);
}

TEST(hal_serial, read_exact_reports_unexpected_eof) {
    serial_loopback port;
    const std::uint8_t two[] = {1, 2};
    ASSERT_TRUE(write_all(port, two));
    std::array<std::uint8_t, 3> three{};
    auto r = read_exact(port, three);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::unexpected_eof);
    EXPECT_EQ(three[0], 1);
    EXPECT_EQ(three[1], 2);
}

TEST(hal_serial, device_errors_keep_their_kind_and_value) {
    serial_loopback port;
    port.fail_next(serial::error_kind::framing);
    std::array<std::uint8_t, 1> one{};
    auto r = read_exact(port, one);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::framing);
    ASSERT_NE(r.error().device_error(), nullptr);
    EXPECT_EQ(*r.error().device_error(), serial::error_kind::framing);
}

TEST(hal_serial, empty_buffers_succeed_without_calls) {
    serial_loopback port;
    ASSERT_TRUE(write_all(port, std::span<const std::uint8_t>{}));
    ASSERT_TRUE(read_exact(port, std::span<std::uint8_t>{}));
    EXPECT_EQ(port.writes(), 0u);
}

TEST(hal_serial, read_ready_says_whether_read_returns_at_once_and_takes_nothing) {
    serial_loopback port;
    ASSERT_TRUE(port.read_ready());
    EXPECT_FALSE(*port.read_ready());
    const std::uint8_t byte[] = {'x'};
    ASSERT_TRUE(write_all(port, byte));
    EXPECT_TRUE(*port.read_ready());
    EXPECT_TRUE(*port.read_ready());
    EXPECT_EQ(port.buffered(), 1u);
    std::uint8_t back[1]{};
    ASSERT_TRUE(read_exact(port, back));
    EXPECT_FALSE(*port.read_ready());
    port.fail_next(serial::error_kind::overrun);  // an error waiting is "ready" too
    EXPECT_TRUE(*port.read_ready());
}

void type(serial_loopback& port, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    ASSERT_TRUE(write_all(port, bytes));
}

std::string_view text_of(std::span<const std::uint8_t> buffer, std::size_t length) {
    return {reinterpret_cast<const char*>(buffer.data()), length};
}

// The next line read_line() gives, or the kind of its error as "error N".
std::string next_line(serial_loopback& port, std::span<std::uint8_t> buffer) {
    auto length = read_line(port, buffer);
    if (!length) return "error " + std::to_string(static_cast<int>(length.error().kind()));
    return std::string(text_of(buffer, *length));
}

std::string error_of(serial::error_kind kind) {
    return "error " + std::to_string(static_cast<int>(kind));
}

TEST(hal_serial, read_line_takes_lines_one_at_a_time_over_split_reads) {
    serial_loopback port{3};  // read() would hand over 3 bytes if asked
    type(port, "hello\nrivet\n\nlast");
    std::array<std::uint8_t, 16> buffer{};
    EXPECT_EQ(next_line(port, buffer), "hello");
    EXPECT_EQ(port.buffered(), 11u);  // nothing of the next line was taken
    EXPECT_EQ(next_line(port, buffer), "rivet");
    EXPECT_EQ(next_line(port, buffer), "");
    // "last" has no '\n': the stream ends first, the buffer holds what came.
    EXPECT_EQ(next_line(port, buffer), error_of(serial::error_kind::unexpected_eof));
    EXPECT_EQ(text_of(buffer, 4), "last");
}

TEST(hal_serial, read_line_drops_carriage_returns) {
    serial_loopback port{2};
    type(port, "one\r\ntw\ro\n\r\n");
    std::array<std::uint8_t, 8> buffer{};
    EXPECT_EQ(next_line(port, buffer), "one");
    EXPECT_EQ(next_line(port, buffer), "two");
    EXPECT_EQ(next_line(port, buffer), "");
    EXPECT_EQ(port.buffered(), 0u);
}

TEST(hal_serial, read_line_reports_an_overlong_line_and_keeps_the_rest) {
    serial_loopback port{4};
    type(port, "abcdefgh\nxyz\n");
    std::array<std::uint8_t, 5> buffer{};
    auto start = read_line(port, buffer);
    ASSERT_FALSE(start);
    EXPECT_EQ(start.error().kind(), serial::error_kind::line_too_long);
    EXPECT_EQ(start.error().device_error(), nullptr);
    EXPECT_EQ(text_of(buffer, buffer.size()), "abcde");
    EXPECT_EQ(next_line(port, buffer), "fgh");  // the rest of the same line
    EXPECT_EQ(next_line(port, buffer), "xyz");
}

TEST(hal_serial, read_line_needs_a_buffer_longer_than_the_line) {
    serial_loopback port;
    type(port, "four\nfive5\n");
    std::array<std::uint8_t, 5> buffer{};
    EXPECT_EQ(next_line(port, buffer), "four");
    // Five characters fill the buffer before the '\n' can be seen.
    EXPECT_EQ(next_line(port, buffer), error_of(serial::error_kind::line_too_long));
    EXPECT_EQ(next_line(port, buffer), "");
    EXPECT_EQ(next_line(port, {}), error_of(serial::error_kind::line_too_long));
}

TEST(hal_serial, read_line_passes_device_errors_on) {
    serial_loopback port;
    type(port, "ab\n");
    std::array<std::uint8_t, 8> buffer{};
    port.fail_next(serial::error_kind::overrun);
    auto r = read_line(port, buffer);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::overrun);
    ASSERT_NE(r.error().device_error(), nullptr);
    EXPECT_EQ(*r.error().device_error(), serial::error_kind::overrun);
    EXPECT_EQ(next_line(port, buffer), "ab");  // the bytes are still there
}

// The read_line() example of firmware/hal/README.md, as it is there.
template <class Uart>
requires rivet::hal::serial_read<Uart> && rivet::hal::serial_write<Uart>
auto greet(Uart& uart) {
    std::uint8_t name[32];
    auto length = rivet::hal::read_line(uart, name);  // "ada\r\n" gives 3
    if (!length) return length;
    (void)rivet::hal::write_all(uart, std::span(name, *length));
    return length;
}

TEST(hal_serial, readme_read_line_example) {
    serial_loopback port;
    type(port, "ada\r\n");
    auto length = greet(port);
    ASSERT_TRUE(length);
    EXPECT_EQ(*length, 3u);
    std::array<std::uint8_t, 8> back{};
    EXPECT_FALSE(read_line(port, back));  // "ada" came back, without a '\n'
    EXPECT_EQ(text_of(back, 3), "ada");
}

// The algorithms run in constant evaluation too.
constexpr bool loopback_round_trip() {
    serial_loopback port{2};
    const std::uint8_t out[] = {9, 8, 7, 6, 5};
    if (!write_all(port, out)) return false;
    std::uint8_t in[5]{};
    if (!read_exact(port, in)) return false;
    for (int i = 0; i < 5; ++i)
        if (in[i] != out[i]) return false;
    return true;
}
static_assert(loopback_round_trip());

constexpr bool lines_at_compile_time() {
    serial_loopback port{3};
    const std::uint8_t typed[] = {'o', 'k', '\r', '\n', 'n', 'o', '\n'};
    if (!write_all(port, typed)) return false;
    std::uint8_t line[4]{};
    auto ok = read_line(port, line);
    if (!ok || *ok != 2 || line[0] != 'o' || line[1] != 'k') return false;
    auto no = read_line(port, line);
    return no && *no == 2 && line[0] == 'n';
}
static_assert(lines_at_compile_time());

}  // namespace
