// Unbounded recursion. With stack protection (the default) the stack runs
// off the bottom of RAM or into the MPU guard and the runner reports a stack
// overflow; without it the stack grows down into the statics, which this
// program watches, and exits 42 when it sees them corrupted.
#include <rivet/console/console.hpp>
#include <rivet/runtime/exit.hpp>

#include <cstdint>

namespace {

// Zero-initialised and never written by the program.
volatile std::uint32_t watched[64];

bool statics_intact() {
    for (auto word : watched) {
        if (word != 0) return false;
    }
    return true;
}

}  // namespace

#pragma GCC diagnostic ignored "-Winfinite-recursion"  // the point of the test

[[gnu::noinline]] std::uint32_t recurse(std::uint32_t depth) {
    volatile std::uint32_t frame[8];
    for (auto& word : frame) word = depth | 0x80000000u;
    if (!statics_intact()) {
        rivet::console::write_line("a static variable was corrupted by the stack");
        rivet::exit(42);
    }
    const auto result = recurse(depth + 1);
    // The frame lives across the call, so the recursion cannot become a loop.
    asm volatile("" ::"r"(frame) : "memory");
    return result + frame[depth & 7];
}

int main() {
    rivet::console::write_line("recursing");
    return static_cast<int>(recurse(1) & 0x7f);
}
