/* The foreign fixture's application: two tasks under the tiny scheduler, a
   ticker and a worker. What the worker does is picked at build time:
     FOREIGN_FAULT    an undefined instruction three calls deep in the task
     FOREIGN_RECURSE  a recursion whose depth is known only at run time
     FOREIGN_POINTER  calls through a table of function pointers
     FOREIGN_DIVIDE   64-bit division (__aeabi_uldivmod from libgcc)
     FOREIGN_SPIN     never ends (for timeouts and Ctrl-C)
   Without a fault the worker ends the run with semihosting exit 0. */
#include <stdint.h>

#include "board.h"
#include "rtos.h"

static TCB_t ticker_tcb;
static TCB_t worker_tcb;
static uint32_t ticker_stack[128] __attribute__((aligned(8)));
static uint32_t worker_stack[512] __attribute__((aligned(8)));
static volatile uint32_t sink;

/* Never called: --gc-sections drops it, and its DWARF stays behind at
   address 0, over the vector table and the first functions (as a firmware
   that links a whole library and uses a little of it sees). */
#define FOREIGN_REPEAT_8(x) x x x x x x x x
void unused_formatter(volatile uint32_t *out, uint32_t value)
{
    FOREIGN_REPEAT_8(FOREIGN_REPEAT_8(out[value & 7u] = value * 2654435761u; value ^= value >> 7;))
}

static void ticker_task(void *argument)
{
    (void)argument;
    for (;;) {
        task_delay(1);
        sink = sink + 1u;
    }
}

#if defined(FOREIGN_FAULT)
__attribute__((noinline)) static void store_record(uint32_t value)
{
    sink = value;
    __asm volatile("udf #7");
    sink = value + 1u;
}

__attribute__((noinline)) static void parse_record(uint32_t value)
{
    store_record(value * 3u);
    sink = 0;
}
#endif

#if defined(FOREIGN_RECURSE)
__attribute__((noinline)) static uint32_t count_down(uint32_t n)
{
    volatile uint32_t scratch[4] = {n, n, n, n};
    if (n == 0) return scratch[0];
    return count_down(n - 1u) + scratch[1];
}
#endif

#if defined(FOREIGN_POINTER)
__attribute__((noinline)) static uint32_t add_one(uint32_t v)
{
    return v + 1u;
}
__attribute__((noinline)) static uint32_t twice(uint32_t v)
{
    return v * 2u;
}
static uint32_t (*const steps[])(uint32_t) = {add_one, twice, add_one};

__attribute__((noinline)) static uint32_t run_steps(uint32_t v)
{
    for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; ++i) v = steps[(i + sink) % 3u](v);
    return v;
}
#endif

#if defined(FOREIGN_DIVIDE)
static volatile uint64_t dividend = 10000000000ull;
static volatile uint64_t divisor = 7u;

__attribute__((noinline)) static uint32_t divide(void)
{
    return (uint32_t)(dividend / divisor % 1000000u);
}
#endif

__attribute__((noinline)) static void do_work(void)
{
#if defined(FOREIGN_FAULT)
    parse_record(tick_count());
#elif defined(FOREIGN_RECURSE)
    console_write("recursion: ");
    console_write_number(count_down(8u + (tick_count() & 1u)));
    console_write("\n");
#elif defined(FOREIGN_POINTER)
    console_write("steps: ");
    console_write_number(run_steps(5u));
    console_write("\n");
#elif defined(FOREIGN_DIVIDE)
    console_write("quotient: ");
    console_write_number(divide());
    console_write("\n");
#elif defined(FOREIGN_SPIN)
    for (;;) {
        task_delay(1);
    }
#else
#error "pick what the worker does"
#endif
}

static void worker_task(void *argument)
{
    (void)argument;
    task_delay(3); /* let the ticker run: both tasks have been switched */
    console_write("worker: started\n");
    do_work();
    console_write("worker: done\n");
    semihosting_exit(0);
}

int main(void)
{
    console_write("foreign: starting the scheduler\n");
    task_create(&ticker_tcb, "ticker", ticker_task, 0, ticker_stack,
                sizeof ticker_stack / sizeof ticker_stack[0]);
    task_create(&worker_tcb, "worker", worker_task, 0, worker_stack,
                sizeof worker_stack / sizeof worker_stack[0]);
    scheduler_start(1000u);
}
