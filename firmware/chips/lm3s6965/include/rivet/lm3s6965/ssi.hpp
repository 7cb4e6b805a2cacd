// SSI0 (a PL022) as a rivet::hal::spi_bus: Freescale SPI frames of 8 bits,
// controller mode, polled. The clock mode and the bit rate are
// template arguments and the divisor is worked out when compiling: a rate
// this clock cannot make does not compile.
//
// Chip selects are not the bus's business (rivet::hal::spi_bus): SSI0Fss
// (PA3) is left alone, and a device's select is a GPIO output handed to
// rivet::hal::exclusive_spi_device (rivet/hal/bus.hpp), which holds it for
// a whole transaction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "lm3s6965/ssi0.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/hal/spi.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/sysctl.hpp"

namespace rivet::lm3s6965::ssi {

// Clock polarity (CPOL, SPO) and phase (CPHA, SPH), by the usual numbers.
enum class mode : unsigned char {
    mode0,  // idles low, samples on the rising edge
    mode1,  // idles low, samples on the falling edge
    mode2,  // idles high, samples on the falling edge
    mode3,  // idles high, samples on the rising edge
};

// SSIClk = clock / (CPSDVSR * (1 + SCR)), CPSDVSR even in 2..254, SCR in
// 0..255, and in controller mode at most clock / 2.
struct clock_divisor {
    std::uint32_t prescale;  // CPSDVSR; 0 when the rate cannot be made
    std::uint32_t scr;       // SCR
    std::uint32_t actual_hz;
};

// A rate from clock / 65024 to clock / 2 gives the fastest rate not above
// it (a device's limit is a maximum), with the smallest prescaler that
// reaches it; outside that range, prescale 0.
constexpr clock_divisor divisor_for(std::uint64_t clock_hz, std::uint64_t bit_rate) {
    if (bit_rate == 0 || 2 * bit_rate > clock_hz) return {0, 0, 0};
    const std::uint64_t total = (clock_hz + bit_rate - 1) / bit_rate;  // never faster
    for (std::uint64_t prescale = 2; prescale <= 254; prescale += 2) {
        const std::uint64_t steps = (total + prescale - 1) / prescale;  // 1 + SCR
        if (steps <= 256) {
            return {static_cast<std::uint32_t>(prescale), static_cast<std::uint32_t>(steps - 1),
                    static_cast<std::uint32_t>(clock_hz / (prescale * steps))};
        }
    }
    return {0, 0, 0};
}

static_assert(divisor_for(12'000'000, 6'000'000).prescale == 2);
static_assert(divisor_for(12'000'000, 185).scr == 255);  // slowest
static_assert(divisor_for(12'000'000, 1'000'000).actual_hz == 1'000'000);
static_assert(divisor_for(12'000'000, 5'000'000).actual_hz == 3'000'000);  // rounds down
static_assert(divisor_for(12'000'000, 8'000'000).prescale == 0);           // above clock / 2
static_assert(divisor_for(12'000'000, 100).prescale == 0);                 // below clock / 65024

// What the blocking and the async controller share: the divisor, the pins and
// the setup of SSI0.
template <std::uint32_t ClockHz, std::uint32_t BitRate, mode Mode>
struct hardware {
    static constexpr clock_divisor divisor = divisor_for(ClockHz, BitRate);
    static_assert(divisor.prescale != 0,
                  "SPI bit rate out of range for this clock: SSI0 makes clock / 2 down to "
                  "clock / 65024");
    static constexpr auto block = ::lm3s6965::SSI0;
    // The receive FIFO is 8 words deep. No more than that may be in flight:
    // the silicon would overrun, and QEMU's model stops shifting while its
    // receive FIFO is full.
    static constexpr std::size_t fifo_depth = 8;
    static constexpr std::uint8_t filler = 0x00;
    using error_type = rivet::hal::spi::error_kind;
    static constexpr std::uint32_t bit_rate_hz = divisor.actual_hz;
    // CLK, RX, TX: PA2, PA4, PA5. SSI0Fss (PA3) is free for a GPIO select.
    static constexpr std::array<rivet::hal::pin_id, 3> claimed_pins{
        gpio::pin_id_of(gpio::port::a, 2), gpio::pin_id_of(gpio::port::a, 4),
        gpio::pin_id_of(gpio::port::a, 5)};
    static constexpr rivet::hal::peripheral_id claimed_peripheral{0x40008000};

