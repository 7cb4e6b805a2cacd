#include "progress.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rivet::cli {

std::string progress_line(std::string_view phase, std::size_t done, std::size_t total,
                          double seconds) {
    constexpr std::size_t width = 20;
    const std::size_t filled = total == 0 ? width : std::min(width, done * width / total);
    const double kib_done = static_cast<double>(done) / 1024.0;
    const double kib_total = static_cast<double>(total) / 1024.0;
    std::string rate = "";
    if (seconds > 0 && done > 0) rate = fmt::format("  {:.0f} KiB/s", kib_done / seconds);
    return fmt::format("{:<7} [{}{}] {:6.1f}/{:.1f} KiB{}", phase, std::string(filled, '#'),
                       std::string(width - filled, '-'), kib_done, kib_total, rate);
}

void progress_display::update(std::string_view phase, std::size_t done, std::size_t total) {
    if (!terminal_) return;
    const auto now = clock::now();
    if (phase != phase_) {
        phase_ = phase;
        phase_start_ = now;
        last_draw_ = {};
    }
    const bool finished = done >= total;
    if (!finished && now - last_draw_ < std::chrono::milliseconds(50)) return;
    last_draw_ = now;
    const std::chrono::duration<double> took = now - phase_start_;
    // \r and clear-to-end: the line is redrawn in place.
    fmt::print(out_, "\r{}\x1b[K{}", progress_line(phase, done, total, took.count()),
               finished ? "\n" : "");
    std::fflush(out_);
}

}  // namespace rivet::cli
