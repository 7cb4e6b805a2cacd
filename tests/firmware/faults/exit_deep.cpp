// Exits with 3 from a nested call, as a panic or a failed assert does, for
// `rivet run --backtrace`.
#include <rivet/runtime/exit.hpp>

[[gnu::noinline]] void give_up() {
    rivet::exit(3);
}

int main() {
    give_up();
}
