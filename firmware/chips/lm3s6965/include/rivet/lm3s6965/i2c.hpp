// I2C0/I2C1 controller as rivet::hal::i2c_bus, driving the LM3S MCS state
// machine one byte at a time: each byte is one command written to MCS_CMD
// with RUN plus START (first byte of a direction), ACK (a read byte that is
// not the last of its run) and STOP (the last byte of the transaction); the
// status in MCS says whether the address or the data was refused or the
// arbitration lost.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "lm3s6965/i2c0.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/sysctl.hpp"

namespace rivet::lm3s6965::i2c {

// SCL period = 2 * (1 + TPR) * (6 + 4) clocks (SCL_LP + SCL_HP = 10).
constexpr std::uint32_t timer_period_for(std::uint64_t clock_hz, std::uint64_t scl_hz) {
    const std::uint64_t divider = 20 * scl_hz;
    return static_cast<std::uint32_t>((clock_hz + divider - 1) / divider - 1);  // never faster
}

// What a change of direction inside a transaction puts on the wire.
enum class restart : unsigned char {
    // A repeated START: what rivet::hal::i2c_bus promises, and what the
    // silicon does.
    repeated_start,
    // STOP, then START. QEMU's model of this controller (7.2) ignores a
    // START while it holds the bus, so a repeated START never reaches the
    // target there; targets that keep their register pointer across a STOP
    // (TMP105, most sensors and EEPROMs) read the same either way.
    stop_then_start,
};

// The bits of an MCS_CMD write.
namespace command {
inline constexpr std::uint32_t run = 1u << 0;
inline constexpr std::uint32_t start = 1u << 1;  // (repeated) START and the address in MSA first
inline constexpr std::uint32_t stop = 1u << 2;   // STOP after the byte
inline constexpr std::uint32_t ack = 1u << 3;    // ACK the byte read (else NACK)
}  // namespace command

namespace detail {
using rivet::hal::i2c::operation;

constexpr std::size_t size_of(const operation& op) {
    return op.what == operation::type::read ? op.in.size() : op.out.size();
}
constexpr int direction_of(const operation& op) {
    return op.what == operation::type::read ? 1 : 0;
}

// Direction (1 read, 0 write) of the nearest byte in operations[from, to),
// searching forwards or backwards; -1 when there is none.
constexpr int next_direction(std::span<const operation> operations, std::size_t from) {
    for (std::size_t i = from; i < operations.size(); ++i) {
        if (size_of(operations[i]) != 0) return direction_of(operations[i]);
    }
    return -1;
}
constexpr int previous_direction(std::span<const operation> operations, std::size_t before) {
    for (std::size_t i = before; i > 0; --i) {
        if (size_of(operations[i - 1]) != 0) return direction_of(operations[i - 1]);
    }
    return -1;
}
}  // namespace detail

// The MCS command that moves byte `byte` of operations[index]: START on the
// first byte of each direction, ACK on every read byte but the last of its
// run, STOP on the last byte (and, with stop_then_start, at the end of each
// run). Pure, so the sequences are checked with static_assert.
constexpr std::uint32_t command_for(std::span<const rivet::hal::i2c::operation> operations,
                                    std::size_t index, std::size_t byte, restart policy) {
    const auto& op = operations[index];
    const int direction = detail::direction_of(op);
    const int previous = byte > 0 ? direction : detail::previous_direction(operations, index);
    const int next =
        byte + 1 < detail::size_of(op) ? direction : detail::next_direction(operations, index + 1);
    std::uint32_t bits = command::run;
    if (previous != direction) bits |= command::start;
    if (next < 0 || (next != direction && policy == restart::stop_then_start))
        bits |= command::stop;
    if (direction == 1 && next == 1) bits |= command::ack;
    return bits;
}

// What the blocking and the async controller share: the controller's clock,
// pins and registers, how a byte is started, and how its status is read.
template <unsigned Index, std::uint32_t ClockHz, std::uint32_t SclHz>
class hardware {
    static_assert(Index < 2, "the LM3S6965 has I2C0 and I2C1");
    static_assert(SclHz > 0 && SclHz <= 400'000, "I2C SCL must be at most 400 kHz (fast mode)");
    static constexpr std::uint32_t timer_period = timer_period_for(ClockHz, SclHz);
    static_assert(timer_period >= 1 && timer_period <= 127,
                  "this SCL frequency cannot be made from this clock (MTPR.TPR must be 1..127)");

public:
    static constexpr ::lm3s6965::i2c0::block block =
        Index == 0 ? ::lm3s6965::I2C0 : ::lm3s6965::I2C1;
    using error_type = rivet::hal::i2c::error_kind;
    // SCL and SDA: I2C0 PB2/PB3, I2C1 PA6/PA7.
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins =
        Index == 0
            ? std::array{gpio::pin_id_of(gpio::port::b, 2), gpio::pin_id_of(gpio::port::b, 3)}
            : std::array{gpio::pin_id_of(gpio::port::a, 6), gpio::pin_id_of(gpio::port::a, 7)};
    static constexpr rivet::hal::peripheral_id claimed_peripheral{Index == 0 ? 0x40020000u
                                                                             : 0x40021000u};

    // Clocks the controller and its pins (I2C0: PB2 SCL, PB3 SDA; I2C1: PA6,
    // PA7), enables the master and sets the SCL rate.
    static void configure() {
        if constexpr (Index == 0) {
            sysctl::enable_clock<sysctl::peripheral::i2c0>();
            gpio::alternate_pin<gpio::port::b, 2, gpio::signal::i2c0scl>::configure();
            gpio::alternate_pin<gpio::port::b, 3, gpio::signal::i2c0sda>::configure();
        } else {
            sysctl::enable_clock<sysctl::peripheral::i2c1>();
            gpio::alternate_pin<gpio::port::a, 6, gpio::signal::i2c1scl>::configure();
            gpio::alternate_pin<gpio::port::a, 7, gpio::signal::i2c1sda>::configure();
        }
        block.mcr().write([](auto& r) { r.mfe(true); });
        block.mtpr().write([](auto& r) { r.tpr(timer_period); });
    }

    static std::size_t total_bytes(std::span<const rivet::hal::i2c::operation> operations) {
        std::size_t total = 0;
        for (const auto& op : operations) total += op.in.size() + op.out.size();
        return total;
    }

    // The hardware cannot send an address without a data byte, so an empty
    // transaction (a probe) is address+R, one byte read and NACKed, STOP.
    static constexpr std::uint32_t probe_bits = command::run | command::start | command::stop;
    static void start_probe(rivet::hal::i2c::address target) {
        set_address(target, true);
        run(probe_bits);
    }

    // Starts byte `byte` of operations[index] and returns its command bits.
    static std::uint32_t start_byte(rivet::hal::i2c::address target,
                                    std::span<const rivet::hal::i2c::operation> operations,
                                    std::size_t index, std::size_t byte, restart policy) {
        const auto& op = operations[index];
        const bool is_read = op.what == rivet::hal::i2c::operation::type::read;
        const std::uint32_t bits = command_for(operations, index, byte, policy);
        if ((bits & command::start) != 0) set_address(target, is_read);
        if (!is_read) block.mdr().write([&](auto& r) { r.data_bits(op.out[byte]); });
        run(bits);
        return bits;
    }

    // The outcome of the byte started with `bits`, from the status read once
    // the controller is no longer busy; a read byte lands in `byte_in`.
    static rivet::hal::result<void, error_type> finish_byte(::lm3s6965::i2c0::mcs::value status,
                                                            std::uint32_t bits,
                                                            std::uint8_t* byte_in) {
        if (status.error()) {
            // Arbitration lost: the other controller owns the bus (it is
            // busy with the winner's transfer), no STOP from us. QEMU 7.2
            // reports an address NACK in this bit (its "ARACK" is bit 4)
            // and leaves the bus idle; no controller can lose arbitration
            // and find the bus idle right after a START, so that case is
            // the address NACK it is on QEMU.
            if (status.arblst()) {
                if ((bits & command::start) != 0 && !status.busbsy()) {
                    return rivet::hal::failure(error_type::no_acknowledge_address);
                }
                return rivet::hal::failure(error_type::arbitration_loss);
            }
            if ((bits & command::stop) == 0) {
                block.mcs_cmd().write([](auto& r) { r.stop(true); });
            }
            if (status.adrack()) return rivet::hal::failure(error_type::no_acknowledge_address);
            if (status.datack()) return rivet::hal::failure(error_type::no_acknowledge_data);
            return rivet::hal::failure(error_type::other);
        }
        if (byte_in != nullptr) *byte_in = static_cast<std::uint8_t>(block.mdr().read().data());
        return rivet::hal::success;
    }

private:
    static void set_address(rivet::hal::i2c::address target, bool read) {
        block.msa().write([&](auto& r) {
            r.sa_bits(target.bits())
                .rs(read ? ::lm3s6965::i2c0::msa::rs_v::receive
                         : ::lm3s6965::i2c0::msa::rs_v::transmit);
        });
    }

    static void run(std::uint32_t bits) {
        block.mcs_cmd().write([bits](auto& r) {
            r.run((bits & command::run) != 0)
                .start((bits & command::start) != 0)
                .stop((bits & command::stop) != 0)
                .ack((bits & command::ack) != 0);
        });
    }
};

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t SclHz = 100'000,
          restart Restart = restart::repeated_start>
class controller {
    using base = hardware<Index, ClockHz, SclHz>;
    static constexpr auto block = base::block;

public:
    using error_type = typename base::error_type;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;

