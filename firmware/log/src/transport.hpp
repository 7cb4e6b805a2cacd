// The one function a log transport provides; which source defines it is
// chosen at build time (RIVET_LOG_TRANSPORT: rtt, semihosting, uart).
#pragma once

#include <cstdint>
#include <span>

namespace rivet::log::transport {

// Sends one whole encoded frame, called with interrupts off; false if it
// was dropped or cut short.
bool write(std::span<const std::uint8_t> frame) noexcept;

}  // namespace rivet::log::transport
