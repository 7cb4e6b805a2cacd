#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

int main() {
    rivet::console::write("out of tree on ");
    rivet::console::write_line(rivet::board::name);
    return 7;
}
