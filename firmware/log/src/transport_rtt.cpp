#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <rivet/log/transport.hpp>

namespace rivet::log::transport {

// Opens the log call's fast path into the ring (log.hpp, emit_direct) once
// a frame went out through it; a transport of the firmware's own, which
// replaces this function, never does.
[[gnu::weak]] bool write(std::span<const std::uint8_t> frame) noexcept {
    const bool sent = rtt::write(frame);
    detail::direct_ring = &rtt::log_ring();
    return sent;
}

}  // namespace rivet::log::transport
