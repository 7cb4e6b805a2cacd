// SPI1, SPI2 and SPI3 as controller (master) rivet::hal::spi_bus, 8-bit
// frames, MSB first, software slave management (chip selects are GPIO
// outputs, outside the bus). Mode and SCK frequency are template
// arguments: the prescaler is the smallest power of two (2..256) that keeps
// SCK at or below MaxSckHz, chosen when compiling; none = compile error.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/hal/spi.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/interrupts.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "stm32f405/spi1.hpp"

namespace rivet::stm32f405::spi {

// CPOL (idle level of SCK) and CPHA (sampling edge), as usually numbered.
enum class mode : unsigned char { mode0 = 0, mode1 = 1, mode2 = 2, mode3 = 3 };

// BR field value (f / 2^(BR+1)) for the fastest SCK not above max_hz, or
// -1 when even f/256 is too fast.
constexpr int prescaler_for(std::uint32_t clock_hz, std::uint32_t max_hz) {
    for (int br = 0; br < 8; ++br) {
        if (clock_hz / (2u << br) <= max_hz) return br;
    }
    return -1;
}

template <unsigned Index>
struct traits;
template <>
struct traits<1> {
    static constexpr rcc::peripheral clock = rcc::peripheral::spi1;
    static constexpr gpio::signal sck = gpio::signal::spi1_sck, miso = gpio::signal::spi1_miso,
                                  mosi = gpio::signal::spi1_mosi;
    static constexpr stm32f405::irq irq = stm32f405::irq::spi1;
};
template <>
struct traits<2> {
    static constexpr rcc::peripheral clock = rcc::peripheral::spi2;
    static constexpr gpio::signal sck = gpio::signal::spi2_sck, miso = gpio::signal::spi2_miso,
                                  mosi = gpio::signal::spi2_mosi;
    static constexpr stm32f405::irq irq = stm32f405::irq::spi2;
};
template <>
struct traits<3> {
    static constexpr rcc::peripheral clock = rcc::peripheral::spi3;
    static constexpr gpio::signal sck = gpio::signal::spi3_sck, miso = gpio::signal::spi3_miso,
                                  mosi = gpio::signal::spi3_mosi;
    static constexpr stm32f405::irq irq = stm32f405::irq::spi3;
};

template <unsigned Index>
constexpr ::stm32f405::spi1::block block_of() {
    if constexpr (Index == 1)
        return ::stm32f405::SPI1;
    else if constexpr (Index == 2)
        return ::stm32f405::SPI2;
    else
        return ::stm32f405::SPI3;
}

// RM0090 SPI_SR and SPI_CR2 bits the drivers use.
namespace bits {
inline constexpr std::uint16_t sr_rxne = 1u << 0, sr_txe = 1u << 1, sr_ovr = 1u << 6,
                               sr_bsy = 1u << 7;
inline constexpr std::uint16_t cr2_rxneie = 1u << 6;
}  // namespace bits

// What the blocking controller and the interrupt-driven bus
// (rivet/async/spi/stm32f405.hpp) share: the pins, the prescaler, the
// set-up and the word-level register accesses of one SPI.
template <unsigned Index, rivet::hal::pin_id Sck, rivet::hal::pin_id Miso, rivet::hal::pin_id Mosi,
          std::uint32_t ClockHz, std::uint32_t MaxSckHz, mode Mode>
requires(Index >= 1 && Index <= 3) struct hardware {
    using t = traits<Index>;
    static_assert(gpio::pin_has_signal(Sck, t::sck), "this pin cannot be this SPI's SCK");
    static_assert(gpio::pin_has_signal(Miso, t::miso), "this pin cannot be this SPI's MISO");
    static_assert(gpio::pin_has_signal(Mosi, t::mosi), "this pin cannot be this SPI's MOSI");
    static_assert(static_cast<unsigned>(Mode) < 4, "SPI mode must be 0 to 3");
    static constexpr int br = prescaler_for(ClockHz, MaxSckHz);
    static_assert(br >= 0, "SPI clock too slow for this bus: even f/256 is above MaxSckHz");

    static constexpr auto block = block_of<Index>();
    // RM0090 SPI_CR1: CPHA bit 0, CPOL bit 1, MSTR bit 2, BR bits 5:3,
    // SPE bit 6, SSI bit 8, SSM bit 9.
    static constexpr std::uint16_t cr1_bits = static_cast<std::uint16_t>(
        (static_cast<unsigned>(Mode) & 1u) | ((static_cast<unsigned>(Mode) >> 1) << 1) | 1u << 2 |
        static_cast<unsigned>(br < 0 ? 0 : br) << 3 | 1u << 8 | 1u << 9);

    using error_type = rivet::hal::spi::error_kind;
    static constexpr std::uint32_t sck_hz = br < 0 ? 0 : ClockHz / (2u << (br < 0 ? 0 : br));
    static constexpr std::array<rivet::hal::pin_id, 3> claimed_pins{Sck, Miso, Mosi};
    static constexpr rivet::hal::peripheral_id claimed_peripheral{
        static_cast<std::uint32_t>(block.cr1().address())};  // CR1 is at offset 0
    static constexpr stm32f405::irq irq = t::irq;
    // What goes out when an operation has nothing to send.
    static constexpr std::uint8_t filler = 0x00;

    // Clocks the SPI and its pins, programs CR1 with the SPI disabled (BR
    // and the mode may only change then), no interrupt or DMA, then enables it.
    static void configure() {
        rcc::enable_clock<t::clock>();
        gpio::alternate_pin<Sck, t::sck>::configure();
        gpio::alternate_pin<Miso, t::miso>::configure();
        gpio::alternate_pin<Mosi, t::mosi>::configure();
        block.cr1().write(::stm32f405::spi1::cr1::value{cr1_bits});
        block.cr2().write([](auto&) {});
        block.cr1().write(
            ::stm32f405::spi1::cr1::value{static_cast<std::uint16_t>(cr1_bits | 1u << 6)});
    }

    static std::uint16_t status() { return static_cast<std::uint16_t>(block.sr().read().bits()); }
    static void put(std::uint8_t word) { block.dr().write(::stm32f405::spi1::dr::value{word}); }
    // Reading DR clears RXNE (and, after an SR read, OVR).
    static std::uint8_t take() { return static_cast<std::uint8_t>(block.dr().read().bits()); }
    // The receive interrupt (RXNEIE): the only one the async bus uses.
    static void listen_rx(bool on) {
        block.cr2().write([on](auto& r) { r.set_bits(on ? bits::cr2_rxneie : 0); });
    }
};

template <unsigned Index, rivet::hal::pin_id Sck, rivet::hal::pin_id Miso, rivet::hal::pin_id Mosi,
          std::uint32_t ClockHz, std::uint32_t MaxSckHz, mode Mode = mode::mode0>
requires(Index >= 1 && Index <= 3) class controller {
    using base = hardware<Index, Sck, Miso, Mosi, ClockHz, MaxSckHz, Mode>;
    static constexpr auto block = base::block;

public:
    using error_type = typename base::error_type;
    static constexpr std::uint32_t sck_hz = base::sck_hz;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;

    static controller configure() {
        base::configure();
        return controller{};
    }

    rivet::hal::result<void, error_type> read(std::span<std::uint8_t> into) {
        for (std::uint8_t& b : into) b = exchange(0x00);
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> write(std::span<const std::uint8_t> bytes) {
        for (std::uint8_t b : bytes) (void)exchange(b);
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> transfer(std::span<std::uint8_t> into,
                                                  std::span<const std::uint8_t> bytes) {
        const std::size_t n = into.size() > bytes.size() ? into.size() : bytes.size();
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t got = exchange(i < bytes.size() ? bytes[i] : 0x00);
            if (i < into.size()) into[i] = got;
        }
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> transfer_in_place(std::span<std::uint8_t> buffer) {
        for (std::uint8_t& b : buffer) b = exchange(b);
        return rivet::hal::success;
    }
    // Every exchange waits for its received byte, so after the last one
    // only BSY can still be set.
    rivet::hal::result<void, error_type> flush() {
        while (block.sr().read().bsy() == ::stm32f405::spi1::sr::bsyr_r::busy) {
        }
        return rivet::hal::success;
    }

private:
    // One full-duplex byte: wait TXE, write DR, wait RXNE, read DR (which
    // clears RXNE, so an overrun cannot build up).
    static std::uint8_t exchange(std::uint8_t out) {
        while (block.sr().read().txe() != ::stm32f405::spi1::sr::txe_r::empty) {
        }
        base::put(out);
        while (block.sr().read().rxne() != ::stm32f405::spi1::sr::rxne_r::not_empty) {
        }
        return base::take();
    }
};

}  // namespace rivet::stm32f405::spi
