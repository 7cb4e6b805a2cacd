#include <rivet/stack/analysis.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace {

using rivet::stack::decode_calls;
using rivet::stack::frame_from_code;
using rivet::stack::parse_usage;
using ::testing::HasSubstr;

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

TEST(decode_calls, blx_of_a_literal_just_loaded_is_a_call_of_it) {
    // 0x100: ldr r3, [pc, #4] (0x4b01); blx r3 (0x4798); nop; nop; .word 0x201
    auto calls =
        decode_calls({0x01, 0x4b, 0x98, 0x47, 0x00, 0xbf, 0x00, 0xbf, 0x01, 0x02, 0, 0}, 0x100);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_FALSE(calls[0].indirect);
    EXPECT_EQ(calls[0].target, 0x200u);
    EXPECT_EQ(calls[0].literal, 0x108u);
}

TEST(frame_from_code, pushes_and_sp_subtractions) {
    // push {r4, r5, lr}; sub sp, #36; push.w {r4-r11, lr}; sub.w sp, sp, #0x100;
    // subw sp, sp, #0x123; vpush {d8-d9}; str r0, [sp, #-4]!
    EXPECT_EQ(
        frame_from_code({0x30, 0xb5, 0x89, 0xb0, 0x2d, 0xe9, 0xf0, 0x4f, 0xad, 0xf5, 0x80, 0x7d,
                         0xad, 0xf2, 0x23, 0x1d, 0x2d, 0xed, 0x04, 0x8b, 0x4d, 0xf8, 0x04, 0x0d}),
        12u + 36u + 36u + 0x100u + 0x123u + 16u + 4u);
    EXPECT_EQ(frame_from_code({0x70, 0x47}), 0u);  // bx lr
}

// Firmware Rivet did not link (../backtrace/testdata/foreign-recurse.elf):
// the entry points come from its .isr_vector, libgcc's division has its CFI
// frame, and the recursion is named.
TEST(analyse, foreign_firmware) {
    auto r = rivet::stack::analyse(RIVET_STACK_TESTDATA "/foreign-recurse.elf", {});
    auto path = [&](const std::string& root) {
        auto it = std::find_if(r.paths.begin(), r.paths.end(),
                               [&](const auto& p) { return p.root == root; });
        EXPECT_NE(it, r.paths.end()) << root;
        return it == r.paths.end() ? rivet::stack::path_report{} : *it;
    };
    EXPECT_THAT(r.vector_table, HasSubstr("section .isr_vector"));
    const auto reset = path("Reset_Handler");
    EXPECT_EQ(reset.entry_for, "reset");
    EXPECT_TRUE(reset.bounded) << ::testing::PrintToString(reset.reasons);
    EXPECT_THAT(reset.path.back(), HasSubstr("__udivmoddi4"));
    EXPECT_THAT(path("Default_Handler").entry_for, HasSubstr("HardFault"));
    EXPECT_THAT(path("Default_Handler").entry_for, HasSubstr("interrupts 0-7"));
    const auto worker = path("worker_task");
    EXPECT_EQ(worker.entry_for, "address taken");
    EXPECT_FALSE(worker.bounded);
    EXPECT_THAT(worker.reasons,
                ::testing::Contains(HasSubstr("recursion: count_down -> count_down")));
    EXPECT_THAT(path("PendSV_Handler").path.front(), HasSubstr("8  PendSV_Handler"));
}

}  // namespace
