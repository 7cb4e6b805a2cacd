// The measured stretch of a HAL benchmark lies between the return from
// bench_begin() and the call of bench_end(); bench/hal/run.sh counts the
// instructions QEMU executes there. noinline and an empty asm keep the two
// calls where the source puts them.
#pragma once

extern "C" [[gnu::noinline]] inline void bench_begin() {
    asm volatile("" ::: "memory");
}
extern "C" [[gnu::noinline]] inline void bench_end() {
    asm volatile("" ::: "memory");
}
