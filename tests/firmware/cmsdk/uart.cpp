// The CMSDK UART HAL on UART0 (the console): configured at 115200 Bd
// (BAUDDIV read back), written through rivet::hal::write_all, which needs
// several write() calls when the one-byte buffer is busy, and an empty
// receive buffer seen by the state register.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::mps2_an385;

int main() {
    auto uart = board::console_uart<>::configure();
    const std::uint32_t bauddiv = ::cmsdk::UART0.bauddiv().read().bits();
    RIVET_INFO("uart: BAUDDIV {} at 115200 Bd", bauddiv);
    if (bauddiv != 217) return 1;
    const auto ctrl = ::cmsdk::UART0.ctrl().read();
    if (ctrl.txen() != ::cmsdk::uart0::ctrl::hstx_v::enable ||
        ctrl.rxen() != ::cmsdk::uart0::ctrl::hstx_v::enable)
        return 2;

    constexpr std::string_view text = "uart0: hal ok, one byte at a time\n";
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!rivet::hal::write_all(uart, bytes)) return 3;
    if (!uart.flush()) return 4;
    // A write of nothing accepts nothing and does not block.
    auto none = uart.write({});
    if (!none || *none != 0) return 5;

    const auto state = ::cmsdk::UART0.state().read();
    if (state.rxbf() || state.rxov()) return 6;
    RIVET_INFO("uart: receive buffer empty, no overrun");
    return 0;
}
