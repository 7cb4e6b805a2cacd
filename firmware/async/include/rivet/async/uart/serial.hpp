// An interrupt-driven serial port for tasks: rivet::hal::async::serial_read
// and serial_write (rivet/hal/async/serial.hpp) over one chip UART, with
// whole-buffer members (write_all, read_exact, read_line) that move a whole
// buffer, or a line, with one wake of the task.
//
//   using console = rivet::async::uart::serial<board::console>;   // rivet/async/uart/board.hpp
//   RIVET_BIND_INTERRUPTS(console::binding, ...);  // CMSDK: rx_binding, tx_binding
//   auto [uart] = rivet::hal::take<console>();
//   auto line = co_await uart.read_line(buffer);
//
// How it waits: an operation first moves what the UART can take or give at
// once; only if that does not complete it does it suspend, leaving its
// transfer (in its frame) where the UART's interrupt handler finds it and
// enabling that direction's interrupt. The handler moves bytes between the
// buffer and the UART, and on completion disables the interrupt and wakes
// the task. No interrupt is enabled while nothing waits: bytes that arrive
// then stay in the UART, which holds the sender back (rivet run holds piped
// input), so nothing is lost before a reader is ready.
//
// A Port (rivet/async/uart/<chip>.hpp, one per chip) says how, with the
// blocking driver's own register code where it can: its configure() and
// claimed_pins, so the async port and the blocking one cannot both be taken
// (rivet::hal::take: "two of these peripherals use the same pin"), and its
// read() of one waiting byte.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/serial.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/serial.hpp"

namespace rivet::async::uart {

template <class Blocking>
struct port;  // specialised for each chip's blocking UART type

namespace detail {

enum class until : std::uint8_t { some, all, line, flushed };

// One waiting operation, kept in the waiting task's frame.
template <class E>
struct transfer {
    std::uint8_t* data;
    std::size_t size;
    until goal;
    std::size_t count = 0;
    bool finished = false;
    bool failed = false;    // the device's error, in `error`
    bool too_long = false;  // read_line: the buffer filled before the '\n'
    E error{};
    waker task = nullptr;
};

}  // namespace detail

template <class Blocking>
class serial {
    using p = port<Blocking>;

public:
    using error_type = hal::error_type_t<Blocking>;
    using stream_error = hal::serial::stream_error<error_type>;
    using blocking_type = Blocking;
    static constexpr auto claimed_pins = Blocking::claimed_pins;
    static constexpr auto rx_irq = p::rx_irq;
    static constexpr auto tx_irq = p::tx_irq;

    static void on_interrupt() noexcept {
        p::acknowledge();
        service<true>();
        service<false>();
    }
    // One handler serves both directions; the CMSDK UART has an interrupt
    // for each (bind both), the others one (bind `binding`).
    using rx_binding = cortex_m::bind<rx_irq, on_interrupt>;
    using tx_binding = cortex_m::bind<tx_irq, on_interrupt>;
    using binding = rx_binding;

    // The blocking driver's configuration (clocks, pins, baud rate, 8N1),
    // with every UART interrupt off. The NVIC line is enabled only while an
    // operation waits: some interrupt models (QEMU's STM32 USART) keep their
    // line raised after the UART's own enable bit is cleared, while a byte
    // nobody asked for yet waits in the UART.
    static serial configure() {
        (void)Blocking::configure();
        p::start();
        cortex_m::nvic::disable<rx_irq>();
        cortex_m::nvic::clear_pending<rx_irq>();
        if constexpr (tx_irq != rx_irq) {
            cortex_m::nvic::disable<tx_irq>();
            cortex_m::nvic::clear_pending<tx_irq>();
        }
        return serial{};
    }

    template <class Result, bool Receive>
    class operation;

