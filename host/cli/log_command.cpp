// `rivet log decode --elf FW.elf [FILE|-]`: decodes a captured log stream
// (UART or semihosting transport, or saved RTT bytes) offline.
#include <rivet/log/decoder.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "commands.hpp"
#include "log_output.hpp"
#include "output.hpp"

namespace rivet::cli {
namespace {

struct decode_arguments {
    std::string elf;
    std::string input = "-";
    log_options output;
};

}  // namespace

void add_log_command(CLI::App& app, int& exit_code) {
    auto* log_command = app.add_subcommand("log", "Deferred-logging tools");
    log_command->require_subcommand(1);
    auto args = std::make_shared<decode_arguments>();
    auto* decode = log_command->add_subcommand(
        "decode", "Decode a captured log stream with the firmware ELF's metadata");
    decode->add_option("--elf", args->elf, "The firmware that produced the stream")->required();
    decode->add_option("input", args->input, "Captured bytes; - (default) reads stdin");
    args->output.add_to(*decode);
    decode->callback([args, &exit_code] {
        auto firmware = elf::file::open(args->elf);
        auto meta = log::metadata::from_elf(firmware);
        std::FILE* in = stdin;
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
        if (args->input != "-") {
            owned.reset(std::fopen(args->input.c_str(), "rb"));
            if (!owned) {
                throw error(error_kind::no_input,
                            fmt::format("{}: {}", args->input, std::strerror(errno)));
            }
            in = owned.get();
        }
        auto print = args->output.resolve();
        print.timestamp_hz = meta.timestamp_hz();
        // The lines of each chunk go out in one write, not one each.
        std::string lines;
        log::stream_decoder decoder(meta,
                                    [&](const log::record& r) { log::render_to(lines, r, print); });
        std::vector<std::uint8_t> chunk(65536);
        for (;;) {
            const auto n = std::fread(chunk.data(), 1, chunk.size(), in);
            if (n == 0) break;
            decoder.feed(std::span(chunk.data(), n));
            if (!lines.empty()) output::line(lines);
            lines.clear();
        }
        decoder.finish();
        report_decode_problems(decoder.stats());
        exit_code = 0;
    });
}

}  // namespace rivet::cli
