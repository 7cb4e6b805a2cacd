// The SSD0323 test pattern (tests/firmware/display/ssd0323_pattern.hpp) drawn
// through the async driver over the interrupt-driven SSI0, in a task: init,
// clear, a whole frame, then the checkerboard as a region. Prints "ready"
// and waits for a byte on the console; tests/integration/ssd0323_screendump.sh
// compares a QMP screendump with the blocking test's reference picture.
#include "../display/ssd0323_pattern.hpp"
#include "picture.hpp"

#include <rivet/async/board/lm3s6965evb.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/ssd0323_async.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s6965evb;
namespace parts = rivet::async::lm3s6965evb;
template <class T>
using oled_task = rivet::task<T, rivet::frames<"oled", 512>>;
using oled_driver =
    rivet::drivers::async_ssd0323<parts::oled_device, bsp::oled_data_command, oled_task>;

rivet::drivers::ssd0323_frame frame;

rivet::task<void, rivet::frames<"draw", 192>> draw() {
    auto [device, data_command] = parts::configure_oled();
    oled_driver oled{device, data_command};
    RIVET_ASSERT(co_await oled.init(), "ssd0323 init failed");
    RIVET_ASSERT(co_await oled.clear(), "ssd0323 clear failed");
    ssd0323_pattern::draw_frame(frame);
    RIVET_ASSERT(co_await oled.write_frame(frame.bytes()), "ssd0323 frame failed");
    ssd0323_pattern::draw_checkerboard(frame);
    RIVET_ASSERT(co_await oled.write_region(frame.bytes(), ssd0323_pattern::checkerboard_column,
                                            ssd0323_pattern::checkerboard_row,
                                            ssd0323_pattern::checkerboard_columns,
                                            ssd0323_pattern::checkerboard_rows),
                 "ssd0323 region failed");
}

}  // namespace

RIVET_BIND_INTERRUPTS(parts::oled_bus<>::binding);

int main() {
    return draw_then_wait_for_a_byte(draw());
}
