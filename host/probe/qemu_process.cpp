#include <rivet/probe/qemu.hpp>
#include <rivet/probe/qmp_monitor.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace rivet::probe {
namespace {

std::string system_error(std::string_view what, int number) {
    return fmt::format("{}: {}", what, std::strerror(number));
}

// A loopback socket already listening on a port the kernel chose. QEMU
// inherits it, so no other process can take the port between choosing and
// binding (tests run many QEMUs in parallel).
int listen_on_free_port(std::uint16_t& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw error(error_kind::unavailable, system_error("socket", errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, 1) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        int saved_errno = errno;
        ::close(fd);
        throw error(error_kind::unavailable,
                    system_error("cannot listen on 127.0.0.1", saved_errno));
    }
    port = ntohs(address.sin_port);
    return fd;
}

// Warnings QEMU prints on every start of some boards; they say nothing about
// the firmware (the boards' Ethernet controllers simply have no network).
bool is_noise(std::string_view line) {
    return line == "Timer with period zero, disabling" ||
           (line.find("warning: nic ") != std::string_view::npos && line.ends_with(" has no peer"));
}

}  // namespace

qemu_process::qemu_process(const board::description& board, output_sink serial,
                           const qemu_options& options)
    : serial_(std::move(serial)) {
    if (board.qemu_machine.empty()) {
        throw error(
            error_kind::usage,
            fmt::format("board {} has no QEMU machine; use --probe gdb://HOST:PORT", board.name));
    }
    std::string executable = options.executable;
    if (executable.empty()) {
        const char* from_env = std::getenv("RIVET_QEMU");
        executable = from_env && *from_env ? from_env : "qemu-system-arm";
    }

    int listener = listen_on_free_port(gdb_port_);
    // With input forwarded, a QMP monitor on a socketpair lets the input
    // forwarder read the console receiver's state and wake QEMU's main loop
    // (see qmp_monitor.hpp); QEMU inherits its end like the GDB listener.
    std::array<int, 2> qmp{-1, -1};
    const bool forwarding = options.input_fd >= 0;
    if (forwarding && (::pipe2(stop_input_.data(), O_CLOEXEC) != 0 ||
                       ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, qmp.data()) != 0)) {
        int saved_errno = errno;
        ::close(listener);
        for (int& fd : stop_input_) {
            if (fd >= 0) ::close(fd);
            fd = -1;
        }
        throw error(error_kind::unavailable,
                    system_error("cannot set up input forwarding", saved_errno));
    }
    std::vector<std::string> arguments = {
        executable,
        "-M",
        board.qemu_machine,
        "-S",
        "-nodefaults",
        "-display",
        "none",
        "-monitor",
        "none",
        "-serial",
        "stdio",
        "-semihosting-config",
        "enable=on,target=native",
        "-chardev",
        fmt::format("socket,id=rivet-gdb,fd={},server=on,wait=off,nodelay=on", listener),
        "-gdb",
        "chardev:rivet-gdb"};
    if (forwarding) {
        arguments.insert(arguments.end(),
                         {"-chardev", fmt::format("socket,id=rivet-qmp,fd={}", qmp[1]), "-mon",
                          "chardev=rivet-qmp,mode=control"});
    }
    // Counting: QEMU's instruction counter (QMP query-replay) counts only
    // under -icount, and the probe asks through a monitor of its own.
    std::array<int, 2> control{-1, -1};
    if (options.count_instructions) {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, control.data()) != 0) {
            throw error(error_kind::unavailable,
                        system_error("cannot set up a QMP monitor", errno));
        }
        arguments.insert(arguments.end(),
                         {"-chardev", fmt::format("socket,id=rivet-control,fd={}", control[1]),
                          "-mon", "chardev=rivet-control,mode=control"});
        const bool own_icount =
            std::find(options.extra_arguments.begin(), options.extra_arguments.end(), "-icount") !=
            options.extra_arguments.end();
        if (!own_icount) arguments.insert(arguments.end(), {"-icount", "shift=4,sleep=off"});
    }
    arguments.insert(arguments.end(), options.extra_arguments.begin(),
                     options.extra_arguments.end());
    std::vector<char*> argv;
    argv.reserve(arguments.size() + 1);
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);

    // stdin, stdout, stderr of QEMU, and a close-on-exec pipe through which
    // the child reports a failed exec.
    std::array<int, 2> in{};
    std::array<int, 2> out{};
    std::array<int, 2> err{};
    std::array<int, 2> status{};
    if (::pipe2(in.data(), O_CLOEXEC) != 0 || ::pipe2(out.data(), O_CLOEXEC) != 0 ||
        ::pipe2(err.data(), O_CLOEXEC) != 0 || ::pipe2(status.data(), O_CLOEXEC) != 0) {
        throw error(error_kind::unavailable, system_error("pipe", errno));
    }
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) throw error(error_kind::unavailable, system_error("fork", errno));
    if (pid_ == 0) {
        // Die with the runner, even if it is killed with SIGKILL; keep out of
        // its process group so Ctrl-C reaches only the runner, which then
        // shuts QEMU down itself.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        ::setpgid(0, 0);
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        int flags = ::fcntl(listener, F_GETFD);
        ::fcntl(listener, F_SETFD, flags & ~FD_CLOEXEC);
        if (qmp[1] >= 0) ::fcntl(qmp[1], F_SETFD, ::fcntl(qmp[1], F_GETFD) & ~FD_CLOEXEC);
        if (control[1] >= 0)
            ::fcntl(control[1], F_SETFD, ::fcntl(control[1], F_GETFD) & ~FD_CLOEXEC);
        ::execvp(argv[0], argv.data());
        int saved_errno = errno;
        [[maybe_unused]] auto written = ::write(status[1], &saved_errno, sizeof saved_errno);
        ::_exit(127);
    }
    ::close(listener);
    if (qmp[1] >= 0) ::close(qmp[1]);
    if (control[1] >= 0) ::close(control[1]);
    control_qmp_ = control[0];
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    ::close(status[1]);
    serial_input_ = in[1];

    int exec_error = 0;
    ssize_t got;
    do {
        got = ::read(status[0], &exec_error, sizeof exec_error);
    } while (got < 0 && errno == EINTR);
    ::close(status[0]);
    if (got == sizeof exec_error) {
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
        ::close(out[0]);
        ::close(err[0]);
        ::close(serial_input_);
        if (qmp[0] >= 0) ::close(qmp[0]);
        if (control_qmp_ >= 0) ::close(std::exchange(control_qmp_, -1));
        for (int& fd : stop_input_) {
            if (fd >= 0) ::close(fd);
            fd = -1;
        }
        throw error(error_kind::unavailable,
                    fmt::format("cannot start {}: {} (install the qemu-system-arm package, or "
                                "point RIVET_QEMU at QEMU)",
                                executable, std::strerror(exec_error)));
    }
    forwarder_ = std::thread([this, o = out[0], e = err[0]] { forward_output(o, e); });
    if (forwarding) {
        // Never blocks the forwarder on a pipe QEMU is not reading, so it
        // can keep waking QEMU (and stop() can always end it). Only rivet's
        // end of the pipe is affected.
        ::fcntl(serial_input_, F_SETFL, ::fcntl(serial_input_, F_GETFL) | O_NONBLOCK);
        input_forwarder_ =
            std::thread([this, fd = options.input_fd, q = qmp[0],
                         ready = board.qemu_console_ready] { forward_input(fd, q, ready); });
    }
}

