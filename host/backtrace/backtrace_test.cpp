#include <rivet/backtrace/backtrace.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

namespace {

using rivet::backtrace::debug_info;
using rivet::backtrace::registers;
using ::testing::HasSubstr;

// A memory map of words, as a probe would read them.
struct fake_memory {
    std::map<std::uint32_t, std::uint32_t> words;
    std::optional<std::uint32_t> operator()(std::uint32_t address) const {
        auto it = words.find(address);
        if (it == words.end()) return std::nullopt;
        return it->second;
    }
    void put(std::uint32_t address, std::initializer_list<std::uint32_t> values) {
        for (auto v : values) {
            words[address] = v;
            address += 4;
        }
    }
};

TEST(debug_info, empty_input_is_a_problem_not_a_crash) {
    debug_info info({}, "empty.elf");
    EXPECT_THAT(info.problem(), HasSubstr("empty.elf: empty file"));
    auto where = info.symbolize(0x100);
    ASSERT_EQ(where.size(), 1u);
    EXPECT_EQ(where[0].function, "");
}

TEST(debug_info, garbage_is_not_an_elf) {
    std::vector<std::uint8_t> garbage(256, 0xa5);
    debug_info info(garbage, "garbage.elf");
    EXPECT_THAT(info.problem(), HasSubstr("garbage.elf: not an ELF file"));
}

TEST(debug_info, unreadable_file_is_named) {
    auto info = debug_info::load("/nonexistent/firmware.elf");
    EXPECT_THAT(info->problem(), HasSubstr("/nonexistent/firmware.elf"));
}

TEST(debug_info, truncated_elf_header_is_reported) {
    // The ELF magic and class, then nothing.
    std::vector<std::uint8_t> header = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0};
    debug_info info(header, "short.elf");
    EXPECT_FALSE(info.problem().empty());
    registers regs;
    regs.r[15] = 0x200;
    auto trace = info.unwind(regs, fake_memory{});
    ASSERT_EQ(trace.frames.size(), 1u);
    EXPECT_FALSE(trace.stopped_because.empty());
}

// Unwinding through an exception entry needs no DWARF: the core's stacked
// frame gives the interrupted PC, LR and SP.
TEST(unwind, basic_frame_on_msp) {
    debug_info info({}, "none.elf");
    fake_memory memory;
    // r0, r1, r2, r3, r12, lr, pc, xpsr
    memory.put(0x20000100, {1, 2, 3, 4, 12, 0x0000020b, 0x00000300, 0x01000000});
    registers regs;
    regs.r[13] = 0x20000100;
    regs.r[15] = 0xfffffff9;  // thread mode, MSP, basic frame
    auto trace = info.unwind(regs, std::cref(memory));
    ASSERT_EQ(trace.frames.size(), 1u);
    EXPECT_EQ(trace.frames[0].pc, 0x300u);
    EXPECT_TRUE(trace.frames[0].exception_entry);
    EXPECT_EQ(trace.frames[0].exc_return, 0xfffffff9u);
    EXPECT_THAT(trace.stopped_because, HasSubstr("LR holds 0x0000020a"));
    const auto text = rivet::backtrace::format(trace);
    EXPECT_THAT(text, HasSubstr("exception entry: thread mode, MSP, basic frame"));
    EXPECT_THAT(text, HasSubstr("0x00000300"));
}

TEST(unwind, extended_frame_on_psp) {
    debug_info info({}, "none.elf");
    fake_memory memory;
    memory.put(0x20000400, {0, 0, 0, 0, 0, 0x111, 0x00000450, 0x01000200});
    registers regs;
    regs.r[13] = 0x20000800;  // the handler's MSP
    regs.psp = 0x20000400;
    regs.r[15] = 0xffffffed;  // thread mode, PSP, FPU-extended frame
    auto trace = info.unwind(regs, std::cref(memory));
    ASSERT_EQ(trace.frames.size(), 1u);
    EXPECT_EQ(trace.frames[0].pc, 0x450u);
    EXPECT_THAT(rivet::backtrace::format(trace), HasSubstr("thread mode, PSP, FPU-extended frame"));
}

TEST(unwind, unreadable_exception_frame_suggests_a_stack_overflow) {
    debug_info info({}, "none.elf");
    registers regs;
    regs.r[13] = 0x1fffffe0;
    regs.r[15] = 0xfffffff9;
    auto trace = info.unwind(regs, fake_memory{});
    EXPECT_TRUE(trace.frames.empty());
    EXPECT_THAT(trace.stopped_because, HasSubstr("cannot read the exception frame at 0x1fffffe0"));
    EXPECT_THAT(trace.stopped_because, HasSubstr("stack overflow"));
}

TEST(is_exc_return, the_reset_value_of_lr_is_none) {
    for (std::uint32_t v :
         {0xffffffe1u, 0xffffffe9u, 0xffffffedu, 0xfffffff1u, 0xfffffff9u, 0xfffffffdu})
        EXPECT_TRUE(rivet::backtrace::is_exc_return(v)) << std::hex << v;
    for (std::uint32_t v : {0xffffffffu, 0xfffffffeu, 0xffffff00u, 0xfffffff5u, 0x00000101u})
        EXPECT_FALSE(rivet::backtrace::is_exc_return(v)) << std::hex << v;
}

