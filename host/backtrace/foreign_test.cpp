// Backtraces on firmware Rivet did not link: testdata/foreign-recurse.elf is
// tests/firmware/foreign built as foreign-recurse-lm3s6965evb (vendor-style
// startup in assembly, .isr_vector, -ffunction-sections --gc-sections, a
// discarded unused_formatter whose DWARF stays at address 0 over the first
// 0x408 bytes of code, libgcc).
#include <rivet/backtrace/backtrace.hpp>
#include <rivet/backtrace/json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

namespace {

using rivet::backtrace::debug_info;
using rivet::backtrace::ending;
using rivet::backtrace::registers;
using ::testing::HasSubstr;
using ::testing::Not;

std::unique_ptr<debug_info> foreign() {
    auto info = debug_info::load(RIVET_BACKTRACE_TESTDATA "/foreign-recurse.elf");
    EXPECT_EQ(info->problem(), "");
    return info;
}

std::uint32_t address_of(const debug_info& info, const std::string& name) {
    for (const auto& f : info.functions()) {
        if (f.name == name) return f.address;
    }
    ADD_FAILURE() << name << " not found";
    return 0;
}

// Every address reads as `value`, up to `end`.
auto every_word(std::uint32_t value, std::uint32_t end = 0xffffffffu) {
    return [=](std::uint32_t address) -> std::optional<std::uint32_t> {
        if (address >= end) return std::nullopt;
        return value;
    };
}

TEST(foreign, discarded_dwarf_at_address_zero_does_not_name_real_code) {
    auto info = foreign();
    for (const char* name : {"Reset_Handler", "task_exit_error", "ticker_task", "count_down"}) {
        const auto where = info->symbolize(address_of(*info, name) + 2);
        EXPECT_EQ(where.back().function, name);
        EXPECT_THAT(where.back().file, Not(HasSubstr("unused")));
    }
    // The line is the function's own, not one of unused_formatter's.
    const auto reset = info->symbolize(address_of(*info, "Reset_Handler"));
    EXPECT_THAT(reset.back().file, HasSubstr("startup.S"));
    const auto ticker = info->symbolize(address_of(*info, "ticker_task"));
    EXPECT_THAT(ticker.back().file, HasSubstr("app.c"));
    EXPECT_GE(ticker.back().line, 29u);  // not unused_formatter's 26
    ASSERT_TRUE(info->declaration(address_of(*info, "ticker_task")));
    EXPECT_EQ(info->declaration(address_of(*info, "ticker_task"))->second, 29u);
}

TEST(foreign, vector_table_from_isr_vector) {
    auto info = foreign();
    auto table = info->find_vector_table();
    ASSERT_TRUE(table);
    EXPECT_EQ(table->found_by, "section .isr_vector");
    EXPECT_EQ(table->address, 0u);
    EXPECT_EQ(table->initial_sp, 0x20010000u);
    ASSERT_EQ(table->handlers.size(), 24u);
    EXPECT_EQ(table->handlers[1], address_of(*info, "Reset_Handler"));
    EXPECT_EQ(table->handlers[3], address_of(*info, "Default_Handler"));
    EXPECT_EQ(table->handlers[14], address_of(*info, "PendSV_Handler"));
    EXPECT_EQ(table->handlers[7], 0u);
    // Where the core boots, the same table.
    EXPECT_EQ(info->find_vector_table(0u)->handlers, table->handlers);
}

TEST(foreign, aliases_name_the_strong_symbol) {
    auto info = foreign();
    EXPECT_EQ(info->symbolize(address_of(*info, "Default_Handler")).back().function,
              "Default_Handler");
}

TEST(foreign, assembly_without_size_gets_its_frame_entry_range) {
    auto info = foreign();
    for (const auto& f : info->functions()) {
        if (f.name == "__aeabi_uldivmod") {
            // libgcc's hand-written FDE covers 48 bytes; the frame is 16.
            EXPECT_EQ(f.size, 48u);
            EXPECT_EQ(info->frame_size(f), 16u);
            return;
        }
    }
    FAIL() << "__aeabi_uldivmod not found";
}

// A task's first LR is the first instruction of the task-exit function: the
// frame names that function, and the chain ends there.
TEST(foreign, seeded_task_exit_return_address_ends_the_thread) {
    auto info = foreign();
    registers regs;
    regs.r[15] = address_of(*info, "ticker_task");  // its first instruction
    regs.r[14] = address_of(*info, "task_exit_error") | 1u;
    regs.r[13] = 0x20000800;
    auto trace = info->unwind(regs, every_word(0));
    ASSERT_EQ(trace.frames.size(), 2u);
    EXPECT_EQ(trace.frames[1].locations.back().function, "task_exit_error");
    EXPECT_EQ(trace.end, ending::thread_start);
    EXPECT_THAT(rivet::backtrace::format(trace), HasSubstr("end of the thread's call chain"));
}

TEST(foreign, reset_value_of_lr_ends_the_chain) {
    auto info = foreign();
    registers regs;
    regs.r[15] = address_of(*info, "main");
    regs.r[14] = 0xffffffffu;
    regs.r[13] = 0x20010000;
    auto trace = info->unwind(regs, every_word(0));
    ASSERT_EQ(trace.frames.size(), 1u);
    EXPECT_EQ(trace.end, ending::chain_end);
    const auto text = rivet::backtrace::format(trace);
    EXPECT_THAT(text, Not(HasSubstr("PSP")));
    EXPECT_THAT(text, Not(HasSubstr("unwinding stopped")));
}

TEST(foreign, reset_vector_is_the_bottom_of_the_chain) {
    auto info = foreign();
    registers regs;
    regs.r[15] = address_of(*info, "main");
    regs.r[14] = address_of(*info, "Reset_Handler") + 0x2d;  // after bl main, Thumb
    regs.r[13] = 0x20010000;
    auto trace = info->unwind(regs, every_word(0));
    ASSERT_EQ(trace.frames.size(), 2u);
    EXPECT_EQ(trace.frames[1].locations.back().function, "Reset_Handler");
    EXPECT_EQ(trace.end, ending::reset_handler);
    EXPECT_EQ(trace.stopped_because, "");
}

// count_down calls itself; every saved LR returns into it after that call.
std::uint32_t count_down_return(const debug_info& info) {
    const auto start = address_of(info, "count_down");
    auto code = info.bytes_at(start, 0x2e);
    for (std::size_t i = 0; code && i + 4 <= code->size(); i += 2) {
        const std::uint32_t hw1 = (*code)[i] | ((*code)[i + 1] << 8);
        const std::uint32_t hw2 = (*code)[i + 2] | ((*code)[i + 3] << 8);
        if ((hw1 & 0xf800) == 0xf000 && (hw2 & 0xd000) == 0xd000)
            return start + static_cast<std::uint32_t>(i) + 4;
    }
    ADD_FAILURE() << "no call in count_down";
    return 0;
}

TEST(foreign, frames_past_the_limit_are_counted) {
    auto info = foreign();
    registers regs;
    regs.r[15] = address_of(*info, "count_down");
    regs.r[14] = count_down_return(*info) | 1u;
    regs.r[13] = 0x20000000;
    // 200 frames of 48 bytes, then unreadable memory.
    auto trace = info->unwind(regs, every_word(regs.r[14], 0x20000000 + 200 * 48));
    EXPECT_EQ(trace.frames.size(), debug_info::default_max_frames);
    EXPECT_GT(trace.frames_left_out, 100u);
    EXPECT_FALSE(trace.left_out_is_lower_bound);
    EXPECT_THAT(rivet::backtrace::format(trace),
                HasSubstr(std::to_string(trace.frames_left_out) +
                          " more frames left out: a backtrace keeps 64"));
    // Without an end, counting gives up.
    auto endless = info->unwind(regs, every_word(regs.r[14]));
    EXPECT_TRUE(endless.left_out_is_lower_bound);
    EXPECT_THAT(rivet::backtrace::format(endless), HasSubstr("over "));
}

// The process stack the probe cannot show: said once, with the thread the
// RTOS's pxCurrentTCB names.
TEST(foreign, hidden_process_stack_names_the_running_thread) {
    auto info = foreign();
    const auto tcb_pointer = info->find_symbol("pxCurrentTCB");
    ASSERT_TRUE(tcb_pointer);
    constexpr std::uint32_t tcb = 0x20000a00;
    const auto worker = address_of(*info, "worker_task");
    auto memory = [&](std::uint32_t address) -> std::optional<std::uint32_t> {
        if (address == tcb_pointer->first) return tcb;
        if (address == tcb) return 0x200007c0;       // pxTopOfStack
        if (address == tcb + 4) return 0x20000020;   // pxStack
        if (address == tcb + 8) return worker | 1u;  // entry
        if (address == tcb + 12) return 0x6b726f77;  // "work"
        if (address == tcb + 16) return 0x7265;      // "er"
        return std::nullopt;
    };
    registers regs;
    regs.r[15] = 0xfffffffd;
    regs.r[13] = 0x2000ffe0;
    auto trace = info->unwind(regs, memory);
    EXPECT_EQ(trace.end, ending::process_stack);
    ASSERT_TRUE(trace.thread);
    EXPECT_EQ(trace.thread->rtos, "FreeRTOS");
    EXPECT_EQ(trace.thread->name, "worker");
    EXPECT_EQ(trace.thread->entry_function, "worker_task");
    EXPECT_EQ(trace.thread->saved_sp, 0x200007c0u);
    EXPECT_EQ(trace.thread->stack_base, 0x20000020u);
    const auto text = rivet::backtrace::format(trace);
    EXPECT_THAT(text, HasSubstr("call chain is on the process stack"));
    EXPECT_THAT(text, HasSubstr("running thread \"worker\""));
    EXPECT_THAT(text, HasSubstr("entry worker_task"));
    const auto json = rivet::backtrace::to_json(trace);
    EXPECT_EQ(json["end"], "process_stack");
    EXPECT_EQ(json["thread"]["name"], "worker");
    EXPECT_EQ(json["thread"]["entry_function"], "worker_task");
}

TEST(foreign, json_frames_carry_locations_and_exception_entries) {
    auto info = foreign();
    // An exception taken in ticker_task (on the MSP here), stacked at 0x20000100.
    const auto ticker = address_of(*info, "ticker_task");
    const auto exit_error = address_of(*info, "task_exit_error");
    auto memory = [&](std::uint32_t address) -> std::optional<std::uint32_t> {
        const std::uint32_t frame[8] = {0, 0, 0, 0, 0, exit_error | 1u, ticker, 0x01000000};
        if (address >= 0x20000100 && address < 0x20000120) return frame[(address - 0x20000100) / 4];
        return std::nullopt;
    };
    registers regs;
    regs.r[15] = 0xfffffff9;
    regs.r[13] = 0x20000100;
    auto trace = info->unwind(regs, memory);
    const auto json = rivet::backtrace::to_json(trace);
    ASSERT_EQ(json["frames"].size(), 2u);
    const auto& first = json["frames"][0];
    EXPECT_EQ(first["index"], 0);
    EXPECT_EQ(first["pc"], ticker);
    EXPECT_EQ(first["function"], "ticker_task");
    EXPECT_THAT(first["file"].get<std::string>(), HasSubstr("app.c"));
    EXPECT_FALSE(first["inlined"].get<bool>());
    EXPECT_EQ(first["exception_entry"]["mode"], "thread");
    EXPECT_EQ(first["exception_entry"]["stack"], "msp");
    EXPECT_EQ(first["exception_entry"]["frame"], "basic");
    EXPECT_TRUE(json["frames"][1]["exception_entry"].is_null());
    EXPECT_EQ(json["end"], "thread_start");
    EXPECT_EQ(json["frames_left_out"], 0);
}

}  // namespace
