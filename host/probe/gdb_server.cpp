#include <rivet/probe/gdb_server.hpp>
#include <rivet/rsp/transport.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rivet::probe {
namespace {

std::string_view name_of(gdb_server_kind kind) {
    return kind == gdb_server_kind::openocd ? "openocd" : "pyocd";
}

// A port nobody listens on now. Unlike QEMU, these servers cannot inherit
// a listening socket, so another process could take it before the server
// binds it; the server then fails and says so.
std::uint16_t free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw error(error_kind::unavailable, fmt::format("socket: {}", std::strerror(errno)));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw error(error_kind::unavailable, "cannot find a free port on 127.0.0.1");
    return ntohs(address.sin_port);
}

// The running server: its output kept (the tail) for error messages.
class server_process {
public:
    explicit server_process(const std::vector<std::string>& command) {
        std::array<int, 2> out{};
        if (::pipe2(out.data(), O_CLOEXEC) != 0)
            throw error(error_kind::unavailable, fmt::format("pipe: {}", std::strerror(errno)));
        std::vector<char*> argv;
        for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        const pid_t parent = ::getpid();
        pid_ = ::fork();
        if (pid_ < 0) throw error(error_kind::unavailable, "fork failed");
        if (pid_ == 0) {
            // Dies with rivet; out of its process group, so Ctrl-C reaches
            // rivet only, which stops the server itself.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(127);
            ::setpgid(0, 0);
            ::dup2(out[1], 1);
            ::dup2(out[1], 2);
            ::execvp(argv[0], argv.data());
            std::fprintf(stderr, "cannot run %s: %s\n", argv[0], std::strerror(errno));
            ::_exit(127);
        }
        ::close(out[1]);
        reader_ = std::thread([this, fd = out[0]] {
            std::array<char, 1024> buffer{};
            for (;;) {
                const auto n = ::read(fd, buffer.data(), buffer.size());
                if (n <= 0 && !(n < 0 && errno == EINTR)) break;
                if (n <= 0) continue;
                std::lock_guard lock(mutex_);
                said_.append(buffer.data(), static_cast<std::size_t>(n));
                if (said_.size() > 8192) said_.erase(0, said_.size() - 8192);
            }
            ::close(fd);
        });
    }
    ~server_process() { stop(); }
    server_process(const server_process&) = delete;
    server_process& operator=(const server_process&) = delete;

    [[nodiscard]] bool exited() {
        if (pid_ <= 0) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return true;
        }
        return false;
    }

    // The last line that reads like an error, else the last line.
    [[nodiscard]] std::string last_error() {
        if (reader_.joinable() && exited()) reader_.join();
        std::lock_guard lock(mutex_);
        std::string last;
        std::string error;
        std::size_t start = 0;
        while (start < said_.size()) {
            auto end = said_.find('\n', start);
            if (end == std::string::npos) end = said_.size();
            std::string line = said_.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) {
                last = line;
                if (line.find("rror") != std::string::npos) error = line;
            }
            start = end + 1;
        }
        return error.empty() ? last : error;
    }

    void stop() {
        if (pid_ > 0) {
            // Politely first: OpenOCD and pyOCD release the adapter on SIGTERM.
            ::kill(pid_, SIGTERM);
            for (int i = 0; i < 100 && !exited(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            if (pid_ > 0) {
                ::kill(pid_, SIGKILL);
                while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
                }
                pid_ = -1;
            }
        }
        if (reader_.joinable()) reader_.join();
    }

private:
    pid_t pid_ = -1;
    std::thread reader_;
    std::mutex mutex_;
    std::string said_;
};

// Holds the server as the first base so it starts before, and stops
// after, the GDB connection to it.
struct server_holder {
    std::unique_ptr<server_process> server;
};

class server_probe final : private server_holder, public gdb_probe {
public:
    server_probe(std::unique_ptr<server_process> server, std::unique_ptr<rsp::client> client,
                 std::string description, output_sink output)
        : server_holder{std::move(server)},
          gdb_probe(std::move(client), std::move(description), std::move(output)) {}
};

}  // namespace

std::optional<gdb_server_kind> gdb_server_named(std::string_view name) {
    if (name == "openocd") return gdb_server_kind::openocd;
    if (name == "pyocd") return gdb_server_kind::pyocd;
    return std::nullopt;
}

std::vector<std::string> gdb_server_command(gdb_server_kind kind, const board::description& board,
                                            const gdb_server_options& options, std::uint16_t port) {
    const auto name = std::string(name_of(kind));
    std::string program = options.executable;
    if (program.empty()) {
        const char* variable = kind == gdb_server_kind::openocd ? "RIVET_OPENOCD" : "RIVET_PYOCD";
        const char* set = std::getenv(variable);
        program = set != nullptr && *set != '\0' ? set : name;
    }
    auto arguments = options.arguments;
    if (arguments.empty()) {
        if (auto it = board.probe_servers.find(name); it != board.probe_servers.end())
            arguments = it->second;
    }
    if (arguments.empty()) {
        throw error(error_kind::usage,
                    fmt::format("--probe {}: board {} names no {} adapter and target; give them "
                                "with --probe-arg (e.g. --probe-arg=-f "
                                "--probe-arg=interface/cmsis-dap.cfg)",
                                name, board.name, name));
    }
    std::vector<std::string> command{program};
    if (kind == gdb_server_kind::openocd) {
        // The ports before the configuration files, which may init.
        for (const auto* c : {"bindto 127.0.0.1", "tcl_port disabled", "telnet_port disabled"}) {
            command.insert(command.end(), {"-c", c});
        }
        command.insert(command.end(), {"-c", fmt::format("gdb_port {}", port)});
        command.insert(command.end(), arguments.begin(), arguments.end());
    } else {
        // pyOCD listens on loopback unless told otherwise; its telnet
        // port moves out of the way of a second rivet.
        command.insert(command.end(), {"gdbserver", "--port", std::to_string(port), "--telnet-port",
                                       std::to_string(free_loopback_port())});
        command.insert(command.end(), arguments.begin(), arguments.end());
    }
    return command;
}

std::unique_ptr<probe> start_gdb_server(gdb_server_kind kind, const board::description& board,
                                        const gdb_server_options& options, output_sink output,
                                        std::chrono::milliseconds timeout) {
    const auto port = free_loopback_port();
    auto server = std::make_unique<server_process>(gdb_server_command(kind, board, options, port));
    const std::string description = fmt::format("{} on 127.0.0.1:{}", name_of(kind), port);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (server->exited()) {
            throw error(error_kind::unavailable, fmt::format("{} stopped before it served GDB: {}",
                                                             name_of(kind), server->last_error()));
        }
        try {
            auto link = rsp::connect_tcp("127.0.0.1", port, std::chrono::milliseconds(200));
            rsp::client_options client_options;
            client_options.timeout = timeout;
            auto client = std::make_unique<rsp::client>(std::move(link), client_options);
            return std::make_unique<server_probe>(std::move(server), std::move(client), description,
                                                  std::move(output));
        } catch (const error&) {
            if (std::chrono::steady_clock::now() >= deadline) {
                throw error(
                    error_kind::unavailable,
                    fmt::format("{} did not serve GDB on port {} within {} ms: {}", name_of(kind),
                                port, timeout.count(), server->last_error()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

}  // namespace rivet::probe
