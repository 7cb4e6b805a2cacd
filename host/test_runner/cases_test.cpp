#include <rivet/contracts/testing.hpp>
#include <rivet/support/error.hpp>
#include <rivet/test_runner/cases.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <map>

namespace rivet::test_runner {
namespace {

using ::testing::HasSubstr;
namespace contract = contracts::testing;

// A case table as the firmware lays it out, and the names it points at.
struct image {
    std::vector<std::uint8_t> table;
    std::map<std::uint32_t, std::string> texts;

    void add(std::uint32_t name_at, const std::string& name, std::uint32_t function,
             std::uint32_t flags) {
        texts[name_at] = name;
        const contract::basic_case<std::uint32_t, std::uint32_t> raw{name_at, function, flags};
        const auto at = table.size();
        table.resize(at + contract::case_size);
        std::memcpy(table.data() + at, &raw, contract::case_size);
    }
    [[nodiscard]] text_reader reader() const {
        return [this](std::uint32_t address) -> std::optional<std::string> {
            auto found = texts.find(address);
            if (found == texts.end()) return std::nullopt;
            return found->second;
        };
    }
};

std::string refusal(const image& firmware) {
    try {
        parse_cases(firmware.table, firmware.reader());
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::bad_input);
        return e.what();
    }
    ADD_FAILURE() << "accepted";
    return "";
}

TEST(parse_cases, reads_names_functions_and_attributes_in_link_order) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0x201, 0);
    firmware.add(0x1010, "refuses", 0x301, contract::flag_should_fail);
    firmware.add(0x1020, "slow", 0x401, contract::flag_ignore | contract::flag_should_fail);

    const auto cases = parse_cases(firmware.table, firmware.reader());

    ASSERT_EQ(cases.size(), 3u);
    EXPECT_EQ(cases[0].name, "adds_up");
    EXPECT_EQ(cases[0].index, 0u);
    EXPECT_EQ(cases[0].function, 0x200u);  // Thumb bit cleared
    EXPECT_FALSE(cases[0].should_fail);
    EXPECT_TRUE(cases[1].should_fail);
    EXPECT_FALSE(cases[1].ignore);
    EXPECT_EQ(cases[2].index, 2u);
    EXPECT_TRUE(cases[2].ignore);
    EXPECT_TRUE(cases[2].should_fail);
}

TEST(parse_cases, rejects_a_table_cut_short) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0x201, 0);
    firmware.table.pop_back();
    EXPECT_THAT(refusal(firmware), HasSubstr("not a whole number of 12-byte cases"));
}

TEST(parse_cases, rejects_a_name_outside_the_image) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0x201, 0);
    firmware.texts.clear();
    EXPECT_THAT(refusal(firmware),
                HasSubstr("case 0: its name at 0x00001000 is not an identifier"));
}

TEST(parse_cases, rejects_a_name_that_is_no_identifier) {
    image firmware;
    firmware.add(0x1000, "two words", 0x201, 0);
    EXPECT_THAT(refusal(firmware), HasSubstr("not an identifier"));
}

TEST(parse_cases, rejects_unknown_flags) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0x201, 0x80);
    EXPECT_THAT(refusal(firmware), HasSubstr("case 0 (adds_up): unknown flags 0x80"));
}

TEST(parse_cases, rejects_a_case_without_function) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0, 0);
    EXPECT_THAT(refusal(firmware), HasSubstr("case 0 (adds_up): no function"));
}

TEST(parse_cases, rejects_a_name_used_twice) {
    image firmware;
    firmware.add(0x1000, "adds_up", 0x201, 0);
    firmware.add(0x1000, "adds_up", 0x301, 0);
    EXPECT_THAT(refusal(firmware), HasSubstr("case 1: the name adds_up is used twice"));
}

TEST(choose, a_filter_matches_part_of_a_name_or_with_exact_all_of_it) {
    const test_case adds{.name = "adds_up"};
    EXPECT_EQ(choose(adds, {}), choice::run);
    EXPECT_EQ(choose(adds, {.filter = "add"}), choice::run);
    EXPECT_EQ(choose(adds, {.filter = "sub"}), choice::skip);
    EXPECT_EQ(choose(adds, {.filter = "add", .exact = true}), choice::skip);
    EXPECT_EQ(choose(adds, {.filter = "adds_up", .exact = true}), choice::run);
}

TEST(choose, an_ignored_case_runs_only_when_asked) {
    test_case slow{.name = "slow"};
    slow.ignore = true;
    EXPECT_EQ(choose(slow, {}), choice::ignore);
    EXPECT_EQ(choose(slow, {.include_ignored = true}), choice::run);
    EXPECT_EQ(choose(slow, {.filter = "fast", .include_ignored = true}), choice::skip);
}

}  // namespace
}  // namespace rivet::test_runner
