// `rivet run --measure-stack`: paints the main stack with a pattern before
// the firmware runs and, when the run ends, finds how deep the firmware
// wrote into it (the peak stack use).
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/service.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace rivet::stack {

// The main stack: [bottom, top), the stack growing down from top.
struct bounds {
    std::uint32_t bottom = 0;
    std::uint32_t top = 0;
    // How they were found, when not from Rivet's linker symbols.
    std::string source;
};

// The main stack as Rivet's linker scripts lay it out (__stack_bottom__,
// __stack_top__); for any other firmware, from the initial SP in its vector
// table down to the end of the highest section below it in the same RAM
// region of the board (the statics, or a section reserving stack or heap).
// Throws rivet::error(bad_input) when neither can be found.
bounds main_stack(const elf::file& firmware, const board::description& board);

// The word painted into the unused stack.
inline constexpr std::uint32_t paint_word = 0x57ac57acu;

// Bytes used, from the stack's top down to the lowest word that no longer
// holds the paint; `painted` is the stack's contents, bottom first.
std::uint32_t peak_use(std::span<const std::uint8_t> painted, std::uint32_t stack_size);

// Firmware Rivet did not link may end through semihosting, which ends QEMU
// and its memory with it before finish() could read the stack: for such a
// stack (bounds::source set) the service also samples it while the firmware
// runs, reading down from the deepest use seen so far until a whole block
// is still painted.
class measure_service : public probe::target_service {
public:
    explicit measure_service(bounds stack) : stack_(std::move(stack)) {}

    void attach(probe::probe& target) override;
    [[nodiscard]] std::chrono::milliseconds poll_interval() const override;
    void poll(probe::probe& target) override;
    void finish(probe::probe& target) override;

    // After finish(): the peak use in bytes, if it could be read.
    [[nodiscard]] std::optional<std::uint32_t> peak() const { return peak_; }
    // "stack: peak use 312 of 2048 bytes (15%)" or why it is unknown.
    [[nodiscard]] std::string summary() const;

private:
    bounds stack_;
    bool painted_ = false;
    bool finished_ = false;  // finish() read the whole stack
    std::optional<std::uint32_t> peak_;
    std::string problem_ = "the run ended before the firmware started";
};

}  // namespace rivet::stack
