// Two peripherals that claim the same pin cannot be taken together.
#include <array>

#include "rivet/hal/pins.hpp"

struct uart {
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{{{0, 0}, {0, 1}}};
    static uart configure() { return {}; }
};
struct led {
#ifdef RIVET_COMPILE_FAIL
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{{{0, 1}}};
#else
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{{{5, 1}}};
#endif
    static led configure() {
        return {};
    }
};

void take_both() {
    auto [serial, pin] = rivet::hal::take<uart, led>();
    (void)serial;
    (void)pin;
}
