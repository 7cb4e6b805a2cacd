// A pin type that forgot set_low() is not an output_pin, and a generic
// function asking for one names the missing method.
#include "rivet/hal/digital.hpp"

using namespace rivet::hal;

struct led {
    using error_type = infallible;
    result<void, error_type> set_high() { return success; }
#ifndef RIVET_COMPILE_FAIL
    result<void, error_type> set_low() {
        return success;
    }
#endif
};

int main() {
    led pin;
    (void)set_state(pin, pin_state::high);
}
