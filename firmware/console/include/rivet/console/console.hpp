// A minimal, blocking text console on the board's console UART (the one QEMU
// connects to its first serial port). Enough to say hello before the HALs
// and the deferred logger exist; the driver is chosen by the board
// description's "console.driver".
#pragma once

#include <string_view>

namespace rivet::console {

// Configures the UART; write() calls it on first use.
void init() noexcept;

// Sends every byte, waiting while the transmitter is busy.
void write(std::string_view text) noexcept;

// A received byte, if one is waiting (`rivet run` sends its stdin here).
bool try_read(char& c) noexcept;

// Waits for the next received byte.
char read() noexcept;

inline void write_line(std::string_view text) noexcept {
    write(text);
    write("\n");
}

}  // namespace rivet::console
