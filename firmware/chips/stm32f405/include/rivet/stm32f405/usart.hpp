// USART1, 2, 3 and 6 as rivet::hal::serial_write and serial_read, 8N1,
// polled. The pins are template arguments checked against the alternate
// function map, and the baud divisor is computed when compiling: a rate
// the clock cannot make (BRR mantissa out of 1..4095), or not within the
// tolerance (2 % by default), does not compile.
//
//   using console = usart<1, gpio::pin_id_of(gpio::port::b, 6), gpio::pin_id_of(gpio::port::b, 7),
//                         rcc::reset_clocks.pclk2_hz(), 115200>;
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/hal/serial.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/interrupts.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "stm32f405/usart1.hpp"

namespace rivet::stm32f405::usart {

// With 16x oversampling the baud rate is f / BRR, where BRR holds USARTDIV
// in sixteenths (mantissa << 4 | fraction), RM0090 "Fractional baud rate
// generation". Rounded to nearest.
struct baud_divisor {
    std::uint32_t brr;        // 16..65535 when the rate can be made
    std::uint32_t error_ppm;  // |actual - wanted| / wanted, parts per million
};

constexpr baud_divisor divisor_for(std::uint64_t clock_hz, std::uint64_t baud) {
    const std::uint64_t brr = (clock_hz + baud / 2) / baud;
    const std::uint64_t actual = brr == 0 ? 0 : clock_hz / brr;
    const std::uint64_t difference = actual > baud ? actual - baud : baud - actual;
    return {static_cast<std::uint32_t>(brr > 0xFFFFFFFFu ? 0xFFFFFFFFu : brr),
            static_cast<std::uint32_t>(difference * 1'000'000 / baud)};
}

inline constexpr std::uint32_t default_max_baud_error_ppm = 20'000;

template <unsigned Index>
struct traits;
template <>
struct traits<1> {
    static constexpr rcc::peripheral clock = rcc::peripheral::usart1;
    static constexpr gpio::signal tx = gpio::signal::usart1_tx, rx = gpio::signal::usart1_rx;
    static constexpr stm32f405::irq irq = stm32f405::irq::usart1;
};
template <>
struct traits<2> {
    static constexpr rcc::peripheral clock = rcc::peripheral::usart2;
    static constexpr gpio::signal tx = gpio::signal::usart2_tx, rx = gpio::signal::usart2_rx;
    static constexpr stm32f405::irq irq = stm32f405::irq::usart2;
};
template <>
struct traits<3> {
    static constexpr rcc::peripheral clock = rcc::peripheral::usart3;
    static constexpr gpio::signal tx = gpio::signal::usart3_tx, rx = gpio::signal::usart3_rx;
    static constexpr stm32f405::irq irq = stm32f405::irq::usart3;
};
template <>
struct traits<6> {
    static constexpr rcc::peripheral clock = rcc::peripheral::usart6;
    static constexpr gpio::signal tx = gpio::signal::usart6_tx, rx = gpio::signal::usart6_rx;
    static constexpr stm32f405::irq irq = stm32f405::irq::usart6;
};

template <unsigned Index>
constexpr ::stm32f405::usart1::block block_of() {
    if constexpr (Index == 1)
        return ::stm32f405::USART1;
    else if constexpr (Index == 2)
        return ::stm32f405::USART2;
    else if constexpr (Index == 3)
        return ::stm32f405::USART3;
    else
        return ::stm32f405::USART6;
}

template <unsigned Index>
concept usart_index = Index == 1 || Index == 2 || Index == 3 || Index == 6;

template <unsigned Index, rivet::hal::pin_id Tx, rivet::hal::pin_id Rx, std::uint32_t ClockHz,
          std::uint32_t Baud, std::uint32_t MaxErrorPpm = default_max_baud_error_ppm>
requires usart_index<Index>
class usart {
    using t = traits<Index>;
    static_assert(gpio::pin_has_signal(Tx, t::tx), "this pin cannot be this USART's TX");
    static_assert(gpio::pin_has_signal(Rx, t::rx), "this pin cannot be this USART's RX");
    static_assert(Baud > 0, "the baud rate must not be 0");
    static constexpr baud_divisor divisor = divisor_for(ClockHz, Baud);
    static_assert(divisor.brr >= 16 && divisor.brr <= 0xFFFF,
                  "baud rate out of range for this clock: USARTDIV must be 1 to 4095.9375");
    static_assert(divisor.error_ppm <= MaxErrorPpm,
                  "baud rate out of tolerance: this clock cannot make it within MaxErrorPpm");

