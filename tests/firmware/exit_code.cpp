// Exits with RIVET_TEST_EXIT_CODE after two lines of output: the runner must
// pass the code on as its own and print the lines in order.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>
#include <rivet/runtime/exit.hpp>

int main() {
    rivet::console::write_line("first line");
    rivet::console::write("exiting with " RIVET_TEST_EXIT_TEXT " on ");
    rivet::console::write_line(rivet::board::name);
    rivet::exit(RIVET_TEST_EXIT_CODE);
}
