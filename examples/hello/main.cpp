// The smallest Rivet program: say which board this is, then exit with 0,
// which `rivet run` passes on as its own exit code.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

int main() {
    rivet::console::write("Hello from ");
    rivet::console::write_line(rivet::board::name);
    return 0;
}
