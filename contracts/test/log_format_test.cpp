// The shared format-string cases through the host's build of the grammar
// (the firmware runs the same table: tests/firmware/log/format_cases.cpp).
#include <rivet/contracts/log_format.hpp>

#include <gtest/gtest.h>

#include <string>

#include "log_format_cases.hpp"

namespace fmt_contract = rivet::contracts::log::format;

// The same table, evaluated by the compiler.
static_assert(fmt_contract::test::all_pass());

TEST(log_format, every_shared_case_parses_as_the_table_says) {
    for (const auto& c : fmt_contract::test::format_cases) {
        EXPECT_TRUE(fmt_contract::test::passes(c)) << "format \"" << std::string(c.format) << '"';
    }
}

TEST(log_format, a_case_with_a_wrong_answer_fails) {
    // The checker itself must be able to say no.
    fmt_contract::test::format_case wrong{"{:x}", fmt_contract::error::none, "|", {.type = 'X'}};
    EXPECT_FALSE(fmt_contract::test::passes(wrong));
    wrong = {"{:#}", fmt_contract::error::unknown_type, "", {}};
    EXPECT_FALSE(fmt_contract::test::passes(wrong));
    wrong = {"a{}", fmt_contract::error::none, "a", {}};
    EXPECT_FALSE(fmt_contract::test::passes(wrong));
}

TEST(log_format, summary_counts_placeholders_and_stops_at_the_first_error) {
    EXPECT_EQ(fmt_contract::summarize("{} {{}} {:x} {}").placeholders, 3u);
    const auto bad = fmt_contract::summarize("{} {:q} {");
    EXPECT_EQ(bad.placeholders, 1u);
    EXPECT_EQ(bad.error, fmt_contract::error::unknown_type);
}
