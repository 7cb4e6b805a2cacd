// Log records as text (a fixed layout, or a --log-format template, with
// level colours on a terminal) or as one JSON object per line.
#pragma once

#include <rivet/log/decoder.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rivet::log {

struct print_options {
    bool json = false;
    bool color = false;
    // Placeholders: {level} {message} {file} {line} {location} {timestamp}.
    std::optional<std::string> format{};
    level min_level = level::trace;  // println and panic always pass
    // Ticks per second of record timestamps: shown as seconds when known.
    std::optional<std::uint32_t> timestamp_hz{};
};

// A timestamp as text: seconds with as many decimals as one tick needs
// (1 kHz: 3, 1 MHz: 6) when hz is known, the raw count otherwise.
std::string format_timestamp(std::uint64_t ticks, std::optional<std::uint32_t> hz);

// Why a --log-format template cannot be used (an unknown placeholder), or
// nullopt when it can.
std::optional<std::string> template_error(std::string_view format);

// The line to print for the record (with its newline), or "" if filtered.
std::string render(const record& r, const print_options& options);
// The same, appended to out (nothing if filtered): no allocation per line
// once out has grown.
void render_to(std::string& out, const record& r, const print_options& options);

}  // namespace rivet::log
