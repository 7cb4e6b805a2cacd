// Log records as text (a fixed layout, or a --log-format template, with
// level colours on a terminal) or as one JSON object per line.
#pragma once

#include <rivet/log/decoder.hpp>

#include <optional>
#include <string>

namespace rivet::log {

struct print_options {
    bool json = false;
    bool color = false;
    // Placeholders: {level} {message} {file} {line} {location} {timestamp}.
    std::optional<std::string> format{};
    level min_level = level::trace;  // println and panic always pass
};

// The line to print for the record (with its newline), or "" if filtered.
std::string render(const record& r, const print_options& options);

}  // namespace rivet::log
