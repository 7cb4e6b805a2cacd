// Echoes each line it receives on the console UART back in upper case, and
// exits with 0 after the line "quit": proves `rivet run` forwards its stdin
// to the board's UART receiver.
#include <rivet/console/console.hpp>

#include <array>
#include <string_view>

int main() {
    std::array<char, 80> line{};
    std::size_t length = 0;
    rivet::console::write_line("ready");
    for (;;) {
        char c = rivet::console::read();
        if (c == '\r') continue;
        if (c != '\n') {
            if (length < line.size()) line[length++] = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
            continue;
        }
        std::string_view text(line.data(), length);
        if (text == "QUIT") return 0;
        rivet::console::write("echo: ");
        rivet::console::write_line(text);
        length = 0;
    }
}
