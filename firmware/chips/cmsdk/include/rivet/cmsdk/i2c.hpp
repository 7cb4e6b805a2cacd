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

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t SclHz = 100'000>
class sbcon {
    static_assert(Index < bus_count, "the MPS2 AN385 has SBCon 0 to 3");
    static_assert(SclHz > 0 && SclHz <= 400'000, "I2C SCL must be at most 400 kHz");

    static constexpr std::uintptr_t base = base_of(Index);
    static constexpr std::uint32_t scl = 1u << 0, sda = 1u << 1;
    static constexpr std::uint32_t half_period_loops = ClockHz / SclHz / 2 / 4 + 1;

    static volatile std::uint32_t& controls() {
        return *reinterpret_cast<volatile std::uint32_t*>(base);  // NOLINT: MMIO
    }
    static volatile std::uint32_t& controlc() {
        return *reinterpret_cast<volatile std::uint32_t*>(base + 4);  // NOLINT: MMIO
    }
    static bool sda_high() { return (controls() & sda) != 0; }

    static void wait_half() {
        for (std::uint32_t i = 0; i < half_period_loops; ++i) asm volatile("" ::: "memory");
    }
    static void release(std::uint32_t line) { controls() = line; }
    static void pull_low(std::uint32_t line) { controlc() = line; }
    static void scl_high() {
        release(scl);
        while ((controls() & scl) == 0) {  // clock stretching
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
        if (bit)
            release(sda);
        else
            pull_low(sda);
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
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{pins::sbcon_scl(Index),
                                                                    pins::sbcon_sda(Index)};

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
            return static_cast<std::uint8_t>((target.bits() << 1) |
                                             (what == op::type::read ? 1 : 0));
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
                const bool run_ends = i + 1 == ops.size() || ops[i + 1].what != op::type::read;
                for (std::size_t j = 0; j < current.in.size(); ++j) {
                    const bool last = run_ends && j + 1 == current.in.size();
                    current.in[j] = get_byte(!last);
                }
            }
        }
        stop();
        return rivet::hal::success;
    }
};

static_assert(rivet::hal::i2c_bus<sbcon<0, 25'000'000>>);

}  // namespace rivet::cmsdk::i2c
