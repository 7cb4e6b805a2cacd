#include <rivet/board/description.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using rivet::board::parse;
using testing::HasSubstr;

constexpr const char* valid = R"({
  "name": "demo", "description": "a demo", "cpu": "cortex-m3", "clock_hz": 12000000,
  "interrupts": 44,
  "memory": [{"name": "flash", "kind": "flash", "origin": "0x0", "length": "0x40000"},
             {"name": "ram", "kind": "ram", "origin": "0x20000000", "length": 65536}],
  "console": {"driver": "pl011", "base": "0x4000c000"},
  "qemu": {"machine": "lm3s6965evb"}
})";

std::string error_of(std::string_view text) {
    try {
        parse(text, "boards/demo/board.json");
    } catch (const rivet::error& e) {
        EXPECT_EQ(e.kind(), rivet::error_kind::bad_input);
        return e.what();
    }
    return "no error";
}

TEST(board_description, parses_every_field) {
    auto board = parse(valid, "test");
    EXPECT_EQ(board.name, "demo");
    EXPECT_EQ(board.cpu, "cortex-m3");
    EXPECT_EQ(board.clock_hz, 12000000u);
    EXPECT_EQ(board.interrupts, 44u);
    ASSERT_EQ(board.memory.size(), 2u);
    EXPECT_EQ(board.memory[1].origin, 0x20000000u);
    EXPECT_EQ(board.memory[1].length, 0x10000u);
    EXPECT_EQ(board.console_base, 0x4000c000u);
    EXPECT_EQ(board.qemu_machine, "lm3s6965evb");
    EXPECT_FALSE(board.qemu_console_ready);
}

TEST(board_description, console_ready_condition_for_qemu) {
    std::string text = valid;
    const std::string machine = R"("machine": "lm3s6965evb")";
    text.replace(
        text.find(machine), machine.size(),
        R"("machine": "lm3s6965evb", "console_ready": {"address": "0x4000c030", "mask": "0x201"})");
    auto board = parse(text, "test");
    ASSERT_TRUE(board.qemu_console_ready);
    EXPECT_EQ(board.qemu_console_ready->address, 0x4000c030u);
    EXPECT_EQ(board.qemu_console_ready->mask, 0x201u);
    std::string no_mask = text;
    no_mask.replace(no_mask.find(R"("0x201")"), 7, R"("0")");
    EXPECT_THAT(error_of(no_mask), HasSubstr("\"qemu.console_ready.mask\" must not be 0"));
}

TEST(board_description, finds_the_region_holding_a_range) {
    auto board = parse(valid, "test");
    ASSERT_NE(board.region_for(0x3fff0, 0x10), nullptr);
    EXPECT_EQ(board.region_for(0x3fff0, 0x10)->name, "flash");
    EXPECT_EQ(board.region_for(0x3fff0, 0x11), nullptr);  // runs past the end of flash
    EXPECT_EQ(board.region_for(0x10000000, 4), nullptr);  // between regions
    EXPECT_EQ(board.region_for(0x2000fffc, 4)->name, "ram");
    EXPECT_EQ(board.region_for(0xfffffffc, 8), nullptr);  // wraps around
}

TEST(board_description, reports_what_is_wrong_and_where) {
    EXPECT_THAT(error_of("{"), HasSubstr("boards/demo/board.json: invalid board description"));
    EXPECT_THAT(error_of("[]"), HasSubstr("top level must be an object"));
    EXPECT_THAT(error_of(R"({"name": "x"})"), HasSubstr("missing \"cpu\""));
    std::string bad_origin = valid;
    bad_origin.replace(bad_origin.find("0x20000000"), 10, "0xZZ");
    EXPECT_THAT(error_of(bad_origin), HasSubstr("\"origin\": \"0xZZ\" is not a 32-bit number"));
    std::string bad_kind = valid;
    bad_kind.replace(bad_kind.find("\"kind\": \"ram\""), 13, "\"kind\": \"eeprom\"");
    EXPECT_THAT(error_of(bad_kind), HasSubstr("kind must be \"flash\" or \"ram\""));
}

TEST(board_description, built_in_boards_are_the_emulated_ones) {
    auto names = rivet::board::builtin_names();
    EXPECT_THAT(names, testing::UnorderedElementsAre("lm3s6965evb", "lm3s811evb", "microbit",
                                                     "netduinoplus2", "mps2-an385", "mps2-an505"));
    for (const auto& name : names) {
        auto board = rivet::board::find_builtin(name);
        ASSERT_TRUE(board) << name;
        EXPECT_EQ(board->name, name);
        EXPECT_EQ(board->qemu_machine, name);
        EXPECT_NE(board->region_for(board->memory[0].origin, 4), nullptr);
    }
    EXPECT_FALSE(rivet::board::find_builtin("no-such-board"));
}

TEST(board_description, which_code_runs_on_which_core) {
    const auto m0 = rivet::board::core_of("cortex-m0");
    const auto m3 = rivet::board::core_of("cortex-m3");
    const auto m4f = rivet::board::core_of("cortex-m4f");
    ASSERT_TRUE(m0 && m3 && m4f);
    EXPECT_FALSE(rivet::board::core_of("cortex-a53"));
    constexpr unsigned v6m = 12, v7m = 10, v7em = 13, v8m_main = 17;
    EXPECT_TRUE(rivet::board::runs_on(v6m, *m0));
    EXPECT_TRUE(rivet::board::runs_on(v6m, *m4f));
    EXPECT_FALSE(rivet::board::runs_on(v7m, *m0));
    EXPECT_TRUE(rivet::board::runs_on(v7m, *m4f));
    EXPECT_FALSE(rivet::board::runs_on(v7em, *m3));
    EXPECT_FALSE(rivet::board::runs_on(v8m_main, *m4f));
    EXPECT_TRUE(m4f->fpu);
    EXPECT_FALSE(m3->fpu);
}

TEST(board_description, boot_address_is_the_flash) {
    auto board = parse(valid, "test");
    EXPECT_EQ(board.boot_address(), 0u);
    EXPECT_EQ(board.describe_memory(), "flash 0x00000000-0x0003ffff, ram 0x20000000-0x2000ffff");
}

}  // namespace
