#include <rivet/runner/fault.hpp>
#include <rivet/test_runner/junit.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <sstream>

namespace rivet::test_runner {

std::string failure_text(const case_result& result) {
    std::string text = result.reason;
    if (!result.location.empty()) text += fmt::format("\n  at {}", result.location);
    if (result.fault) {
        text += "\n" + runner::to_text(*result.fault);
    } else if (result.backtrace) {
        text += "\n" + runner::to_text(*result.backtrace);
    }
    return text;
}

std::string to_junit(const session_result& results, const std::string& suite) {
    using verdict = case_result::verdict;
    pugi::xml_document document;
    auto declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    const auto tests = std::to_string(results.results.size());
    const auto failures = std::to_string(results.count(verdict::failed));
    const auto skipped = std::to_string(results.count(verdict::ignored));
    auto suites = document.append_child("testsuites");
    suites.append_attribute("name") = "rivet test";
    suites.append_attribute("tests") = tests.c_str();
    suites.append_attribute("failures") = failures.c_str();
    suites.append_attribute("errors") = "0";
    suites.append_attribute("skipped") = skipped.c_str();
    auto suite_node = suites.append_child("testsuite");
    suite_node.append_attribute("name") = suite.c_str();
    suite_node.append_attribute("tests") = tests.c_str();
    suite_node.append_attribute("failures") = failures.c_str();
    suite_node.append_attribute("errors") = "0";
    suite_node.append_attribute("skipped") = skipped.c_str();
    for (const auto& result : results.results) {
        auto test = suite_node.append_child("testcase");
        test.append_attribute("name") = result.which.name.c_str();
        test.append_attribute("classname") = suite.c_str();
        if (result.instructions) {
            auto property = test.append_child("properties").append_child("property");
            property.append_attribute("name") = "instructions";
            property.append_attribute("value") = std::to_string(*result.instructions).c_str();
        }
        if (result.how == verdict::ignored) {
            test.append_child("skipped").append_attribute("message") = "ignored";
        } else if (result.how == verdict::failed) {
            auto failure = test.append_child("failure");
            failure.append_attribute("message") = result.reason.c_str();
            failure.append_attribute("type") = result.fault ? "fault" : "failure";
            failure.append_child(pugi::node_pcdata).set_value(failure_text(result).c_str());
        }
    }
    std::ostringstream out;
    document.save(out, "  ");
    return out.str();
}

}  // namespace rivet::test_runner
