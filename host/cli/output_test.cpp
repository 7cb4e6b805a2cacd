// What reaches stdout when firmware text and rendered lines meet: a log
// line never cuts a console line, and never waits long behind one.
#include "output.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace rivet::cli {
namespace {

// Points stdout at a temporary file for the test's lifetime.
class captured_stdout {
public:
    captured_stdout() : file_(std::tmpfile()), saved_(::dup(STDOUT_FILENO)) {
        ::dup2(::fileno(file_), STDOUT_FILENO);
    }
    ~captured_stdout() {
        ::dup2(saved_, STDOUT_FILENO);
        ::close(saved_);
        std::fclose(file_);
    }
    captured_stdout(const captured_stdout&) = delete;
    captured_stdout& operator=(const captured_stdout&) = delete;

    std::string text() const {
        std::string all;
        std::rewind(file_);
        char buffer[256];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;)
            all.append(buffer, n);
        return all;
    }

private:
    std::FILE* file_;
    int saved_;
};

TEST(output, a_log_line_waits_for_the_console_line_it_would_cut) {
    captured_stdout out;
    output::console("uart0: hal ok, ");
    output::line("INFO  uart: BAUDDIV 217\n");
    output::console("one byte at a time\nnext");
    output::console(" line\n");
    output::flush();
    EXPECT_EQ(out.text(),
              "uart0: hal ok, one byte at a time\nINFO  uart: BAUDDIV 217\nnext line\n");
}

TEST(output, lines_between_whole_console_lines_go_out_at_once) {
    captured_stdout out;
    output::console("first\n");
    output::line("INFO  a\n");
    output::console("second\n");
    output::line("INFO  b\n");
    EXPECT_EQ(out.text(), "first\nINFO  a\nsecond\nINFO  b\n");
}

TEST(output, a_prompt_that_never_ends_its_line_holds_a_log_line_only_briefly) {
    captured_stdout out;
    output::console("> ");
    output::line("INFO  waiting\n");
    EXPECT_EQ(out.text(), "> ");
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (out.text() == "> " && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(out.text(), "> \nINFO  waiting\n");
    output::console("typed\n");
    EXPECT_EQ(out.text(), "> \nINFO  waiting\ntyped\n");
}

TEST(output, flush_ends_a_held_line_before_what_follows) {
    captured_stdout out;
    output::rtt_text(0, "Terminal", "partial");
    output::line("INFO  last\n");
    output::flush();
    EXPECT_EQ(out.text(), "partial\nINFO  last\n");
}

}  // namespace
}  // namespace rivet::cli
