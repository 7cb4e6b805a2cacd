// The one function a log transport provides. The board library defines it
// weakly from the source RIVET_LOG_TRANSPORT picks (rtt, semihosting, uart);
// a firmware that defines it itself sends its frames anywhere else.
#pragma once

#include <cstdint>
#include <span>

namespace rivet::log::transport {

// Sends one whole encoded frame, called with interrupts off; false if it
// was dropped or cut short.
bool write(std::span<const std::uint8_t> frame) noexcept;

}  // namespace rivet::log::transport
