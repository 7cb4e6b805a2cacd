// One log call between two markers, for counting its instructions under
// QEMU (-singlestep -d exec): the deferred RIVET_INFO over RTT against
// snprintf into a buffer and the UART console. Same arguments both ways.
#include <rivet/console/console.hpp>
#include <rivet/log/log.hpp>

#include <cstdio>
#include <string_view>

// newlib-nano's snprintf links malloc's _sbrk without calling it for a
// string target; the firmware has no heap.
extern "C" void* _sbrk(int) {
    return reinterpret_cast<void*>(-1);
}

extern "C" [[gnu::noinline]] void bench_begin() {
    asm volatile("" ::: "memory");
}
extern "C" [[gnu::noinline]] void bench_end() {
    asm volatile("" ::: "memory");
}

namespace {
volatile int temperature = -12;
volatile unsigned count = 300000;
const char* volatile name = "sensor-a";
}  // namespace

extern "C" [[gnu::noinline]] void bench_ints() {
#if BENCH_PRINTF
    char text[64];
    const int n = std::snprintf(text, sizeof text, "t=%d C, n=%u\n", temperature, count);
    rivet::console::write(std::string_view(text, static_cast<std::size_t>(n)));
#else
    RIVET_INFO("t={} C, n={}", temperature, count);
#endif
}

extern "C" [[gnu::noinline]] void bench_u32() {
#if BENCH_PRINTF
    char text[64];
    const int n = std::snprintf(text, sizeof text, "n=%u\n", count);
    rivet::console::write(std::string_view(text, static_cast<std::size_t>(n)));
#else
    RIVET_INFO("n={}", count);
#endif
}

extern "C" [[gnu::noinline]] void bench_string() {
#if BENCH_PRINTF
    char text[64];
    const int n = std::snprintf(text, sizeof text, "sensor %s ready\n", name);
    rivet::console::write(std::string_view(text, static_cast<std::size_t>(n)));
#else
    RIVET_INFO("sensor {} ready", name);
#endif
}

int main() {
    bench_ints();  // first calls set things up (RTT block, UART)
    bench_u32();
    bench_string();
    bench_begin();
    bench_u32();
    bench_end();
    bench_begin();
    bench_ints();
    bench_end();
    bench_begin();
    bench_string();
    bench_end();
    return 0;
}
