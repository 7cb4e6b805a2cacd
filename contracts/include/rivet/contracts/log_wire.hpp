// The deferred-logging contract between firmware and host: the metadata the
// firmware leaves in a non-loaded ELF section, and the frames it sends.
// Included by both sides, so it holds only constants and plain layouts.
// Spec: docs/log-wire-format.md.
#pragma once

#include <cstdint>

namespace rivet::contracts::log {

// Non-loaded (INFO) ELF section at address 0 holding one entry per log call
// site, interned string and enum; an entry's address is the index the
// firmware sends. The version entry comes first, at address 0.
inline constexpr char metadata_section[] = ".rivet.log";

// Bumped whenever the meaning of the metadata or of a frame changes; the
// host refuses an ELF whose version entry says otherwise.
inline constexpr std::uint32_t wire_version = 2;

// The text of the version entry, so a host can tell log metadata from junk.
inline constexpr char version_magic[] = "rivet-log";

enum class entry_kind : std::uint8_t {
    padding = 0,         // a zero word between entries: skip 4 bytes
    version = 1,         // line = wire_version; flags; text = version_magic
    call_site = 2,       // a log call: level, line; text = file \0 format \0 signature \0
    string = 3,          // an interned string literal; text = the string \0
    enum_names = 4,      // text = type name \0 then (value \0 name \0)* then \0
    timestamp_unit = 5,  // line = timestamp ticks per second (at most one); text = "hz"
};

enum class level : std::uint8_t {
    trace = 0,
    debug = 1,
    info = 2,
    warn = 3,
    error = 4,
    println = 5,  // level-free output: never filtered, printed bare
    panic = 6,    // RIVET_PANIC, failed asserts: followed by exit(panic_exit_code)
};

// Every entry starts with this header, 4-byte aligned; `size` counts the
// header and the NUL-padded text and is a multiple of 4.
struct entry_header {
    std::uint8_t kind;
    std::uint8_t level;
    std::uint16_t size;
    std::uint32_t line;
};
static_assert(sizeof(entry_header) == 8);

// A call site's `level` byte holds the level in bits 0-6; bit 7 says its
// frames carry a timestamp (the file was built with RIVET_LOG_TIMESTAMPS).
inline constexpr std::uint8_t level_mask = 0x7f;
inline constexpr std::uint8_t flag_timestamp = 0x80;

// Frames: COBS-encoded, each followed by one 0x00 delimiter. The decoded
// frame is varint(index) [varint(timestamp)] arguments... A frame of index
// 0 (the version entry, never a call site) is a drop report: varint(count
// of frames the firmware could not send since the last report).
inline constexpr std::uint8_t frame_delimiter = 0x00;
inline constexpr std::uint32_t drop_report_index = 0;
// The longest decoded frame; COBS then needs one code byte (no zero run is
// longer than 254) plus the delimiter.
inline constexpr std::uint32_t max_frame_size = 253;

// Argument signature characters, one per argument in a call site's
// signature (the host decodes the argument bytes with them):
namespace sig {
inline constexpr char boolean = 'b';       // 1 byte 0/1
inline constexpr char character = 'c';     // 1 byte
inline constexpr char signed_int = 'i';    // zigzag varint (any width up to 64)
inline constexpr char unsigned_int = 'u';  // varint (any width up to 64)
inline constexpr char f32 = 'f';           // 4 bytes little-endian IEEE 754
inline constexpr char f64 = 'd';           // 8 bytes little-endian IEEE 754
inline constexpr char string = 's';        // varint length, bytes
inline constexpr char interned = 'S';      // varint index of a string entry
inline constexpr char bytes = 'y';         // varint length, bytes (shown as hex)
inline constexpr char list = 'a';          // 'a' element-signature: varint count, elements
inline constexpr char enumeration = 'e';   // varint index of an enum_names entry, zigzag value
inline constexpr char pointer = 'p';       // 4 bytes little-endian
inline constexpr char optional = 'o';      // 'o' signature: 1 byte present, then the value
// A user type: '(' format-length ':' format signature... ')'; the fields
// are encoded in order and formatted with the nested format.
inline constexpr char user_open = '(';
inline constexpr char user_close = ')';
}  // namespace sig

// The exit code of a firmware that panicked or failed an assert (the same as
// Rust's). docs/exit-codes.md.
inline constexpr int panic_exit_code = 101;

}  // namespace rivet::contracts::log
