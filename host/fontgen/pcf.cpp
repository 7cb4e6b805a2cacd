// X11 PCF: a table of contents, then tables each starting with a format
// word that gives its byte order, bit order, row padding and scan unit.
// Only what a monospaced bitmap font needs is read: accelerators (font
// ascent and descent), metrics, bitmaps and encodings.
#include <fmt/format.h>

#include "rivet/fontgen/font.hpp"

namespace rivet::fontgen {

namespace {

constexpr std::uint32_t accelerators = 1u << 1, metrics = 1u << 2, bitmaps = 1u << 3,
                        encodings = 1u << 5, bdf_accelerators = 1u << 8;
constexpr std::uint32_t compressed_metrics = 0x100, msb_byte = 1u << 2, msb_bit = 1u << 3;

struct reader {
    const std::vector<std::uint8_t>& bytes;
    std::size_t pos;
    bool big_endian;
    bool ok = true;

    std::uint32_t u(int n) {
        if (pos + n > bytes.size()) {
            ok = false;
            return 0;
        }
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t b = bytes[pos + i];
            v |= big_endian ? b << (8 * (n - 1 - i)) : b << (8 * i);
        }
        pos += n;
        return v;
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u(4)); }
    std::int16_t i16() { return static_cast<std::int16_t>(u(2)); }
};

struct metric {
    int left, right, width, ascent, descent;
};

metric read_metric(reader& r, bool compressed) {
    if (compressed) {
        const int l = static_cast<int>(r.u(1)) - 0x80, rt = static_cast<int>(r.u(1)) - 0x80;
        const int w = static_cast<int>(r.u(1)) - 0x80, a = static_cast<int>(r.u(1)) - 0x80;
        const int d = static_cast<int>(r.u(1)) - 0x80;
        return {l, rt, w, a, d};
    }
    metric m{r.i16(), r.i16(), r.i16(), r.i16(), r.i16()};
    r.u(2);  // attributes
    return m;
}

}  // namespace

