#include <rivet/stack/analysis.hpp>

#include <gtest/gtest.h>

namespace {

using rivet::stack::decode_calls;
using rivet::stack::parse_usage;

TEST(parse_usage, reads_gcc_lines) {
    auto entries = parse_usage(
        "/src/a.cpp:17:24:void fault_here()\t0\tstatic\n"
        "/src/a.cpp:47:5:int main()\t16\tstatic\n"
        "/src/b.cpp:3:6:void grow(int)\t24\tdynamic\n"
        "/src/b.cpp:9:6:void bounded(int)\t40\tdynamic,bounded\n");
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].file, "/src/a.cpp");
    EXPECT_EQ(entries[0].line, 17u);
    EXPECT_EQ(entries[0].name, "void fault_here()");
    EXPECT_EQ(entries[1].bytes, 16u);
    EXPECT_TRUE(entries[2].dynamic);
    EXPECT_FALSE(entries[3].dynamic);
}

TEST(parse_usage, skips_malformed_lines) {
    auto entries = parse_usage("garbage\nfile:x:y:f\t1\tstatic\nfile:1:2:f\tlots\tstatic\n\t\t\n");
    EXPECT_TRUE(entries.empty());
}

TEST(parse_usage, file_names_may_hold_colons) {
    auto entries = parse_usage("C:/src/a.cpp:5:1:int f()\t8\tstatic\n");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].file, "C:/src/a.cpp");
    EXPECT_EQ(entries[0].line, 5u);
}

TEST(decode_calls, bl_backwards) {
    // 0x202: f7ff fffb   bl 0x1fc
    auto calls = decode_calls({0xff, 0xf7, 0xfb, 0xff}, 0x202);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].target, 0x1fcu);
    EXPECT_FALSE(calls[0].tail);
    EXPECT_FALSE(calls[0].indirect);
}

TEST(decode_calls, bl_forwards) {
    // 0x1000: f000 f802   bl 0x1008
    auto calls = decode_calls({0x00, 0xf0, 0x02, 0xf8}, 0x1000);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].target, 0x1008u);
}

TEST(decode_calls, blx_register_is_indirect_and_bx_lr_is_a_return) {
    // blx r3 (0x4798); bx lr (0x4770); b.n -4 (0xe7fe: branch to self)
    auto calls = decode_calls({0x98, 0x47, 0x70, 0x47, 0xfe, 0xe7}, 0x100);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_TRUE(calls[0].indirect);
    EXPECT_EQ(calls[1].target, 0x104u);
    EXPECT_TRUE(calls[1].tail);
}

TEST(decode_calls, truncated_wide_instruction_is_ignored) {
    EXPECT_TRUE(decode_calls({0xff, 0xf7}, 0x100).empty());
}

}  // namespace
