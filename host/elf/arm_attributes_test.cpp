// The build-attribute parser against sections as GCC writes them and as a
// damaged file might hold them.
#include <rivet/elf/arm_attributes.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rivet::elf {
namespace {

// A section with one "aeabi" subsection holding file attributes `body`.
std::vector<std::uint8_t> section_with(const std::vector<std::uint8_t>& body) {
    std::vector<std::uint8_t> file_attributes = {1};  // Tag_File
    const auto file_size = static_cast<std::uint32_t>(5 + body.size());
    for (int i = 0; i < 4; ++i) file_attributes.push_back((file_size >> (8 * i)) & 0xff);
    file_attributes.insert(file_attributes.end(), body.begin(), body.end());
    const std::string vendor = "aeabi";
    const auto length = static_cast<std::uint32_t>(4 + vendor.size() + 1 + file_attributes.size());
    std::vector<std::uint8_t> out = {'A'};
    for (int i = 0; i < 4; ++i) out.push_back((length >> (8 * i)) & 0xff);
    out.insert(out.end(), vendor.begin(), vendor.end());
    out.push_back(0);
    out.insert(out.end(), file_attributes.begin(), file_attributes.end());
    return out;
}

TEST(arm_attributes, reads_what_gcc_writes_for_a_cortex_m4_f) {
    // Tag_CPU_name "7E-M", Tag_CPU_arch 13, Tag_CPU_arch_profile 'M',
    // Tag_THUMB_ISA_use 3, Tag_FP_arch 11, Tag_ABI_VFP_args 1, and a
    // Tag_compatibility and a high odd (string) tag to skip.
    const auto section = section_with({5,  '7', 'E', '-', 'M', 0,  6,   13,  7,   'M', 9,  3, 10,
                                       11, 32,  0,   'x', 0,   67, '2', '.', '0', 0,   28, 1});
    const auto attributes = parse_arm_attributes(section);
    EXPECT_EQ(attributes.arch, 13u);
    EXPECT_EQ(attributes.profile, 'M');
    EXPECT_EQ(attributes.fp_arch, 11u);
    EXPECT_TRUE(attributes.fp_registers_abi);
    EXPECT_EQ(arch_name(*attributes.arch, attributes.profile), "ARMv7E-M");
    EXPECT_EQ(arch_name(10, 'M'), "ARMv7-M");
    EXPECT_EQ(arch_name(99), "architecture 99");
}

TEST(arm_attributes, damage_leaves_the_rest_unknown) {
    auto section = section_with({6, 11, 7, 'M'});
    EXPECT_EQ(parse_arm_attributes(section).arch, 11u);
    for (std::size_t cut = 0; cut < section.size(); ++cut) {
        const auto partial = parse_arm_attributes(std::span(section).first(cut));
        EXPECT_FALSE(partial.profile) << "cut at " << cut;
    }
    section[0] = 'B';  // another format version
    EXPECT_FALSE(parse_arm_attributes(section).arch);
    // A ULEB128 that never ends.
    EXPECT_FALSE(parse_arm_attributes(section_with({6, 0x80, 0x80, 0x80})).arch);
}

}  // namespace
}  // namespace rivet::elf
