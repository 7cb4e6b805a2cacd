// Logs a numbered tick over RTT for ever (and a line on the console, which
// shows that it runs while nobody is attached), and logs back each line
// that arrives on RTT down channel 0: a firmware to attach to while it runs
// (tests/integration/attach.sh). Nobody may be reading: the log channel
// starts in no-block-skip (nothing writes its start-mode word after
// `rivet flash`), so ticks are dropped rather than stall the firmware.
#include <rivet/console/console.hpp>
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <cstddef>
#include <cstdint>

int main() {
    for (std::uint32_t tick = 0;; ++tick) {
        RIVET_INFO("tick {}", tick);
        rivet::console::write_line("tick");
        for (std::uint32_t spin = 0; spin < 200000; ++spin) asm volatile("" ::: "memory");
        char line[32];
        const std::size_t got =
            rivet::log::rtt::read({reinterpret_cast<std::uint8_t*>(line), sizeof line - 1});
        if (got > 0) {
            line[got] = '\0';
            RIVET_INFO("got {}", static_cast<const char*>(line));
        }
    }
}
