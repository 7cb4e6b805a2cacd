// Says hello and then spins for ever: the runner's --timeout must end it
// and take QEMU down with it.
#include <rivet/console/console.hpp>

int main() {
    rivet::console::write_line("spinning");
    for (;;) asm volatile("" ::: "memory");
}
