// The lm3s811evb's OLED from a task: "HELLO" on the SSD0303 through the
// async driver (rivet/drivers/ssd0303_async.hpp) on the interrupt-driven
// I2C0 (rivet/async/board/lm3s811evb.hpp). The task sleeps while the
// controller's interrupt sends each byte; the core counts the interrupts.
#include "hello.hpp"

#include <rivet/async/board/lm3s811evb.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/ssd0303_async.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s811evb;
using oled_bus = rivet::async::lm3s811evb::oled_bus;
template <class T>
using oled_task = rivet::task<T, rivet::frames<"oled", 256>>;

volatile std::uint32_t interrupts = 0;
void on_i2c() {
    interrupts = interrupts + 1;
    oled_bus::on_interrupt();
}

rivet::task<void, rivet::frames<"hello", 96>> hello_task() {
    auto bus = oled_bus::configure();
    rivet::drivers::async_ssd0303<oled_bus, oled_task> oled{bus};
    RIVET_ASSERT(co_await oled.init(), "no SSD0303 at 0x3d");
    RIVET_ASSERT(co_await oled.clear());
    RIVET_ASSERT(co_await oled.write_page(0, bsp::oled_first_visible_column + hello::visible_column,
                                          hello::row));
    RIVET_INFO("oled: HELLO drawn, {} I2C interrupts", static_cast<std::uint32_t>(interrupts));
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<oled_bus::irq, on_i2c>);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(hello_task());
    executor.run();
    return 0;
}
