// The async delay on a timer of its own for the board the firmware is built
// for, picked by the board support package it links (the first found), on
// a timer the board's time driver (rivet/async/time/board.hpp) leaves free:
//
//   lm3s6965evb    GPTM TIMER2          netduinoplus2  TIM2
//   microbit       TIMER2               mps2-an385/505 TIMER0
//
// On the MPS2 boards also board_dual_timer_delay<counter> (1 or 2), the
// dual timer's counters, and RIVET_ASYNC_BOARD_HAS_DUAL_TIMER is defined.
//
//   #include <rivet/async/delay/board.hpp>
//   RIVET_BIND_INTERRUPTS(rivet::async::board_delay::binding, ...);
//   auto pause = rivet::async::board_delay::configure();
//   co_await pause.delay_ms(20);
#pragma once

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
#include <rivet/bsp/lm3s6965evb.hpp>

#include "rivet/async/delay/lm3s6965.hpp"
namespace rivet::async {
using board_delay = delay::lm3s6965<2, bsp::lm3s6965evb::clock_hz>;
}
#elif __has_include(<rivet/bsp/microbit.hpp>)
#include <rivet/bsp/microbit.hpp>

#include "rivet/async/delay/nrf51.hpp"
namespace rivet::async {
using board_delay = delay::nrf51<2>;
}
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
#include <rivet/bsp/netduinoplus2.hpp>

#include "rivet/async/delay/stm32f405.hpp"
namespace rivet::async {
using board_delay = delay::stm32f405<stm32f405::timer::id::tim2, bsp::netduinoplus2::timer_clock_hz,
                                     bsp::netduinoplus2::timer_model>;
}
#elif __has_include(<rivet/bsp/mps2_an385.hpp>) || __has_include(<rivet/bsp/mps2_an505.hpp>)
#if __has_include(<rivet/bsp/mps2_an385.hpp>)
#include <rivet/bsp/mps2_an385.hpp>
namespace rivet::async::detail {
namespace mps2 = bsp::mps2_an385;
}
#else
#include <rivet/bsp/mps2_an505.hpp>
namespace rivet::async::detail {
namespace mps2 = bsp::mps2_an505;
}
#endif

#include "rivet/async/delay/cmsdk.hpp"
#define RIVET_ASYNC_BOARD_HAS_DUAL_TIMER 1
namespace rivet::async {
using board_delay = delay::cmsdk<0, detail::mps2::clock_hz>;
template <unsigned Counter>
using board_dual_timer_delay = delay::cmsdk_dual<Counter, detail::mps2::clock_hz>;
}  // namespace rivet::async
#else
#error \
    "rivet/async/delay/board.hpp: link the board support (rivet_bsp_<board>) or pick a delay of rivet/async/delay/"
#endif
