// Reads lines the host sends on RTT down channel 0 (`rivet run --input rtt`)
// and logs each back in upper case; "quit" ends the run. Lines longer than
// the buffer are logged in pieces, so nothing typed is lost.
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

int main() {
    RIVET_PRINTLN("ready");
    char line[48];
    std::size_t length = 0;
    std::uint32_t bytes = 0;
    for (;;) {
        std::uint8_t chunk[16];
        const std::size_t got = rivet::log::rtt::read(chunk);
        for (std::size_t i = 0; i < got; ++i) {
            ++bytes;
            const char c = static_cast<char>(chunk[i]);
            if (c != '\n' && length + 1 < sizeof line) {
                line[length++] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
                continue;
            }
            line[length] = '\0';
            if (std::strcmp(line, "QUIT") == 0) {
                RIVET_INFO("rtt input: {} bytes", bytes);
                return 0;
            }
            RIVET_INFO("rtt: {}", static_cast<const char*>(line));
            length = 0;
            if (c != '\n') line[length++] = c;
        }
    }
}
