// Uses a known amount of stack (a 600-byte frame) for --measure-stack.
#include <rivet/console/console.hpp>

#include <cstddef>

[[gnu::noinline]] int use_600_bytes() {
    volatile unsigned char buffer[600];
    for (std::size_t i = 0; i < sizeof buffer; ++i) buffer[i] = static_cast<unsigned char>(i);
    return buffer[599];
}

int main() {
    rivet::console::write_line("measuring");
    return use_600_bytes() == (599 & 0xff) ? 0 : 1;
}