result<font> parse_pcf(const std::vector<std::uint8_t>& bytes, const std::string& name) {
    auto bad = [&](const std::string& what) {
        return result<font>{std::nullopt, {fmt::format("{}: {}", name, what)}};
    };
    reader toc{bytes, 4, false};
    const std::uint32_t count = toc.u(4);
    struct table {
        std::uint32_t format, size, offset;
    };
    std::map<std::uint32_t, table> tables;
    for (std::uint32_t i = 0; i < count && toc.ok; ++i) {
        const std::uint32_t type = toc.u(4);
        const table t{toc.u(4), toc.u(4), toc.u(4)};
        // Sizes may include padding past the end; every read is checked.
        if (t.offset >= bytes.size())
            return bad(fmt::format("table {:#x} at offset {} past the end ({} bytes)", type,
                                   t.offset, bytes.size()));
        tables[type] = t;
    }
    if (!toc.ok) return bad("truncated table of contents");
    for (std::uint32_t need : {metrics, bitmaps, encodings})
        if (!tables.count(need)) return bad(fmt::format("no table {:#x}", need));
    auto open = [&](std::uint32_t type) {
        const table& t = tables.at(type);
        reader r{bytes, t.offset, false};
        const std::uint32_t format = r.u(4);
        r.big_endian = (format & msb_byte) != 0;
        return std::pair{r, format};
    };

    // Font ascent and descent: the cell is the same for every glyph.
    int font_ascent = 0, font_descent = 0;
    {
        const std::uint32_t type = tables.count(bdf_accelerators) ? bdf_accelerators : accelerators;
        if (!tables.count(type)) return bad("no accelerators table (font ascent and descent)");
        auto [r, format] = open(type);
        r.u(8);  // flags and padding
        font_ascent = r.i32();
        font_descent = r.i32();
        if (!r.ok) return bad("truncated accelerators table");
    }

    std::vector<metric> glyph_metrics;
    {
        auto [r, format] = open(metrics);
        const bool compressed = (format & compressed_metrics) != 0;
        const std::uint32_t n = compressed ? r.u(2) : r.u(4);
        for (std::uint32_t i = 0; i < n && r.ok; ++i)
            glyph_metrics.push_back(read_metric(r, compressed));
        if (!r.ok) return bad("truncated metrics table");
    }

    font f;
    f.ascent = font_ascent;
    f.height = font_ascent + font_descent;
    for (const metric& m : glyph_metrics) f.width = std::max(f.width, m.width);
    if (f.width <= 0 || f.height <= 0 || f.width > 255 || f.height > 255)
        return bad(
            fmt::format("character cell of {} x {} pixels (1 to 255 each)", f.width, f.height));
    for (const metric& m : glyph_metrics)
        if (m.width != f.width) return bad("not monospaced (glyph widths differ)");

    std::vector<std::vector<std::vector<bool>>> cells;
    {
        auto [r, format] = open(bitmaps);
        const std::uint32_t n = r.u(4);
        if (n != glyph_metrics.size()) return bad("bitmap and metric counts differ");
        std::vector<std::uint32_t> offsets(n);
        for (auto& o : offsets) o = r.u(4);
        std::uint32_t sizes[4];
        for (auto& s : sizes) s = r.u(4);
        if (!r.ok) return bad("truncated bitmaps table");
        const std::size_t base = r.pos;
        const std::size_t pad = std::size_t{1} << (format & 3);
        const std::size_t unit = std::size_t{1} << ((format >> 4) & 3);
        const bool msb_first = (format & msb_bit) != 0;
        // Bytes within a scan unit are swapped when byte and bit order differ.
        const bool swap = ((format & msb_byte) != 0) != msb_first && unit > 1;
        for (std::uint32_t g = 0; g < n; ++g) {
            const metric& m = glyph_metrics[g];
            const int w = m.right - m.left, h = m.ascent + m.descent;
            const std::size_t stride =
                (static_cast<std::size_t>(std::max(w, 0)) + 8 * pad - 1) / (8 * pad) * pad;
            std::vector<std::vector<bool>> cell(f.height, std::vector<bool>(f.width, false));
            for (int y = 0; y < h; ++y) {
                for (int x = 0; x < w; ++x) {
                    std::size_t byte = static_cast<std::size_t>(x / 8);
                    if (swap) byte = byte / unit * unit + (unit - 1 - byte % unit);
                    const std::size_t at = base + offsets[g] + y * stride + byte;
                    if (offsets[g] >= sizes[format & 3] || at >= bytes.size())
                        return bad(fmt::format("glyph {} bitmap past the end of the table", g));
                    const int bit = msb_first ? 7 - x % 8 : x % 8;
                    const int cx = m.left + x, cy = font_ascent - m.ascent + y;
                    if ((bytes[at] >> bit & 1) != 0 && cx >= 0 && cx < f.width && cy >= 0 &&
                        cy < f.height)
                        cell[cy][cx] = true;
                }
            }
            cells.push_back(std::move(cell));
        }
    }

    {
        auto [r, format] = open(encodings);
        const int min2 = r.i16(), max2 = r.i16(), min1 = r.i16(), max1 = r.i16();
        r.i16();  // default char
        if (!r.ok || max2 < min2 || max1 < min1) return bad("bad encodings table");
        for (int b1 = min1; b1 <= max1; ++b1) {
            for (int b2 = min2; b2 <= max2; ++b2) {
                const std::uint32_t index = r.u(2);
                if (!r.ok) return bad("truncated encodings table");
                if (index == 0xffff) continue;
                if (index >= cells.size())
                    return bad(fmt::format("encoding {:#x} names glyph {} of {}", b1 << 8 | b2,
                                           index, cells.size()));
                f.glyphs[static_cast<char32_t>(b1 << 8 | b2)] = cells[index];
            }
        }
    }
    return {f, {}};
}

}  // namespace rivet::fontgen
