#include "run_command.hpp"

#include <rivet/elf/file.hpp>
#include <rivet/probe/gdb_probe.hpp>
#include <rivet/probe/qemu.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace rivet::cli {
namespace {

std::atomic<bool> interrupted{false};

void on_signal(int) { interrupted.store(true); }

void install_signal_handlers() {
    struct sigaction action{};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
}

// Firmware output goes straight to stdout, unbuffered, as it arrives.
void write_stdout(std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
        if (n <= 0) return;  // stdout closed: nobody is reading
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

struct gdb_address {
    std::string host;
    std::uint16_t port;
};

std::optional<gdb_address> parse_gdb_url(const std::string& spec) {
    constexpr std::string_view scheme = "gdb://";
    if (spec.rfind(scheme, 0) != 0) return std::nullopt;
    const std::string rest = spec.substr(scheme.size());
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw Error(ErrorKind::usage, fmt::format("--probe {}: expected gdb://HOST:PORT", spec));
    }
    const std::string port_text = rest.substr(colon + 1);
    std::size_t used = 0;
    unsigned long port = 0;
    try {
        port = std::stoul(port_text, &used, 10);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != port_text.size() || port == 0 || port > 65535) {
        throw Error(ErrorKind::usage, fmt::format("--probe {}: '{}' is not a TCP port", spec, port_text));
    }
    return gdb_address{rest.substr(0, colon), static_cast<std::uint16_t>(port)};
}

struct run_arguments {
    std::string elf;
    std::optional<std::string> board;
    std::string probe = "qemu";
    double timeout_seconds = 0;
    bool no_verify = false;
};

int run(const run_arguments& args) {
    install_signal_handlers();
    const auto firmware = elf::file::open(args.elf);
    const auto board = runner::board_for(firmware, args.board);
    runner::check_fits(firmware, board);

    constexpr auto connect_timeout = std::chrono::seconds(5);
    std::unique_ptr<probe::probe> target;
    if (args.probe == "qemu") {
        target = probe::start_qemu(board, write_stdout, {}, connect_timeout);
    } else if (auto address = parse_gdb_url(args.probe)) {
        target = probe::connect_gdb_server(address->host, address->port, connect_timeout, write_stdout);
    } else {
        throw Error(ErrorKind::usage,
                    fmt::format("--probe {}: expected 'qemu' or gdb://HOST:PORT", args.probe));
    }

    runner::run_options options;
    options.timeout = std::chrono::milliseconds(static_cast<long long>(args.timeout_seconds * 1000));
    options.verify = !args.no_verify;
    options.interrupted = &interrupted;
    return runner::run(*target, firmware, board, options);
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<run_arguments>();
    auto* command = app.add_subcommand("run", "Load firmware, run it, print its output, exit with its code");
    command->add_option("elf", args->elf, "Firmware ELF built for a Cortex-M board")->required();
    command->add_option("--board", args->board,
                        "Board to run on (default: the board recorded in the ELF)");
    command->add_option("--probe", args->probe, "qemu (default) or gdb://HOST:PORT");
    command->add_option("--timeout", args->timeout_seconds,
                        "Seconds before giving up (exit code 124); 0 waits for ever")
        ->check(CLI::NonNegativeNumber);
    command->add_flag("--no-verify", args->no_verify, "Do not read the loaded image back");
    command->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace rivet::cli
