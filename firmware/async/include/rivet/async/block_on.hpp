// Blocking adapters over the async interfaces, for code that is not a task
// (main() before the executor runs, a blocking driver): block_on(op) runs
// the operation on an executor of its own until it completes and gives its
// result, and the core sleeps in WFI meanwhile, as a task's would.
// blocking_serial<S> and blocking_delay<D> are the blocking concepts
// (rivet/hal/serial.hpp, rivet/hal/delay.hpp) over async ones, so a
// blocking driver works on an interrupt-driven UART or the tick delay.
//
//   auto written = rivet::async::block_on(uart.write_all(bytes));
//   rivet::async::blocking_serial blocking{uart};
//   (void)rivet::hal::write_all(blocking, bytes);
//
// Only from thread mode outside any executor's run(): an executor nested in
// a task would stall that task's executor, and an interrupt handler must
// not sleep. The operation runs as a task whose frame comes from one
// 128-byte pool, "block_on" (an operation awaiting more does not compile,
// rivet/async/frames.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>

#include "rivet/async/executor.hpp"
#include "rivet/async/task.hpp"
#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/async/delay.hpp"
#include "rivet/hal/async/serial.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::async {

namespace detail {
using block_on_frames = frames<"block_on", 128>;

template <class Awaitable, class Result>
task<void, block_on_frames> run_to_end(Awaitable& operation, std::optional<Result>& out) {
    out.emplace(co_await static_cast<Awaitable&&>(operation));
}
template <class Awaitable>
task<void, block_on_frames> run_to_end(Awaitable& operation) {
    co_await static_cast<Awaitable&&>(operation);
}
}  // namespace detail

template <hal::async::awaitable Awaitable>
auto block_on(Awaitable&& operation) {
    using result = hal::async::await_result_t<Awaitable>;
    thread_executor executor;
    if constexpr (std::is_void_v<result>) {
        (void)executor.spawn(detail::run_to_end(operation));
        executor.run();
    } else {
        std::optional<result> out;
        (void)executor.spawn(detail::run_to_end(operation, out));
        executor.run();
        return *out;
    }
}

// The blocking serial concepts over an async serial port, each call a
// block_on(): a read() sleeps until the receive interrupt has a byte.
template <class Async>
class blocking_serial {
public:
    using error_type = hal::error_type_t<Async>;
    explicit blocking_serial(Async& port) noexcept : port_(port) {}

    hal::result<std::size_t, error_type> read(
        std::span<std::uint8_t> into) requires hal::async::serial_read<Async> {
        return block_on(port_.read(into));
    }
    hal::result<std::size_t, error_type> write(
        std::span<const std::uint8_t> bytes) requires hal::async::serial_write<Async> {
        return block_on(port_.write(bytes));
    }
    hal::result<void, error_type> flush() requires hal::async::serial_write<Async> {
        return block_on(port_.flush());
    }

private:
    Async& port_;
};

// The blocking delay concept over an async delay: the core sleeps.
template <hal::async::delay Async>
class blocking_delay {
public:
    explicit blocking_delay(Async& delay) noexcept : delay_(delay) {}
    void delay_ns(std::uint32_t ns) { block_on(delay_.delay_ns(ns)); }
    void delay_us(std::uint32_t us) { block_on(delay_.delay_us(us)); }
    void delay_ms(std::uint32_t ms) { block_on(delay_.delay_ms(ms)); }

private:
    Async& delay_;
};

}  // namespace rivet::async
