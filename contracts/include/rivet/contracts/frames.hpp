// The contract between firmware built with the async runtime
// (firmware/async) and `rivet run --measure-stack`: where each pool of
// coroutine frames reports its frame size and high-water use.
//
// The symbol rivet_frame_pools is a table {magic, first}: `first` is the
// address of the first pool record (0: none), each record a run of 32-bit
// little-endian words linked by `next`. A pool joins the list the first
// time a frame is taken from it, so a pool that was never used is not
// listed. Included by both sides, so it holds only constants.
#pragma once

#include <cstdint>

namespace rivet::contracts::frames {

inline constexpr char table_symbol[] = "rivet_frame_pools";
// The table's first word: "RFP1", the layout below.
inline constexpr std::uint32_t magic = 0x31504652u;
inline constexpr std::uint32_t table_bytes = 8;
inline constexpr std::uint32_t table_first_offset = 4;

// A pool record, word by word.
inline constexpr std::uint32_t record_next_offset = 0;       // next record, 0 ends the list
inline constexpr std::uint32_t record_name_offset = 4;       // NUL-terminated task name
inline constexpr std::uint32_t record_frame_offset = 8;      // bytes of storage per frame
inline constexpr std::uint32_t record_capacity_offset = 12;  // frames in the pool
inline constexpr std::uint32_t record_largest_offset = 16;   // largest frame asked for
inline constexpr std::uint32_t record_in_use_offset = 20;    // frames in use now
inline constexpr std::uint32_t record_peak_offset = 24;      // most frames in use at once
inline constexpr std::uint32_t record_bytes = 28;
// Names longer than this are cut when read.
inline constexpr std::uint32_t max_name_length = 64;

}  // namespace rivet::contracts::frames
