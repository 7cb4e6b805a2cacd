// Frames on the console UART instead of RTT (this firmware's own transport
// overrides the board's): `rivet run` prints the raw bytes, and
// `rivet log decode` decodes the capture (log_cli.sh).
#include <rivet/console/console.hpp>
#include <rivet/log/log.hpp>
#include <rivet/log/transport.hpp>

#include <string_view>

bool rivet::log::transport::write(std::span<const std::uint8_t> frame) noexcept {
    rivet::console::write(
        std::string_view(reinterpret_cast<const char*>(frame.data()), frame.size()));
    return true;
}

int main() {
    for (int i = 0; i < 3; ++i) RIVET_INFO("offline {} of {}", i + 1, 3);
    RIVET_WARN("captured {:?}", RIVET_STR("and decoded"));
    return 0;
}
