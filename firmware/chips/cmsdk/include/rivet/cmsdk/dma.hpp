// The PL081 DMA controllers of the MPS2 AN505 (DMA0..DMA3, two channels
// each; registers from an505.yaml, which the generic CMSDK SVD lacks).
// Transfers are described with rivet::hal::dma (handles of static buffers,
// copy() / to_register() / from_register()); a channel runs one item, or
// several chained by the controller's linked list (scatter-gather), and
// raises its controller's interrupt when the last one is done.
//
//   using ch = rivet::cmsdk::dma::controller<0>::channel<0>;
//   ch::transfer op(rivet::hal::dma::copy(from, to));  // describes, starts nothing
//   op.run();                                          // blocking: starts, waits, done
//
// rivet/async/dma/pl081.hpp makes the same operation awaitable. Flow control is
// always the DMAC's, memory to memory (FlowCntrl 0): QEMU 7.2's PL081 has no
// request lines (the AN505 model wires none, and the software request
// registers do nothing), never moves a transfer paced by a peripheral, and
// stops QEMU on peripheral flow control (FlowCntrl 4..7). A transfer to or
// from a peripheral register is therefore unpaced: right for a register
// that takes a word whenever it is written (QEMU's UART sends each byte at
// once), wrong for a real UART's one-byte buffer. The controllers reach
// memory through its secure aliases (the addresses of Rivet's buffers) and
// peripherals through their non-secure ones (uart_data below).
// docs/boards.md says what else the model lacks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "cmsdk_cm3/dma0.hpp"
#include "cmsdk_cm3/uart0.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/hal/dma.hpp"

namespace rivet::cmsdk::dma {

inline constexpr unsigned controller_count = 4;
inline constexpr unsigned channel_count = 2;
// CnControl.TransferSize is 12 bits: elements (of the source width) an item moves.
inline constexpr std::size_t max_item_elements = 4095;

// A linked-list item as the controller reads it (PL081 TRM: source,
// destination, next item, control). Word aligned; bit 0 of `next` picks the
// AHB master (0 here).
struct lli {
    std::uint32_t source;
    std::uint32_t destination;
    std::uint32_t next;
    std::uint32_t control;
};

namespace detail {

// SWidth/DWidth: 0 bytes, 1 halfwords, 2 words.
template <class T>
inline constexpr std::uint32_t width_code = sizeof(T) / 2;

// CnControl for one item: size, widths (bursts of 1), increments,
// privileged access, and the terminal-count interrupt on the last item.
template <class Item>
constexpr std::uint32_t control_of(const Item& item, bool last) {
    static_assert(Item::count >= 1 && Item::count <= max_item_elements,
                  "a PL081 item moves 1 to 4095 elements: split the transfer into parts "
                  "(a scatter-gather list)");
    constexpr std::uint32_t width = width_code<typename Item::value_type>;
    return static_cast<std::uint32_t>(Item::count) | (width << 18) | (width << 21) |
           (static_cast<std::uint32_t>(item.source_steps) << 26) |
           (static_cast<std::uint32_t>(item.destination_steps) << 27) | (1u << 28) |
           (static_cast<std::uint32_t>(last) << 31);
}

inline constexpr std::uint32_t channel_enable = 1u << 0;
inline constexpr std::uint32_t error_interrupt = 1u << 14;     // IE
inline constexpr std::uint32_t terminal_interrupt = 1u << 15;  // ITC
inline constexpr std::uint32_t channel_active = 1u << 17;      // A
inline constexpr std::uint32_t channel_halt = 1u << 18;        // H

template <class Item>
inline constexpr bool is_item = false;
template <class T, std::size_t N, class P>
inline constexpr bool is_item<rivet::hal::dma::item<T, N, P>> = true;

// A register end's lend() and take_back(), where it has them.
template <class Item>
void lend() noexcept {
    if constexpr (requires { Item::peripheral_type::lend(); }) Item::peripheral_type::lend();
}
template <class Item>
void take_back() noexcept {
    if constexpr (requires { Item::peripheral_type::take_back(); }) {
        Item::peripheral_type::take_back();
    }
}

// The IoT Kit's secure privilege control, APBNSPPCEXP1: which ports of the
// AN505's APB expansion 1 (SPI, UARTs, I2C) are non-secure.
inline volatile std::uint32_t& apb_nonsecure_expansion1() noexcept {
    return *reinterpret_cast<volatile std::uint32_t*>(0x50080084u);
}

}  // namespace detail

template <unsigned Controller, unsigned Channel>
class channel;

template <unsigned Index>
class controller {
    static_assert(Index < controller_count, "the MPS2 AN505 has DMA0 to DMA3");

public:
    static constexpr std::uintptr_t base =
        std::array{::cmsdk::DMA0.base_address(), ::cmsdk::DMA1.base_address(),
                   ::cmsdk::DMA2.base_address(), ::cmsdk::DMA3.base_address()}[Index];
    // DMACINTR: any channel's terminal count or error.
    static constexpr cmsdk::irq irq =
        std::array{cmsdk::irq::dma0, cmsdk::irq::dma1, cmsdk::irq::dma2, cmsdk::irq::dma3}[Index];

    template <unsigned Channel>
    using channel = dma::channel<Index, Channel>;

    // Turns the controller on (DMACConfiguration.E, little-endian masters).
    static void enable() noexcept { word(0x030) = 1u; }
    [[nodiscard]] static bool enabled() noexcept { return (word(0x030) & 1u) != 0; }