// LR's reset value where a return address would be: the chain ends there,
// with no claim about an exception frame.
TEST(unwind, reset_lr_in_the_pc_ends_the_chain_cleanly) {
    debug_info info({}, "none.elf");
    registers regs;
    regs.r[15] = 0xffffffff;
    auto trace = info.unwind(regs, fake_memory{});
    EXPECT_TRUE(trace.frames.empty());
    EXPECT_EQ(trace.end, rivet::backtrace::ending::chain_end);
    EXPECT_EQ(rivet::backtrace::format(trace), "");
}

TEST(unwind, psp_frame_without_psp_stops_cleanly) {
    debug_info info({}, "none.elf");
    registers regs;
    regs.r[15] = 0xfffffffd;
    auto trace = info.unwind(regs, fake_memory{});
    EXPECT_THAT(trace.stopped_because, HasSubstr("PSP"));
}

// testdata/tiny.elf: testdata/tiny.cpp built with
//   arm-none-eabi-g++ -g -Os -mthumb -mcpu=cortex-m3 -nostdlib -nostartfiles
//       -Wl,-e,rivet_reset_handler -Wl,--build-id=none tiny.cpp -o tiny.elf
// leaf() at 0x8000 (no frame), caller() at 0x8006 (push {r3, lr}, middle()
// inlined), rivet_reset_handler at 0x8012.
TEST(unwind, dwarf_through_an_exception_frame_and_an_inlined_call) {
    auto info = debug_info::load(RIVET_BACKTRACE_TESTDATA "/tiny.elf");
    ASSERT_EQ(info->problem(), "");
    fake_memory memory;
    // The fault in leaf(), called from caller(): the stacked frame, then
    // caller()'s saved r3 and lr.
    memory.put(0x20000000, {5, 0, 0, 0, 0, 0x800d, 0x8000, 0x01000000});
    memory.put(0x20000020, {0, 0x801b});
    registers regs;
    regs.r[13] = 0x20000000;
    regs.r[15] = 0xfffffff9;
    auto trace = info->unwind(regs, std::cref(memory));
    EXPECT_EQ(trace.stopped_because, "");
    ASSERT_EQ(trace.frames.size(), 3u);
    EXPECT_TRUE(trace.frames[0].exception_entry);
    EXPECT_EQ(trace.frames[0].pc, 0x8000u);
    EXPECT_EQ(trace.frames[0].locations.back().function, "leaf(int)");
    EXPECT_EQ(trace.frames[0].locations.back().line, 1u);
    EXPECT_EQ(trace.frames[1].pc, 0x800cu);
    ASSERT_EQ(trace.frames[1].locations.size(), 2u);
    EXPECT_EQ(trace.frames[1].locations[0].function, "middle(int)");
    EXPECT_TRUE(trace.frames[1].locations[0].inlined);
    EXPECT_EQ(trace.frames[1].locations[0].line, 2u);
    EXPECT_EQ(trace.frames[1].locations[1].function, "caller(int)");
    EXPECT_EQ(trace.frames[1].locations[1].line, 3u);
    EXPECT_EQ(trace.frames[2].pc, 0x801au);
    EXPECT_EQ(trace.frames[2].locations.back().function, "rivet_reset_handler");
    const auto text = rivet::backtrace::format(trace);
    EXPECT_THAT(text, HasSubstr("in middle(int) [inlined] at "));
    EXPECT_THAT(text, HasSubstr("tiny.cpp:2"));
}

TEST(unwind, unreadable_saved_register_stops_with_its_address) {
    auto info = debug_info::load(RIVET_BACKTRACE_TESTDATA "/tiny.elf");
    fake_memory memory;
    memory.put(0x20000000, {5, 0, 0, 0, 0, 0x800d, 0x8000, 0x01000000});
    registers regs;
    regs.r[13] = 0x20000000;
    regs.r[15] = 0xfffffff9;
    auto trace = info->unwind(regs, std::cref(memory));
    ASSERT_EQ(trace.frames.size(), 2u);
    EXPECT_THAT(trace.stopped_because, HasSubstr("cannot read the saved r"));
}

TEST(debug_info, truncated_copy_of_a_real_elf_never_crashes) {
    std::ifstream in(RIVET_BACKTRACE_TESTDATA "/tiny.elf", std::ios::binary);
    std::vector<std::uint8_t> whole((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    ASSERT_GT(whole.size(), 1000u);
    for (std::size_t size :
         {std::size_t{52}, whole.size() / 4, whole.size() / 2, whole.size() - 1}) {
        debug_info info(
            std::vector<std::uint8_t>(whole.begin(), whole.begin() + static_cast<long>(size)),
            "cut.elf");
        registers regs;
        regs.r[15] = 0x8000;
        (void)info.unwind(regs, fake_memory{});
        (void)info.symbolize(0x800c);
    }
}

}  // namespace
