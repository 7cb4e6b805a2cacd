// The async TMP105 driver over the interrupt-driven LM3S6965 I2C0 master,
// against QEMU's TMP105 model, in a task. Built twice:
//   async-tmp105-read   checks the bus (NACK, a two-operation write, a read
//                       split over two operations, a busy bus refused) and
//                       that each byte took one interrupt, logs one reading,
//                       then exits;
//   async-tmp105-watch  reads every millisecond and exits once it reads
//                       25 °C or more (tests/integration/tmp105_qmp.sh sets it
//                       through QMP).
#include <rivet/async/board/lm3s6965evb.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/tmp105_async.hpp>
#include <rivet/hal/async/i2c.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include <chrono>
#include <cstdint>

RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

namespace {

namespace i2c = rivet::hal::i2c;
namespace async_i2c = rivet::hal::async::i2c;
using namespace std::chrono_literals;
using time_driver = rivet::async::board_time_driver;
using bus_type = rivet::async::lm3s6965evb::sensor_bus;

constexpr i2c::address sensor_address{0x48};
constexpr i2c::address nobody{0x49};

volatile std::uint32_t interrupts = 0;
void on_i2c() {
    interrupts = interrupts + 1;
    bus_type::on_interrupt();
}

[[maybe_unused]] rivet::task<bool, rivet::frames<"check", 512>> check_bus(bus_type& bus) {
    std::uint8_t raw[2] = {};
    const std::uint8_t pointer[] = {rivet::drivers::tmp105_registers::temperature};
    auto refused = co_await async_i2c::write_read(bus, nobody, pointer, raw);
    RIVET_ASSERT(!refused && refused.error() == i2c::error_kind::no_acknowledge_address);
    RIVET_INFO("i2c: 0x49 refused its address");

    // T_LOW from two write operations, read back; 5 bytes, 5 interrupts.
    const std::uint8_t limit_pointer[] = {rivet::drivers::tmp105_registers::t_low};
    const std::uint8_t limit[] = {0x3c, 0x80};
    i2c::operation write_limit[] = {i2c::operation::write(limit_pointer),
                                    i2c::operation::write(limit)};
    const std::uint32_t before = interrupts;
    RIVET_ASSERT(co_await bus.transaction(sensor_address, write_limit), "T_LOW write failed");
    RIVET_ASSERT(co_await async_i2c::write_read(bus, sensor_address, limit_pointer, raw));
    RIVET_ASSERT_EQ(interrupts - before, 6u, "one interrupt per byte");
    RIVET_ASSERT_EQ(raw[0], 0x3cu);
    RIVET_ASSERT_EQ(raw[1], 0x80u);
    RIVET_INFO("i2c: T_LOW reads back {:#x}, one interrupt a byte", (raw[0] << 8) | raw[1]);

    std::uint8_t high_byte[1] = {};
    std::uint8_t low_byte[1] = {};
    i2c::operation split_read[] = {i2c::operation::write(limit_pointer),
                                   i2c::operation::read(high_byte), i2c::operation::read(low_byte)};
    RIVET_ASSERT(co_await bus.transaction(sensor_address, split_read), "split read failed");
    RIVET_ASSERT_EQ(high_byte[0], 0x3cu);
    RIVET_ASSERT_EQ(low_byte[0], 0x80u);
    RIVET_INFO("i2c: split read ok");
    co_return true;
}

rivet::task<void, rivet::frames<"sensor", 256>> sensor_task() {
    auto bus = bus_type::configure();
#ifdef RIVET_TMP105_READ_ONCE
    RIVET_ASSERT(co_await check_bus(bus));
#endif
    rivet::drivers::async_tmp105 sensor{bus};
    RIVET_ASSERT(co_await sensor.init(), "TMP105 configuration failed");
    std::int32_t last = INT32_MIN;
    for (;;) {
        auto temperature = co_await sensor.read_millicelsius();
        RIVET_ASSERT(temperature, "TMP105 read failed");
        if (temperature.value() != last) {
            last = temperature.value();
            RIVET_INFO("temperature {} mC", last);
        }
#ifdef RIVET_TMP105_READ_ONCE
        co_return;
#else
        if (last >= 25000) {
            RIVET_INFO("reached 25 C");
            co_return;
        }
        co_await rivet::async::sleep_for(1ms);
#endif
    }
}

}  // namespace

RIVET_BIND_INTERRUPTS(time_driver::binding, rivet::cortex_m::bind<bus_type::irq, on_i2c>);

int main() {
    time_driver::start();
    rivet::async::thread_executor executor;
    executor.spawn(sensor_task());
    executor.run();
    return 0;
}
