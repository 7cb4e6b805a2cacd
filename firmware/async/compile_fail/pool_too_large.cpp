// A frame pool holds at most 32 frames (a bit each in one word).
#include "rivet/async/task.hpp"

#ifdef RIVET_COMPILE_FAIL
using pool = rivet::frames<"many", 64, 33>;
#else
using pool = rivet::frames<"many", 64, 32>;
#endif
void* take() {
    return pool::allocate(64);
}
