// SSI0 as rivet::hal::async::spi_bus, and devices on it whose whole
// transaction (chip select, every operation, release) runs in SSI0's
// interrupt: the task that awaits sleeps until the last word is back.
//
//   using oled_bus = rivet::async::spi::lm3s6965_bus<clock_hz, 4'000'000, ssi::mode::mode3>;
//   RIVET_BIND_INTERRUPTS(oled_bus::binding, ...);
//   rivet::async::spi::lm3s6965_device oled{oled_bus::configure(), oled_cs::configure(high)};
//   co_await rivet::hal::async::spi::write(oled, pixels);
//
// The interrupt keeps at most 8 words in flight, as the blocking controller
// does: the receive FIFO half full (RXIM) or timed out (RTIM, silicon)
// drains it and refills the transmit FIFO. QEMU's PL022 has no receive
// timeout, so when the last words are queued the transmit interrupt (TXIM,
// FIFO half empty) is unmasked once as a nudge: under QEMU every word is
// back by then; on silicon it costs one early interrupt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/ssi.hpp"

namespace rivet::async::spi {

namespace detail::lm3s6965 {
using rivet::hal::spi::operation;

// The transaction in flight: shared by the bus's own operations and the
// devices', one at a time.
struct transfer {
    std::span<operation> operations;
    std::size_t index = 0;
    std::size_t sent = 0;
    std::size_t received = 0;
    std::size_t words = 0;
    bool nudged = false;
    void (*release)(void*) = nullptr;  // a device's chip select, after the last word
    void* device = nullptr;
    void (*delay)(void*, std::uint32_t) = nullptr;
    rivet::hal::result<void, rivet::hal::spi::error_kind> outcome = rivet::hal::success;
    waker task = nullptr;
    volatile bool busy = false;
    operation single{};
};
inline transfer state{};

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
}  // namespace detail::lm3s6965

// Bind `binding` (RIVET_BIND_INTERRUPTS), or no operation ever ends.
template <std::uint32_t ClockHz, std::uint32_t BitRate,
          ::rivet::lm3s6965::ssi::mode Mode = ::rivet::lm3s6965::ssi::mode::mode0,
          unsigned Priority = 0>
class lm3s6965_bus {
    using base = ::rivet::lm3s6965::ssi::hardware<ClockHz, BitRate, Mode>;
    static constexpr auto block = base::block;
    using operation = rivet::hal::spi::operation;

public:
    using error_type = typename base::error_type;
    using result = rivet::hal::result<void, error_type>;
    static constexpr std::uint32_t bit_rate_hz = base::bit_rate_hz;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;
    static constexpr auto irq = ::rivet::lm3s6965::irq::ssi0;

    static lm3s6965_bus configure() {
        base::configure();
        block.im().write([](auto& r) { r.rxim(false); });
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return lm3s6965_bus{};
    }

