// The async serial port of the chip the board support uses, so one
// firmware source names its console for every board:
//
//   #include <rivet/async/uart/board.hpp>
//   using console = rivet::async::uart::serial<board::console>;
#pragma once

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
#include "rivet/async/uart/lm3s6965.hpp"
#elif __has_include(<rivet/bsp/microbit.hpp>)
#include "rivet/async/uart/nrf51.hpp"
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
#include "rivet/async/uart/stm32f405.hpp"
#elif __has_include(<rivet/bsp/mps2_an385.hpp>) || __has_include(<rivet/bsp/mps2_an505.hpp>)
#include "rivet/async/uart/cmsdk.hpp"
#else
#error "rivet/async/uart/board.hpp: link a board support, or include a uart/<chip>.hpp"
#endif
