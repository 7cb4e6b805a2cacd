// Non-blocking mode: the firmware switches its log channel to no-block-skip
// and floods it; the frames that did not fit are counted and reported in
// the next frame that does, and `rivet run` says how many were lost.
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

int main() {
    RIVET_INFO("start");
    rivet::log::rtt::set_mode(rivet::contracts::rtt::mode::no_block_skip);
    for (int i = 0; i < 5000; ++i) RIVET_INFO("flood {}", i);
    rivet::log::rtt::set_mode(rivet::contracts::rtt::mode::block_if_full);
    RIVET_INFO("after the flood");
    return 0;
}
