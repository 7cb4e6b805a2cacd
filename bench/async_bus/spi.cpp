// A whole SSD0323 frame (the window command, then 4 KiB of pixels, on SSI0)
// on lm3s6965evb, measured by bench/async_bus/run.sh between bench_begin()
// and bench_end(), built three ways as i2c.cpp: blocking (the polled SSI),
// async (the async driver in a task on the interrupt-driven SSI, the whole
// co_await), wake (from the last SSI interrupt to the task's next statement).
#include "../hal/markers.hpp"

#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/ssd0323.hpp>

#include <cstdint>

namespace {
rivet::drivers::ssd0323_frame frame;
}

#ifdef RIVET_BENCH_BLOCKING
int main() {
    auto [device, data_command] = rivet::bsp::lm3s6965evb::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    (void)oled.init();
    frame.fill(0, 0, 128, 64, 9);
    bench_begin();
    const auto r = oled.write_frame(frame.bytes());
    asm volatile("" ::"r"(static_cast<bool>(r)));
    return bench_end();
}
#else
#include <rivet/async/board/lm3s6965evb.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/ssd0323_async.hpp>

namespace {
namespace parts = rivet::async::lm3s6965evb;
template <class T>
using oled_task = rivet::task<T, rivet::frames<"oled", 512> >;

void on_ssi() {
#ifdef RIVET_BENCH_WAKE
    bench_begin();
#endif
    parts::oled_bus<>::on_interrupt();
}

int measured = 1;
rivet::task<void, rivet::frames<"bench", 192> > flush() {
    auto [device, data_command] = parts::configure_oled();
    rivet::drivers::async_ssd0323<parts::oled_device, rivet::bsp::lm3s6965evb::oled_data_command,
                                  oled_task>
        oled{device, data_command};
    (void)co_await oled.init();
    frame.fill(0, 0, 128, 64, 9);
#ifndef RIVET_BENCH_WAKE
    bench_begin();
#endif
    const auto r = co_await oled.write_frame(frame.bytes());
    measured = bench_end();
    asm volatile("" ::"r"(static_cast<bool>(r)));
}
}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<parts::oled_bus<>::irq, on_ssi>);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(flush());
    executor.run();
    return measured;
}
#endif
