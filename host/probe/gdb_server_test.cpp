#include <rivet/probe/gdb_server.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace rivet::probe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

board::description board_named(const char* name) {
    return board::find_builtin(name).value();
}

TEST(gdb_server_command, openocd_gets_loopback_ports_then_the_boards_configuration) {
    ::unsetenv("RIVET_OPENOCD");
    EXPECT_THAT(
        gdb_server_command(gdb_server_kind::openocd, board_named("lm3s6965evb"), {}, 3333),
        ElementsAre("openocd", "-c", "bindto 127.0.0.1", "-c", "tcl_port disabled", "-c",
                    "telnet_port disabled", "-c", "gdb_port 3333", "-f", "board/ek-lm3s6965.cfg"));
}

TEST(gdb_server_command, pyocd_gets_its_port_and_the_boards_target) {
    const auto command =
        gdb_server_command(gdb_server_kind::pyocd, board_named("microbit"), {"my-pyocd", {}}, 4000);
    ASSERT_EQ(command.size(), 8u);
    EXPECT_THAT(std::vector(command.begin(), command.begin() + 3),
                ElementsAre("my-pyocd", "gdbserver", "--port"));
    EXPECT_EQ(command[3], "4000");
    EXPECT_THAT(std::vector(command.end() - 2, command.end()), ElementsAre("--target", "nrf51822"));
}

TEST(gdb_server_command, arguments_given_replace_the_boards_and_the_environment_names_the_program) {
    ::setenv("RIVET_OPENOCD", "/opt/openocd/bin/openocd", 1);
    const auto command = gdb_server_command(gdb_server_kind::openocd, board_named("microbit"),
                                            {"", {"-f", "interface/jlink.cfg"}}, 1);
    ::unsetenv("RIVET_OPENOCD");
    EXPECT_EQ(command.front(), "/opt/openocd/bin/openocd");
    EXPECT_THAT(std::vector(command.end() - 2, command.end()),
                ElementsAre("-f", "interface/jlink.cfg"));
}

TEST(gdb_server_command, a_board_without_an_entry_is_a_usage_error_naming_it) {
    try {
        (void)gdb_server_command(gdb_server_kind::pyocd, board_named("lm3s6965evb"), {}, 1);
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::usage);
        EXPECT_THAT(e.what(), HasSubstr("board lm3s6965evb names no pyocd adapter and target"));
    }
}

TEST(start_gdb_server, a_server_that_exits_first_is_unavailable_with_its_error_line) {
    // A stand-in that fails as OpenOCD does with no adapter attached.
    char path[] = "/tmp/rivet-fake-server-XXXXXX";
    const int fd = ::mkstemp(path);
    ASSERT_GE(fd, 0);
    const std::string script =
        "#!/bin/sh\necho 'Info : starting'\necho 'Error: no device found' >&2\nexit 1\n";
    ASSERT_EQ(::write(fd, script.data(), script.size()), static_cast<ssize_t>(script.size()));
    ::fchmod(fd, 0700);
    ::close(fd);
    gdb_server_options options{path, {"--target", "x"}};
    try {
        (void)start_gdb_server(gdb_server_kind::pyocd, board_named("microbit"), options, {},
                               std::chrono::seconds(5));
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::unavailable);
        EXPECT_STREQ(e.what(), "pyocd stopped before it served GDB: Error: no device found");
    }
    ::unlink(path);
}

}  // namespace
}  // namespace rivet::probe
