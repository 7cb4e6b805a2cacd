// `rivet gdb`: `rivet run --gdb` with gdb-multiarch started connected to
// the server, the ELF's symbols loaded; and the server's options for a run.
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "run_command.hpp"

namespace rivet::cli {

debug::server_options debug_server_options(std::uint16_t port, const std::string& elf,
                                           const debugger_hooks& hooks) {
    debug::server_options server;
    server.port = port;
    server.listening = [elf, hooks](std::uint16_t listening) {
        if (hooks.listening) {
            hooks.listening(listening);
            return;
        }
        fmt::print(stderr,
                   "rivet: the core is halted at reset; debugger on 127.0.0.1:{} "
                   "(gdb-multiarch {} -ex 'target remote 127.0.0.1:{}')\n",
                   listening, elf, listening);
    };
    server.note = [](const std::string& text) { fmt::print(stderr, "rivet: {}\n", text); };
    server.gone = hooks.gone;
    return server;
}

namespace {

// gdb-multiarch (or $RIVET_GDB) with the ELF's symbols, connected to the
// server on `port`, run as a child that shares rivet's terminal.
class debugger_process {
public:
    debugger_process(const std::string& elf, std::uint16_t port,
                     const std::vector<std::string>& extra) {
        const char* named = std::getenv("RIVET_GDB");
        const std::string program = named != nullptr && *named != '\0' ? named : "gdb-multiarch";
        std::vector<std::string> argv{program, "-q", "-ex",
                                      fmt::format("target remote 127.0.0.1:{}", port), elf};
        argv.insert(argv.end(), extra.begin(), extra.end());
        // The child reports a failed exec through this pipe; a successful
        // one closes it (O_CLOEXEC).
        int report[2];
        if (::pipe2(report, O_CLOEXEC) != 0) {
            throw error(error_kind::unavailable,
                        fmt::format("cannot start {}: {}", program, std::strerror(errno)));
        }
        pid_ = ::fork();
        if (pid_ == 0) {
            // Ctrl-C is the debugger's (rivet ignores it meanwhile).
            (void)::signal(SIGINT, SIG_DFL);
            (void)::signal(SIGPIPE, SIG_DFL);
            std::vector<char*> raw;
            for (auto& arg : argv) raw.push_back(arg.data());
            raw.push_back(nullptr);
            ::execvp(raw[0], raw.data());
            const int saved_errno = errno;
            (void)!::write(report[1], &saved_errno, sizeof saved_errno);
            ::_exit(127);
        }
        ::close(report[1]);
        int saved_errno = 0;
        const auto got = pid_ < 0 ? 0 : ::read(report[0], &saved_errno, sizeof saved_errno);
        ::close(report[0]);
        if (pid_ < 0 || got == sizeof saved_errno) {
            if (pid_ < 0) saved_errno = errno;
            if (pid_ > 0) (void)::waitpid(pid_, nullptr, 0);
            pid_ = -1;
            throw error(error_kind::unavailable,
                        fmt::format("cannot start {}: {} (install gdb-multiarch, or name a "
                                    "debugger in RIVET_GDB)",
                                    program, std::strerror(saved_errno)));
        }
    }
    ~debugger_process() {
        if (pid_ > 0) (void)wait();
    }
    debugger_process(const debugger_process&) = delete;
    debugger_process& operator=(const debugger_process&) = delete;

    // True once the debugger has exited (its status is kept).
    bool exited() {
        if (pid_ <= 0) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
        keep(status);
        return true;
    }
    // Waits for the debugger; its exit code.
    int wait() {
        if (pid_ > 0) {
            int status = 0;
            while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            keep(status);
        }
        return code_;
    }

private:
    void keep(int status) {
        pid_ = -1;
        code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    pid_t pid_ = -1;
    int code_ = 0;
};

struct gdb_arguments {
    run_arguments run;
    std::vector<std::string> debugger_arguments;
};

}  // namespace

void add_gdb_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<gdb_arguments>();
    auto* command = app.add_subcommand(
        "gdb",
        "Run firmware under gdb-multiarch, connected and with the ELF's symbols, while logs "
        "stream; arguments after -- go to the debugger");
    add_run_options(*command, args->run);
    command->add_option("debugger-args", args->debugger_arguments,
                        "After --: arguments for gdb-multiarch (e.g. -batch -x script.gdb)");
    command->callback([args, &exit_code] {
        // Ctrl-C belongs to the debugger, which halts the core with it; its
        // quitting ends the run. Stdin is the debugger's too.
        install_signal_handlers(false);
        args->run.input = "none";
        args->run.gdb_port = 0;
        std::unique_ptr<debugger_process> debugger;
        debugger_hooks hooks;
        hooks.listening = [&](std::uint16_t port) {
            debugger = std::make_unique<debugger_process>(args->run.target.elf, port,
                                                          args->debugger_arguments);
        };
        hooks.gone = [&] { return debugger && debugger->exited(); };
        try {
            exit_code = run_firmware(args->run, hooks);
        } catch (const error& e) {
            // The debugger quit before the firmware's end: that is how a
            // session ends, and its exit code is the one to pass on.
            if (e.kind() != error_kind::interrupted || signalled() || !debugger) throw;
            exit_code = debugger->wait();
            return;
        }
        if (debugger) (void)debugger->wait();
    });
}

}  // namespace rivet::cli
