// A live dashboard on the OLED: the TMP105's temperature drawn with
// rivet::gfx (../common/dashboard.hpp, the same code the host preview
// renders) on the SSD0323 as a draw target. Each changed reading redraws
// only the reading's parts and flushes only the bytes that changed. Prints
// "ready" after the first frame and exits 0 when a byte arrives on the
// console. Under QEMU:
//   rivet run lm3s6965evb-dashboard.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48,id=sensor
// (`make demo` captures it as a PNG; tests/integration/dashboard_screendump.sh
// compares it with dashboard.ppm.)
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0323_display.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include "dashboard.hpp"

namespace board = rivet::bsp::lm3s6965evb;

// QEMU puts a TMP105 on the board's I2C bus without any flag (id "sensor" for QMP).
RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

int main() {
    auto [device, data_command] = board::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    RIVET_ASSERT(oled.init(), "ssd0323 init failed");
    // 4 KiB of framebuffer: static, not on the stack.
    static rivet::drivers::ssd0323_display<decltype(oled)> display{oled};

    auto [bus, delay] = rivet::hal::take<board::sensor_bus, board::delay>();
    rivet::drivers::tmp105 sensor{bus};
    RIVET_ASSERT(sensor.init(), "no TMP105 on I2C0");

    rivet::examples::dashboard_state state;
    bool first = true;
    while (true) {
        auto reading = sensor.read_millicelsius();
        RIVET_ASSERT(reading, "TMP105 read failed");
        if (state.add(reading.value())) {
            if (first)
                rivet::examples::draw_dashboard(display, state);
            else
                rivet::examples::draw_reading(display, state);
            RIVET_ASSERT(display.flush(), "ssd0323 flush failed");
            RIVET_INFO("dashboard: shown {} mC", reading.value());
            if (first) rivet::console::write("ready\n");
            first = false;
        }
        char c;
        if (rivet::console::try_read(c)) return 0;
        rivet::hal::delay_ms(delay, 20);
    }
}
