// The async HAL interfaces, all of them: each concern has its own header in
// rivet/hal/async/ (basics: awaitables and the implementor's contract;
// serial; delay; digital edges, SPI and I2C beside them). Include one of
// those for less. See firmware/hal/README.md, "Async interfaces".
#pragma once

#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/async/delay.hpp"
#include "rivet/hal/async/digital.hpp"
#include "rivet/hal/async/i2c.hpp"
#include "rivet/hal/async/serial.hpp"
#include "rivet/hal/async/spi.hpp"