    static volatile std::uint32_t& word(std::uintptr_t offset) noexcept {
        return *reinterpret_cast<volatile std::uint32_t*>(base + offset);
    }
};

template <unsigned Controller, unsigned Channel>
class channel {
    static_assert(Channel < channel_count, "a PL081 has channels 0 and 1");
    using owner = controller<Controller>;
    static constexpr std::uint32_t bit = 1u << Channel;
    static constexpr std::uintptr_t registers = 0x100 + 0x20 * Channel;

    static volatile std::uint32_t& word(std::uintptr_t offset) noexcept {
        return owner::word(registers + offset);
    }

public:
    static constexpr cmsdk::irq irq = owner::irq;

    // Starts the item in the registers, chained to `next` (0: the last).
    static void start_item(std::uint32_t source, std::uint32_t destination, std::uint32_t next,
                           std::uint32_t control) noexcept {
        owner::word(0x008) = bit;  // IntTCClear
        owner::word(0x010) = bit;  // IntErrClr
        word(0x00) = source;
        word(0x04) = destination;
        word(0x08) = next;
        word(0x0C) = control;
        // What the buffers hold reaches memory before the controller reads it.
        asm volatile("dsb" ::: "memory");
        word(0x10) = detail::channel_enable | detail::error_interrupt | detail::terminal_interrupt;
        // QEMU updates the interrupt lines on a write to a controller
        // register only, not a channel's: write DMACSync back (a no-op).
        owner::word(0x034) = owner::word(0x034);
    }

    // The channel is idle: its last item is done (or it was stopped).
    [[nodiscard]] static bool idle() noexcept { return (owner::word(0x01C) & bit) == 0; }
    // Its terminal count (raw: whether or not it interrupts), and clearing it.
    [[nodiscard]] static bool finished() noexcept { return (owner::word(0x014) & bit) != 0; }
    [[nodiscard]] static bool failed() noexcept { return (owner::word(0x018) & bit) != 0; }
    static void clear() noexcept {
        owner::word(0x008) = bit;
        owner::word(0x010) = bit;
    }

    // Stops a transfer under way: halt (the FIFO drains), then disable.
    static void stop() noexcept {
        word(0x10) = word(0x10) | detail::channel_halt;
        while ((word(0x10) & detail::channel_active) != 0) {
        }
        word(0x10) = 0;
        clear();
    }

    // One or more items as one transfer: the first in the registers, the
    // rest as a linked list held here, so the object must stay where it is
    // until the transfer is done (the awaitable and run() see to that).
    // Describing it starts nothing.
    template <class... Items>
    class transfer {
        static_assert(sizeof...(Items) >= 1, "a transfer moves at least one item");
        static_assert((detail::is_item<Items> && ...),
                      "a transfer takes items made by rivet::hal::dma::copy(), to_register() or "
                      "from_register()");

    public:
        explicit transfer(const Items&... items) noexcept { describe(items...); }
        transfer(const transfer&) = delete;
        transfer& operator=(const transfer&) = delete;
        // Stopping a transfer still under way gives the buffers back.
        ~transfer() {
            if (started_ && !idle()) stop();
            finish();
        }

        void start() noexcept {
            started_ = true;
            (detail::lend<Items>(), ...);
            const lli& first = list_[0];
            start_item(first.source, first.destination, first.next, first.control);
        }
        [[nodiscard]] bool done() const noexcept { return idle(); }
        // Once done: the register ends taken back (once).
        void finish() noexcept {
            if (started_ && !std::exchange(finished_, true)) (detail::take_back<Items>(), ...);
        }
        // Blocking: starts and waits until the controller is done.
        void run() noexcept {
            start();
            while (!idle()) {
            }
            clear();
            finish();
        }

    private:
        void describe(const Items&... items) noexcept {
            std::size_t i = 0;
            constexpr std::size_t count = sizeof...(Items);
            ((list_[i] = lli{static_cast<std::uint32_t>(items.source),
                             static_cast<std::uint32_t>(items.destination), 0,
                             detail::control_of(items, i + 1 == count)},
              ++i),
             ...);
            for (std::size_t n = 0; n + 1 < count; ++n) {
                list_[n].next =
                    static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&list_[n + 1]));
            }
        }
        alignas(16) std::array<lli, sizeof...(Items)> list_{};
        bool started_ = false;
        bool finished_ = false;
    };
};

// The data register of UART n as a DMA end (unpaced: see above). QEMU's
// AN505 shows its DMA controllers the peripherals at their non-secure alias
// only (0x4xxxxxxx: the 0x5 alias the HAL uses is the core's), and there a
// UART answers non-secure accesses only while its protection controller
// port is non-secure. So a transfer lends the UART to the non-secure side
// (APBNSPPCEXP1, ports 5..9) when it starts and takes it back when done;
// meanwhile the core's own accesses to that UART (through the secure alias)
// are dropped, so leave it alone until the transfer is over.
template <unsigned Uart>
struct uart_data {
    static_assert(Uart < 5, "the MPS2 AN505 has UART0 to UART4");
    using value_type = std::uint8_t;
    static constexpr std::uintptr_t address =
        std::array{::cmsdk::UART0.base_address(), ::cmsdk::UART1.base_address(),
                   ::cmsdk::UART2.base_address(), ::cmsdk::UART3.base_address(),
                   ::cmsdk::UART4.base_address()}[Uart] -
        0x1000'0000u;
    static constexpr std::uint32_t port = 1u << (5 + Uart);
    static void lend() noexcept { detail::apb_nonsecure_expansion1() |= port; }
    static void take_back() noexcept { detail::apb_nonsecure_expansion1() &= ~port; }
};

}  // namespace rivet::cmsdk::dma
