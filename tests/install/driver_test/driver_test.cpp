// A user's driver (a register read over I2C) and its test on Rivet's I2C
// fake: the bytes on the wire, and the value read. Exits 0 when both hold.
#include <rivet/hal/fakes/i2c.hpp>
#include <rivet/hal/i2c.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string_view>

template <class Bus>
int read_register(Bus& bus, rivet::hal::i2c::address device, std::uint8_t reg) {
    const std::array<std::uint8_t, 1> out{reg};
    std::array<std::uint8_t, 1> in{};
    if (!rivet::hal::i2c::write_read(bus, device, out, in)) return -1;
    return in[0];
}

int main() {
    rivet::hal::fakes::trace log;
    rivet::hal::fakes::register_map_i2c bus{log, rivet::hal::i2c::address{0x48}};
    bus.reg(0x07) = 0x5a;
    const int value = read_register(bus, rivet::hal::i2c::address{0x48}, 0x07);
    const std::string_view wire = log.view();
    std::printf("read %#x, wire: %.*s\n", value, static_cast<int>(wire.size()), wire.data());
    return value == 0x5a && wire == "S 48W 07 SR 48R 1 P" ? 0 : 1;
}