    // Clocks SSI0 and port A, hands PA2/PA4/PA5 to it, programs the frame
    // format and the divisor with the port disabled (CR0 and CPSR may only
    // change then), enables it and empties the receive FIFO.
    static void configure() {
        sysctl::enable_clock<sysctl::peripheral::ssi0>();
        gpio::alternate_pin<gpio::port::a, 2, gpio::signal::ssi0clk>::configure();
        gpio::alternate_pin<gpio::port::a, 4, gpio::signal::ssi0rx>::configure();
        gpio::alternate_pin<gpio::port::a, 5, gpio::signal::ssi0tx>::configure();
        block.cr1().write([](auto& r) { r.sse(false); });
        block.cpsr().write([](auto& r) { r.cpsdvsr_bits(divisor.prescale); });
        block.cr0().write([](auto& r) {
            r.dss(::lm3s6965::ssi0::cr0::dss_v::bits8)
                .frf(::lm3s6965::ssi0::cr0::frf_v::spi)
                .spo(Mode == mode::mode2 || Mode == mode::mode3)
                .sph(Mode == mode::mode1 || Mode == mode::mode3)
                .scr_bits(divisor.scr);
        });
        block.cr1().write([](auto& r) { r.ms(::lm3s6965::ssi0::cr1::ms_v::master).sse(true); });
        while (block.sr().read().rne()) (void)block.dr().read();
    }
};

template <std::uint32_t ClockHz, std::uint32_t BitRate, mode Mode = mode::mode0>
class controller {
    using base = hardware<ClockHz, BitRate, Mode>;
    static constexpr auto block = base::block;
    static constexpr std::size_t fifo_depth = base::fifo_depth;
    static constexpr std::uint8_t filler = base::filler;

public:
    using error_type = typename base::error_type;
    static constexpr std::uint32_t bit_rate_hz = base::bit_rate_hz;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;

    static controller configure() {
        base::configure();
        return controller{};
    }

    rivet::hal::result<void, error_type> write(std::span<const std::uint8_t> bytes) {
        return exchange<true, false, false>(bytes.data(), bytes.size(), nullptr, 0, bytes.size());
    }
    rivet::hal::result<void, error_type> read(std::span<std::uint8_t> into) {
        return exchange<false, true, false>(nullptr, 0, into.data(), into.size(), into.size());
    }
    rivet::hal::result<void, error_type> transfer(std::span<std::uint8_t> into,
                                                  std::span<const std::uint8_t> bytes) {
        const std::size_t words = into.size() > bytes.size() ? into.size() : bytes.size();
        return exchange<true, true, true>(bytes.data(), bytes.size(), into.data(), into.size(),
                                          words);
    }
    // Word i goes out before word i comes in, so the same buffer serves.
    rivet::hal::result<void, error_type> transfer_in_place(std::span<std::uint8_t> buffer) {
        return exchange<true, true, false>(buffer.data(), buffer.size(), buffer.data(),
                                           buffer.size(), buffer.size());
    }
    // Every operation already waits for its last word to come back, so this
    // only waits for the shifter to stop.
    rivet::hal::result<void, error_type> flush() {
        while (block.sr().read().bsy()) {
        }
        return rivet::hal::success;
    }

private:
    // Keeps at most fifo_depth words in flight and drains the receive FIFO
    // as it goes, so it never fills; returns once every word came back.
    // Sends `out` (or filler without it), keeps what comes in when there is
    // `in`; Uneven pads or drops where the two sizes differ from `words`.
    // One instantiation per operation keeps the write loop, the one that
    // moves pixels, free of the other cases' checks.
    template <bool HasOut, bool HasIn, bool Uneven>
    static rivet::hal::result<void, error_type> exchange(const std::uint8_t* out,
                                                         std::size_t out_size, std::uint8_t* in,
                                                         std::size_t in_size, std::size_t words) {
        std::size_t sent = 0;
        std::size_t received = 0;
        while (received < words) {
            const auto status = block.sr().read();
            if (sent < words && sent - received < fifo_depth && status.tnf()) {
                std::uint8_t word = filler;
                if constexpr (HasOut) {
                    if (!Uneven || sent < out_size) word = out[sent];
                }
                block.dr().write(::lm3s6965::ssi0::dr::value{word});
                ++sent;
            }
            if (status.rne()) {
                const auto word = static_cast<std::uint8_t>(block.dr().read().data());
                if constexpr (HasIn) {
                    if (!Uneven || received < in_size) in[received] = word;
                }
                ++received;
            }
        }
        if (block.ris().read().rorris()) {
            block.icr().write([](auto& r) { r.roric(true); });
            return rivet::hal::failure(error_type::overrun);
        }
        return rivet::hal::success;
    }
};

static_assert(rivet::hal::spi_bus<controller<12'000'000, 1'000'000>>);

}  // namespace rivet::lm3s6965::ssi
