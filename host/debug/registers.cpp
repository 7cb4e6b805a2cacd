#include <rivet/debug/registers.hpp>

#include <fmt/format.h>

#include <array>

namespace rivet::debug {
namespace {

constexpr std::string_view core_feature = "org.gnu.gdb.arm.m-profile";
constexpr std::string_view system_feature = "org.gnu.gdb.arm.m-system";
constexpr std::string_view fpu_feature = "org.gnu.gdb.arm.vfp";

}  // namespace

std::vector<gdb_register> registers_of(const probe::probe& target) {
    std::vector<gdb_register> out;
    // GDB's ARM support insists on these names in the core feature, so they
    // are served even by a probe that cannot read one (it answers an error).
    for (int i = 0; i <= 12; ++i)
        out.push_back({fmt::format("r{}", i), 32, core_feature, "uint32"});
    out.push_back({"sp", 32, core_feature, "data_ptr"});
    out.push_back({"lr", 32, core_feature, "int"});
    out.push_back({"pc", 32, core_feature, "code_ptr"});
    out.push_back({"xpsr", 32, core_feature, "int"});
    for (const char* name : {"msp", "psp"}) {
        if (target.has_register(name)) out.push_back({name, 32, system_feature, "data_ptr"});
    }
    for (const char* name : {"primask", "basepri", "faultmask", "control"}) {
        if (target.has_register(name)) out.push_back({name, 32, system_feature, "int"});
    }
    if (target.has_register("d0")) {
        for (int i = 0; i < 16; ++i) {
            auto name = fmt::format("d{}", i);
            if (target.has_register(name)) out.push_back({name, 64, fpu_feature, "ieee_double"});
        }
        if (target.has_register("fpscr")) out.push_back({"fpscr", 32, fpu_feature, "int"});
    }
    return out;
}

std::string target_xml(const std::vector<gdb_register>& registers) {
    std::string xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target version=\"1.0\">\n  <architecture>arm</architecture>\n";
    std::string_view open;
    for (std::size_t i = 0; i < registers.size(); ++i) {
        const auto& reg = registers[i];
        if (reg.feature != open) {
            if (!open.empty()) xml += "  </feature>\n";
            xml += fmt::format("  <feature name=\"{}\">\n", reg.feature);
            open = reg.feature;
        }
        xml += fmt::format("    <reg name=\"{}\" bitsize=\"{}\" regnum=\"{}\" type=\"{}\"/>\n",
                           reg.name, reg.bits, i, reg.type);
    }
    if (!open.empty()) xml += "  </feature>\n";
    xml += "</target>\n";
    return xml;
}

}  // namespace rivet::debug
