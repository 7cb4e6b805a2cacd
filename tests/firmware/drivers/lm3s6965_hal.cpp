// The LM3S6965 HAL's pins and UART on QEMU's lm3s6965evb, through the board
// names: the status LED driven and read back through the masked DATA
// window, a button configured as an input, and UART0 (the console) set up
// by the HAL at 115200 Bd and written through rivet::hal::write_all.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/log/log.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::lm3s6965evb;

// The I2C master's MCS commands for a list of operations, checked when
// compiling: R run, S start, P stop, A ack, one group per byte.
namespace i2c_plan {
using rivet::hal::i2c::operation;
using rivet::lm3s6965::i2c::restart;
namespace command = rivet::lm3s6965::i2c::command;

struct text {
    char chars[64]{};
    std::size_t size = 0;
    constexpr void put(char c) { chars[size++] = c; }
    constexpr bool operator==(std::string_view other) const {
        return std::string_view(chars, size) == other;
    }
};

constexpr text plan(std::span<const operation> operations, restart policy) {
    text out;
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const auto& op = operations[i];
        const std::size_t size = op.what == operation::type::read ? op.in.size() : op.out.size();
        for (std::size_t j = 0; j < size; ++j) {
            if (out.size != 0) out.put(' ');
            const auto bits = rivet::lm3s6965::i2c::command_for(operations, i, j, policy);
            if (bits & command::start) out.put('S');
            if (bits & command::run) out.put('R');
            if (bits & command::ack) out.put('A');
            if (bits & command::stop) out.put('P');
        }
    }
    return out;
}

constexpr text write_read(std::size_t out_bytes, std::size_t in_bytes, restart policy) {
    const std::uint8_t out[4] = {1, 2, 3, 4};
    std::uint8_t in[4] = {};
    const operation ops[] = {operation::write(std::span(out, out_bytes)),
                             operation::read(std::span(in, in_bytes))};
    return plan(ops, policy);
}
static_assert(write_read(1, 0, restart::repeated_start) == "SRP");
static_assert(write_read(3, 0, restart::repeated_start) == "SR R RP");
static_assert(write_read(0, 1, restart::repeated_start) == "SRP");
static_assert(write_read(0, 3, restart::repeated_start) == "SRA RA RP");
static_assert(write_read(1, 2, restart::repeated_start) == "SR SRA RP");
static_assert(write_read(1, 2, restart::stop_then_start) == "SRP SRA RP");

constexpr text split_runs() {
    const std::uint8_t header[1] = {0x02};
    const std::uint8_t payload[2] = {0x3c, 0x80};
    std::uint8_t first[1] = {};
    std::uint8_t second[2] = {};
    const operation ops[] = {operation::write(header), operation::write({}),
                             operation::write(payload), operation::read(first),
                             operation::read(second)};
    return plan(ops, restart::repeated_start);
}
// Same-direction operations are one run; an empty one changes nothing.
static_assert(split_runs() == "SR R R SRA RA RP");
}  // namespace i2c_plan

int main() {
    auto led = board::status_led::configure(rivet::hal::pin_state::high);
    RIVET_ASSERT(led.is_set_high().value(), "LED not driven high by configure()");
    RIVET_ASSERT(led.set_low());
    RIVET_ASSERT(led.is_set_low().value(), "LED still high after set_low()");
    RIVET_ASSERT(led.toggle());
    RIVET_ASSERT(led.is_set_high().value(), "toggle() did not drive the LED high");
    // The masked window touches PF0 only: PF1 (the select button) keeps its
    // direction and level.
    RIVET_ASSERT_EQ(::lm3s6965::GPIOF.dir().read().bits() & 0x3u, 0x1u);
    RIVET_INFO("gpio: status LED ok");

    auto select = board::select_button::configure(rivet::lm3s6965::gpio::pull::up);
    RIVET_ASSERT(select.is_high());
    // QEMU drives the navigation lines from its gamepad model, low until a
    // key event, so the level is only reported.
    RIVET_INFO("gpio: select button line {}", select.is_high().value() ? "high" : "low");

    auto console = board::console_uart<>::configure();
    static constexpr std::uint8_t text[] = {'u', 'a', 'r', 't', '0', ':', ' ',
                                            'h', 'a', 'l', ' ', 'o', 'k', '\n'};
    RIVET_ASSERT(rivet::hal::write_all(console, text));
    RIVET_ASSERT(console.flush());
    return 0;
}
