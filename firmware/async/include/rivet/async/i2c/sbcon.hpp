// An MPS2 SBCon two-wire bus as rivet::hal::async::i2c_bus. SBCon has no
// controller and no interrupt of its own (rivet/cmsdk/i2c.hpp): here a CMSDK
// timer interrupts every half SCL period and its handler moves the lines one
// step, so the bit-banging the blocking sbcon does in busy loops happens
// between the awaiting task's sleep, and the task is woken once, at STOP.
//
//   using sensor_bus = rivet::async::i2c::sbcon_controller<3, clock_hz>;   // TIMER0 paces it
//   RIVET_BIND_INTERRUPTS(sensor_bus::binding, ...);
//   auto bus = sensor_bus::configure();
//   auto r = co_await rivet::hal::async::i2c::write_read(bus, sensor, pointer, raw);
//
// The bytes on the wire are the blocking sbcon's: a START (SDA falls while
// SCL is high), each byte MSB first and its acknowledge bit, a repeated
// START on a change of direction, the last byte of a run of reads NACKed,
// a STOP also after a failure; an empty list is a probe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/async/executor.hpp"
#include "rivet/async/i2c/transaction.hpp"
#include "rivet/cmsdk/i2c.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/i2c.hpp"

namespace rivet::async::i2c {

// SBCon `Index` paced by TIMER`TimerIndex` (which it owns: bind `binding`,
// or no transaction ever ends). Priority is the timer interrupt's.
template <unsigned Index, std::uint32_t ClockHz, unsigned TimerIndex = 0,
          std::uint32_t SclHz = 100'000, unsigned Priority = 0>
class sbcon_controller {
    static_assert(SclHz > 0 && SclHz <= 400'000, "I2C SCL must be at most 400 kHz");
    using lines = ::rivet::cmsdk::i2c::sbcon_lines<Index>;
    using pacer = ::rivet::cmsdk::timer::timer<TimerIndex, ClockHz>;
    static constexpr std::uint32_t half_period_ticks = ClockHz / SclHz / 2;
    static_assert(half_period_ticks >= 1, "the timer clock is too slow for this SCL");
    using operation = rivet::hal::i2c::operation;

public:
    using error_type = rivet::hal::i2c::error_kind;
    using result = rivet::hal::result<void, error_type>;
    static constexpr auto claimed_pins = lines::claimed_pins;
    // The timer it paces the lines with (not the SBCon, which has no
    // registers beyond its lines).
    static constexpr auto claimed_peripheral = pacer::claimed_peripheral;
    static constexpr auto irq = pacer::irq;

    // Both lines released (the bus idles high), the timer stopped and its
    // interrupt enabled.
    static sbcon_controller configure() {
        lines::release(lines::scl | lines::sda);
        (void)pacer::configure();
        cortex_m::nvic::set_priority<irq, Priority>();
        pacer{}.enable_interrupt();
        return sbcon_controller{};
    }

    static void on_interrupt() {
        pacer::clear_expired();
        if (state.busy) step();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    // See rivet::hal::async::i2c_bus.
    using transaction_awaiter = i2c::transaction_awaiter<sbcon_controller>;
    transaction_awaiter transaction(rivet::hal::i2c::address target,
                                    std::span<operation> operations) noexcept {
        return transaction_awaiter{target, operations};
    }

private:
    // What the lines are doing; each phase takes a fixed number of steps.
    enum class phase : std::uint8_t { start, address, byte_out, byte_in, stop };

    struct transfer {
        std::span<operation> operations;
        rivet::hal::i2c::address target{0};
        std::size_t index = 0;  // operation
        std::size_t byte = 0;   // in the operation
        phase now = phase::start;
        std::uint8_t bit = 0;   // 0..7 data, 8 the acknowledge bit
        std::uint8_t tick = 0;  // step within the bit (or START, STOP)
        std::uint8_t out = 0;
        std::uint8_t in = 0;
        bool acked = false;
        result outcome = rivet::hal::success;
        waker task = nullptr;
        volatile bool busy = false;
    };
    static inline transfer state{};

    friend class i2c::transaction_awaiter<sbcon_controller>;
    static bool busy() { return state.busy; }
    static const result& outcome() { return state.outcome; }
    // The START's first step comes a half period from now.
    static void start(waker task, rivet::hal::i2c::address target,
                      std::span<operation> operations) {
        state = transfer{};
        state.task = task;
        state.target = target;
        state.operations = operations;
        state.busy = true;
        begin(phase::start);
        pacer{}.start_periodic(half_period_ticks);
    }

    static void begin(phase next) {
        state.now = next;
        state.bit = 0;
        state.tick = 0;
        state.in = 0;
    }
    static void send(phase next, std::uint8_t byte) {
        begin(next);
        state.out = byte;
    }
    static void send_address() {
        const auto what =
            state.operations.empty() ? operation::type::write : state.operations[state.index].what;
        send(phase::address, lines::address_byte(state.target, what));
    }
    static void fail(error_type why) {
        state.outcome = rivet::hal::failure(why);
        begin(phase::stop);
    }

    // The next byte of the current operation, or on to the next operation
    // (a repeated START when its direction differs), or the STOP.
    static void next_byte() {
        auto& ops = state.operations;
        while (state.index < ops.size()) {
            const operation& op = ops[state.index];
            const bool reading = op.what == operation::type::read;
            if (state.byte < (reading ? op.in.size() : op.out.size())) {
                if (reading)
                    begin(phase::byte_in);
                else
                    send(phase::byte_out, op.out[state.byte]);
                return;
            }
            ++state.index;
            state.byte = 0;
            if (state.index < ops.size() && ops[state.index].what != op.what) {
                begin(phase::start);
                return;
            }
        }
        begin(phase::stop);
    }

    // One half period of the lines. SCL is low between bits; a bit is two
    // steps (SDA set and SCL released, then SDA sampled and SCL pulled);
    // START and STOP take four, so that SDA only moves while SCL is low
    // except for their own edge.
    static void step() {
        switch (state.now) {
            case phase::start:
                switch (state.tick++) {
                    case 0:
                        lines::release(lines::sda);
                        return;
                    case 1:
                        lines::release(lines::scl);
                        return;
                    case 2:
                        lines::pull_low(lines::sda);
                        return;
                    default:
                        lines::pull_low(lines::scl);
                        send_address();
                        return;
                }
            case phase::address:
            case phase::byte_out:
                if (state.tick == 0) {
                    if (state.bit < 8)
                        lines::put_sda(((state.out >> (7 - state.bit)) & 1u) != 0);
                    else
                        lines::release(lines::sda);
                    lines::release(lines::scl);
                    state.tick = 1;
                    return;
                }
                if (!lines::scl_high()) return;  // the target stretches the clock
                if (state.bit == 8) state.acked = !lines::sda_high();
                lines::pull_low(lines::scl);
                state.tick = 0;
                if (++state.bit <= 8) return;
                return byte_sent();
            case phase::byte_in:
                if (state.tick == 0) {
                    if (state.bit < 8)
                        lines::release(lines::sda);
                    else
                        lines::put_sda(
                            lines::last_of_read_run(state.operations, state.index, state.byte));
                    lines::release(lines::scl);
                    state.tick = 1;
                    return;
                }
                if (!lines::scl_high()) return;
                if (state.bit < 8)
                    state.in = static_cast<std::uint8_t>((state.in << 1) | lines::sda_high());
                lines::pull_low(lines::scl);
                state.tick = 0;
                if (++state.bit <= 8) return;
                state.operations[state.index].in[state.byte++] = state.in;
                return next_byte();
            case phase::stop:
                switch (state.tick++) {
                    case 0:
                        lines::pull_low(lines::sda);
                        return;
                    case 1:
                        lines::release(lines::scl);
                        return;
                    case 2:
                        lines::release(lines::sda);
                        return;
                    default:
                        return finish();
                }
        }
    }

    static void byte_sent() {
        if (state.now == phase::address) {
            if (!state.acked) return fail(error_type::no_acknowledge_address);
            if (state.operations.empty()) return begin(phase::stop);  // a probe
            return next_byte();
        }
        if (!state.acked) return fail(error_type::no_acknowledge_data);
        ++state.byte;
        next_byte();
    }

    // A half period after STOP: the bus is free again.
    static void finish() {
        pacer{}.stop();
        pacer::clear_expired();
        state.busy = false;
        wake(state.task);
    }
};

}  // namespace rivet::async::i2c
