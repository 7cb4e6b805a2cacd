// The TMP105 driver on real(istic) hardware: the LM3S6965 I2C0 master of
// the lm3s6965evb board talking to QEMU's TMP105 model at 0x48. Built twice:
//   tmp105-read   checks the bus (probe, NACK, multi-operation write,
//                 write-read) and logs one reading, then exits;
//   tmp105-watch  logs every change of temperature and exits once it reads
//                 25 °C or more (tests/integration/tmp105_qmp.sh sets it).
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include <cstdint>

// QEMU puts a TMP105 on the board's I2C bus without any flag (id "sensor" for QMP).
RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

namespace {

namespace board = rivet::bsp::lm3s6965evb;
namespace i2c = rivet::hal::i2c;

constexpr i2c::address sensor_address{0x48};
constexpr i2c::address nobody{0x49};

[[maybe_unused]] void pause() {
    for (std::uint32_t i = 0; i < 20000; ++i)
        asm volatile("" ::: "memory");  // kept by the optimiser
}

[[maybe_unused]] int check_bus(board::sensor_bus& bus) {
    auto present = i2c::probe(bus, sensor_address);
    auto absent = i2c::probe(bus, nobody);
    RIVET_ASSERT(present && present.value(), "no TMP105 at 0x48");
    RIVET_ASSERT(absent && !absent.value(), "something answers at 0x49");

    std::uint8_t raw[2] = {};
    const std::uint8_t pointer[] = {rivet::drivers::tmp105_registers::temperature};
    auto refused = i2c::write_read(bus, nobody, pointer, raw);
    RIVET_ASSERT(!refused && refused.error() == i2c::error_kind::no_acknowledge_address);
    RIVET_INFO("i2c: 0x49 refused its address");

    // T_LOW: the pointer and the two bytes from separate operations are one
    // continuous write; read back through a repeated START.
    const std::uint8_t limit_pointer[] = {rivet::drivers::tmp105_registers::t_low};
    const std::uint8_t limit[] = {0x3c, 0x80};  // 60.5 °C (the power-on value is 75 °C)
    i2c::operation write_limit[] = {i2c::operation::write(limit_pointer),
                                    i2c::operation::write(limit)};
    RIVET_ASSERT(bus.transaction(sensor_address, write_limit), "T_LOW write failed");
    auto read_back = i2c::write_read(bus, sensor_address, limit_pointer, raw);
    RIVET_ASSERT(read_back, "T_LOW read failed");
    RIVET_ASSERT_EQ(raw[0], 0x3cu);
    RIVET_ASSERT_EQ(raw[1], 0x80u);
    RIVET_INFO("i2c: T_LOW reads back {:#x}", (raw[0] << 8) | raw[1]);

    // Two read operations in a row are one run: ACK after the first byte,
    // NACK and STOP after the second.
    std::uint8_t high_byte[1] = {};
    std::uint8_t low_byte[1] = {};
    i2c::operation split_read[] = {i2c::operation::write(limit_pointer),
                                   i2c::operation::read(high_byte), i2c::operation::read(low_byte)};
    RIVET_ASSERT(bus.transaction(sensor_address, split_read), "split read failed");
    RIVET_ASSERT_EQ(high_byte[0], 0x3cu);
    RIVET_ASSERT_EQ(low_byte[0], 0x80u);
    RIVET_INFO("i2c: split read ok");
    return 0;
}

}  // namespace

int main() {
    auto led = board::status_led::configure();
    auto bus = board::sensor_bus::configure();
#ifdef RIVET_TMP105_READ_ONCE
    check_bus(bus);
#endif
    rivet::drivers::tmp105 sensor{bus};
    RIVET_ASSERT(sensor.init(), "TMP105 configuration failed");
    std::int32_t last = INT32_MIN;
    for (;;) {
        auto temperature = sensor.read_millicelsius();
        RIVET_ASSERT(temperature, "TMP105 read failed");
        if (temperature.value() != last) {
            last = temperature.value();
            (void)led.toggle();
            RIVET_INFO("temperature {} mC", last);
        }
#ifdef RIVET_TMP105_READ_ONCE
        return 0;
#else
        if (last >= 25000) {
            RIVET_INFO("reached 25 C");
            return 0;
        }
        pause();
#endif
    }
}
