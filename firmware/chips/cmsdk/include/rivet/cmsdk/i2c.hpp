// The MPS2 SBCon two-wire interfaces as rivet::hal::i2c_bus, bit-banged.
// SBCon is not an I2C controller: it is two open-drain lines, SCL (bit 0)
// and SDA (bit 1), released by a write of 1 to CONTROLS (+0x0) and pulled
// low by a write of 1 to CONTROLC (+0x4); a read of +0x0 returns the lines
// as they are. All framing (START, bits, ACK, STOP) is software here.
//
// CMSDK_CM3.svd does not describe SBCon, so its two registers are written
// by address (AN385 memory map; QEMU 7.2 hw/i2c/arm_sbcon_i2c.c). The
// AN385 has four: 0 touchscreen (0x40022000), 1 audio (0x40023000),
// 2 shield 0 (0x40029000), 3 shield 1 (0x4002A000).
//
// Timing: each half SCL period is a busy loop sized from ClockHz and SclHz
// (assumed 4 cycles an iteration, so the clock is at most SclHz); targets
// that stretch SCL are waited for.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/cmsdk/pins.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"

namespace rivet::cmsdk::i2c {

inline constexpr unsigned bus_count = 4;

constexpr std::uintptr_t base_of(unsigned index) {
    constexpr std::uintptr_t bases[bus_count] = {0x40022000, 0x40023000, 0x40029000, 0x4002A000};
    return bases[index];
}

// The two lines of SBCon `Index`, by register: what the blocking bus below
// and the interrupt-driven one (rivet/async/i2c/sbcon.hpp) both drive.
template <unsigned Index>
struct sbcon_lines {
    static_assert(Index < bus_count, "the MPS2 AN385 has SBCon 0 to 3");
    static constexpr std::uintptr_t base = base_of(Index);
    static constexpr std::uint32_t scl = 1u << 0, sda = 1u << 1;
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{pins::sbcon_scl(Index),
                                                                    pins::sbcon_sda(Index)};

    static volatile std::uint32_t& controls() {
        return *reinterpret_cast<volatile std::uint32_t*>(base);  // NOLINT: MMIO
    }
    static volatile std::uint32_t& controlc() {
        return *reinterpret_cast<volatile std::uint32_t*>(base + 4);  // NOLINT: MMIO
    }
    static bool sda_high() { return (controls() & sda) != 0; }
    static bool scl_high() { return (controls() & scl) != 0; }
    static void release(std::uint32_t lines) { controls() = lines; }
    static void pull_low(std::uint32_t lines) { controlc() = lines; }
    // SDA to `bit` (SCL low): released for 1, pulled for 0.
    static void put_sda(bool bit) { bit ? release(sda) : pull_low(sda); }

    // The address byte of a transfer in direction `what`.
    static constexpr std::uint8_t address_byte(rivet::hal::i2c::address target,
                                               rivet::hal::i2c::operation::type what) {
        return static_cast<std::uint8_t>((target.bits() << 1) |
                                         (what == rivet::hal::i2c::operation::type::read ? 1 : 0));
    }
    // Whether byte `index` of read operation `i` is the last of its run of
    // reads, which the controller NACKs.
    static constexpr bool last_of_read_run(std::span<const rivet::hal::i2c::operation> ops,
                                           std::size_t i, std::size_t index) {
        const bool run_ends =
            i + 1 == ops.size() || ops[i + 1].what != rivet::hal::i2c::operation::type::read;
        return run_ends && index + 1 == ops[i].in.size();
    }
};

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t SclHz = 100'000>
class sbcon {
    static_assert(Index < bus_count, "the MPS2 AN385 has SBCon 0 to 3");
    static_assert(SclHz > 0 && SclHz <= 400'000, "I2C SCL must be at most 400 kHz");

    using lines = sbcon_lines<Index>;
    static constexpr std::uint32_t scl = lines::scl, sda = lines::sda;
    static constexpr std::uint32_t half_period_loops = ClockHz / SclHz / 2 / 4 + 1;

    static bool sda_high() { return lines::sda_high(); }

    static void wait_half() {
        for (std::uint32_t i = 0; i < half_period_loops; ++i) asm volatile("" ::: "memory");
    }
    static void release(std::uint32_t line) { lines::release(line); }
    static void pull_low(std::uint32_t line) { lines::pull_low(line); }
    static void scl_high() {
        release(scl);
        while (!lines::scl_high()) {  // clock stretching
        }
        wait_half();
    }
    static void scl_low() {
        pull_low(scl);
        wait_half();
    }

    // SDA falls while SCL is high. From idle or after a byte (SCL low).
    static void start() {
        release(sda);
        scl_high();
        pull_low(sda);
        wait_half();
        scl_low();
    }
    static void stop() {
        pull_low(sda);
        scl_high();
        release(sda);
        wait_half();
    }
    static void put_bit(bool bit) {
        lines::put_sda(bit);
        scl_high();
        scl_low();
    }
    static bool get_bit() {
        release(sda);
        scl_high();
        const bool bit = sda_high();
        scl_low();
        return bit;
    }
    // True when the target acknowledged.
    static bool put_byte(std::uint8_t byte) {
        for (int i = 7; i >= 0; --i) put_bit(((byte >> i) & 1) != 0);
        return !get_bit();
    }
    static std::uint8_t get_byte(bool ack) {
        std::uint8_t byte = 0;
        for (int i = 0; i < 8; ++i) byte = static_cast<std::uint8_t>((byte << 1) | get_bit());
        put_bit(!ack);
        return byte;
    }

public:
    using error_type = rivet::hal::i2c::error_kind;
    static constexpr auto claimed_pins = lines::claimed_pins;

    // Both lines released: the bus idles high.
    static sbcon configure() {
        release(scl | sda);
        wait_half();
        return sbcon{};
    }

    rivet::hal::result<void, error_type> transaction(rivet::hal::i2c::address target,
                                                     std::span<rivet::hal::i2c::operation> ops) {
        using op = rivet::hal::i2c::operation;
        const auto address_byte = [target](op::type what) {
            return lines::address_byte(target, what);
        };
        start();
        if (ops.empty()) {
            const bool acked = put_byte(address_byte(op::type::write));
            stop();
            if (!acked) return rivet::hal::failure(error_type::no_acknowledge_address);
            return rivet::hal::success;
        }
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const op& current = ops[i];
            const bool new_direction = i == 0 || ops[i - 1].what != current.what;
            if (new_direction) {
                if (i != 0) start();  // repeated START
                if (!put_byte(address_byte(current.what))) {
                    stop();
                    return rivet::hal::failure(error_type::no_acknowledge_address);
                }
            }
            if (current.what == op::type::write) {
                for (const std::uint8_t byte : current.out) {
                    if (!put_byte(byte)) {
                        stop();
                        return rivet::hal::failure(error_type::no_acknowledge_data);
                    }
                }
            } else {
                // NACK only the last byte of a run of reads.
                for (std::size_t j = 0; j < current.in.size(); ++j)
                    current.in[j] = get_byte(!lines::last_of_read_run(ops, i, j));
            }
        }
        stop();
        return rivet::hal::success;
    }
};

static_assert(rivet::hal::i2c_bus<sbcon<0, 25'000'000>>);

}  // namespace rivet::cmsdk::i2c
