#include "progress.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace rivet::cli {
namespace {

using ::testing::HasSubstr;

TEST(progress_line, shows_the_bar_the_bytes_and_the_rate) {
    EXPECT_EQ(progress_line("load", 12 * 1024, 24 * 1024, 0.5),
              "load    [##########----------]   12.0/24.0 KiB  24 KiB/s");
    EXPECT_EQ(progress_line("verify", 0, 2048, 0.0),
              "verify  [--------------------]    0.0/2.0 KiB");
    EXPECT_THAT(progress_line("load", 100, 0, 1.0), HasSubstr("[####################]"));
}

std::string drawn(bool terminal) {
    char* text = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&text, &size);
    progress_display display(out, terminal);
    for (std::size_t done = 0; done <= 8192; done += 1024) display.update("load", done, 8192);
    display.update("verify", 8192, 8192);
    std::fclose(out);
    std::string result(text, size);
    std::free(text);
    return result;
}

TEST(progress_display, draws_each_phase_to_its_end_on_a_terminal) {
    const auto text = drawn(true);
    EXPECT_THAT(text, HasSubstr("\rload    [####################]    8.0/8.0 KiB"));
    EXPECT_THAT(text, HasSubstr("\rverify  [####################]    8.0/8.0 KiB"));
    // One finished line per phase.
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

TEST(progress_display, draws_nothing_when_not_a_terminal) {
    EXPECT_EQ(drawn(false), "");
}

}  // namespace
}  // namespace rivet::cli
