// The SEGGER RTT control block layout: a structure in target RAM, found by
// its ID string or the _SEGGER_RTT symbol, describing ring buffers the host
// reads (up) and writes (down) through the debug probe. Rivet's firmware
// writes it and Rivet's host reads it; other RTT hosts (J-Link, OpenOCD,
// probe-rs) read the same layout. Spec: docs/log-wire-format.md.
#pragma once

#include <cstdint>

namespace rivet::contracts::rtt {

inline constexpr char symbol[] = "_SEGGER_RTT";
// 16 bytes, NUL-padded; written last by the firmware.
inline constexpr char id[] = "SEGGER RTT";
inline constexpr std::uint32_t id_size = 16;

// Target pointers are 32-bit; the host sees them as addresses.
struct buffer_descriptor {
    std::uint32_t name;          // const char*
    std::uint32_t buffer;        // char*
    std::uint32_t size;          // bytes in the ring
    std::uint32_t write_offset;  // written by the producer
    std::uint32_t read_offset;   // written by the consumer
    std::uint32_t flags;         // mode in bits 0-1
};
static_assert(sizeof(buffer_descriptor) == 24);

// char id[16]; int32 max_up; int32 max_down; then max_up up descriptors and
// max_down down descriptors.
inline constexpr std::uint32_t max_up_offset = 16;
inline constexpr std::uint32_t max_down_offset = 20;
inline constexpr std::uint32_t descriptors_offset = 24;
inline constexpr std::uint32_t write_offset_field = 12;
inline constexpr std::uint32_t read_offset_field = 16;
inline constexpr std::uint32_t flags_field = 20;

enum class mode : std::uint32_t {
    no_block_skip = 0,  // a write that does not fit is dropped whole
    no_block_trim = 1,  // a write that does not fit is cut short
    block_if_full = 2,  // the writer waits for the host to make room
};
inline constexpr std::uint32_t mode_mask = 3;

// Rivet's channels: up 0 carries log frames (docs/log-wire-format.md).
inline constexpr std::uint32_t log_channel = 0;
inline constexpr char log_channel_name[] = "rivet-log";

// A word in flash holding the mode the firmware gives the log channel at
// start. `rivet run` writes block_if_full into it after loading (the
// control block itself does not exist until the firmware builds it), then
// switches the live channel too once it finds it.
inline constexpr char start_mode_symbol[] = "rivet_rtt_log_start_mode";

}  // namespace rivet::contracts::rtt
