#include <rivet/backtrace/exceptions.hpp>
#include <rivet/runner/fault.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using rivet::backtrace::exception_name;
using rivet::runner::backtrace_result;
using rivet::runner::describe_fault_status;
using rivet::runner::fault_report_data;
using rivet::runner::fault_status;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(describe_fault_status, precise_bus_fault_names_its_address) {
    fault_status s;
    s.cfsr = (1u << 9) | (1u << 15);  // PRECISERR, BFARVALID
    s.bfar = 0x1ffffff8;
    EXPECT_THAT(describe_fault_status(s), ElementsAre("precise bus fault at 0x1ffffff8"));
}

TEST(describe_fault_status, escalated_divide_by_zero) {
    fault_status s;
    s.cfsr = 1u << 25;
    s.hfsr = 1u << 30;
    EXPECT_THAT(describe_fault_status(s),
                ElementsAre("divide by zero",
                            "escalated to HardFault (the fault's own handler is disabled or could "
                            "not run)"));
}

TEST(describe_fault_status, mpu_violation_while_stacking) {
    fault_status s;
    s.cfsr = (1u << 1) | (1u << 4) | (1u << 7);  // DACCVIOL, MSTKERR, MMARVALID
    s.mmfar = 0x200003fc;
    EXPECT_THAT(describe_fault_status(s),
                ElementsAre("MPU: data access violation at 0x200003fc",
                            "MPU: fault while stacking for an exception entry"));
}

TEST(describe_fault_status, an_address_without_its_valid_bit_is_not_shown) {
    fault_status s;
    s.cfsr = 1u << 1;  // DACCVIOL, MMARVALID clear
    s.mmfar = 0xdeadbeef;
    EXPECT_THAT(describe_fault_status(s), ElementsAre("MPU: data access violation"));
}

TEST(describe_fault_status, nothing_set_says_nothing) {
    EXPECT_TRUE(describe_fault_status({}).empty());
}

// A fault as the runner read it: an undefined instruction in thread mode,
// two frames (one inlined) down to the reset handler.
fault_report_data sample_fault() {
    fault_report_data f;
    f.exception_number = 3;
    f.exception = exception_name(3);
    f.status = fault_status{1u << 16, 1u << 30, 0, 0};
    f.causes = describe_fault_status(*f.status);
    f.registers[15] = 0x294;
    f.registers[13] = 0x20000800;
    f.xpsr = 0x21000000;
    f.registers_source = "when the fault was taken";
    rivet::backtrace::trace t;
    rivet::backtrace::frame first;
    first.pc = 0x294;
    first.locations = {{"fault_here()", "faults.cpp", 19, false}};
    first.exception_entry = true;
    first.exc_return = 0xfffffff9;
    rivet::backtrace::frame second;
    second.pc = 0x2a2;
    second.locations = {{"inlined_step()", "faults.cpp", 33, true},
                        {"call_the_faulting_function()", "faults.cpp", 38, false}};
    t.frames = {first, second};
    t.end = rivet::backtrace::ending::reset_handler;
    f.backtrace.trace = t;
    return f;
}

TEST(fault_report, text) {
    const auto text = rivet::runner::to_text(sample_fault());
    EXPECT_THAT(text, HasSubstr("firmware fault: unhandled HardFault (exception 3)\n"));
    EXPECT_THAT(text, HasSubstr("  - undefined instruction\n"));
    EXPECT_THAT(text, HasSubstr("registers (when the fault was taken; xPSR 0x21000000):\n"));
    EXPECT_THAT(text,
                HasSubstr("backtrace:\n      <exception entry: thread mode, MSP, basic frame>\n"
                          "  #0  0x00000294 in fault_here() at faults.cpp:19\n"
                          "  #1  0x000002a2 in inlined_step() [inlined] at faults.cpp:33\n"
                          "  #2  0x000002a2 in call_the_faulting_function() at faults.cpp:38"));
    EXPECT_THAT(text, ::testing::Not(HasSubstr("unwinding stopped")));
}

TEST(fault_report, json) {
    const auto json = rivet::runner::to_json(sample_fault());
    EXPECT_EQ(json["type"], "fault");
    EXPECT_EQ(json["exception"]["number"], 3);
    EXPECT_EQ(json["exception"]["name"], "HardFault");
    EXPECT_TRUE(json["stack_overflow"].is_null());
    EXPECT_EQ(json["fault_status"]["cfsr"], 1u << 16);
    EXPECT_EQ(json["causes"][0], "undefined instruction");
    EXPECT_EQ(json["registers"]["pc"], 0x294);
    EXPECT_EQ(json["registers"]["xpsr"], 0x21000000);
    EXPECT_EQ(json["registers"]["source"], "when the fault was taken");
    const auto& frames = json["backtrace"]["frames"];
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[0]["exception_entry"]["stack"], "msp");
    EXPECT_EQ(frames[1]["function"], "inlined_step()");
    EXPECT_TRUE(frames[1]["inlined"].get<bool>());
    EXPECT_EQ(frames[2]["index"], 2);
    EXPECT_EQ(frames[2]["line"], 38);
    EXPECT_EQ(json["backtrace"]["end"], "reset_handler");
    EXPECT_TRUE(json["backtrace"]["reason"].is_null());
    // Every line of `rivet run --json` is one object: the dump has no newline.
    EXPECT_EQ(json.dump().find('\n'), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(json.dump()), json);
}

TEST(fault_report, an_unreadable_target_still_names_the_exception) {
    fault_report_data f;
    f.exception_number = 2;
    f.exception = exception_name(2);
    f.incomplete = "connection closed";
    EXPECT_EQ(
        rivet::runner::to_text(f),
        "firmware fault: unhandled NMI (exception 2)\n  (no further report: connection closed)");
    const auto json = rivet::runner::to_json(f);
    EXPECT_EQ(json["incomplete"], "connection closed");
    EXPECT_FALSE(json.contains("backtrace"));
}

TEST(backtrace_report, a_core_stopped_in_a_handler_says_which) {
    backtrace_result b;
    b.trace = rivet::backtrace::trace{};
    b.trace->end = rivet::backtrace::ending::process_stack;
    b.trace->stopped_because = "the interrupted code's call chain is on the process stack";
    b.active_exception = 15;
    EXPECT_THAT(rivet::runner::to_text(b),
                HasSubstr("backtrace (the core is in the SysTick handler, exception 15):\n"));
    const auto json = rivet::runner::to_json(b);
    EXPECT_EQ(json["active_exception"]["name"], "SysTick");
    EXPECT_EQ(json["end"], "process_stack");
    EXPECT_TRUE(rivet::runner::to_json(backtrace_result{})["active_exception"].is_null());
}

TEST(backtrace_report, overflow_scan_as_text_and_json) {
    backtrace_result b;
    b.overflow_scan = true;
    b.unavailable = "the exception frame was never stacked";
    b.scanned_bytes = 256;
    b.near_stack_bottom = {{"recurse(unsigned long)", 4}};
    EXPECT_EQ(rivet::runner::to_text(b),
              "backtrace: unavailable, the exception frame was never stacked\n"
              "  return addresses in the lowest 256 bytes of the stack point into:\n"
              "    recurse(unsigned long) (4x)");
    const auto json = rivet::runner::to_json(b);
    EXPECT_TRUE(json["frames"].empty());
    EXPECT_EQ(json["near_stack_bottom"]["functions"][0]["count"], 4);
}

}  // namespace
