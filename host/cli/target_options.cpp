#include "target_options.hpp"

#include "output.hpp"

#include <rivet/probe/gdb_probe.hpp>
#include <rivet/probe/gdb_server.hpp>
#include <rivet/probe/qemu.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <unistd.h>

namespace rivet::cli {
namespace {

struct gdb_address {
    std::string host;
    std::uint16_t port;
};

std::optional<gdb_address> parse_gdb_url(const std::string& spec) {
    constexpr std::string_view scheme = "gdb://";
    if (!spec.starts_with(scheme)) return std::nullopt;
    const std::string rest = spec.substr(scheme.size());
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw error(error_kind::usage, fmt::format("--probe {}: expected gdb://HOST:PORT", spec));
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
        throw error(error_kind::usage,
                    fmt::format("--probe {}: '{}' is not a TCP port", spec, port_text));
    }
    return gdb_address{rest.substr(0, colon), static_cast<std::uint16_t>(port)};
}

}  // namespace

void target_options::add_to(CLI::App& command) {
    command.add_option("elf", elf, "Firmware ELF built for a Cortex-M board")->required();
    command.add_option("--board", board, "Board (default: the board recorded in the ELF)");
    command.add_option("--probe", probe,
                       "qemu (default), openocd or pyocd (started by rivet for the real board), or "
                       "gdb://HOST:PORT (a GDB server already running)");
    command
        .add_option("--probe-arg", probe_arguments,
                    "With --probe openocd|pyocd, an argument naming the adapter and target instead "
                    "of the board's (repeat it), e.g. --probe-arg=-f "
                    "--probe-arg=interface/cmsis-dap.cfg")
        ->allow_extra_args(false);
    command
        .add_option("--qemu-arg", qemu_arguments,
                    "An extra QEMU argument (repeat it), e.g. --qemu-arg=-device "
                    "--qemu-arg=tmp105,address=0x48")
        ->allow_extra_args(false);
}

target_session open_target(const target_options& options) {
    auto firmware = elf::file::open(options.elf);
    auto board = runner::board_for(firmware, options.board);
    if (auto recorded = runner::recorded_board(firmware); recorded && *recorded != board.name) {
        output::warning(fmt::format("{} was built for board {}; running it on {} (--board)",
                                    options.elf, *recorded, board.name));
    }
    runner::check_fits(firmware, board);

    constexpr auto connect_timeout = std::chrono::seconds(5);
    std::unique_ptr<probe::probe> target;
    const auto server = probe::gdb_server_named(options.probe);
    if (!server && !options.probe_arguments.empty())
        throw error(error_kind::usage, "--probe-arg needs --probe openocd or --probe pyocd");
    if (options.probe == "qemu") {
        probe::qemu_options qemu;
        for (auto& device : runner::emulated_devices(firmware)) {
            qemu.extra_arguments.insert(qemu.extra_arguments.end(), {"-device", std::move(device)});
        }
        qemu.extra_arguments.insert(qemu.extra_arguments.end(), options.qemu_arguments.begin(),
                                    options.qemu_arguments.end());
        if (options.forward_stdin) qemu.input_fd = STDIN_FILENO;
        qemu.count_instructions = options.count_instructions;
        target = probe::start_qemu(board, output::console, qemu, connect_timeout);
    } else if (!options.qemu_arguments.empty()) {
        throw error(error_kind::usage, "--qemu-arg needs --probe qemu");
    } else if (server) {
        probe::gdb_server_options server_options;
        server_options.arguments = options.probe_arguments;
        target = probe::start_gdb_server(*server, board, server_options, output::console,
                                         std::chrono::seconds(10));
    } else if (auto address = parse_gdb_url(options.probe)) {
        target = probe::connect_gdb_server(address->host, address->port, connect_timeout,
                                           output::console);
    } else {
        throw error(error_kind::usage,
                    fmt::format("--probe {}: expected qemu, openocd, pyocd or gdb://HOST:PORT",
                                options.probe));
    }
    return {std::move(firmware), std::move(board), std::move(target)};
}

}  // namespace rivet::cli
