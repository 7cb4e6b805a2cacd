// The logging half of `rivet run` and `rivet log decode`: the shared
// options (--level, --json, --log-format), and the RTT service that decodes
// the firmware's log channel live and prints it.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/log/printer.hpp>
#include <rivet/probe/service.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace rivet::cli {

struct log_options {
    std::string level = "trace";
    bool json = false;
    std::string format;

    void add_to(CLI::App& command);
    // For records going to stdout: colours only on a terminal, never in JSON.
    [[nodiscard]] log::print_options resolve() const;
};

// What `rivet run` does to the firmware's RTT up channel modes.
struct rtt_options {
    // auto: Rivet's logger starts blocking (its start-mode word, written
    // after loading), other RTT firmware is left alone; keep: nothing is
    // changed; block, skip, trim: every up channel is switched, said on
    // stderr, and switched back when the run ends.
    std::string mode = "auto";

    void add_to(CLI::App& command);
};

// The RTT service for `rivet run`, or nullptr when the firmware has no RTT
// control block to look for. Bytes readable from input_fd (if not -1) go to
// the firmware's down channel 0. Throws bad_input for log metadata of
// another wire version.
std::unique_ptr<probe::target_service> make_rtt_log_service(const elf::file& firmware,
                                                            const log_options& options,
                                                            const rtt_options& modes,
                                                            int input_fd = -1);

// Warns of frames the firmware dropped and of corrupt frames skipped.
void report_decode_problems(const log::decode_stats& stats);

}  // namespace rivet::cli
