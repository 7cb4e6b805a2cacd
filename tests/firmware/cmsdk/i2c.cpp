// The bit-banged SBCon I2C against QEMU's TMP105 model. Built twice:
//   cmsdk-i2c-probe       probes 0x48 on all four SBCon buses; the exit
//                         code has bit n set when bus n answers. Run
//                         without a sensor (0) and with `-device
//                         tmp105,address=0x48` (8: QEMU 7.2 always puts it
//                         on SBCon 3, shield 1);
//   cmsdk-i2c-tmp105      on SBCon 3: a NACKed address, a two-operation
//                         write of T_LOW read back through a repeated
//                         START, a split read (ACK then NACK), and a
//                         temperature through the TMP105 driver.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::mps2_an385;
namespace i2c = rivet::hal::i2c;

namespace {

constexpr i2c::address sensor_address{0x48};
constexpr i2c::address nobody{0x49};

template <class Bus>
[[maybe_unused]] int answers(unsigned index) {
    auto bus = Bus::configure();
    auto found = i2c::probe(bus, sensor_address);
    const bool yes = found && found.value();
    RIVET_INFO("i2c: SBCon {} 0x48 {}", index, yes ? "answers" : "silent");
    return yes ? 1 << index : 0;
}

[[maybe_unused]] int check_tmp105() {
    auto bus = board::shield1_i2c<>::configure();
    std::uint8_t raw[2] = {};
    const std::uint8_t pointer[] = {rivet::drivers::tmp105_registers::temperature};
    auto refused = i2c::write_read(bus, nobody, pointer, raw);
    if (refused || refused.error() != i2c::error_kind::no_acknowledge_address) return 1;
    RIVET_INFO("i2c: 0x49 refused its address");

    const std::uint8_t limit_pointer[] = {rivet::drivers::tmp105_registers::t_low};
    const std::uint8_t limit[] = {0x3c, 0x80};  // 60.5 °C (the power-on value is 75 °C)
    i2c::operation write_limit[] = {i2c::operation::write(limit_pointer),
                                    i2c::operation::write(limit)};
    if (!bus.transaction(sensor_address, write_limit)) return 2;
    if (!i2c::write_read(bus, sensor_address, limit_pointer, raw)) return 3;
    if (raw[0] != 0x3c || raw[1] != 0x80) return 4;
    RIVET_INFO("i2c: T_LOW reads back {:#x}", (raw[0] << 8) | raw[1]);

    std::uint8_t high_byte[1] = {};
    std::uint8_t low_byte[1] = {};
    i2c::operation split_read[] = {i2c::operation::write(limit_pointer),
                                   i2c::operation::read(high_byte), i2c::operation::read(low_byte)};
    if (!bus.transaction(sensor_address, split_read)) return 5;
    if (high_byte[0] != 0x3c || low_byte[0] != 0x80) return 6;
    RIVET_INFO("i2c: split read ok");

    rivet::drivers::tmp105 sensor{bus};
    if (!sensor.init()) return 7;
    auto temperature = sensor.read_millicelsius();
    if (!temperature) return 8;
    RIVET_INFO("temperature {} mC", temperature.value());
    return 0;
}

}  // namespace

int main() {
#if RIVET_CMSDK_I2C_PROBE
    return answers<board::touch_i2c<>>(0) | answers<board::audio_i2c<>>(1) |
           answers<board::shield0_i2c<>>(2) | answers<board::shield1_i2c<>>(3);
#else
    return check_tmp105();
#endif
}
