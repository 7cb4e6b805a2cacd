#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rivet/fontgen/font.hpp"

namespace {

using namespace rivet::fontgen;
using rows = std::vector<std::string>;

rows ascii(const font& f, char32_t c) {
    rows r;
    for (const auto& row : f.glyphs.at(c)) {
        std::string s;
        for (bool on : row) s += on ? '#' : '.';
        r.push_back(s);
    }
    return r;
}

font load(const std::string& path) {
    const auto bytes = read_file(path);
    EXPECT_TRUE(bytes) << bytes.failure.message;
    const auto f = parse(*bytes.value, path);
    EXPECT_TRUE(f) << f.failure.message;
    return f.value.value_or(font{});
}

TEST(fontgen, bdf_glyphs_sit_in_the_cell_by_their_bounding_boxes) {
    const font f = load(RIVET_FONTGEN_TESTDATA "/tiny.bdf");
    EXPECT_EQ(f.width, 3);
    EXPECT_EQ(f.height, 4);
    EXPECT_EQ(f.ascent, 3);
    EXPECT_EQ(ascii(f, U'A'), (rows{".#.", "###", "#.#", "..."}));
    EXPECT_EQ(ascii(f, U'g'), (rows{"...", "###", "#.#", ".##"}));  // descends below the baseline
    EXPECT_EQ(ascii(f, U'?'), (rows{".##", "..#", ".#.", "..."}));  // x offset 1
}

// Debian's gzip-compressed PCF (xfonts-base, a dependency in scripts/setup.sh).
TEST(fontgen, pcf_from_xfonts_base) {
    const font f = load(RIVET_X11_FONTS "/6x10.pcf.gz");
    EXPECT_EQ(f.width, 6);
    EXPECT_EQ(f.height, 10);
    EXPECT_EQ(f.ascent, 8);
    EXPECT_EQ(ascii(f, U'A'), (rows{"......", "..#...", ".#.#..", "#...#.", "#...#.", "#####.",
                                    "#...#.", "#...#.", "......", "......"}));
    EXPECT_EQ(ascii(f, U'g'), (rows{"......", "......", "......", ".####.", "#...#.", "#...#.",
                                    ".####.", "....#.", "#...#.", ".###.."}));
    for (char32_t c = 0x20; c <= 0xff; ++c) {
        if (c < 0x7f || c >= 0xa0) {
            EXPECT_TRUE(f.glyphs.count(c)) << "Latin-1 " << unsigned{c};
        }
    }
}

TEST(fontgen, truncated_or_foreign_files_are_errors_naming_the_file) {
    auto bytes = read_file(RIVET_X11_FONTS "/6x10.pcf.gz");
    ASSERT_TRUE(bytes);
    std::vector<std::uint8_t> cut(bytes.value->begin(), bytes.value->begin() + 300);
    const auto f = parse(cut, "6x10.pcf");
    ASSERT_FALSE(f);
    EXPECT_EQ(f.failure.message.rfind("6x10.pcf: ", 0), 0u) << f.failure.message;
    const std::string text = "hello";
    const auto g = parse(std::vector<std::uint8_t>(text.begin(), text.end()), "x.txt");
    ASSERT_FALSE(g);
    EXPECT_EQ(g.failure.message, "x.txt: neither a PCF nor a BDF font");
    const std::string broken = "STARTFONT 2.1\nFONT_ASCENT 3\nFONT_DESCENT 1\nBBX 3\n";
    const auto h = parse(std::vector<std::uint8_t>(broken.begin(), broken.end()), "b.bdf");
    ASSERT_FALSE(h);
    EXPECT_EQ(h.failure.message,
              "b.bdf:4: BBX needs a width and height 0..255 and offsets -255..255");
    // Found by fontgen_fuzz: a descent past INT_MAX made the cell height overflow.
    const std::string huge = "STARTFONT 2.1\nFONT_ASCENT 1\nFONT_DESCENT 3333333333333333333\n";
    const auto k = parse(std::vector<std::uint8_t>(huge.begin(), huge.end()), "h.bdf");
    ASSERT_FALSE(k);
    EXPECT_EQ(k.failure.message, "h.bdf:3: FONT_DESCENT must be 0..255");
    const std::string not_hex =
        "STARTFONT 2.1\nFONT_ASCENT 1\nFONT_DESCENT 0\nSTARTCHAR a\nENCODING 97\nDWIDTH 1 0\n"
        "BBX 1 1 0 0\nBITMAP\nzz\n";
    const auto j = parse(std::vector<std::uint8_t>(not_hex.begin(), not_hex.end()), "z.bdf");
    ASSERT_FALSE(j);
    EXPECT_EQ(j.failure.message, "z.bdf:9: bitmap row is not hexadecimal");
    EXPECT_FALSE(read_file("/nonexistent/font.pcf"));
}

TEST(fontgen, character_specs) {
    EXPECT_EQ(*parse_chars("0-9").value,
              (std::vector<char32_t>{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}));
    EXPECT_EQ(*parse_chars("65-67,0xb0,C.").value,
              (std::vector<char32_t>{'A', 'B', 'C', 0xb0, 'C', '.'}));
    EXPECT_EQ(parse_chars("32-126,160-255").value->size(), 191u);
    EXPECT_FALSE(parse_chars("9-1"));
    EXPECT_FALSE(parse_chars("a,,b"));
}

TEST(fontgen, header_packs_glyph_bits_and_ranges) {
    const font f = load(RIVET_FONTGEN_TESTDATA "/tiny.bdf");
    const auto header = emit_header(f, "tiny", *parse_chars("63-65,103").value, "tiny.bdf");
    ASSERT_TRUE(header) << header.failure.message;
    // '?' then 'A' then 'g', 12 bits each: 011001010000 010111101000 000111101011
    EXPECT_NE(header.value->find("0x65, 0x05, 0xe8, 0x1e, 0xb0,\n"), std::string::npos)
        << *header.value;
    EXPECT_NE(header.value->find("{0x3f, 1, 0},\n    {0x41, 1, 1},\n    {0x67, 1, 2},"),
              std::string::npos);
    EXPECT_NE(header.value->find("mono_font tiny{3, 4, 3, 0, tiny_bits, tiny_ranges};"),
              std::string::npos);
    EXPECT_FALSE(emit_header(f, "tiny", {U'z'}, "tiny.bdf"));
}

}  // namespace