// Copies input into QEMU's stdin pipe. Holds it back while the board's
// console receiver is not set up (its QEMU model would lose it: see
// board::description::qemu_console_ready), asking QEMU for the register
// every few milliseconds; then, while bytes sit in the pipe unread, wakes
// QEMU's main loop every few milliseconds so that a UART model that made
// room without saying so gets them (qmp_monitor.hpp).
void qemu_process::forward_input(int input_fd, int qmp_fd,
                                 std::optional<board::register_condition> ready) {
    using clock = std::chrono::steady_clock;
    constexpr auto ask_interval = std::chrono::milliseconds(3);
    qmp_monitor monitor(qmp_fd);
    std::string pending;  // read from input_fd, not yet in the pipe
    bool input_open = true;
    bool receiver_ready = !ready;
    auto last_ask = clock::now();
    for (;;) {
        if (!receiver_ready && monitor.last_word() &&
            (*monitor.last_word() & ready->mask) == ready->mask) {
            receiver_ready = true;
        }
        // On Linux FIONREAD on either end of a pipe counts the bytes in it.
        int unread = 0;
        if (::ioctl(serial_input_, FIONREAD, &unread) != 0) unread = 0;
        const bool stalled = unread > 0 || !pending.empty();
        if (!input_open && !stalled && monitor.fd() < 0) return;

        enum { stop, input, pipe_out, qmp, count };
        std::array<pollfd, count> fds{};
        fds[stop] = {stop_input_[0], POLLIN, 0};
        fds[input] = {input_open && pending.empty() ? input_fd : -1, POLLIN, 0};
        fds[pipe_out] = {pending.empty() || !receiver_ready ? -1 : serial_input_, POLLOUT, 0};
        fds[qmp] = {monitor.fd(), POLLIN, 0};
        int timeout = -1;
        if (stalled && monitor.fd() >= 0) {
            auto due = last_ask + ask_interval - clock::now();
            timeout = static_cast<int>(std::max<std::chrono::milliseconds::rep>(
                0, std::chrono::ceil<std::chrono::milliseconds>(due).count()));
        }
        if (::poll(fds.data(), fds.size(), timeout) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[stop].revents != 0) return;
        if (fds[qmp].revents != 0) monitor.receive();  // on failure: no more asking
        if (fds[input].revents != 0) {
            std::array<char, 4096> buffer{};
            ssize_t n = ::read(input_fd, buffer.data(), buffer.size());
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) {
                input_open = false;  // end of input: the UART simply receives no more
            } else {
                pending.assign(buffer.data(), static_cast<std::size_t>(n));
            }
        }
        if (receiver_ready && !pending.empty()) {
            ssize_t w = ::write(serial_input_, pending.data(), pending.size());
            if (w > 0) {
                pending.erase(0, static_cast<std::size_t>(w));
            } else if (w < 0 && errno != EINTR && errno != EAGAIN) {
                return;  // QEMU is gone
            }
        }
        if (stalled && clock::now() - last_ask >= ask_interval) {
            // Either request also wakes the main loop.
            if (receiver_ready) {
                monitor.wake();
            } else {
                monitor.read_word(ready->address);
            }
            last_ask = clock::now();
        }
        if (!receiver_ready && monitor.fd() < 0) {
            // Without QMP the register cannot be read: better late input
            // than none.
            receiver_ready = true;
        }
    }
}

