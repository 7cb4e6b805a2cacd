// The async interface concepts: what they accept and refuse, and that an
// async read suspends until its bytes come and then gives the blocking
// read's result.
#include <gtest/gtest.h>

#include <array>
#include <coroutine>
#include <cstdint>
#include <span>

#include "rivet/hal/fakes/async_serial.hpp"
#include "rivet/hal/fakes/serial.hpp"
#include "rivet/hal/async.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/serial.hpp"

namespace {

using namespace rivet::hal;
using fakes::async_serial_loopback;
using fakes::started;

// Blocking and async serial ports are different things: neither passes for
// the other, so a blocking helper refuses an async port at compile time.
static_assert(!serial_read<async_serial_loopback> && !serial_write<async_serial_loopback>);
static_assert(!async::serial_read<fakes::serial_loopback> &&
              !async::serial_write<fakes::serial_loopback>);
// The optional whole-buffer members are optional.
static_assert(!async::serial_write_all<async_serial_loopback> &&
              !async::serial_read_line<async_serial_loopback>);

struct suspends_always {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return 1; }
};
struct via_operator {
    suspends_always operator co_await() const noexcept { return {}; }
};
static_assert(async::awaitable_of<suspends_always, int> && async::awaitable_of<via_operator, int>);
static_assert(!async::awaitable<int> && !async::awaitable_of<suspends_always, long>);
static_assert(async::awaits_result<fakes::ready_awaiter<result<void, serial::error_kind>>, void,
                                   serial::error_kind>);

struct timer_delay {
    suspends_always delay_ns(std::uint32_t) { return {}; }
    suspends_always delay_us(std::uint32_t) { return {}; }
    suspends_always delay_ms(std::uint32_t) { return {}; }
};
struct void_awaiter : suspends_always {
    void await_resume() const noexcept {}
};
struct void_delay {
    void_awaiter delay_ns(std::uint32_t) { return {}; }
    void_awaiter delay_us(std::uint32_t) { return {}; }
    void_awaiter delay_ms(std::uint32_t) { return {}; }
};
static_assert(async::delay<void_delay>);
static_assert(!async::delay<timer_delay>);  // a delay co_awaits to nothing (int here)
static_assert(!async::delay<no_delay>);     // a blocking delay is not an async one

started<result<std::size_t, serial::error_kind>> read_some(async_serial_loopback& port,
                                                           std::span<std::uint8_t> into) {
    co_return co_await port.read(into);
}

TEST(hal_async, read_suspends_until_bytes_arrive) {
    async_serial_loopback port;
    std::array<std::uint8_t, 8> into{};
    auto reading = read_some(port, into);
    EXPECT_FALSE(reading.done());
    EXPECT_TRUE(port.reader_waiting());
    const std::array<std::uint8_t, 3> bytes{'a', 'b', 'c'};
    port.deliver(bytes);
    ASSERT_TRUE(reading.done());
    ASSERT_TRUE(reading.value());
    EXPECT_EQ(*reading.value(), 3u);
    EXPECT_EQ(into[0], 'a');
    EXPECT_EQ(into[2], 'c');
}

TEST(hal_async, read_with_bytes_waiting_completes_without_suspending) {
    async_serial_loopback port{2};
    const std::array<std::uint8_t, 3> bytes{'x', 'y', 'z'};
    port.deliver(bytes);
    std::array<std::uint8_t, 8> into{};
    auto reading = read_some(port, into);
    ASSERT_TRUE(reading.done());
    EXPECT_EQ(*reading.value(), 2u);  // 1..n, as the blocking read: what this port hands over
    EXPECT_EQ(port.buffered(), 1u);   // the rest stays in the device
}

started<result<std::size_t, serial::error_kind>> write_then_flush(async_serial_loopback& port) {
    const std::array<std::uint8_t, 2> bytes{'o', 'k'};
    auto written = co_await port.write(bytes);
    if (!written) co_return written;
    if (auto flushed = co_await port.flush(); !flushed) co_return failure(flushed.error());
    co_return written;
}

TEST(hal_async, write_gives_the_blocking_result) {
    async_serial_loopback port{1};
    auto writing = write_then_flush(port);
    ASSERT_TRUE(writing.done());
    EXPECT_EQ(*writing.value(), 1u);  // a short count is normal, as blocking
    EXPECT_EQ(port.buffered(), 1u);
}

}  // namespace
