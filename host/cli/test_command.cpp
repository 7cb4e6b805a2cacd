// `rivet test`: runs a test firmware's RIVET_TEST cases one by one, each on
// a freshly reset target, and reports each with its instructions; exits 0
// only when every case that ran passed (docs/guide/testing.md).
#include <rivet/elf/file.hpp>
#include <rivet/support/error.hpp>
#include <rivet/test_runner/cases.hpp>
#include <rivet/test_runner/junit.hpp>
#include <rivet/test_runner/session.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "log_output.hpp"
#include "output.hpp"
#include "run_command.hpp"
#include "target_options.hpp"

namespace rivet::cli {
namespace {

using test_runner::case_result;
using verdict = case_result::verdict;

struct test_arguments {
    target_options target;
    test_runner::selection chosen;
    bool list = false;
    std::string junit;
    double timeout_seconds = 10;
    log_options log;
};

std::string indented(const std::string& text) {
    std::string out = "    ";
    for (char ch : text) {
        out += ch;
        if (ch == '\n') out += "    ";
    }
    return out;
}

std::string counted(const case_result& result) {
    return result.instructions ? fmt::format(" ({} instructions)", *result.instructions) : "";
}

void print_result(const case_result& result) {
    if (output::json()) {
        nlohmann::json object{{"type", "case"},
                              {"name", result.which.name},
                              {"verdict", result.how == verdict::passed   ? "passed"
                                          : result.how == verdict::failed ? "failed"
                                                                          : "ignored"}};
        if (result.instructions) object["instructions"] = *result.instructions;
        if (result.how == verdict::failed) {
            object["reason"] = result.reason;
            if (!result.location.empty()) object["location"] = result.location;
            if (result.fault) object["fault"] = runner::to_json(*result.fault);
            if (result.backtrace) object["backtrace"] = runner::to_json(*result.backtrace);
        }
        output::object(object);
        return;
    }
    switch (result.how) {
        case verdict::passed:
            output::line(fmt::format("[       OK ] {}{}\n", result.which.name, counted(result)));
            break;
        case verdict::ignored:
            output::line(fmt::format("[  IGNORED ] {}\n", result.which.name));
            break;
        case verdict::failed:
            output::line(fmt::format("{}\n[  FAILED  ] {}{}\n",
                                     indented(test_runner::failure_text(result)), result.which.name,
                                     counted(result)));
            break;
    }
}

// --list: the chosen cases, one a line, ignored ones marked (what
// rivet_discover_tests reads).
void list_cases(const test_arguments& args) {
    const auto firmware = elf::file::open(args.target.elf);
    auto all = args.chosen;
    all.include_ignored = true;
    for (const auto& c : test_runner::read_cases(firmware)) {
        if (test_runner::choose(c, all) == test_runner::choice::skip) continue;
        fmt::print("{}{}\n", c.name, c.ignore ? " (ignored)" : "");
    }
}

int summarise(const test_runner::session_result& results, const std::string& elf,
              const std::string& board) {
    const auto passed = results.count(verdict::passed);
    const auto failed = results.count(verdict::failed);
    const auto ignored = results.count(verdict::ignored);
    if (!output::json()) {
        std::string text =
            fmt::format("[==========] {} cases of {} on {}\n", results.results.size(), elf, board);
        text += fmt::format("[  PASSED  ] {}\n", passed);
        for (const auto& result : results.results) {
            if (result.how == verdict::failed)
                text += fmt::format("[  FAILED  ] {}: {}\n", result.which.name, result.reason);
        }
        text += fmt::format("result: {} passed, {} failed, {} ignored\n", passed, failed, ignored);
        output::line(text);
    }
    if (results.interrupted) {
        throw error(error_kind::interrupted, "interrupted: the cases after it did not run");
    }
    return failed == 0 ? 0 : exit_test_failed;
}

}  // namespace

void add_test_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<test_arguments>();
    auto* command = app.add_subcommand(
        "test",
        "Run the RIVET_TEST cases of a test firmware, each on a freshly reset target, and "
        "report each with its instructions; exit 0 only when all passed");
    args->target.add_to(*command);
    command->add_option("--filter", args->chosen.filter,
                        "Run only the cases whose name contains this text");
    command->add_flag("--exact", args->chosen.exact, "--filter names a whole case name");
    command->add_flag("--list", args->list, "List the cases (ignored ones marked); run none");
    command->add_flag("--include-ignored", args->chosen.include_ignored,
                      "Run the cases marked ignore too");
    command->add_option("--junit", args->junit, "Also write the results as JUnit XML to FILE");
    add_timeout_option(*command, args->timeout_seconds);
    command->get_option("--timeout")
        ->description("Seconds each case may run before it fails as hung (default 10)");
    args->log.add_to(*command);
    command->callback([args, &exit_code] {
        if (args->list) {
            list_cases(*args);
            exit_code = 0;
            return;
        }
        install_signal_handlers();
        // The cases first: a firmware without any is refused before QEMU starts.
        const auto cases = test_runner::read_cases(elf::file::open(args->target.elf));
        if (args->chosen.exact && !args->chosen.filter.empty() &&
            std::none_of(cases.begin(), cases.end(),
                         [&](const auto& c) { return c.name == args->chosen.filter; })) {
            throw error(error_kind::usage, fmt::format("{} has no case named {} (see rivet test "
                                                       "--list)",
                                                       args->target.elf, args->chosen.filter));
        }
        args->target.count_instructions = true;
        auto session = open_target(args->target);
        test_runner::session_options options;
        options.timeout =
            std::chrono::milliseconds(static_cast<long long>(args->timeout_seconds * 1000));
        options.interrupted = interruption();
        auto rtt_log = make_rtt_log_service(session.firmware, args->log, rtt_options{});
        if (rtt_log) options.services.push_back(rtt_log.get());
        options.on_start = [](const test_runner::test_case& c) {
            if (!output::json()) output::line(fmt::format("[ RUN      ] {}\n", c.name));
        };
        options.on_result = print_result;
        const auto results = test_runner::run_cases(*session.probe, session.firmware, session.board,
                                                    cases, args->chosen, options);
        const auto name = std::filesystem::path(args->target.elf).filename().string();
        if (!args->junit.empty()) {
            std::ofstream out(args->junit);
            out << test_runner::to_junit(results, std::filesystem::path(name).stem().string());
            if (!out) {
                throw error(error_kind::no_input,
                            fmt::format("cannot write the JUnit report to {}", args->junit));
            }
        }
        exit_code = summarise(results, name, session.board.name);
    });
}

}  // namespace rivet::cli
