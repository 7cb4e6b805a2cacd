// rivet-fontgen's model of a monospaced bitmap font, read from an X11 PCF
// (optionally gzip-compressed, as Debian ships them) or BDF file, and the
// C++ header it becomes for rivet::gfx (firmware/gfx/include/rivet/gfx/font.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rivet::fontgen {

// Every glyph drawn into the font's character cell: `rows` of `width`
// pixels, true for ink. The baseline is `ascent` rows from the top.
struct font {
    int width = 0;
    int height = 0;
    int ascent = 0;
    std::map<char32_t, std::vector<std::vector<bool>>> glyphs;
};

// What went wrong and where ("6x10.pcf: bitmaps table: offset 12000 past the end").
struct error {
    std::string message;
};

template <class T>
struct result {
    std::optional<T> value;
    error failure;
    explicit operator bool() const { return value.has_value(); }
};

// The file's bytes, gunzipped when it starts with the gzip magic.
result<std::vector<std::uint8_t>> read_file(const std::string& path);

result<font> parse_pcf(const std::vector<std::uint8_t>& bytes, const std::string& name);
result<font> parse_bdf(const std::string& text, const std::string& name);
// PCF or BDF, by content.
result<font> parse(const std::vector<std::uint8_t>& bytes, const std::string& name);

// "32-126,160-255" or "0-9,.:-" into code points; an error names the bad part.
result<std::vector<char32_t>> parse_chars(const std::string& spec);

// The header defining `rivet::gfx::fonts::NAME` with the glyphs of `chars`
// the font has (others are left out; '?' or the first glyph stands in).
result<std::string> emit_header(const font& f, const std::string& name,
                                const std::vector<char32_t>& chars, const std::string& source);

}  // namespace rivet::fontgen
