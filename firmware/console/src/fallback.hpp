// The console's fallback for a board without board support: its chip HAL is
// built from a vendor SVD that RIVET_SVD_CORPUS lacks, so no BSP names a
// console UART. Each type here is the least a console needs, 115200 8N1 on
// raw registers, shaped as the HAL serial concepts so that console.cpp
// drives it like a HAL UART. board.json's console.driver picks one and
// console.base places it; the pins are the boards' own (they are the BSPs'
// too). It goes once Rivet ships the chips' SVDs (DESIGN.md, "Chip data").
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include <rivet/board/config.hpp>
#include <rivet/hal/error.hpp>
#include <rivet/hal/serial.hpp>

namespace rivet::console::fallback {

inline volatile std::uint32_t& word(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);  // NOLINT: MMIO
}

inline constexpr std::uint32_t baud = 115200;

// One byte at a time each way: read() takes the byte read_ready() saw, write()
// hands over one byte once the transmitter takes it.
template <class Registers>
class uart {
public:
    using error_type = rivet::hal::serial::error_kind;

    static uart configure() {
        Registers::configure();
        return uart{};
    }
    rivet::hal::result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        if (bytes.empty()) return std::size_t{0};
        Registers::put(bytes[0]);
        return std::size_t{1};
    }
    rivet::hal::result<void, error_type> flush() { return rivet::hal::success; }
    rivet::hal::result<bool, error_type> read_ready() const { return Registers::ready(); }
    rivet::hal::result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (into.empty()) return std::size_t{0};
        while (!Registers::ready()) {
        }
        into[0] = Registers::take();
        return std::size_t{1};
    }
};

// nRF51 UART0 on the micro:bit's P0.24 (TX) and P0.25 (RX).
struct nrf51_registers {
    static constexpr std::uintptr_t base = board::console_base, gpio = 0x50000000;
    static constexpr std::uint32_t tx_pin = 24, rx_pin = 25;
    static void configure() {
        word(gpio + 0x508) = 1u << tx_pin;  // OUTSET: TX idles high
        word(gpio + 0x518) = 1u << tx_pin;  // DIRSET
        word(base + 0x50c) = tx_pin;        // PSELTXD
        word(base + 0x514) = rx_pin;        // PSELRXD
        word(base + 0x524) = 0x01d7e000;    // BAUDRATE: 115200
        word(base + 0x500) = 4;             // ENABLE
        word(base + 0x008) = 1;             // STARTTX
        word(base + 0x000) = 1;             // STARTRX
    }
    static void put(std::uint8_t byte) {
        word(base + 0x11c) = 0;  // TXDRDY
        word(base + 0x51c) = byte;
        while (word(base + 0x11c) == 0) {
        }
    }
    static bool ready() { return word(base + 0x108) != 0; }  // RXDRDY
    static std::uint8_t take() {
        word(base + 0x108) = 0;
        return static_cast<std::uint8_t>(word(base + 0x518));
    }
};

// STM32F4 USART1 on the Netduino Plus 2's PB6 (TX) and PB7 (RX), AF7.
struct stm32_registers {
    static constexpr std::uintptr_t base = board::console_base, rcc = 0x40023800,
                                    gpiob = 0x40020400;
    static void configure() {
        word(rcc + 0x30) = word(rcc + 0x30) | 1u << 1;                          // AHB1ENR: GPIOBEN
        word(rcc + 0x44) = word(rcc + 0x44) | 1u << 4;                          // APB2ENR: USART1EN
        [[maybe_unused]] const std::uint32_t settle = word(rcc + 0x44);         // two bus cycles
        word(gpiob + 0x20) = (word(gpiob + 0x20) & 0x00FFFFFFu) | 0x77000000u;  // AFRL: AF7
        word(gpiob + 0x00) = (word(gpiob + 0x00) & ~0xF000u) | 0xA000u;         // MODER: AF
        word(base + 0x08) = (board::clock_hz + baud / 2) / baud;                // BRR
        word(base + 0x0c) = 1u << 13 | 1u << 3 | 1u << 2;                       // UE, TE, RE
    }
    static void put(std::uint8_t byte) {
        while ((word(base) & 1u << 7) == 0) {  // TXE
        }
        word(base + 0x04) = byte;
    }
    static bool ready() { return (word(base) & 1u << 5) != 0; }  // RXNE
    static std::uint8_t take() { return static_cast<std::uint8_t>(word(base + 0x04)); }
};

// ARM CMSDK APB UART (MPS2 UART0); it has no pins to route.
struct cmsdk_registers {
    static constexpr std::uintptr_t base = board::console_base;
    static void configure() {
        word(base + 0x10) = board::clock_hz / baud;  // BAUDDIV
        word(base + 0x08) = 1u << 0 | 1u << 1;       // CTRL: TX and RX enable
    }
    static void put(std::uint8_t byte) {
        while ((word(base + 0x04) & 1u << 0) != 0) {  // STATE: TX buffer full
        }
        word(base + 0x00) = byte;
    }
    static bool ready() { return (word(base + 0x04) & 1u << 1) != 0; }  // RX buffer full
    static std::uint8_t take() { return static_cast<std::uint8_t>(word(base + 0x00)); }
};

using nrf51_uart = uart<nrf51_registers>;
using stm32_usart = uart<stm32_registers>;
using cmsdk_uart = uart<cmsdk_registers>;

}  // namespace rivet::console::fallback
