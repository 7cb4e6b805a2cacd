#include <gtest/gtest.h>

#include <vector>

#include "dwarf_cleanup.hpp"

namespace {

using rivet::backtrace::move_discarded_frame_entries;
using rivet::backtrace::move_discarded_line_sequences;

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint32_t get32(const std::vector<std::uint8_t>& in, std::size_t at) {
    return in[at] | (in[at + 1] << 8) | (in[at + 2] << 16) | (std::uint32_t{in[at + 3]} << 24);
}

auto kept = [](std::uint32_t address) { return address >= 0x100; };
constexpr std::uint32_t nowhere = 0xf0000000u;

// A CIE (version 3, no augmentation) and two FDEs: one for a function the
// linker discarded (at 0), one for a kept one.
std::vector<std::uint8_t> debug_frame() {
    std::vector<std::uint8_t> out;
    put32(out, 12);  // CIE length
    put32(out, 0xffffffffu);
    out.insert(out.end(), {3, 0, 2, 0x7c, 14, 0x0c, 13, 0, 0, 0});
    out.resize(16);
    for (std::uint32_t start : {0u, 0x100u}) {
        put32(out, 12);  // FDE length
        put32(out, 0);   // its CIE
        put32(out, start);
        put32(out, 0x40);
    }
    return out;
}

TEST(discarded, frame_entries_at_address_zero_move_nowhere) {
    auto bytes = debug_frame();
    const auto ranges = move_discarded_frame_entries(bytes, kept, nowhere);
    ASSERT_EQ(ranges.size(), 1u);
    EXPECT_EQ(ranges[0].start, 0x100u);
    EXPECT_EQ(ranges[0].size, 0x40u);
    EXPECT_EQ(get32(bytes, 16 + 8), nowhere);
    EXPECT_EQ(get32(bytes, 16 + 12), 0u);  // an empty range
    EXPECT_EQ(get32(bytes, 32 + 8), 0x100u);
    EXPECT_EQ(get32(bytes, 32 + 12), 0x40u);
}

// libdw would allocate a frame big enough for register 0x7ffffff (1 GiB):
// the FDE that names it is not handed over.
TEST(discarded, frame_entries_naming_impossible_registers_move_nowhere) {
    auto bytes = debug_frame();
    bytes.resize(bytes.size() - 16);
    put32(bytes, 20);  // FDE length
    put32(bytes, 0);
    put32(bytes, 0x200);
    put32(bytes, 0x40);
    bytes.insert(bytes.end(), {0x41, 0x07, 0xff, 0xff, 0xff, 0x3f, 0, 0});  // DW_CFA_undefined
    const auto ranges = move_discarded_frame_entries(bytes, kept, nowhere);
    EXPECT_TRUE(ranges.empty());
    EXPECT_EQ(get32(bytes, 32 + 8), nowhere);
}

TEST(discarded, a_cie_with_unknown_instructions_takes_its_frame_entries_along) {
    auto bytes = debug_frame();
    bytes[13] = 0x3f;  // the CIE's DW_CFA_def_cfa becomes an opcode no one knows
    EXPECT_TRUE(move_discarded_frame_entries(bytes, kept, nowhere).empty());
    EXPECT_EQ(get32(bytes, 32 + 8), nowhere);
}

// A DWARF 4 line program with two sequences: one at 0 (discarded), one kept.
std::vector<std::uint8_t> debug_line() {
    std::vector<std::uint8_t> program;
    for (std::uint32_t start : {0u, 0x100u}) {
        program.insert(program.end(), {0, 5, 2});  // DW_LNE_set_address
        put32(program, start);
        program.insert(program.end(), {2, 8});     // DW_LNS_advance_pc 8
        program.insert(program.end(), {9, 4, 0});  // DW_LNS_fixed_advance_pc 4
        program.insert(program.end(), {0x20});     // a special opcode
        program.insert(program.end(), {0, 1, 1});  // DW_LNE_end_sequence
    }
    std::vector<std::uint8_t> header = {1, 1, 1, 0xfb, 14, 13,  // min length .. opcode_base
                                        0, 1, 1, 1,    1,  0,  0, 0, 1, 0, 0, 1,  // operand counts
                                        0,                                        // no directories
                                        0};                                       // no files
    std::vector<std::uint8_t> out;
    const std::uint32_t unit_length =
        2 + 4 + static_cast<std::uint32_t>(header.size() + program.size());
    put32(out, unit_length);
    out.insert(out.end(), {4, 0});  // version 4
    put32(out, static_cast<std::uint32_t>(header.size()));
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), program.begin(), program.end());
    return out;
}

TEST(discarded, line_sequences_at_address_zero_move_nowhere) {
    auto bytes = debug_line();
    const std::size_t program = 10 + 20;
    EXPECT_EQ(get32(bytes, program + 3), 0u);
    EXPECT_EQ(move_discarded_line_sequences(bytes, kept, nowhere), 1u);
    EXPECT_EQ(get32(bytes, program + 3), nowhere);
    EXPECT_EQ(get32(bytes, program + 16 + 3), 0x100u);
}

TEST(discarded, truncated_sections_are_read_within_bounds) {
    for (auto whole : {debug_frame(), debug_line()}) {
        for (std::size_t size = 0; size < whole.size(); ++size) {
            std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<long>(size));
            (void)move_discarded_frame_entries(cut, kept, nowhere);
            (void)move_discarded_line_sequences(cut, kept, nowhere);
        }
    }
}

}  // namespace
