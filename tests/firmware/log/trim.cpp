// Resynchronisation: in no-block-trim mode a frame that does not fit is cut
// short (its delimiter lost), so the host sees junk up to the next
// delimiter. The flood mixes the log call's fast path (straight into the
// ring) with trimmed frames; afterwards, in blocking mode, every frame must
// decode again, in order.
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <cstdint>

int main() {
    RIVET_INFO("start");
    rivet::log::rtt::set_mode(rivet::contracts::rtt::mode::no_block_trim);
    for (std::uint32_t i = 0; i < 3000; ++i) {
        RIVET_INFO("flood {} {}", i, i * 7919u);
        RIVET_INFO("flood text {}", "long enough to be cut short in the ring");
    }
    rivet::log::rtt::set_mode(rivet::contracts::rtt::mode::block_if_full);
    for (std::uint32_t i = 0; i < 5; ++i) RIVET_INFO("after the flood {}", i);
    return 0;
}
