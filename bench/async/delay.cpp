// Interrupt -> awaiting task for the async delays on a timer of their own
// (rivet/async/delay/<chip>.hpp), each stretch counted by bench/async/run.sh
// from the first instruction of the timer's interrupt handler (its
// bench_begin()) to the task's first statement after its co_await: the
// delay's handler, the wake, the exception return, WFI and the executor.
//   1. the chip's timer: LM3S6965 GPTM TIMER2, nRF51 TIMER2, STM32F405 TIM2,
//      CMSDK TIMER0;
//   2. on the MPS2 boards, counter 2 of the dual timer, bound with counter 1
//      (sharing_interrupt: the handler asks counter 1 first, which is idle).
// Run under -icount, so the 1 ms waits end while the executor sleeps.
#include "../hal/markers.hpp"

#include <rivet/async/delay/board.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/runtime/exit.hpp>

using pause = rivet::async::board_delay;
#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
using counter1 = rivet::async::board_dual_timer_delay<1>;
using counter2 = rivet::async::board_dual_timer_delay<2>;
using dual_timer = rivet::async::delay::sharing_interrupt<counter1, counter2>;
#endif

namespace {

void on_pause() {
    bench_begin();
    pause::on_interrupt();
}

#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
void on_dual_timer() {
    bench_begin();
    dual_timer::on_interrupt();
}
#endif

rivet::task<void, rivet::frames<"bench", 96>> bench() {
    auto timer = pause::configure();
    co_await timer.delay_ms(1);
    bench_end();
#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
    (void)counter1::configure();
    auto counter = counter2::configure();
    co_await counter.delay_ms(1);
    bench_end();
#endif
    rivet::exit(0);
}

}  // namespace

#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<pause::irq, on_pause>,
                      rivet::cortex_m::bind<dual_timer::irq, on_dual_timer>);
#else
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<pause::irq, on_pause>);
#endif

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(bench());
    executor.run();
    return 1;
}
