// GPIO edges and levels awaited by a task on lm3s6965evb's navigation
// switches (QEMU's gamepad: the arrow keys and left Ctrl, pressed by
// tests/integration/async_buttons.sh through QMP's send-key). Each switch
// closes to ground: pressed is low. QEMU's gamepad drives a line only from
// its key's first event on, so every line reads low (pressed) until then.
//   up:     high (the first release), then a falling edge (pressed) and a
//           rising edge (released);
//   down:   any edge (the first release);
//   select: low, at once (not driven yet: a level there completes without
//           suspending).
// While the task waits, a second wait on the same pin is refused.
#include <rivet/async/board/lm3s6965evb.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/console/console.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/async/digital.hpp>
#include <rivet/log/log.hpp>

namespace {

namespace bsp = rivet::async::lm3s6965evb;
namespace gpio = rivet::lm3s6965::gpio;
static_assert(rivet::hal::async::input_pin<bsp::up_button>);

volatile bool up_waiting = false;

rivet::task<void, rivet::frames<"buttons", 96>> buttons() {
    auto up = bsp::up_button::configure(gpio::pull::up);
    auto down = bsp::down_button::configure(gpio::pull::up);
    auto select = bsp::select_button::configure(gpio::pull::up);
    RIVET_ASSERT(up.is_low().value(), "QEMU drives no line before its key's first event");

    rivet::console::write_line("waiting for up high");
    up_waiting = true;
    RIVET_ASSERT(co_await up.wait_for_high());
    RIVET_INFO("up high");
    rivet::console::write_line("waiting for up");
    RIVET_ASSERT(co_await up.wait_for_falling_edge());
    RIVET_INFO("up pressed");
    RIVET_ASSERT(co_await up.wait_for_rising_edge());
    RIVET_INFO("up released");

    rivet::console::write_line("waiting for down");
    RIVET_ASSERT(co_await down.wait_for_any_edge());
    RIVET_INFO("down: an edge");

    RIVET_ASSERT(co_await select.wait_for_low());
    RIVET_INFO("select low");
}

// Tries to wait on `up` while buttons() does: refused, kind other.
rivet::task<void, rivet::frames<"intruder", 64>> intruder() {
    while (!up_waiting) co_await rivet::yield_now{};
    bsp::up_button up{};
    auto refused = co_await up.wait_for_rising_edge();
    RIVET_ASSERT(!refused && refused.error() == rivet::hal::digital::error_kind::other);
    RIVET_INFO("second wait on up refused");
}

}  // namespace

RIVET_BIND_INTERRUPTS(bsp::buttons_e::binding, bsp::buttons_f::binding);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(buttons());
    executor.spawn(intruder());
    executor.run();
    return 0;
}