    // The 1..n bytes there are once at least one is (rivet::hal::async::serial_read).
    auto read(std::span<std::uint8_t> into) noexcept {
        return operation<hal::result<std::size_t, error_type>, true>{into, detail::until::some};
    }
    // The whole buffer, with one wake.
    auto read_exact(std::span<std::uint8_t> into) noexcept {
        return operation<hal::result<void, stream_error>, true>{into, detail::until::all};
    }
    // A line without its '\n', every '\r' dropped; line_too_long when the
    // buffer fills first. Nothing after the '\n' is taken from the UART.
    auto read_line(std::span<std::uint8_t> into) noexcept {
        return operation<hal::result<std::size_t, stream_error>, true>{into, detail::until::line};
    }
    // 1..n bytes, once the UART takes at least one.
    auto write(std::span<const std::uint8_t> bytes) noexcept {
        return operation<hal::result<std::size_t, error_type>, false>{writable(bytes),
                                                                      detail::until::some};
    }
    // Every byte, with one wake (not flushed).
    auto write_all(std::span<const std::uint8_t> bytes) noexcept {
        return operation<hal::result<void, stream_error>, false>{writable(bytes),
                                                                 detail::until::all};
    }
    // Every accepted byte has left, as far as the chip tells (see its port).
    auto flush() noexcept {
        return operation<hal::result<void, error_type>, false>{{}, detail::until::flushed};
    }

    template <class Result, bool Receive>
    class operation {
    public:
        operation(std::span<std::uint8_t> buffer, detail::until goal) noexcept
            : t_{buffer.data(), buffer.size(), goal} {}
        // Moved only before it starts (into with_timeout); never copied.
        operation(operation&&) noexcept = default;
        operation(const operation&) = delete;
        operation& operator=(const operation&) = delete;

        bool await_ready() noexcept {
            pump<Receive>(t_);
            return t_.finished;
        }
        bool await_suspend(std::coroutine_handle<>) noexcept { return !start(current_task()); }
        Result await_resume() const noexcept {
            using hal::failure;
            if constexpr (std::is_same_v<Result, hal::result<std::size_t, error_type>>) {
                if (t_.failed) return failure(t_.error);
                return t_.count;
            } else if constexpr (std::is_same_v<Result, hal::result<void, error_type>>) {
                if (t_.failed) return failure(t_.error);
                return hal::success;
            } else if constexpr (std::is_same_v<Result, hal::result<void, stream_error>>) {
                if (t_.failed) return failure(stream_error::device(t_.error));
                return hal::success;
            } else {
                if (t_.failed) return failure(stream_error::device(t_.error));
                if (t_.too_long) {
                    return failure(stream_error::of_kind(hal::serial::error_kind::line_too_long));
                }
                return t_.count;
            }
        }

        // with_timeout (rivet/async/wait.hpp): completes now (true) or waits
        // for `task`; cancel() withdraws a waiting operation (false when it
        // had completed meanwhile). The bytes it moved before a cancel are
        // gone from the UART, as a timed-out blocking read would lose them.
        bool start(waker task) noexcept {
            if (!t_.finished) {
                pump<Receive>(t_);
                if (t_.finished) return true;
                t_.task = task;
                {
                    const cortex_m::critical_section masked;
                    waiting<Receive>() = &t_;
                    listen<Receive>(t_, true);
                    cortex_m::nvic::enable<Receive ? rx_irq : tx_irq>();
                }
                // An interrupt that is an edge (the CMSDK UART's) is not raised
                // for a byte or free space that came before it was enabled.
                if (ready_now<Receive>(t_)) cortex_m::nvic::pend<Receive ? rx_irq : tx_irq>();
                return false;
            }
            return true;
        }
        bool cancel() noexcept {
            const cortex_m::critical_section masked;
            if (t_.finished) return false;
            listen<Receive>(t_, false);
            waiting<Receive>() = nullptr;
            quiet_when_idle();
            return true;
        }
        [[nodiscard]] bool finished() const noexcept { return t_.finished; }

