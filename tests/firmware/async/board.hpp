// The board under test and its async time driver, from the definitions
// CMakeLists.txt gives each firmware (RIVET_TEST_BSP, RIVET_TEST_CHIP_*).
#pragma once

#include RIVET_TEST_BSP_HEADER

#include <rivet/cortex_m/interrupts.hpp>

namespace board = rivet::bsp::RIVET_TEST_BSP;

#if defined(RIVET_TEST_CHIP_lm3s6965)
#include <rivet/async/time/lm3s6965.hpp>
using time_driver = rivet::async::time_driver::lm3s6965<3, board::clock_hz>;
#elif defined(RIVET_TEST_CHIP_nrf51)
#include <rivet/async/time/nrf51.hpp>
using time_driver = rivet::async::time_driver::nrf51<1>;
#elif defined(RIVET_TEST_CHIP_stm32f405)
#include <rivet/async/time/stm32f405.hpp>
using time_driver =
    rivet::async::time_driver::stm32f405<rivet::stm32f405::timer::id::tim5, board::timer_clock_hz>;
#elif defined(RIVET_TEST_CHIP_cmsdk)
#include <rivet/async/time/cmsdk.hpp>
using time_driver = rivet::async::time_driver::cmsdk<1, board::clock_hz>;
#else
#error "no time driver for this board"
#endif
