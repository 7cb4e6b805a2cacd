#include <rivet/backtrace/backtrace.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
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

TEST(unwind, psp_frame_without_psp_stops_cleanly) {
    debug_info info({}, "none.elf");
    registers regs;
    regs.r[15] = 0xfffffffd;
    auto trace = info.unwind(regs, fake_memory{});
    EXPECT_THAT(trace.stopped_because, HasSubstr("PSP"));
}

}  // namespace
