#include <rivet/debug/registers.hpp>
#include <rivet/probe/fake_probe.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

namespace rivet::debug {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(debug_registers, core_registers_always_then_what_the_probe_has) {
    probe::fake_probe target;
    target.set_register("msp", 0);
    target.set_register("control", 0);
    const auto registers = registers_of(target);
    ASSERT_EQ(registers.size(), 19u);
    EXPECT_EQ(registers[0].name, "r0");
    EXPECT_EQ(registers[15].name, "pc");
    EXPECT_EQ(registers[16].name, "xpsr");
    EXPECT_EQ(registers[17].name, "msp");
    EXPECT_EQ(registers[18].name, "control");
    EXPECT_EQ(registers[18].feature, "org.gnu.gdb.arm.m-system");
}

TEST(debug_registers, fpu_registers_are_64_bits_in_the_vfp_feature) {
    probe::fake_probe target;
    for (int i = 0; i < 16; ++i) target.set_register_bytes(fmt::format("d{}", i), {});
    target.set_register("fpscr", 0);
    const auto registers = registers_of(target);
    ASSERT_EQ(registers.size(), 17u + 17u);
    EXPECT_EQ(registers[17].name, "d0");
    EXPECT_EQ(registers[17].bits, 64u);
    EXPECT_EQ(registers[33].name, "fpscr");

    const auto xml = target_xml(registers);
    EXPECT_THAT(xml, HasSubstr("<feature name=\"org.gnu.gdb.arm.vfp\">"));
    EXPECT_THAT(xml,
                HasSubstr("<reg name=\"d0\" bitsize=\"64\" regnum=\"17\" type=\"ieee_double\"/>"));
    EXPECT_THAT(xml, HasSubstr("<reg name=\"xpsr\" bitsize=\"32\" regnum=\"16\""));
    EXPECT_THAT(xml, Not(HasSubstr("m-system")));
}

}  // namespace
}  // namespace rivet::debug