    static controller configure() {
        base::configure();
        return controller{};
    }

    // See rivet::hal::i2c_bus (with restart::stop_then_start, a change of
    // direction is STOP + START). The one difference the hardware forces: it
    // cannot send an address without a data byte, so an empty operation
    // list (a probe) is sent as address+R, one byte read and NACKed, STOP.
    rivet::hal::result<void, error_type> transaction(
        rivet::hal::i2c::address target, std::span<rivet::hal::i2c::operation> operations) {
        using rivet::hal::i2c::operation;
        if (base::total_bytes(operations) == 0) {
            base::start_probe(target);
            return finish(base::probe_bits, nullptr);
        }
        for (std::size_t i = 0; i < operations.size(); ++i) {
            const operation& op = operations[i];
            const bool is_read = op.what == operation::type::read;
            const std::size_t size = is_read ? op.in.size() : op.out.size();
            for (std::size_t j = 0; j < size; ++j) {
                const std::uint32_t bits = base::start_byte(target, operations, i, j, Restart);
                if (auto r = finish(bits, is_read ? &op.in[j] : nullptr); !r) return r;
            }
        }
        return rivet::hal::success;
    }

private:
    static rivet::hal::result<void, error_type> finish(std::uint32_t bits, std::uint8_t* byte_in) {
        auto status = block.mcs().read();
        while (status.busy()) status = block.mcs().read();
        return base::finish_byte(status, bits, byte_in);
    }
};

}  // namespace rivet::lm3s6965::i2c
