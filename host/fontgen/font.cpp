#include "rivet/fontgen/font.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace rivet::fontgen {

namespace {

template <class T>
result<T> fail(std::string message) {
    return {std::nullopt, {std::move(message)}};
}

}  // namespace

result<std::vector<std::uint8_t>> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail<std::vector<std::uint8_t>>(fmt::format("{}: cannot read", path));
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    if (bytes.size() < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return {bytes, {}};
    // gzip: inflate with zlib's automatic header detection.
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) return fail<std::vector<std::uint8_t>>("zlib");
    std::vector<std::uint8_t> out;
    z.next_in = bytes.data();
    z.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        std::uint8_t chunk[16384];
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        status = inflate(&z, Z_NO_FLUSH);
        out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
        if (status == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    inflateEnd(&z);
    if (status != Z_STREAM_END)
        return fail<std::vector<std::uint8_t>>(
            fmt::format("{}: corrupt gzip data after {} bytes", path, out.size()));
    return {out, {}};
}

result<font> parse(const std::vector<std::uint8_t>& bytes, const std::string& name) {
    if (bytes.size() >= 4 && bytes[0] == 1 && bytes[1] == 'f' && bytes[2] == 'c' && bytes[3] == 'p')
        return parse_pcf(bytes, name);
    const std::string text(bytes.begin(), bytes.end());
    if (text.rfind("STARTFONT", 0) == 0) return parse_bdf(text, name);
    return fail<font>(fmt::format("{}: neither a PCF nor a BDF font", name));
}

result<std::vector<char32_t>> parse_chars(const std::string& spec) {
    std::vector<char32_t> chars;
    std::stringstream in(spec);
    std::string part;
    while (std::getline(in, part, ',')) {
        // "X-Y" (three characters) is a range of characters, "A-B" with
        // longer numbers a range of code points (decimal or 0x hex), a
        // number of two or more digits one code point; anything else
        // stands for its own characters ('-' and ',' as 45 and 44).
        const auto dash = part.find('-', 1);
        auto number = [](const std::string& s, char32_t& v) {
            if (s.empty()) return false;
            std::size_t used = 0;
            try {
                v = static_cast<char32_t>(std::stoul(s, &used, 0));
            } catch (...) {
                return false;
            }
            return used == s.size();
        };
        char32_t lo = 0, hi = 0;
        if (part.size() == 3 && part[1] == '-') {
            // a range of two characters such as "0-9" or "A-Z"
            if (part[2] < part[0])
                return fail<std::vector<char32_t>>(
                    fmt::format("--chars: bad range '{}' (the end is before the start)", part));
            for (char32_t c = static_cast<unsigned char>(part[0]);
                 c <= static_cast<unsigned char>(part[2]); ++c)
                chars.push_back(c);
        } else if (dash != std::string::npos && number(part.substr(0, dash), lo) &&
                   number(part.substr(dash + 1), hi)) {
            if (hi < lo || hi > 0x10ffff)
                return fail<std::vector<char32_t>>(
                    fmt::format("--chars: bad range '{}' (the end is before the start)", part));
            for (char32_t c = lo; c <= hi; ++c) chars.push_back(c);
        } else if (char32_t v = 0; number(part, v) && part.size() > 1) {
            chars.push_back(v);
        } else if (!part.empty()) {
            for (unsigned char c : part) chars.push_back(c);
        } else {
            return fail<std::vector<char32_t>>("--chars: empty entry (two commas in a row?)");
        }
    }
    if (chars.empty()) return fail<std::vector<char32_t>>("--chars: no characters");
    return {chars, {}};
}

result<std::string> emit_header(const font& f, const std::string& name,
                                const std::vector<char32_t>& chars, const std::string& source) {
    // Runs of consecutive characters the font has become ranges; the
    // glyphs are one bit per pixel, row by row, glyph after glyph.
    std::vector<char32_t> present;
    for (char32_t c : chars)
        if (f.glyphs.count(c)) present.push_back(c);
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    if (present.empty())
        return fail<std::string>(fmt::format("{}: none of the characters", source));
    if (f.width > 255 || f.height > 255) return fail<std::string>("glyphs larger than 255 pixels");
    std::vector<std::uint8_t> bits;
    std::size_t bit = 0;
    auto put = [&](bool on) {
        if (bit % 8 == 0) bits.push_back(0);
        if (on) bits.back() |= static_cast<std::uint8_t>(0x80 >> (bit % 8));
        ++bit;
    };
    struct range {
        char32_t first;
        std::size_t count, first_glyph;
    };
    std::vector<range> runs;
    std::size_t replacement = 0;
    for (std::size_t i = 0; i < present.size(); ++i) {
        if (i == 0 || present[i] != present[i - 1] + 1) runs.push_back({present[i], 0, i});
        ++runs.back().count;
        if (present[i] == U'?') replacement = i;
        for (const auto& row : f.glyphs.at(present[i]))
            for (bool on : row) put(on);
    }
    std::string fixed;
    for (const range& r : runs)
        fixed += fmt::format("    {{0x{:x}, {}, {}}},\n", static_cast<unsigned>(r.first), r.count,
                             r.first_glyph);
    std::string data;
    for (std::size_t i = 0; i < bits.size(); ++i)
        data += fmt::format("{}0x{:02x},{}", i % 12 == 0 ? "    " : " ", bits[i],
                            i % 12 == 11 || i + 1 == bits.size() ? "\n" : "");
    return {fmt::format(R"(// Generated by rivet-fontgen from {source}; do not edit.
// {count} glyphs of {w} x {h} pixels, baseline {a} rows from the top.
#pragma once

#include <cstdint>

#include "rivet/gfx/font.hpp"

namespace rivet::gfx::fonts {{

inline constexpr std::uint8_t {name}_bits[] = {{
{data}}};

inline constexpr glyph_range {name}_ranges[] = {{
{ranges}}};

inline constexpr mono_font {name}{{{w}, {h}, {a}, {replacement}, {name}_bits, {name}_ranges}};

}}  // namespace rivet::gfx::fonts
)",
                        fmt::arg("source", source), fmt::arg("count", present.size()),
                        fmt::arg("w", f.width), fmt::arg("h", f.height), fmt::arg("a", f.ascent),
                        fmt::arg("name", name), fmt::arg("data", data), fmt::arg("ranges", fixed),
                        fmt::arg("replacement", replacement)),
            {}};
}

}  // namespace rivet::fontgen
