// A task awaiting edges on netduinoplus2's PA0 through EXTI line 0:
// tests/integration/async_exti.sh drives the pin's SYSCFG input line through
// QEMU's qtest (high, low, high), so the task sees a rising edge, a falling
// edge (any edge) and a rising edge, each waking it once.
#include <rivet/async/executor.hpp>
#include <rivet/async/gpio/stm32f405.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>

namespace {

namespace stm = rivet::stm32f405;
using d8 = rivet::async::gpio::stm32f405_pin<stm::gpio::input_pin<stm::gpio::port::a, 0>>;
static_assert(rivet::hal::async::input_pin<d8>);

rivet::task<void, rivet::frames<"edges", 64>> edges() {
    auto pin = d8::configure();
    RIVET_INFO("ready");
    RIVET_ASSERT(co_await pin.wait_for_rising_edge());
    RIVET_INFO("rising edge");
    RIVET_ASSERT(co_await pin.wait_for_any_edge());
    RIVET_INFO("any edge");
    RIVET_ASSERT(co_await pin.wait_for_rising_edge());
    RIVET_INFO("rising edge again");
}

}  // namespace

RIVET_BIND_INTERRUPTS(d8::binding);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(edges());
    executor.run();
    return 0;
}
