// GDB servers Rivet starts itself for real hardware, as it starts QEMU for
// emulated boards: OpenOCD or pyOCD on a free loopback port, with the
// debug adapter and target the board description names (its "probes"
// entry) or the command line gives; stopped when the probe is closed, and
// never outliving rivet.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/probe/gdb_probe.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rivet::probe {

// The servers Rivet knows how to start.
enum class gdb_server_kind { openocd, pyocd };

// "openocd" or "pyocd"; nullopt for anything else.
std::optional<gdb_server_kind> gdb_server_named(std::string_view name);

struct gdb_server_options {
    // Empty: $RIVET_OPENOCD / $RIVET_PYOCD if set, else the program from PATH.
    std::string executable;
    // Adapter and target arguments; empty: the board's for this server.
    std::vector<std::string> arguments;
};

// The command line that starts the server with its GDB port on `port`
// (loopback only) and no other listening ports. Throws error(usage) when
// neither the options nor the board name the adapter and target.
std::vector<std::string> gdb_server_command(gdb_server_kind kind, const board::description& board,
                                            const gdb_server_options& options, std::uint16_t port);

// Starts the server, waits until its GDB port answers and connects. When
// it exits first (no adapter attached, a wrong configuration), throws
// error(unavailable) with the server's last error line.
std::unique_ptr<probe> start_gdb_server(gdb_server_kind kind, const board::description& board,
                                        const gdb_server_options& options, output_sink output,
                                        std::chrono::milliseconds timeout);

}  // namespace rivet::probe
