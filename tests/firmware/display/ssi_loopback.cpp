// The SSI0 HAL on target: with the PL022's loopback (CR1.LBM) every word
// sent comes back, so transfer() and transfer_in_place() must return the
// bytes in order, read() the filler, and runs longer than the 8-word FIFOs
// must neither stall (QEMU stops shifting while the receive FIFO is full)
// nor lose a word. Logs what it saw; exits 0 when all of it held.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

#include "lm3s6965/ssi0.hpp"

namespace {
namespace bsp = rivet::bsp::lm3s6965evb;
using bus_type = bsp::oled_bus<>;
static_assert(bus_type::bit_rate_hz == 3'125'000);
}  // namespace

int main() {
    auto bus = bus_type::configure();
    ::lm3s6965::SSI0.cr1().modify([](auto& r) { r.lbm(true); });

    std::uint8_t out[40];
    std::uint8_t in[40] = {};
    for (unsigned i = 0; i < sizeof out; ++i) out[i] = static_cast<std::uint8_t>(0xa0 + i);
    RIVET_ASSERT(bus.transfer(in, out), "transfer failed");
    unsigned same = 0;
    for (unsigned i = 0; i < sizeof out; ++i) same += in[i] == out[i] ? 1 : 0;
    RIVET_INFO("ssi: transfer of {} bytes, {} came back in order", sizeof out, same);

    std::uint8_t buffer[20];
    for (unsigned i = 0; i < sizeof buffer; ++i) buffer[i] = static_cast<std::uint8_t>(3 * i);
    RIVET_ASSERT(bus.transfer_in_place(buffer), "transfer_in_place failed");
    unsigned kept = 0;
    for (unsigned i = 0; i < sizeof buffer; ++i) kept += buffer[i] == 3 * i ? 1 : 0;
    RIVET_INFO("ssi: transfer_in_place kept {} of {}", kept, sizeof buffer);

    // A long write leaves nothing behind in the receive FIFO for the read.
    static std::uint8_t block[300];
    RIVET_ASSERT(bus.write(block), "write failed");
    std::uint8_t filler[12];
    for (auto& b : filler) b = 0x55;
    RIVET_ASSERT(bus.read(filler), "read failed");
    unsigned zeros = 0;
    for (auto b : filler) zeros += b == 0 ? 1 : 0;
    RIVET_INFO("ssi: read {} filler bytes of 0x00", zeros);

    // Shorter in than out: the extra words are clocked and dropped.
    std::uint8_t short_in[3] = {};
    RIVET_ASSERT(bus.transfer(short_in, out), "uneven transfer failed");
    RIVET_ASSERT(bus.flush(), "flush failed");
    RIVET_INFO("ssi: uneven transfer got {:x} {:x} {:x}", short_in[0], short_in[1], short_in[2]);
    const bool all = same == sizeof out && kept == sizeof buffer && zeros == sizeof filler &&
                     short_in[0] == 0xa0 && short_in[2] == 0xa2;
    return all ? 0 : 1;
}
