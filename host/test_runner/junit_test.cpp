#include <rivet/test_runner/junit.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace rivet::test_runner {
namespace {

using ::testing::HasSubstr;
using verdict = case_result::verdict;

session_result three_cases() {
    session_result results;
    case_result passed{.which = {.name = "adds_up"}, .how = verdict::passed, .instructions = 1234};
    case_result failed{
        .which = {.name = "compares_wrong"}, .how = verdict::failed, .instructions = 567};
    failed.reason = "panicked (a failed assertion)";
    failed.location = "cases.cpp:27 (rivet_test_body_compares_wrong)";
    case_result ignored{.which = {.name = "slow <&>"}, .how = verdict::ignored};
    results.results = {passed, failed, ignored};
    return results;
}

TEST(to_junit, counts_the_cases_and_says_why_and_where_a_case_failed) {
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(to_junit(three_cases(), "cases").c_str()));

    const auto suite = document.child("testsuites").child("testsuite");
    EXPECT_STREQ(suite.attribute("name").value(), "cases");
    EXPECT_EQ(suite.attribute("tests").as_int(), 3);
    EXPECT_EQ(suite.attribute("failures").as_int(), 1);
    EXPECT_EQ(suite.attribute("skipped").as_int(), 1);
    const auto passed = suite.find_child_by_attribute("testcase", "name", "adds_up");
    EXPECT_TRUE(passed.child("failure").empty());
    EXPECT_STREQ(passed.child("properties").child("property").attribute("value").value(), "1234");
    const auto failure =
        suite.find_child_by_attribute("testcase", "name", "compares_wrong").child("failure");
    EXPECT_STREQ(failure.attribute("message").value(), "panicked (a failed assertion)");
    EXPECT_THAT(failure.text().get(), HasSubstr("at cases.cpp:27"));
    // Names are escaped, not pasted.
    EXPECT_FALSE(
        suite.find_child_by_attribute("testcase", "name", "slow <&>").child("skipped").empty());
}

TEST(failure_text, says_why_then_where) {
    const auto results = three_cases();
    EXPECT_EQ(failure_text(results.results[1]),
              "panicked (a failed assertion)\n  at cases.cpp:27 (rivet_test_body_compares_wrong)");
}

}  // namespace
}  // namespace rivet::test_runner
