// write_all() and read_exact() over a loopback that takes a few bytes per
// call, and their errors.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <span>

#include "fakes/serial.hpp"
#include "rivet/hal/serial.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::serial_loopback;

constexpr std::array<std::uint8_t, 10> message{'h', 'e', 'l', 'l', 'o', ' ', 'r', 'i', 'v', 't'};

TEST(HalSerial, WriteAllLoopsOverPartialWrites) {
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

TEST(HalSerial, WriteAllReportsWriteZero) {
    serial_loopback port{8};
    std::array<std::uint8_t, serial_loopback::capacity + 1> too_much{};
    auto r = write_all(port, too_much);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::write_zero);
    EXPECT_EQ(r.error().device_error(), nullptr);
    EXPECT_EQ(port.buffered(), serial_loopback::capacity);
}

TEST(HalSerial, ReadExactReportsUnexpectedEof) {
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

TEST(HalSerial, DeviceErrorsKeepTheirKindAndValue) {
    serial_loopback port;
    port.fail_next(serial::error_kind::framing);
    std::array<std::uint8_t, 1> one{};
    auto r = read_exact(port, one);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), serial::error_kind::framing);
    ASSERT_NE(r.error().device_error(), nullptr);
    EXPECT_EQ(*r.error().device_error(), serial::error_kind::framing);
}

TEST(HalSerial, EmptyBuffersSucceedWithoutCalls) {
    serial_loopback port;
    ASSERT_TRUE(write_all(port, std::span<const std::uint8_t>{}));
    ASSERT_TRUE(read_exact(port, std::span<std::uint8_t>{}));
    EXPECT_EQ(port.writes(), 0u);
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

}  // namespace
