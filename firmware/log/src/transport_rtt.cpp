#include <rivet/log/rtt.hpp>

#include "transport.hpp"

namespace rivet::log::transport {

bool write(std::span<const std::uint8_t> frame) noexcept { return rtt::write(frame); }

}  // namespace rivet::log::transport
