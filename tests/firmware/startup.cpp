// Checks what the reset handler promises before main: .data copied from
// flash, .bss zeroed, static constructors run in order. Exits 0 when all
// hold, else the number of the first broken promise.
#include <rivet/console/console.hpp>

#include <cstdint>

namespace {

volatile std::uint32_t initialised = 0x12345678;  // .data
volatile std::uint32_t zeroed[16];                // .bss
int construction_order = 0;

struct recorder {
    int seen;
    recorder() : seen(++construction_order) {}
};
recorder first;
recorder second;

}  // namespace

int main() {
    if (initialised != 0x12345678) return 1;
    for (auto word : zeroed) {
        if (word != 0) return 2;
    }
    if (first.seen != 1 || second.seen != 2) return 3;
    initialised = initialised + 1;  // .data is RAM, not flash
    if (initialised != 0x12345679) return 4;
    rivet::console::write_line("startup ok");
    return 0;
}
