#include <rivet/probe/fake_probe.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace rivet::runner {
namespace {

using ::testing::HasSubstr;

struct report {
    load_phase phase;
    std::size_t done;
    std::size_t total;
};

class load_test : public ::testing::Test {
protected:
    elf::file firmware = elf::file::open(RIVET_RUNNER_TESTDATA "/tiny.elf");
    probe::fake_probe target;
    std::vector<report> reports;
    load_progress progress = [this](load_phase phase, std::size_t done, std::size_t total) {
        reports.push_back({phase, done, total});
    };

    void SetUp() override { target.add_memory(0x8000, 0x1000); }
};

TEST_F(load_test, writes_then_verifies_reporting_each_phase_from_zero_to_all) {
    const auto bytes = load(target, firmware, true, progress);
    ASSERT_GT(bytes, 0u);
    EXPECT_EQ(target.read_memory(0x8000, bytes), firmware.load_segments().front().data);
    ASSERT_GE(reports.size(), 4u);
    EXPECT_EQ(reports.front().phase, load_phase::write);
    EXPECT_EQ(reports.front().done, 0u);
    EXPECT_EQ(reports.back().phase, load_phase::verify);
    EXPECT_EQ(reports.back().done, bytes);
    for (const auto& r : reports) EXPECT_EQ(r.total, bytes);
}

TEST_F(load_test, without_verify_there_is_no_verify_phase) {
    (void)load(target, firmware, false, progress);
    for (const auto& r : reports) EXPECT_EQ(r.phase, load_phase::write);
}

TEST_F(load_test, a_target_that_does_not_keep_the_bytes_fails_verify_naming_the_address) {
    target.write_hook = [](std::uint32_t, std::span<const std::uint8_t>) { return false; };
    try {
        (void)load(target, firmware, true);
        FAIL() << "verify passed";
    } catch (const error& e) {
        EXPECT_THAT(e.what(),
                    HasSubstr("verify failed: fake probe holds 0x00 at 0x00008001, the ELF 0xeb"));
    }
}

// `rivet attach`: the image on the target is the firmware's own; attaching
// must neither write it nor reset the core, and must leave it running.
TEST_F(load_test, attach_writes_nothing_and_leaves_the_core_running_without_breakpoints) {
    int writes = 0;
    target.write_hook = [&](std::uint32_t, std::span<const std::uint8_t>) {
        ++writes;
        return true;
    };
    const auto board = board::find_builtin("lm3s6965evb");
    ASSERT_TRUE(board.has_value());
    run_options options;
    options.timeout = std::chrono::milliseconds(30);

    const auto outcome = attach(target, firmware, *board, options);

    EXPECT_EQ(outcome.how, run_outcome::ending::timeout);
    EXPECT_EQ(writes, 0);
    EXPECT_TRUE(target.detached());
    EXPECT_TRUE(target.running());
    EXPECT_TRUE(target.breakpoints().empty());
}

}  // namespace
}  // namespace rivet::runner
