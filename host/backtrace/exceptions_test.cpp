#include <rivet/backtrace/exceptions.hpp>

#include <gtest/gtest.h>

namespace {

using rivet::backtrace::exception_name;

TEST(exception_name, names_system_exceptions_interrupts_and_reserved_numbers) {
    EXPECT_EQ(exception_name(2), "NMI");
    EXPECT_EQ(exception_name(3), "HardFault");
    EXPECT_EQ(exception_name(14), "PendSV");
    EXPECT_EQ(exception_name(16), "interrupt 0");
    EXPECT_EQ(exception_name(21), "interrupt 5");
    EXPECT_EQ(exception_name(7), "reserved exception 7");
}

}  // namespace
