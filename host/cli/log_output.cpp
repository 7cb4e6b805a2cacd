#include "log_output.hpp"

#include "output.hpp"

#include <rivet/contracts/log_wire.hpp>
#include <rivet/contracts/rtt.hpp>
#include <rivet/log/decoder.hpp>
#include <rivet/rtt/rtt.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <optional>

#include <unistd.h>

namespace rivet::cli {
namespace {

// Decodes the rivet-log channel and prints other channels as text.
class rtt_log_service : public rtt::service {
public:
    rtt_log_service(rtt::service::options rtt_options, std::optional<log::metadata> meta,
                    log::print_options print)
        : rtt::service(
              std::move(rtt_options),
              [this](std::size_t channel, const std::string& name,
                     std::span<const std::uint8_t> bytes) { on_bytes(channel, name, bytes); }),
          meta_(std::move(meta)),
          print_(std::move(print)) {
        if (meta_) {
            print_.timestamp_hz = meta_->timestamp_hz();
            decoder_.emplace(
                *meta_, [this](const log::record& r) { output::line(log::render(r, print_)); });
        }
    }

    void finish(probe::probe& target) override {
        rtt::service::finish(target);
        if (!decoder_) return;
        decoder_->finish();
        report_decode_problems(decoder_->stats());
    }

private:
    void on_bytes(std::size_t channel, const std::string& name,
                  std::span<const std::uint8_t> bytes) {
        if (decoder_ && name == contracts::rtt::log_channel_name) {
            decoder_->feed(bytes);
        } else {
            output::rtt_text(channel, name,
                             {reinterpret_cast<const char*>(bytes.data()), bytes.size()});
        }
    }

    std::optional<log::metadata> meta_;
    log::print_options print_;
    std::optional<log::stream_decoder> decoder_;
};

}  // namespace

void report_decode_problems(const log::decode_stats& stats) {
    if (stats.dropped_frames > 0) {
        output::warning(
            fmt::format("the firmware dropped {} log frames (its buffer was full in a "
                        "non-blocking mode)",
                        stats.dropped_frames));
    }
    if (stats.corrupt_frames > 0) {
        output::warning(fmt::format("skipped {} corrupt log frames ({} bytes)",
                                    stats.corrupt_frames, stats.skipped_bytes));
    }
}

void log_options::add_to(CLI::App& command) {
    command
        .add_option("--level", level,
                    "Hide log records below this level: trace debug info warn error, or off "
                    "(only println and panics); any case")
        ->transform(
            CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}, CLI::ignore_case));
    command.add_flag("--json", json, "Every line on stdout one JSON object (docs/json-output.md)");
    command
        .add_option(
            "--log-format", format,
            "Template for log lines: {level} {message} {file} {line} {location} {timestamp}")
        ->check([](const std::string& text) { return log::template_error(text).value_or(""); });
}

log::print_options log_options::resolve() const {
    log::print_options out;
    out.json = json;
    out.color = !json && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    if (!format.empty()) out.format = format;
    // "off" leaves only what is never filtered: println and panics.
    out.min_level =
        level == "off" ? log::level::println : log::parse_level(level).value_or(log::level::trace);
    return out;
}

void rtt_options::add_to(CLI::App& command) {
    command
        .add_option("--rtt-mode", mode,
                    "RTT up channel mode: auto (Rivet's logger blocks when full, other firmware "
                    "is left alone), keep (change nothing), or block, skip, trim (switch every "
                    "up channel for the run)")
        ->check(CLI::IsMember({"auto", "keep", "block", "skip", "trim"}));
}

std::unique_ptr<probe::target_service> make_rtt_log_service(const elf::file& firmware,
                                                            const log_options& options,
                                                            const rtt_options& modes,
                                                            int input_fd) {
    std::optional<log::metadata> meta;
    if (firmware.section(contracts::log::metadata_section))
        meta = log::metadata::from_elf(firmware);

    rtt::service::options service_options;
    service_options.input_fd = input_fd;
    auto where = rtt::location_in(firmware);
    if (!where) return nullptr;
    service_options.where = std::move(*where);
    using contracts::rtt::mode;
    std::optional<mode> chosen;
    if (modes.mode == "block") chosen = mode::block_if_full;
    if (modes.mode == "skip") chosen = mode::no_block_skip;
    if (modes.mode == "trim") chosen = mode::no_block_trim;
    service_options.up_mode = chosen;
    if (auto word = firmware.find_symbol(contracts::rtt::start_mode_symbol);
        word && modes.mode != "keep") {
        service_options.start_mode_address = word->value;
        service_options.start_mode = chosen.value_or(mode::block_if_full);
    }
    service_options.note = [](const std::string& text) { output::warning(text); };
    return std::make_unique<rtt_log_service>(std::move(service_options), std::move(meta),
                                             options.resolve());
}

}  // namespace rivet::cli