    static constexpr auto block = block_of<Index>();
    using sr = ::stm32f405::usart1::sr::value;

public:
    using error_type = rivet::hal::serial::error_kind;
    static constexpr stm32f405::irq irq = t::irq;
    static constexpr std::uint32_t brr = divisor.brr;
    static constexpr std::uint32_t baud_error_ppm = divisor.error_ppm;
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{Tx, Rx};

    // Clocks the USART and its pins (RX with a pull-up, so an unconnected
    // line idles high), then 8N1 with transmitter and receiver on.
    static usart configure() {
        rcc::enable_clock<t::clock>();
        gpio::alternate_pin<Tx, t::tx>::configure();
        gpio::alternate_pin<Rx, t::rx, gpio::pull::up>::configure();
        // A character may still be going out (the console shares USART1).
        if (block.cr1().read().ue() == ::stm32f405::usart1::cr1::ue_v::enabled) {
            while (block.sr().read().tc() != ::stm32f405::usart1::sr::tcr_r::tx_complete) {
            }
        }
        block.cr1().write([](auto& r) { r.ue(::stm32f405::usart1::cr1::ue_v::disabled); });
        block.brr().write([](auto& r) { r.set_bits(static_cast<std::uint16_t>(brr)); });
        block.cr2().write([](auto& r) { r.stop(::stm32f405::usart1::cr2::stop_v::stop1); });
        block.cr3().write([](auto&) {});
        block.cr1().write([](auto& r) {
            r.ue(::stm32f405::usart1::cr1::ue_v::enabled)
                .te(::stm32f405::usart1::cr1::te_v::enabled)
                .re(::stm32f405::usart1::cr1::re_v::enabled);
        });
        return usart{};
    }

    // Blocks until the data register is free, then hands over bytes while
    // it stays free (one on silicon, where TXE drops until the shift
    // register takes the byte).
    rivet::hal::result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        if (bytes.empty()) return std::size_t{0};
        while (block.sr().read().txe() != ::stm32f405::usart1::sr::txe_r::tx_empty) {
        }
        std::size_t taken = 0;
        do {
            block.dr().write(::stm32f405::usart1::dr::value{bytes[taken]});
            ++taken;
        } while (taken < bytes.size() &&
                 block.sr().read().txe() == ::stm32f405::usart1::sr::txe_r::tx_empty);
        return taken;
    }

    // TC: the last byte has left the shift register.
    rivet::hal::result<void, error_type> flush() {
        while (block.sr().read().tc() != ::stm32f405::usart1::sr::tcr_r::tx_complete) {
        }
        return rivet::hal::success;
    }

    // RXNE: a byte waits in DR (an overrun or framing error comes with one).
    rivet::hal::result<bool, error_type> read_ready() const {
        return block.sr().read().rxne() == ::stm32f405::usart1::sr::rxner_r::data_ready;
    }

    // Blocks for the first byte, then takes what has arrived. Reading SR and
    // then DR clears the error flags; a byte received with an error is
    // reported (and dropped).
    rivet::hal::result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (into.empty()) return std::size_t{0};
        sr status = block.sr().read();
        while (status.rxne() != ::stm32f405::usart1::sr::rxner_r::data_ready) {
            status = block.sr().read();
        }
        std::size_t count = 0;
        while (count < into.size() &&
               status.rxne() == ::stm32f405::usart1::sr::rxner_r::data_ready) {
            const auto data = static_cast<std::uint8_t>(block.dr().read().bits());
            if (status.ore() == ::stm32f405::usart1::sr::ore_r::overrun)
                return rivet::hal::failure(error_type::overrun);
            if (status.fe() == ::stm32f405::usart1::sr::fe_r::error)
                return rivet::hal::failure(error_type::framing);
            if (status.pe() == ::stm32f405::usart1::sr::pe_r::error)
                return rivet::hal::failure(error_type::parity);
            if (status.nf() == ::stm32f405::usart1::sr::nf_r::noise)
                return rivet::hal::failure(error_type::noise);
            into[count++] = data;
            status = block.sr().read();
        }
        return count;
    }
};

static_assert(
    rivet::hal::serial_write<usart<1, gpio::pin_id_of(gpio::port::b, 6),
                                   gpio::pin_id_of(gpio::port::b, 7), 16'000'000, 115200>>);
static_assert(
    rivet::hal::serial_read_ready<usart<1, gpio::pin_id_of(gpio::port::b, 6),
                                        gpio::pin_id_of(gpio::port::b, 7), 16'000'000, 115200>>);

}  // namespace rivet::stm32f405::usart