    static void on_interrupt() {
        if (detail::lm3s6965::state.busy) step();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    // An operation or a transaction in flight; co_await gives its result.
    class awaiter {
    public:
        bool await_ready() const noexcept { return false; }
        bool await_suspend(std::coroutine_handle<>) noexcept {
            const cortex_m::critical_section masked;
            auto& s = detail::lm3s6965::state;
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
            begin_operation();
            step();
            // Always suspends: the end wakes the task, even when it came
            // before this returns.
            return true;
        }
        result await_resume() const noexcept {
            if (rejected_) return rivet::hal::failure(error_type::other);
            return detail::lm3s6965::state.outcome;
        }

    private:
        friend class lm3s6965_bus;
        explicit awaiter(operation op) noexcept : single_op_(op), single_(true) {}
        awaiter(std::span<operation> operations, void* device, void (*select)(void*),
                void (*release)(void*), void (*delay)(void*, std::uint32_t)) noexcept
            : operations_(operations),
              device_(device),
              select_(select),
              release_(release),
              delay_(delay) {}

        std::span<operation> operations_;
        operation single_op_{};
        bool single_ = false;
        bool rejected_ = false;
        void* device_ = nullptr;
        void (*select_)(void*) = nullptr;
        void (*release_)(void*) = nullptr;
        void (*delay_)(void*, std::uint32_t) = nullptr;
    };

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
    // then but for the shifter's last half bit.
    class flushed {
    public:
        bool await_ready() const noexcept {
            while (block.sr().read().bsy()) {
            }
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

private:
    // Sets up the current operation, running delays and skipping empty ones.
    static void begin_operation() {
        auto& s = detail::lm3s6965::state;
        for (; s.index < s.operations.size(); ++s.index) {
            const operation& op = s.operations[s.index];
            if (op.what == operation::type::delay) {
                // The bus is idle here (every word of the last operation
                // is back); the delay runs in the handler, as short as the
                // chip asks.
                if (s.delay != nullptr) s.delay(s.device, op.nanoseconds);
                continue;
            }
            s.words = detail::lm3s6965::words_of(op);
            if (s.words == 0) continue;
            s.sent = 0;
            s.received = 0;
            s.nudged = false;
            return;
        }
    }

    // Drains what came back, moves on, refills, or ends the transaction.
    static void step() {
        auto& s = detail::lm3s6965::state;
        for (;;) {
            if (s.index >= s.operations.size()) return finish(rivet::hal::success);
            const operation& op = s.operations[s.index];
            const bool keep = op.what != operation::type::write;
            while (s.received < s.words && block.sr().read().rne()) {
                const auto word = static_cast<std::uint8_t>(block.dr().read().data());
                if (keep && s.received < op.in.size()) op.in[s.received] = word;
                ++s.received;
            }
            if (block.ris().read().rorris()) {
                block.icr().write([](auto& r) { r.roric(true); });
                return finish(rivet::hal::failure(error_type::overrun));
            }
            if (s.received < s.words) break;
            ++s.index;
            begin_operation();
        }
        const operation& op = s.operations[s.index];
        const bool has_out = op.what != operation::type::read;
        const std::span<const std::uint8_t> out = op.what == operation::type::transfer_in_place
                                                      ? std::span<const std::uint8_t>{op.in}
                                                      : op.out;
        while (s.sent < s.words && s.sent - s.received < base::fifo_depth &&
               block.sr().read().tnf()) {
            const std::uint8_t word = has_out && s.sent < out.size() ? out[s.sent] : base::filler;
            block.dr().write(::lm3s6965::ssi0::dr::value{word});
            ++s.sent;
        }
        const bool nudge = s.sent == s.words && !s.nudged;
        s.nudged = s.nudged || nudge;
        block.im().write([nudge](auto& r) { r.rxim(true).rtim(true).txim(nudge); });
    }

    static void finish(result outcome) {
        auto& s = detail::lm3s6965::state;
        block.im().write([](auto& r) { r.rxim(false); });
        block.icr().write([](auto& r) { r.rtic(true); });
        if (s.release != nullptr) s.release(s.device);
        s.outcome = outcome;
        s.busy = false;
        wake(s.task);
    }
};

// One chip on SSI0 with its chip select (active low), as
// rivet::hal::async::spi_device: chip select goes low before the first word
// and high in the interrupt handler once the last word of the last
// operation is back, so it is held across the task's suspension and never
// longer. Delay operations wait with a rivet::hal::delay, inside the
// handler. A transaction started while the bus is busy (another device's,
// or the bus's own operation) fails with kind `other` and touches nothing.
template <class Bus, class Cs, class Delay = rivet::hal::no_delay>
class lm3s6965_device {
    static_assert(std::is_same_v<rivet::hal::error_type_t<Cs>, rivet::hal::infallible>,
                  "lm3s6965_device drives chip select from the interrupt handler: it needs a pin "
                  "that cannot fail (a GPIO of this chip)");

public:
    using error_type = typename Bus::error_type;

    // Call with chip select already driven high (deselected).
    lm3s6965_device(Bus bus, Cs cs, Delay delayer = {}) noexcept
        : bus_(bus), cs_(cs), delay_(delayer) {}

    typename Bus::awaiter transaction(std::span<rivet::hal::spi::operation> operations) noexcept {
        return Bus::transaction_with(operations, this, &select, &release, &wait);
    }

    Cs& chip_select() noexcept { return cs_; }

private:
    static void select(void* self) { (void)static_cast<lm3s6965_device*>(self)->cs_.set_low(); }
    static void release(void* self) { (void)static_cast<lm3s6965_device*>(self)->cs_.set_high(); }
    static void wait(void* self, std::uint32_t ns) {
        static_cast<lm3s6965_device*>(self)->delay_.delay_ns(ns);
    }

    [[no_unique_address]] Bus bus_;
    [[no_unique_address]] Cs cs_;
    [[no_unique_address]] Delay delay_;
};

static_assert(rivet::hal::async::spi_bus<lm3s6965_bus<12'000'000, 1'000'000>>);

}  // namespace rivet::async::spi
