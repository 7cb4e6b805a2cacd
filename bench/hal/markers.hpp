// The measured stretch of a HAL benchmark lies between the return from
// bench_begin() and the call of bench_end(); bench/hal/run.sh counts the
// instructions QEMU executes there. noinline and an empty asm keep the two
// calls where the source puts them. main returns bench_end()'s value, which
// the compiler cannot see through: otherwise it may keep a register it
// knows is zero at the end of a wait loop alive for `return 0`, and what
// is measured would depend on how the loop's exit test happens to look.
#pragma once

extern "C" [[gnu::noinline]] inline void bench_begin() {
    asm volatile("" ::: "memory");
}
extern "C" [[gnu::noinline]] inline int bench_end() {
    int zero;
    asm volatile("movs %0, #0" : "=l"(zero)::"memory");
    return zero;
}
