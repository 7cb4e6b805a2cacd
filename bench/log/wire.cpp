// Bytes on the wire: the same messages as calls.cpp, logged through a
// transport that counts bytes instead of sending them; prints the counts.
#include <rivet/console/console.hpp>
#include <rivet/log/log.hpp>
#include <rivet/log/transport.hpp>

#include <cstdio>

// newlib-nano's snprintf links malloc's _sbrk without calling it for a
// string target; the firmware has no heap.
extern "C" void* _sbrk(int) {
    return reinterpret_cast<void*>(-1);
}

namespace {
std::size_t sent = 0;
volatile int temperature = -12;
volatile unsigned count = 300000;
const char* volatile name = "sensor-a";

void report(const char* what, std::size_t bytes, int messages) {
    char text[80];
    const int n = std::snprintf(text, sizeof text, "%s %u %d\n", what, static_cast<unsigned>(bytes),
                                messages);
    rivet::console::write(std::string_view(text, static_cast<std::size_t>(n)));
}
}  // namespace

bool rivet::log::transport::write(std::span<const std::uint8_t> frame) noexcept {
    sent += frame.size();
    return true;
}

int main() {
    constexpr int messages = 100;
    for (int i = 0; i < messages; ++i) RIVET_INFO("t={} C, n={}", temperature, count);
    report("ints", sent, messages);
    sent = 0;
    for (int i = 0; i < messages; ++i) RIVET_INFO("sensor {} ready", name);
    report("string", sent, messages);
    return 0;
}
