// `rivet test --junit FILE`: the results as JUnit XML, the format CI
// servers (Jenkins, GitLab, GitHub actions) show test results from. One
// <testsuite> named after the firmware; each case a <testcase> with its
// instructions as a property, a <failure> (why, where, the fault report or
// backtrace) or <skipped/> for an ignored case.
#pragma once

#include <rivet/test_runner/session.hpp>

#include <string>

namespace rivet::test_runner {

std::string to_junit(const session_result& results, const std::string& suite);

// The text of a failure as `rivet test` prints it: why, where, then the
// fault report or the backtrace.
std::string failure_text(const case_result& result);

}  // namespace rivet::test_runner
