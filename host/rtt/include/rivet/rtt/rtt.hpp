// Reading SEGGER RTT through a probe: finding the control block (by the
// _SEGGER_RTT symbol or by scanning RAM for its ID), reading up channels and
// switching their mode; and the runner service `rivet run` uses to stream
// them while the firmware runs.
#pragma once

#include <rivet/contracts/rtt.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/probe/service.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::rtt {

struct memory_range {
    std::uint32_t start;
    std::uint32_t length;
};

// Where the control block may be: a known address, or ranges to scan.
struct location {
    std::optional<std::uint32_t> address{};
    std::vector<memory_range> scan{};
};

// From the firmware's ELF: the address of its _SEGGER_RTT symbol, or else
// its statics (initialised data and .bss) to scan; nullopt when it has
// neither, so there is nothing to look for.
std::optional<location> location_in(const elf::file& firmware);

struct channel {
    std::string name;
    std::uint32_t descriptor = 0;    // address of its buffer descriptor
    std::uint32_t name_address = 0;  // where the name was read from
    std::uint32_t buffer = 0;
    std::uint32_t size = 0;  // 0: not configured (SEGGER's default for channels 1..)

    // A channel with no buffer is valid: the firmware has not configured
    // it (yet). Readers and writers skip it.
    [[nodiscard]] bool configured() const { return size != 0 && buffer != 0; }
};

class control_block {
public:
    // nullopt while the block is not (yet) there: the ID is written last,
    // so a block with the ID is complete. Throws rivet::error(io) on a
    // block whose channel counts make no sense.
    static std::optional<control_block> find(probe::probe& target, const location& where);
    static std::optional<control_block> at(probe::probe& target, std::uint32_t address);

    [[nodiscard]] std::uint32_t address() const { return address_; }
    // As of the last read or write of each channel (a firmware may
    // configure a channel after building the block).
    [[nodiscard]] const std::vector<channel>& up() const { return up_; }
    [[nodiscard]] const std::vector<channel>& down() const { return down_; }

    // Everything the channel holds, consumed (the read offset advances).
    // Re-reads the channel's descriptor first, so a channel configured
    // since is picked up; an unconfigured one reads as empty. Throws
    // rivet::error(io) when a configured channel's offsets lie outside its
    // buffer.
    std::vector<std::uint8_t> read(probe::probe& target, std::size_t up_channel);
    // Queues as much of `bytes` as the down channel has room for (the host
    // is its producer); returns how many, 0 while it is not configured.
    // The firmware reads them at will.
    std::size_t write(probe::probe& target, std::size_t down_channel,
                      std::span<const std::uint8_t> bytes);
    void set_mode(probe::probe& target, std::size_t up_channel, contracts::rtt::mode mode) const;
    [[nodiscard]] contracts::rtt::mode mode(probe::probe& target, std::size_t up_channel) const;

private:
    // The descriptor's current buffer, size and offsets (write, read).
    std::pair<std::uint32_t, std::uint32_t> refresh(probe::probe& target, channel& c,
                                                    std::string_view direction,
                                                    std::size_t index) const;

    std::uint32_t address_ = 0;
    std::vector<channel> up_;
    std::vector<channel> down_;
};

// "no-block-skip", "no-block-trim", "block-if-full".
std::string_view mode_name(contracts::rtt::mode mode);

// Polls the control block while the firmware runs and hands each up
// channel's bytes to `sink`. Polling adapts: every poll_fast while data
// flows (1 ms when the last read found the buffer over half full), backing
// off by doubling to poll_idle when it is quiet, and to poll_absent while
// there is no control block yet.
class service : public probe::target_service {
public:
    using sink = std::function<void(std::size_t channel, const std::string& name,
                                    std::span<const std::uint8_t> bytes)>;
    struct options {
        location where{};
        // Rivet's logger: the word in flash holding the log channel's mode
        // at start (contracts/rtt.hpp). Written with start_mode after
        // loading, when both are set.
        std::optional<std::uint32_t> start_mode_address{};
        std::optional<contracts::rtt::mode> start_mode{};
        // Asked for by the user: every configured up channel is switched
        // to this mode when found (said through `note`) and switched back
        // when the run ends. nullopt: modes are the firmware's business.
        std::optional<contracts::rtt::mode> up_mode{};
        std::chrono::milliseconds poll_fast{2};
        std::chrono::milliseconds poll_idle{50};
        // While no control block has been found (the firmware may never
        // build one): rarer still.
        std::chrono::milliseconds poll_absent{200};
        // Bytes readable here (rivet's stdin) go to down channel 0 as room
        // allows; -1 for none. Nothing is dropped: input waits for room.
        int input_fd = -1;
        // What the service did to the target that the user should know.
        std::function<void(const std::string&)> note{};
    };

    service(options opts, sink out);

    void attach(probe::probe& target) override;
    [[nodiscard]] std::chrono::milliseconds poll_interval() const override { return interval_; }
    void poll(probe::probe& target) override;
    void finish(probe::probe& target) override;

    // Polls that found the block and read it, for the benchmark.
    [[nodiscard]] std::uint64_t polls() const { return polls_; }
    [[nodiscard]] std::uint64_t bytes_read() const { return bytes_; }

private:
    void drain(probe::probe& target);
    void take_input();
    void feed(probe::probe& target);

    options options_;
    sink sink_;
    std::optional<control_block> block_;
    std::chrono::milliseconds interval_;
    void apply_mode(probe::probe& target);
    void restore_modes(probe::probe& target);

    std::uint64_t polls_ = 0;
    std::uint64_t bytes_ = 0;
    // Up channels whose mode this service changed, with the mode before.
    std::vector<std::optional<contracts::rtt::mode>> changed_modes_;
    // Polls in a row on which a channel's offsets were out of range: a
    // firmware configuring it while the core was halted, or corruption.
    std::vector<int> bad_reads_;
    std::vector<std::uint8_t> input_;  // read from input_fd, not yet in the down channel
    bool input_open_ = true;
};

}  // namespace rivet::rtt
