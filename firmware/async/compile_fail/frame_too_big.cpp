// A coroutine frame larger than its rivet::frames storage fails the build
// when optimising (the frame size is a constant once operator new is inlined
// into the coroutine); compiled with -Os -c, not -fsyntax-only.
#include "rivet/async/task.hpp"

#ifdef RIVET_COMPILE_FAIL
using storage = rivet::frames<"too_big", 16>;
#else
using storage = rivet::frames<"too_big", 256>;
#endif
volatile int sink = 0;
rivet::task<void, storage> too_big(int a, int b, int c, int d) {
    sink = a + b;
    co_await rivet::yield_now{};
    sink = c + d;
}
rivet::task<void, storage> make() {
    return too_big(1, 2, 3, 4);
}
