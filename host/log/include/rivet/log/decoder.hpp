// Turns a byte stream of COBS frames into log records. Never trusts the
// stream: a corrupt or truncated frame is skipped up to the next delimiter
// and counted, never a crash.
#pragma once

#include <rivet/log/metadata.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rivet::log {

struct record {
    level severity = level::info;
    std::string message;
    std::string file;
    std::uint32_t line = 0;
    std::optional<std::uint64_t> timestamp;
};

struct decode_stats {
    std::uint64_t records = 0;
    std::uint64_t corrupt_frames = 0;  // frames that failed to decode (skipped)
    std::uint64_t skipped_bytes = 0;   // bytes of those frames
    std::uint64_t dropped_frames = 0;  // frames the firmware reported it could not send
};

// Decodes one frame (COBS already removed); nullopt if it is corrupt.
// A drop report adds to stats.dropped_frames and returns nullopt too.
std::optional<record> decode_frame(const metadata& meta, std::span<const std::uint8_t> frame,
                                   decode_stats& stats);

// Removes COBS from one encoded frame (without its delimiter); nullopt if
// the encoding is broken.
std::optional<std::vector<std::uint8_t>> cobs_decode(std::span<const std::uint8_t> encoded);

class stream_decoder {
public:
    using record_sink = std::function<void(const record&)>;
    stream_decoder(const metadata& meta, record_sink sink);
    ~stream_decoder();
    stream_decoder(const stream_decoder&) = delete;
    stream_decoder& operator=(const stream_decoder&) = delete;

    // Any split of the stream into chunks gives the same records.
    void feed(std::span<const std::uint8_t> bytes);
    // End of stream: a trailing partial frame counts as skipped.
    void finish();

    [[nodiscard]] const decode_stats& stats() const { return stats_; }

    struct site_cache;  // call sites met so far, formats parsed (decoder.cpp)

private:
    void frame(std::span<const std::uint8_t> encoded);

    const metadata& meta_;
    record_sink sink_;
    std::vector<std::uint8_t> pending_;  // a frame split across feeds
    std::size_t overlong_ = 0;           // its bytes past the longest frame, not kept
    std::array<std::uint8_t, contracts::log::max_frame_size + 2> frame_;  // COBS removed
    record record_;  // reused: its strings keep their storage
    std::unique_ptr<site_cache> cache_;
    decode_stats stats_;
};

}  // namespace rivet::log
