// EXTI line 0 from PA0 (the Netduino Plus 2's D8) on the rising edge, with
// its interrupt: says "ready", then waits for the handler to have run
// twice. tests/integration/stm32f405_exti.sh drives the pin's input line in
// QEMU's SYSCFG through the qtest protocol (high, low, high: two rising
// edges), so the whole path is exercised: SYSCFG EXTICR routing, EXTI edge
// detection, PR, the NVIC and the handler clearing PR.
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::netduinoplus2;
namespace stm = rivet::stm32f405;
using d8_edge =
    stm::exti::line<stm::gpio::input_pin<stm::gpio::port::a, 0>, stm::exti::edge::rising>;
static_assert(d8_edge::irq == board::irq::exti0);

namespace {
volatile std::uint32_t handled = 0;
volatile std::uint32_t with_pending = 0;
}  // namespace

// Counts every call and the calls that found the line pending. QEMU 7.2's
// EXTI also pulses the interrupt on a level change that is not a selected
// edge (its PR stays clear then), so under QEMU the falling edge between
// the two rising ones calls the handler too.
void on_edge() {
    if (d8_edge::pending()) with_pending = with_pending + 1;
    d8_edge::clear_pending();
    handled = handled + 1;
}
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<d8_edge::irq, on_edge>);

int main() {
    auto [clock, edge] = rivet::hal::take<board::delay_timer, d8_edge>();
    (void)clock;
    (void)edge;
    d8_edge::enable_interrupt();
    RIVET_INFO("ready");
    const std::uint32_t start = board::delay_timer::now_us();
    while (with_pending < 2) {
        if (board::delay_timer::now_us() - start > 8'000'000) {
            RIVET_ERROR("exti: {} pending calls in 8 s", static_cast<std::uint32_t>(with_pending));
            return 1;
        }
    }
    // Let any late call come before counting.
    const std::uint32_t settle = board::delay_timer::now_us();
    while (board::delay_timer::now_us() - settle < 200'000) {
    }
    d8_edge::disable_interrupt();
    RIVET_INFO("exti: handler ran {} times, {} with PR set; PR {} now",
               static_cast<std::uint32_t>(handled), static_cast<std::uint32_t>(with_pending),
               d8_edge::pending() ? "set" : "clear");
    return with_pending == 2 && !d8_edge::pending() ? 0 : 2;
}
