// What the project uses of the EK-LM3S811 (rivet_bsp_lm3s811evb): the user
// LED on PC5, through the Stellaris GPIO its BSP builds on, and the
// SysTick delay.
#pragma once

#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/cortex_m/systick.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/lm3s6965/gpio.hpp>

namespace app {

namespace board = rivet::bsp::lm3s811evb;
using led_pin = rivet::lm3s6965::gpio::output_pin<rivet::lm3s6965::gpio::port::c, 5>;
using delay = rivet::cortex_m::systick_delay<board::clock_hz>;

inline auto take_led_and_delay() {
    return rivet::hal::take<led_pin, delay>();
}

// True when the LED took the level.
inline bool set_led(led_pin& led, bool on) {
    return static_cast<bool>(on ? led.set_high() : led.set_low());
}

}  // namespace app
