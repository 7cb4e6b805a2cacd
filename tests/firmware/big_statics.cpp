// 16 KiB of statics: fits the lm3s6965evb's 64 KiB of RAM, not the
// lm3s811evb's 8 KiB (tests/integration/bad_input.sh runs it there).
#include <cstdint>

namespace {
volatile std::uint8_t buffer[16 * 1024];
}

int main() {
    buffer[sizeof buffer - 1] = 1;
    return buffer[sizeof buffer - 1] - 1;
}
