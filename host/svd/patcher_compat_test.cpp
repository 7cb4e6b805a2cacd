// Patcher behaviour checked against svdtools where Rivet once differed:
// interrupts of derived peripherals, enumeration names written as the patch
// gives them (and the C++ emitter keeping its identifiers unique anyway).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "patcher_test_support.hpp"
#include "rivet/svd/emitter.hpp"
#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"
#include "xml_util.hpp"

namespace rivet::svd {
namespace {

using test::field;
using test::patched;
using test::peripheral;
using test::reg;

std::vector<std::string> interrupts(pugi::xml_node p) {
    std::vector<std::string> out;
    for (pugi::xml_node i : p.children("interrupt"))
        out.push_back(text_of(i, "name") + "=" + text_of(i, "value"));
    return out;
}

// svdtools edits a derived peripheral's interrupts (_delete/_modify/_add of
// _interrupts, in that order) and nothing else of it.
TEST(svd_patch_compat, derived_peripheral_takes_interrupt_edits) {
    svd_document d = patched(R"(
GPIOB:
  _add:
    _interrupts:
      GPIOB_A: {value: 9, description: first}
      GPIOB_B: {value: 10}
  GPIOA_MODER:
    _delete: [MODER0]
)");
    EXPECT_EQ(interrupts(peripheral(d, "GPIOB")),
              (std::vector<std::string>{"GPIOB_A=9", "GPIOB_B=10"}));
    EXPECT_EQ(interrupts(peripheral(d, "GPIOA")), (std::vector<std::string>{"EXTI0=6"}));
    EXPECT_FALSE(peripheral(d, "GPIOB").child("registers"));
    EXPECT_TRUE(field(reg(peripheral(d, "GPIOA"), "GPIOA_MODER"), "MODER0"));

    apply_patch_string(d, R"(
"GPIO[AB]":
  _delete:
    _interrupts: [GPIOB_B]
  _modify:
    _interrupts:
      GPIOB_A: {name: GPIOB_IRQ}
      EXTI0: {value: 7}
)",
                       "more.yaml", "/nonexistent", {});
    EXPECT_EQ(interrupts(peripheral(d, "GPIOB")), (std::vector<std::string>{"GPIOB_IRQ=9"}));
    EXPECT_EQ(interrupts(peripheral(d, "GPIOA")), (std::vector<std::string>{"EXTI0=7"}));
}

// Two enumerations named State in one register, with different values.
constexpr const char* two_states = R"(  GPIOA_ODR:
    OD_LO:
      _name: State
      Low: [0, low]
      High: [1, high]
    OD_HI:
      _name: State
      Off: [0, off]
      On: [3, on]
)";

// Enumerations keep the names the patch gives them, even when a peripheral
// or a register repeats one; a field array's name loses its %s as in
// svdtools.
TEST(svd_patch_compat, enumeration_names_as_the_patch_gives_them) {
    const svd_document d = patched(std::string(R"(
GPIOA:
  GPIOA_MODER:
    _modify:
      MODER1: {name: "MODE%s", dim: 2, dimIncrement: 2, dimIndex: "1-2"}
    MODER0:
      _name: State
      Idle: [0, idle]
      Busy: [1, busy]
    "MODE%s":
      _write:
        In: [0, in]
        Out: [1, out]
)") + two_states);
    pugi::xml_node p = peripheral(d, "GPIOA");
    pugi::xml_node moder = reg(p, "GPIOA_MODER");
    pugi::xml_node odr = reg(p, "GPIOA_ODR");
    EXPECT_EQ(text_of(field(moder, "MODER0").child("enumeratedValues"), "name"), "State");
    EXPECT_EQ(text_of(field(odr, "OD_LO").child("enumeratedValues"), "name"), "State");
    EXPECT_EQ(text_of(field(odr, "OD_HI").child("enumeratedValues"), "name"), "State");
    EXPECT_EQ(text_of(field(moder, "MODE%s").child("enumeratedValues"), "name"), "MODEW");
}

// ... and the C++ emitter still gives the two State types of GPIOA_ODR
// different names.
TEST(svd_patch_compat, emitter_keeps_repeated_enumeration_names_apart) {
    svd_document d = patched(std::string("GPIOA:\n") + two_states);
    resolve_derived(d, true);
    const svd_device dev = build_model(d);
    std::string all;
    for (const generated_file& f : emit_cpp(dev, {})) all += f.text;
    EXPECT_NE(all.find("enum class state_v : std::uint32_t {\n    low = 0x0u,"), std::string::npos);
    EXPECT_NE(all.find("enum class state_v_ : std::uint32_t {\n    off = 0x0u,"),
              std::string::npos);
}

}  // namespace
}  // namespace rivet::svd
