// Frames through the semihosting transport (the board library here was
// built for RTT, so this firmware compiles the semihosting transport in as
// the strong definition); log_cli.sh decodes `rivet run`'s stdout live.
#define weak noinline  // the transport's [[gnu::weak]] becomes a strong definition
#include "../../../firmware/log/src/transport_semihosting.cpp"
#undef weak

#include <rivet/log/log.hpp>

int main() {
    RIVET_INFO("over semihosting {}", 1);
    RIVET_ERROR("and {:?}", RIVET_STR("decoded live"));
    return 0;
}
