// Rivet's SEGGER-compatible RTT control block (_SEGGER_RTT): up channel 0
// carries log frames, down channel 0 carries bytes from the host. Any RTT
// host (J-Link, OpenOCD, probe-rs, `rivet run`) finds it by symbol or by
// scanning RAM for its ID, which is written last.
#pragma once

#include <rivet/contracts/rtt.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace rivet::log::rtt {

// One ring buffer descriptor (contracts::rtt::buffer_descriptor as the
// target sees it).
struct ring_buffer {
    const char* name;
    std::uint8_t* data;
    std::uint32_t size;
    volatile std::uint32_t write_offset;
    volatile std::uint32_t read_offset;
    volatile std::uint32_t flags;
};

// The log channel (up 0); valid once init() ran (every write runs it).
ring_buffer& log_ring() noexcept;

// Builds the control block if it does not exist yet; every write does this.
void init() noexcept;

// Writes to up channel 0 in its current mode; false if (part of) it was
// dropped. Callers serialise (the logger holds interrupts off).
bool write(std::span<const std::uint8_t> bytes) noexcept;

// Bytes the host sent on down channel 0 (up to out.size()); 0 if none.
std::size_t read(std::span<std::uint8_t> out) noexcept;

void set_mode(contracts::rtt::mode mode) noexcept;

}  // namespace rivet::log::rtt
