// The LM3S6965 general-purpose timers on QEMU's lm3s6965evb. QEMU 7.2
// models the 32-bit one-shot and periodic modes (time-out flag and
// interrupt), so those run for real: a one-shot delay never shorter than
// asked on the host clock, a periodic time-out polled and taken as an
// interrupt (its handler bound to TIMER3A by name). It does not model 16-bit PWM (the mode is
// accepted and nothing counts), so the PWM channels are checked by reading back what the HAL wrote:
// mode, load, match and the pin's AFSEL/DATA hand-over.
#include <rivet/board/config.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/cortex_m/systick.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/hal/pwm.hpp>
#include <rivet/lm3s6965/timer.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/semihosting.hpp>

#include <cstdint>

namespace timer = rivet::lm3s6965::timer;
namespace gpio = rivet::lm3s6965::gpio;
namespace regs = ::lm3s6965::timer0;

namespace {

// The board's clock: 12.5 MHz, what QEMU's Stellaris system control derives
// from its reset RCC (80 ns), which the timers count.
constexpr std::uint32_t clock = rivet::board::clock_hz;
int failures = 0;

void check(bool ok, const char* what) {
    if (ok) {
        RIVET_INFO("{}: ok", what);
    } else {
        RIVET_ERROR("{}: FAILED", what);
        ++failures;
    }
}

void check_equal(std::uint32_t seen, std::uint32_t wanted, const char* what) {
    if (seen != wanted) {
        RIVET_ERROR("{}: read {:#x}, expected {:#x}", what, seen, wanted);
        ++failures;
    }
}

std::uint64_t host_ns() {
    std::uint32_t block[2] = {0, 0};
    (void)rivet::semihosting::call(0x30, block);  // SYS_ELAPSED
    return (std::uint64_t{block[1]} << 32) | block[0];
}

volatile std::uint32_t timeouts = 0;
using ticker = timer::periodic<3, clock, 5'000>;

bool pin_is_timer(gpio::port p, unsigned pin) {
    return gpio::block_of(p).afsel().read().pin(pin) == ::lm3s6965::gpioa::afsel::pin_v::peripheral;
}
bool pin_level(gpio::port p, unsigned pin) {
    return (gpio::block_of(p).data().read().bits() >> pin) & 1u;
}

void one_shot() {
    auto delay = timer::one_shot_delay<2, clock>::configure();
    static_assert(rivet::hal::delay<decltype(delay)>);
    check_equal(static_cast<std::uint32_t>(::lm3s6965::TIMER2.tamr().read().tamr()), 1,
                "one-shot TAMR");
    const std::uint64_t start = host_ns();
    rivet::hal::delay_ms(delay, 50);
    const std::uint64_t took = host_ns() - start;
    check(took >= 50'000'000, "one-shot delay 50 ms at least as long as asked");
    // One-shot: the hardware stopped the timer at the time-out.
    check(!::lm3s6965::TIMER2.ctl().read().taen(), "one-shot timer stopped after the wait");
}

void periodic_polled() {
    // Timed from before the timer starts: its third time-out is then at least
    // three periods later, however late each wait sees its time-out (missed
    // time-outs latch as one, which only makes it longer). Timed from the
    // first time-out instead, a wait that returned late (QEMU descheduled on a
    // loaded host) shortened the measured stretch: the timer keeps its period,
    // so the next time-outs came early by as much.
    const std::uint64_t start = host_ns();
    auto tick = timer::periodic<3, clock, 50'000>::configure();
    check_equal(::lm3s6965::TIMER3.tailr().read().bits(), clock / 20, "periodic TAILR");
    check(!tick.elapsed(), "periodic: no time-out right after the start");
    tick.wait();
    tick.wait();
    tick.wait();
    const std::uint64_t took = host_ns() - start;
    check(took >= 150'000'000, "periodic: three time-outs of 50 ms take at least 150 ms");
    check(::lm3s6965::TIMER3.ctl().read().taen(), "periodic timer still running");
    tick.stop();
}

void periodic_interrupt() {
    auto tick = ticker::configure();
    static_assert(ticker::irq == rivet::lm3s6965::irq::timer3a);
    tick.enable_interrupt();
    rivet::cortex_m::nvic::clear_pending<ticker::irq>();
    rivet::cortex_m::nvic::enable<ticker::irq>();
    // Up to one second of SysTick time for three 5 ms time-outs.
    rivet::cortex_m::systick_delay<clock> wait;
    for (int i = 0; i < 1000 && timeouts < 3; ++i) rivet::hal::delay_ms(wait, 1);
    rivet::cortex_m::nvic::disable<ticker::irq>();
    tick.disable_interrupt();
    tick.stop();
    check(timeouts >= 3, "periodic: time-out interrupts taken");
}

void pwm_channels() {
    using ccp0 = timer::pwm<0, timer::half::a, clock, 1000>;  // PD4
    using ccp3 = timer::pwm<1, timer::half::b, clock, 2000>;  // PC6
    static_assert(rivet::hal::distinct_pins<ccp0, ccp3>);
    auto [a, b] = rivet::hal::take<ccp0, ccp3>();
    static_assert(ccp0::load == clock / 1000 - 1);
    check_equal(a.max_duty_cycle(), clock / 1000 - 1, "ccp0 max duty");

    const auto t0 = ::lm3s6965::TIMER0;
    check_equal(static_cast<std::uint32_t>(t0.cfg().read().cfg()), 4, "timer0 CFG 16-bit");
    check_equal(t0.tamr().read().bits(), 0xa, "timer0 TAMR periodic PWM");
    check_equal(t0.tailr().read().bits(), ccp0::load, "timer0 TAILR");
    check(t0.ctl().read().taen(), "timer0 A enabled");
    check(!pin_is_timer(gpio::port::d, 4) && !pin_level(gpio::port::d, 4), "ccp0 starts fully off");

    (void)rivet::hal::pwm::set_percent(a, 25);
    const std::uint32_t duty = ccp0::load / 4;
    check_equal(t0.tamatchr().read().bits(), ccp0::load - duty, "timer0 TAMATCHR at 25 %");
    check(pin_is_timer(gpio::port::d, 4), "ccp0 on the timer at 25 %");

    (void)rivet::hal::pwm::set_fully_on(a);
    check(!pin_is_timer(gpio::port::d, 4) && pin_level(gpio::port::d, 4),
          "ccp0 fully on: GPIO high");
    (void)rivet::hal::pwm::set_fully_off(a);
    check(!pin_is_timer(gpio::port::d, 4) && !pin_level(gpio::port::d, 4),
          "ccp0 fully off: GPIO low");

    // Timer B: QEMU stores TBMATCHR shifted right by 16, so the match is not
    // read back; mode, load and the pin hand-over are.
    const auto t1 = ::lm3s6965::TIMER1;
    check_equal(t1.tbmr().read().bits(), 0xa, "timer1 TBMR periodic PWM");
    check_equal(t1.tbilr().read().bits(), ccp3::load, "timer1 TBILR");
    check(t1.ctl().read().tben(), "timer1 B enabled");
    (void)rivet::hal::pwm::set_percent(b, 50);
    check(pin_is_timer(gpio::port::c, 6), "ccp3 on the timer at 50 %");
    (void)rivet::hal::pwm::set_fully_on(b);
    check(!pin_is_timer(gpio::port::c, 6) && pin_level(gpio::port::c, 6),
          "ccp3 fully on: GPIO high");
}

}  // namespace

void on_timeout() {
    ticker::clear();
    timeouts = timeouts + 1;
}
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<ticker::irq, on_timeout>);

int main() {
    one_shot();
    periodic_polled();
    periodic_interrupt();
    pwm_channels();
    if (failures == 0) RIVET_INFO("timers ok");
    return failures;
}