void qemu_process::forward_output(int stdout_fd, int stderr_fd) {
    std::array<pollfd, 2> fds{{{stdout_fd, POLLIN, 0}, {stderr_fd, POLLIN, 0}}};
    std::string pending_err;
    std::array<char, 4096> buffer{};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                continue;
            }
            std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
            if (i == 0) {
                if (serial_) serial_(chunk);
                continue;
            }
            // QEMU's own messages: kept for error reports, passed on line by line.
            pending_err.append(chunk);
            for (auto end = pending_err.find('\n'); end != std::string::npos;
                 end = pending_err.find('\n')) {
                std::string line = pending_err.substr(0, end);
                pending_err.erase(0, end + 1);
                if (is_noise(line)) continue;
                std::lock_guard lock(said_);
                stderr_text_ += line + "\n";
                // Until the GDB connection stands, what QEMU says is held:
                // if it fails to start, the error says it (once).
                if (started_) {
                    fmt::print(stderr, "qemu: {}\n", line);
                } else {
                    held_.push_back(std::move(line));
                }
            }
        }
    }
    std::lock_guard lock(said_);
    if (!pending_err.empty() && !is_noise(pending_err)) stderr_text_ += pending_err;
}

void qemu_process::started() {
    std::lock_guard lock(said_);
    for (const auto& line : held_) fmt::print(stderr, "qemu: {}\n", line);
    held_.clear();
    started_ = true;
}

std::string qemu_process::exit_report() {
    if (pid_ > 0) {
        int status = 0;
        pid_t reaped = ::waitpid(pid_, &status, WNOHANG);
        if (reaped != pid_) return {};
        exit_status_ = status;
        pid_ = -1;
    }
    if (exit_status_ < 0) return {};
    if (forwarder_.joinable()) forwarder_.join();
    std::string how = WIFEXITED(exit_status_)
                          ? fmt::format("exited with status {}", WEXITSTATUS(exit_status_))
                          : fmt::format("was killed by signal {}", WTERMSIG(exit_status_));
    // The first line says why; the rest (register dumps) was shown live.
    std::lock_guard lock(said_);
    std::string said = stderr_text_.substr(0, stderr_text_.find('\n'));
    return said.empty() ? how : fmt::format("{}: {}", how, said);
}

void qemu_process::stop() {
    if (input_forwarder_.joinable()) {
        [[maybe_unused]] auto written = ::write(stop_input_[1], "x", 1);
        input_forwarder_.join();
    }
    for (int& fd : stop_input_) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        exit_status_ = status;
        pid_ = -1;
    }
    if (serial_input_ >= 0) {
        ::close(serial_input_);
        serial_input_ = -1;
    }
    if (forwarder_.joinable()) forwarder_.join();
}

qemu_process::~qemu_process() {
    stop();
    if (control_qmp_ >= 0) ::close(control_qmp_);
}

}  // namespace rivet::probe
