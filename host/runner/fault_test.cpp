#include <rivet/runner/fault.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using rivet::runner::describe_fault_status;
using rivet::runner::exception_name;
using rivet::runner::fault_status;
using ::testing::ElementsAre;

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

TEST(exception_name, names) {
    EXPECT_EQ(exception_name(3), "HardFault");
    EXPECT_EQ(exception_name(2), "NMI");
    EXPECT_EQ(exception_name(21), "interrupt 5");
    EXPECT_EQ(exception_name(7), "reserved exception 7");
}

}  // namespace
