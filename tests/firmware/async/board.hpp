// The board under test (RIVET_TEST_BSP, from CMakeLists.txt) and its time
// driver.
#pragma once

#include RIVET_TEST_BSP_HEADER

#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>

namespace board = rivet::bsp::RIVET_TEST_BSP;
using time_driver = rivet::async::board_time_driver;
