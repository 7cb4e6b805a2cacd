// The time driver for the board the firmware is built for, picked by the
// board support package it links (the first of these found):
//
//   lm3s6965evb    GPTM TIMER3          netduinoplus2  TIM5
//   microbit       TIMER1 at 1 MHz      mps2-an385     TIMER1
//   mps2-an505     TIMER1
//
//   #include <rivet/async/time/board.hpp>
//   RIVET_BIND_INTERRUPTS(rivet::async::board_time_driver::binding);
//   int main() { rivet::async::board_time_driver::start(); ... }
#pragma once

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
#include <rivet/bsp/lm3s6965evb.hpp>

#include "rivet/async/time/lm3s6965.hpp"
namespace rivet::async {
using board_time_driver = time_driver::lm3s6965<3, bsp::lm3s6965evb::clock_hz>;
}
#elif __has_include(<rivet/bsp/microbit.hpp>)
#include <rivet/bsp/microbit.hpp>

#include "rivet/async/time/nrf51.hpp"
namespace rivet::async {
using board_time_driver = time_driver::nrf51<1>;
}
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
#include <rivet/bsp/netduinoplus2.hpp>

#include "rivet/async/time/stm32f405.hpp"
namespace rivet::async {
using board_time_driver = time_driver::stm32f405<stm32f405::timer::id::tim5,
                                                 bsp::netduinoplus2::timer_clock_hz>;
}
#elif __has_include(<rivet/bsp/mps2_an385.hpp>)
#include <rivet/bsp/mps2_an385.hpp>

#include "rivet/async/time/cmsdk.hpp"
namespace rivet::async {
using board_time_driver = time_driver::cmsdk<1, bsp::mps2_an385::clock_hz>;
}
#elif __has_include(<rivet/bsp/mps2_an505.hpp>)
#include <rivet/bsp/mps2_an505.hpp>

#include "rivet/async/time/cmsdk.hpp"
namespace rivet::async {
using board_time_driver = time_driver::cmsdk<1, bsp::mps2_an505::clock_hz>;
}
#else
#error "rivet/async/time/board.hpp: link the board support (rivet_bsp_<board>) or pick a driver of rivet/async/time/"
#endif
