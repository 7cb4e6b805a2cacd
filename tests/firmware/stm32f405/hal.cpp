// The STM32F405 HAL against QEMU 7.2's netduinoplus2 models. Each step
// logs what the registers hold and fails (non-zero exit) when the HAL or
// the model does not do what the README says.
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/hal/pwm.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/hal/spi.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>
#include <span>
#include <string_view>

#include "stm32f405/exti.hpp"
#include "stm32f405/spi1.hpp"
#include "stm32f405/syscfg.hpp"
#include "stm32f405/tim3.hpp"
#include "stm32f405/usart1.hpp"

namespace board = rivet::bsp::netduinoplus2;
namespace stm = rivet::stm32f405;

namespace {
volatile std::uint32_t exti_handled = 0;
}

// EXTI lines 10-15 share interrupt 40, exti15_10; its handler here is the
// weak name's (rivet_irq_<n>), which works beside binding by name.
static_assert(rivet::cortex_m::number_of(board::user_button_edge::irq) == 40);
extern "C" void rivet_irq_40() noexcept {
    if (board::user_button_edge::pending()) board::user_button_edge::clear_pending();
    exti_handled = exti_handled + 1;
}

namespace {

int check_usart() {
    auto serial = board::console_usart<>::configure();
    const std::string_view text = "usart1: hal ok\n";
    if (!rivet::hal::write_all(
            serial, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size())))
        return 10;
    if (!serial.flush()) return 11;
    const unsigned brr = ::stm32f405::USART1.brr().read().bits();
    const unsigned cr1 = ::stm32f405::USART1.cr1().read().bits();
    RIVET_INFO("usart: BRR {}, CR1 {:#x}", brr, cr1);
    // 16 MHz / 115200 rounds to 139; UE (13), TE (3), RE (2).
    return brr == 139 && cr1 == 0x200c ? 0 : 12;
}

int check_timers() {
    auto delay = board::delay_timer::configure();
    const std::uint32_t start = board::delay_timer::now_us();
    rivet::hal::delay_us(delay, 2000);
    const std::uint32_t took = board::delay_timer::now_us() - start;
    RIVET_INFO("tim: delay 2000 us took {} us", took);
    if (took < 2000 || took > 50'000) return 20;

    // A 1 ms period on TIM3: UIF must come, and clear when written 0.
    using tick = board::tick_timer<1000>;
    (void)tick::configure();
    const std::uint32_t armed = board::delay_timer::now_us();
    while (!tick::update_pending()) {
        if (board::delay_timer::now_us() - armed > 1'000'000) return 21;
    }
    const std::uint32_t after = board::delay_timer::now_us() - armed;
    tick::clear_update();
    const bool cleared = !tick::update_pending();
    tick::stop();
    RIVET_INFO("tim: update flag after {} us, {}", after, cleared ? "cleared" : "NOT cleared");
    if (!cleared) return 22;

    auto out = board::d5_pwm<1000>::configure();
    (void)rivet::hal::pwm::set_percent(out, 75);
    const auto tim4 = ::stm32f405::TIM4;
    const unsigned ccmr2 = tim4.ccmr2_output().read().bits();
    const unsigned ccer = tim4.ccer().read().bits();
    const unsigned psc = tim4.psc().read().bits();
    const unsigned arr = tim4.arr().read().bits();
    const unsigned ccr3 = tim4.ccr3().read().bits();
    RIVET_INFO("tim: PWM CCMR2 {:#x} CCER {:#x} PSC {} ARR {} CCR3 {}", ccmr2, ccer, psc, arr,
               ccr3);
    // OC3M = 110 (PWM mode 1) and OC3PE; CC3E; 1 GHz / 1 kHz = 16 * 62500
    // ticks (the smallest exact prescaler that fits ARR + 1 in 16 bits).
    return ccmr2 == 0x68 && ccer == 0x100 && psc == 15 && arr == 62499 && ccr3 == 46875 ? 0 : 23;
}

int check_spi() {
    auto bus = board::header_spi<1'000'000>::configure();
    std::uint8_t sent[2] = {0xa5, 0x5a};
    std::uint8_t got[2] = {0xff, 0xff};
    if (!bus.transfer(got, sent) || !bus.flush()) return 30;
    const unsigned cr1 = ::stm32f405::SPI2.cr1().read().bits();
    RIVET_INFO("spi: CR1 {:#x}, sent {:02x} {:02x}, received {:02x} {:02x}", cr1, sent[0], sent[1],
               got[0], got[1]);
    // MSTR, BR = 011 (16 MHz / 16 = 1 MHz), SPE, SSI, SSM. Nothing sits on
    // QEMU's SSI bus, so every byte comes back 0.
    return cr1 == 0x35c && got[0] == 0 && got[1] == 0 ? 0 : 31;
}

int check_exti() {
    (void)board::user_button_edge::configure();
    const unsigned exticr3 = ::stm32f405::SYSCFG.exticr3().read().bits();
    const unsigned rtsr = ::stm32f405::EXTI.rtsr().read().bits();
    const unsigned ftsr = ::stm32f405::EXTI.ftsr().read().bits();
    const unsigned imr = ::stm32f405::EXTI.imr().read().bits();
    RIVET_INFO("exti: EXTICR3 {:#x} RTSR {:#x} FTSR {:#x} IMR {:#x}", exticr3, rtsr, ftsr, imr);
    // Line 11 from port B (EXTI11 = 0001), rising edge, unmasked.
    if (exticr3 != 0x1000 || rtsr != 0x800 || ftsr != 0 || imr != 0x800) return 40;

    board::user_button_edge::enable_interrupt();
    board::user_button_edge::trigger_by_software();
    for (int i = 0; i < 1000; ++i) asm volatile("" ::: "memory");
    const unsigned swier = ::stm32f405::EXTI.swier().read().bits();
    const unsigned pr = ::stm32f405::EXTI.pr().read().bits();
    RIVET_INFO("exti: SWIER {:#x} PR {:#x}", swier, pr);
    if ((swier & 0x800) == 0) return 41;
    // QEMU 7.2 stores SWIER and does nothing else (no pending bit, no
    // interrupt), so the handler is driven through the NVIC instead; the
    // EXTI edge path itself is tested by stm32f405.exti_qtest. On silicon
    // the handler would already have run once here, clearing PR and SWIER.
    const std::uint32_t before = exti_handled;
    for (int i = 0; i < 3; ++i) {
        rivet::cortex_m::nvic::pend<board::user_button_edge::irq>();
        for (int j = 0; j < 100; ++j) asm volatile("" ::: "memory");
    }
    board::user_button_edge::disable_interrupt();
    RIVET_INFO("exti: handler ran {} times", exti_handled - before);
    return exti_handled - before == 3 ? 0 : 42;
}

}  // namespace

int main() {
    static_assert(
        rivet::hal::distinct_pins<board::console_usart<>, board::delay_timer, board::header_spi<>,
                                  board::user_button_edge, board::d5_pwm<>>);
    if (int failed = check_usart()) return failed;
    if (int failed = check_timers()) return failed;
    if (int failed = check_spi()) return failed;
    if (int failed = check_exti()) return failed;
    return 0;
}
