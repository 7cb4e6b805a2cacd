#include <rivet/log/rtt.hpp>

#include <rivet/log/transport.hpp>

namespace rivet::log::transport {

[[gnu::weak]] bool write(std::span<const std::uint8_t> frame) noexcept {
    return rtt::write(frame);
}

}  // namespace rivet::log::transport
