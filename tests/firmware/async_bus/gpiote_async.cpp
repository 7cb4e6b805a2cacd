// The nRF51's awaitable pins (rivet/async/gpio/nrf51.hpp) on the micro:bit's
// buttons, as far as QEMU 7.2 goes: it does not model GPIOTE (its registers
// read 0 and ignore writes) and nothing drives the pins, so no edge ever
// comes. The pull resistors' levels complete level waits at once; an edge
// wait suspends its task, which then stays asleep while the others run, and
// a second wait on the same pin is refused. The register sequences and the
// interrupt handler waking the task are tested on the host
// (firmware/async/test/nrf51_gpiote_test.cpp).
#include <rivet/async/board/microbit.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/async/digital.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/exit.hpp>

#include <chrono>

namespace {

using namespace std::chrono_literals;
namespace parts = rivet::async::microbit;
using pull = rivet::nrf51::gpio::pull;
using time_driver = rivet::async::board_time_driver;
static_assert(rivet::hal::async::input_pin<parts::button_a>);

volatile bool a_waiting = false;
volatile bool a_pressed = false;

rivet::task<void, rivet::frames<"buttons", 96>> buttons() {
    auto a = parts::button_a::configure(pull::up);
    auto b = parts::button_b::configure(pull::down);
    RIVET_ASSERT(a.is_high().value() && b.is_low().value(), "the pulls set no level");
    RIVET_ASSERT(co_await a.wait_for_high());
    RIVET_ASSERT(co_await b.wait_for_low());
    RIVET_INFO("A high and B low at once");
    a_waiting = true;
    RIVET_ASSERT(co_await a.wait_for_falling_edge());
    a_pressed = true;
}

// While buttons() waits for A's edge: a second wait on A is refused, and the
// first goes on sleeping.
rivet::task<void, rivet::frames<"watcher", 96>> watcher() {
    while (!a_waiting) co_await rivet::yield_now{};
    parts::button_a a{};
    auto refused = co_await a.wait_for_rising_edge();
    RIVET_ASSERT(!refused && refused.error() == rivet::hal::digital::error_kind::other);
    RIVET_INFO("second wait on A refused");
    co_await rivet::async::sleep_for(20ms);
    RIVET_ASSERT(!a_pressed, "an edge nobody made ended the wait");
    RIVET_INFO("A's falling edge awaited 20 ms: QEMU has no GPIOTE to end it");
    rivet::exit(0);
}

}  // namespace

RIVET_BIND_INTERRUPTS(time_driver::binding, parts::buttons::binding);

int main() {
    time_driver::start();
    rivet::async::thread_executor executor;
    executor.spawn(buttons());
    executor.spawn(watcher());
    executor.run();
    return 1;
}
