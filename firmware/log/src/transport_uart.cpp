// Frames as raw bytes on the console UART: decode a capture with
// `rivet log decode --elf FW.elf capture.bin`. Blocking, never drops.
#include <rivet/console/console.hpp>

#include <string_view>

#include <rivet/log/transport.hpp>

namespace rivet::log::transport {

[[gnu::weak]] bool write(std::span<const std::uint8_t> frame) noexcept {
    rivet::console::write(
        std::string_view(reinterpret_cast<const char*>(frame.data()), frame.size()));
    return true;
}

}  // namespace rivet::log::transport
