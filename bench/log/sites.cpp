// BENCH_SITES distinct call sites (distinct format strings, two integer
// arguments each): the flash cost of a call site is the .text difference
// between 10 sites and 0, divided by 10.
#include <rivet/console/console.hpp>
#include <rivet/log/log.hpp>

#include <cstdio>
#include <string_view>

// newlib-nano's snprintf links malloc's _sbrk without calling it for a
// string target; the firmware has no heap.
extern "C" void* _sbrk(int) {
    return reinterpret_cast<void*>(-1);
}

namespace {
volatile int a = 1;
volatile unsigned b = 2;
}  // namespace

#if BENCH_PRINTF
#define SITE(N)                                                                                  \
    {                                                                                            \
        char text[64];                                                                           \
        const int n = std::snprintf(text, sizeof text, "site " #N " reading a=%d b=%u\n", a, b); \
        rivet::console::write(std::string_view(text, static_cast<std::size_t>(n)));              \
    }
#elif BENCH_DEFERRED
#define SITE(N) RIVET_INFO("site " #N " reading a={} b={}", a, b);
#else
#define SITE(N)
#endif

int main() {
#if BENCH_SITES == 10
    SITE(0)
    SITE(1)
    SITE(2)
    SITE(3) SITE(4) SITE(5) SITE(6) SITE(7) SITE(8) SITE(9)
#elif defined(BENCH_PRINTF) || defined(BENCH_DEFERRED)
    // The library code is linked either way: one site whose cost is the fixed part.
    if (a == 12345) SITE(x)
#endif
        return 0;
}
