// The shared half of every log call: COBS framing, the drop report, the
// critical section that keeps frames from interrupts and thread mode apart,
// and the version entry the host checks.
#include <rivet/contracts/log_wire.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/exit.hpp>

#include <cstdint>
#include <span>

#include <rivet/log/transport.hpp>

namespace {

namespace wire = rivet::contracts::log;

struct version_entry {
    wire::entry_header header;
    char text[12];
};
static_assert(sizeof(wire::version_magic) <= sizeof(version_entry::text));

// First in the metadata section (address 0): the linker script keeps it there.
[[gnu::section(".rivet.log.version"), gnu::used]] constexpr version_entry rivet_log_version = {
    {static_cast<std::uint8_t>(wire::entry_kind::version), 0, sizeof(version_entry),
     wire::wire_version},
    "rivet-log"};

// Frames the firmware could not send since the last drop report.
std::uint32_t dropped = 0;

// COBS in place: frame[0] is free for the first code byte, the data is
// frame[1..1+size), and the delimiter goes after it. size <= 253, so no
// block needs splitting. Returns the bytes to send.
std::size_t cobs_encode(std::uint8_t* frame, std::size_t size) noexcept {
    std::size_t code_at = 0;
    std::uint8_t code = 1;
    for (std::size_t i = 1; i <= size; ++i) {
        if (frame[i] == 0) {
            frame[code_at] = code;
            code_at = i;
            code = 1;
        } else {
            ++code;
        }
    }
    frame[code_at] = code;
    frame[size + 1] = wire::frame_delimiter;
    return size + 2;
}

}  // namespace

namespace rivet::log::detail {

rtt::ring_buffer closed_ring{};
rtt::ring_buffer* direct_ring = &closed_ring;

void cobs_frame(std::uint8_t* frame, std::size_t size) noexcept {
    cobs_encode(frame, size);
}

void send_frame(std::uint8_t* frame, std::uint8_t* end, bool overflow) noexcept {
    interrupt_lock lock;
    if (overflow) {
        ++dropped;
        direct_ring = &closed_ring;
        return;
    }
    if (dropped != 0) {
        std::uint8_t report[12];
        writer w{report + 1, report + 10};
        w.varint(wire::drop_report_index);
        w.varint(dropped);
        const auto size = cobs_encode(report, static_cast<std::size_t>(w.pos - (report + 1)));
        if (transport::write({report, size})) dropped = 0;
    }
    const auto size = cobs_encode(frame, static_cast<std::size_t>(end - (frame + 1)));
    if (!transport::write({frame, size})) ++dropped;
    // The fast path skips the drop report: closed until one went out.
    if (dropped != 0) direct_ring = &closed_ring;
}

void panic_exit() noexcept {
    rivet::exit(wire::panic_exit_code);
}

}  // namespace rivet::log::detail
