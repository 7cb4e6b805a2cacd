// What every chip's interrupt-driven SPI bus shares (rivet/async/spi/<chip>.hpp):
// the transaction in flight, the awaiter that starts it and suspends the task,
// and the device that frames a transaction with its chip select.
//
// A chip's bus type Bus derives from bus_operations<Bus> and provides:
//   static detail::transfer& state();  the one transaction its handler runs
//   static void start();               called by the awaiter in a critical
//                                      section, chip select asserted: hands
//                                      the transaction to the handler
//   static void wait_idle();           until the shifter is done (BSY)
// and its interrupt handler moves the words and ends with state().finish().
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::async::spi {

namespace detail {
using rivet::hal::spi::operation;
using transfer_result = rivet::hal::result<void, rivet::hal::spi::error_kind>;

constexpr std::size_t words_of(const operation& op) {
    switch (op.what) {
        case operation::type::read:
        case operation::type::transfer_in_place:
            return op.in.size();
        case operation::type::write:
            return op.out.size();
        case operation::type::transfer:
            return op.in.size() > op.out.size() ? op.in.size() : op.out.size();
        case operation::type::delay:
            break;
    }
    return 0;
}

// The transaction in flight on one bus: a bus's own operation or a
// device's, one at a time.
struct transfer {
    std::span<operation> operations;
    std::size_t index = 0;
    std::size_t sent = 0;
    std::size_t received = 0;
    std::size_t words = 0;
    // The current operation's buffers, resolved once for the handler's
    // per-word loop: what goes out (none for a read) and where what comes
    // back goes (none for a write).
    const std::uint8_t* out = nullptr;
    std::size_t out_size = 0;
    std::uint8_t* in = nullptr;
    std::size_t in_size = 0;
    void (*release)(void*) = nullptr;  // a device's chip select, after the last word
    void* device = nullptr;
    void (*delay)(void*, std::uint32_t) = nullptr;
    transfer_result outcome = rivet::hal::success;
    waker task = nullptr;
    volatile bool busy = false;
    operation single{};

    // Sets up the operation at `index`, running delays and skipping empty
    // ones on the way; false when no operation is left.
    bool begin_operation() {
        for (; index < operations.size(); ++index) {
            const operation& op = operations[index];
            if (op.what == operation::type::delay) {
                // The bus is idle here (every word of the last operation
                // is back); the delay runs in the handler, as short as the
                // chip asks.
                if (delay != nullptr) delay(device, op.nanoseconds);
                continue;
            }
            words = words_of(op);
            if (words == 0) continue;
            sent = 0;
            received = 0;
            const bool sends = op.what != operation::type::read;
            const bool keeps = op.what != operation::type::write;
            const bool in_place = op.what == operation::type::transfer_in_place;
            out = !sends ? nullptr : in_place ? op.in.data() : op.out.data();
            out_size = !sends ? 0 : in_place ? op.in.size() : op.out.size();
            in = keeps ? op.in.data() : nullptr;
            in_size = keeps ? op.in.size() : 0;
            return true;
        }
        return false;
    }

    // Word n of the current operation as it goes out: `filler` for a read
    // and past the end of a shorter output.
    std::uint8_t word_out(std::size_t n, std::uint8_t filler) const {
        return n < out_size ? out[n] : filler;
    }

    // Keeps word n that came back, where the operation has room for it.
    void word_in(std::size_t n, std::uint8_t word) const {
        if (n < in_size) in[n] = word;
    }

    // Releases chip select, frees the bus and wakes the task, once.
    void finish(transfer_result result) {
        if (release != nullptr) release(device);
        outcome = result;
        busy = false;
        wake(task);
    }
};
}  // namespace detail

// An operation or a transaction in flight on Bus; co_await gives its result.
template <class Bus>
class transfer_awaiter {
    using operation = rivet::hal::spi::operation;

public:
    using error_type = rivet::hal::spi::error_kind;
    using result = rivet::hal::result<void, error_type>;

    explicit transfer_awaiter(operation op) noexcept : single_op_(op), single_(true) {}
    transfer_awaiter(std::span<operation> operations, void* device, void (*select)(void*),
                     void (*release)(void*), void (*delay)(void*, std::uint32_t)) noexcept
        : operations_(operations),
          device_(device),
          select_(select),
          release_(release),
          delay_(delay) {}

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept {
        const cortex_m::critical_section masked;
        detail::transfer& s = Bus::state();
        if (s.busy) {
            rejected_ = true;
            return false;
        }
        s.task = current_task();
        s.busy = true;
        s.operations = single_ ? std::span<operation>{&s.single, 1} : operations_;
        if (single_) s.single = single_op_;
        s.release = release_;
        s.device = device_;
        s.delay = delay_;
        s.index = 0;
        s.outcome = rivet::hal::success;
        if (select_ != nullptr) select_(device_);
        Bus::start();
        // Always suspends: the end wakes the task, even when it came
        // before this returns.
        return true;
    }
    result await_resume() const noexcept {
        if (rejected_) return rivet::hal::failure(error_type::other);
        return Bus::state().outcome;
    }

private:
    std::span<operation> operations_;
    operation single_op_{};
    bool single_ = false;
    bool rejected_ = false;
    void* device_ = nullptr;
    void (*select_)(void*) = nullptr;
    void (*release_)(void*) = nullptr;
    void (*delay_)(void*, std::uint32_t) = nullptr;
};

// The operations of rivet::hal::async::spi_bus, for a chip's bus type to
// inherit: bus_operations<its own type>.
template <class Bus>
struct bus_operations {
    using operation = rivet::hal::spi::operation;
    using awaiter = transfer_awaiter<Bus>;
    using result = typename awaiter::result;

    awaiter write(std::span<const std::uint8_t> bytes) noexcept {
        return awaiter{operation::write(bytes)};
    }
    awaiter read(std::span<std::uint8_t> into) noexcept { return awaiter{operation::read(into)}; }
    awaiter transfer(std::span<std::uint8_t> into, std::span<const std::uint8_t> bytes) noexcept {
        return awaiter{operation::transfer(into, bytes)};
    }
    awaiter transfer_in_place(std::span<std::uint8_t> buffer) noexcept {
        return awaiter{operation::transfer_in_place(buffer)};
    }

    // Every operation ends when its last word is back, so the bus is idle
    // then but for the shifter's last bit: Bus::wait_idle() waits that out
    // without suspending.
    class flushed {
    public:
        bool await_ready() const noexcept {
            Bus::wait_idle();
            return true;
        }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        result await_resume() const noexcept { return rivet::hal::success; }
    };
    flushed flush() const noexcept { return {}; }

    // For devices: a transaction of `operations` framed by select/release.
    static awaiter transaction_with(std::span<operation> operations, void* device,
                                    void (*select)(void*), void (*release)(void*),
                                    void (*delay)(void*, std::uint32_t)) noexcept {
        return awaiter{operations, device, select, release, delay};
    }
};

// One chip on an interrupt-driven bus with its chip select (active low), as
// rivet::hal::async::spi_device: chip select goes low before the first word
// and high in the interrupt handler once the last word of the last
// operation is back, so it is held across the task's suspension and never
// longer. Delay operations wait with a rivet::hal::delay, inside the
// handler. A transaction started while the bus is busy (another device's,
// or the bus's own operation) fails with kind `other` and touches nothing.
template <class Bus, class Cs, class Delay = rivet::hal::no_delay>
class interrupt_device {
    static_assert(std::is_same_v<rivet::hal::error_type_t<Cs>, rivet::hal::infallible>,
                  "an interrupt-driven SPI device drives chip select from the interrupt handler: "
                  "it needs a pin that cannot fail (a GPIO of this chip)");

public:
    using error_type = typename Bus::error_type;

    // Call with chip select already driven high (deselected).
    interrupt_device(Bus bus, Cs cs, Delay delayer = {}) noexcept
        : bus_(bus), cs_(cs), delay_(delayer) {}

    typename Bus::awaiter transaction(std::span<rivet::hal::spi::operation> operations) noexcept {
        return Bus::transaction_with(operations, this, &select, &release, &wait);
    }

    Cs& chip_select() noexcept { return cs_; }

private:
    static void select(void* self) { (void)static_cast<interrupt_device*>(self)->cs_.set_low(); }
    static void release(void* self) { (void)static_cast<interrupt_device*>(self)->cs_.set_high(); }
    static void wait(void* self, std::uint32_t ns) {
        static_cast<interrupt_device*>(self)->delay_.delay_ns(ns);
    }

    [[no_unique_address]] Bus bus_;
    [[no_unique_address]] Cs cs_;
    [[no_unique_address]] Delay delay_;
};

}  // namespace rivet::async::spi
