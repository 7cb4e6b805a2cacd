// The generic HAL algorithms (spi devices on a shared bus, i2c write_read,
// write_all/read_exact, PWM helpers) on the target, driven by the in-memory
// fakes. Exits 0 when every result is right, otherwise names the first
// check that failed and exits 1.
#include <cstdint>
#include <string_view>

#include "rivet/console/console.hpp"
#include "rivet/hal/bus.hpp"
#include "rivet/hal/fakes/digital.hpp"
#include "rivet/hal/fakes/i2c.hpp"
#include "rivet/hal/fakes/pwm.hpp"
#include "rivet/hal/fakes/serial.hpp"
#include "rivet/hal/fakes/spi.hpp"
#include "rivet/hal/i2c.hpp"
#include "rivet/hal/pwm.hpp"
#include "rivet/hal/serial.hpp"

namespace {

using namespace rivet::hal;
using namespace rivet::hal::fakes;

// The fakes live in statics: the main stack is small and they hold buffers.
trace spi_log;
trace i2c_log;
register_map_i2c sensor_bus{i2c_log, i2c::address{0x48}};
serial_loopback uart{4};

bool failed(std::string_view what, std::string_view got = {}) {
    rivet::console::write("hal: FAILED ");
    rivet::console::write(what);
    if (!got.empty()) {
        rivet::console::write(": got \"");
        rivet::console::write(got);
        rivet::console::write("\"");
    }
    rivet::console::write("\n");
    return false;
}

bool check_spi() {
    const std::uint8_t miso[] = {0x00, 0xef, 0x40, 0x18};
    recording_spi_bus bus{spi_log};
    bus.script_miso(miso);
    shared_spi_bus shared{bus};
    shared_spi_device flash{shared, recording_pin{spi_log, "cs0"}};
    shared_spi_device display{shared, recording_pin{spi_log, "cs1"}, recording_delay{spi_log}};

    const std::uint8_t read_id[] = {0x9f};
    std::uint8_t id[3]{};
    if (!spi::write_then_read(flash, read_id, id)) return failed("spi flash transaction");
    if (id[0] != 0xef || id[1] != 0x40 || id[2] != 0x18) return failed("spi flash id");

    const std::uint8_t pixels[] = {0x12, 0x34};
    spi::operation ops[] = {spi::operation::write(pixels), spi::operation::delay_ns(100)};
    if (!display.transaction(ops)) return failed("spi display transaction");
    if (spi_log.view() != "cs0:0 w:9f r:3 flush cs0:1 cs1:0 w:1234 flush delay:100 flush cs1:1")
        return failed("spi traffic", spi_log.view());
    rivet::console::write_line("hal: spi ok");
    return true;
}

bool check_i2c() {
    sensor_bus.reg(0x00) = 0x19;
    sensor_bus.reg(0x01) = 0x80;
    const std::uint8_t pointer[] = {0x00};
    std::uint8_t temperature[2]{};
    if (!i2c::write_read(sensor_bus, i2c::address{0x48}, pointer, temperature))
        return failed("i2c write_read");
    if (temperature[0] != 0x19 || temperature[1] != 0x80) return failed("i2c data");
    auto absent = i2c::probe(sensor_bus, i2c::address{0x50});
    if (!absent || *absent) return failed("i2c probe of an absent target");
    if (i2c_log.view() != "S 48W 00 SR 48R 2 P S 50W NACK P")
        return failed("i2c traffic", i2c_log.view());
    rivet::console::write_line("hal: i2c ok");
    return true;
}

bool check_serial() {
    const std::uint8_t message[] = {'r', 'i', 'v', 'e', 't', ' ', 'h', 'a', 'l'};
    if (!write_all(uart, message)) return failed("serial write_all");
    if (uart.writes() != 3) return failed("serial write count");
    std::uint8_t back[sizeof message]{};
    if (!read_exact(uart, back)) return failed("serial read_exact");
    for (unsigned i = 0; i < sizeof message; ++i)
        if (back[i] != message[i]) return failed("serial data");
    auto eof = read_exact(uart, back);
    if (eof || eof.error().kind() != serial::error_kind::unexpected_eof)
        return failed("serial end of stream");
    rivet::console::write_line("hal: serial ok");
    return true;
}

bool check_pwm() {
    recorded_pwm channel{1000};
    if (!pwm::set_percent(channel, 40) || channel.duty() != 400) return failed("pwm percent");
    if (!pwm::set_fully_on(channel) || channel.duty() != 1000) return failed("pwm fully on");
    rivet::console::write_line("hal: pwm ok");
    return true;
}

}  // namespace

int main() {
    const bool ok = check_spi() && check_i2c() && check_serial() && check_pwm();
    if (!ok) return 1;
    rivet::console::write_line("hal: all ok");
    return 0;
}