    private:
        detail::transfer<error_type> t_;
    };

private:
    using transfer = detail::transfer<error_type>;

    static std::span<std::uint8_t> writable(std::span<const std::uint8_t> bytes) noexcept {
        // Only ever read from: one transfer type serves both directions.
        return {const_cast<std::uint8_t*>(bytes.data()), bytes.size()};
    }

    template <bool Receive>
    static transfer*& waiting() noexcept {
        if constexpr (Receive) {
            return rx_waiting_;
        } else {
            return tx_waiting_;
        }
    }

    template <bool Receive>
    static void listen(const transfer& t, bool on) noexcept {
        if constexpr (Receive) {
            p::listen_rx(on);
        } else if (t.goal == detail::until::flushed) {
            p::listen_done(on);
        } else {
            p::listen_tx(on);
        }
    }

    template <bool Receive>
    static bool ready_now(const transfer& t) noexcept {
        if constexpr (Receive) {
            return p::rx_pending();
        } else {
            return t.goal == detail::until::flushed ? p::tx_done() : p::tx_room();
        }
    }

    // Moves what the UART has or takes now; marks the transfer finished
    // when its goal is met.
    template <bool Receive>
    static void pump(transfer& t) noexcept {
        if constexpr (Receive) {
            // In locals: a register store could alias the transfer's fields,
            // which the compiler would then reload for every byte.
            std::uint8_t* const data = t.data;
            const std::size_t size = t.size;
            const bool line = t.goal == detail::until::line;
            std::size_t count = t.count;
            bool finished = false;
            while (count < size && p::rx_pending()) {
                std::uint8_t byte = 0;
                auto got = Blocking{}.read(std::span(&byte, 1));
                if (!got) {
                    t.failed = true;
                    t.error = got.error();
                    finished = true;
                    break;
                }
                if (*got == 0) break;
                if (!line) {
                    data[count++] = byte;
                } else if (byte == '\n') {
                    finished = true;
                    break;
                } else if (byte != '\r') {
                    data[count++] = byte;
                }
            }
            t.count = count;
            if (!finished && count == size) {
                finished = true;
                t.too_long = line;  // the blocking read_line's rule: full before the '\n'
            }
            t.finished = finished || (t.goal == detail::until::some && count > 0);
        } else if (t.goal == detail::until::flushed) {
            t.finished = p::tx_done();
        } else {
            const std::uint8_t* const data = t.data;
            const std::size_t size = t.size;
            std::size_t count = t.count;
            while (count < size && p::tx_room()) p::tx_put(data[count++]);
            t.count = count;
            t.finished = count == size || (t.goal == detail::until::some && count > 0);
        }
    }

    template <bool Receive>
    static void service() noexcept {
        transfer* t = waiting<Receive>();
        if (t == nullptr) return;
        pump<Receive>(*t);
        if constexpr (!Receive && requires { p::drain(); }) {
            // A chip whose interrupt comes before the last bytes have left.
            if (t->goal == detail::until::flushed && !t->finished) {
                p::drain();
                t->finished = true;
            }
        }
        if (!t->finished) return;
        listen<Receive>(*t, false);
        waiting<Receive>() = nullptr;
        quiet_when_idle();
        wake(t->task);
    }

    // Disables the NVIC line(s) that no waiting operation needs.
    static void quiet_when_idle() noexcept {
        if constexpr (rx_irq == tx_irq) {
            if (rx_waiting_ == nullptr && tx_waiting_ == nullptr) cortex_m::nvic::disable<rx_irq>();
        } else {
            if (rx_waiting_ == nullptr) cortex_m::nvic::disable<rx_irq>();
            if (tx_waiting_ == nullptr) cortex_m::nvic::disable<tx_irq>();
        }
    }

    static inline transfer* rx_waiting_ = nullptr;
    static inline transfer* tx_waiting_ = nullptr;
};

}  // namespace rivet::async::uart
