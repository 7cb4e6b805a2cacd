// A TMP105 read (pointer write, two bytes read: 3 bytes on I2C0) on
// lm3s6965evb, measured by bench/async_bus/run.sh between bench_begin() and
// bench_end(), built three ways:
//   blocking   the blocking driver on the polled master;
//   async      the async driver in a task on the interrupt-driven master:
//              from before the co_await to the statement after it;
//   wake       the same, with bench_begin() first in the I2C handler: the
//              stretch from the last byte's interrupt to the task's next
//              statement (interrupt entry to resumption).
#include "../hal/markers.hpp"

#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include <cstdint>

RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

#ifdef RIVET_BENCH_BLOCKING
int main() {
    auto bus = rivet::bsp::lm3s6965evb::sensor_bus::configure();
    rivet::drivers::tmp105 sensor{bus};
    (void)sensor.init();
    bench_begin();
    const auto t = sensor.read_millicelsius();
    asm volatile("" ::"r"(t.value()));
    return bench_end();
}
#else
#include <rivet/async/board/lm3s6965evb.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/tmp105_async.hpp>

namespace {
using bus_type = rivet::async::lm3s6965evb::sensor_bus;

void on_i2c() {
#ifdef RIVET_BENCH_WAKE
    bench_begin();
#endif
    bus_type::on_interrupt();
}

int measured = 1;
rivet::task<void, rivet::frames<"bench", 256> > reader() {
    auto bus = bus_type::configure();
    rivet::drivers::async_tmp105 sensor{bus};
    (void)co_await sensor.init();
#ifndef RIVET_BENCH_WAKE
    bench_begin();
#endif
    const auto t = co_await sensor.read_millicelsius();
    measured = bench_end();
    asm volatile("" ::"r"(t.value()));
}
}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<bus_type::irq, on_i2c>);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(reader());
    executor.run();
    return measured;
}
#endif
