// `rivet run --measure-stack`: paints the main stack with a pattern before
// the firmware runs and, when the run ends, finds how deep the firmware
// wrote into it (the peak stack use).
#pragma once

#include <rivet/elf/file.hpp>
#include <rivet/runner/service.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace rivet::stack {

// The main stack as the linker laid it out (__stack_bottom__, __stack_top__).
struct bounds {
    std::uint32_t bottom = 0;
    std::uint32_t top = 0;
};

// nullopt when the ELF lacks the symbols (not linked by Rivet's scripts).
std::optional<bounds> main_stack(const elf::file& firmware);

// The word painted into the unused stack.
inline constexpr std::uint32_t paint_word = 0x57ac57acu;

// Bytes used, from the stack's top down to the lowest word that no longer
// holds the paint; `painted` is the stack's contents, bottom first.
std::uint32_t peak_use(std::span<const std::uint8_t> painted, std::uint32_t stack_size);

class measure_service : public runner::target_service {
public:
    explicit measure_service(bounds stack) : stack_(stack) {}

    void attach(probe::probe& target) override;
    void finish(probe::probe& target) override;

    // After finish(): the peak use in bytes, if it could be read.
    [[nodiscard]] std::optional<std::uint32_t> peak() const { return peak_; }
    // "stack: peak use 312 of 2048 bytes (15%)" or why it is unknown.
    [[nodiscard]] std::string summary() const;

private:
    bounds stack_;
    bool painted_ = false;
    std::optional<std::uint32_t> peak_;
    std::string problem_ = "the run ended before the firmware started";
};

}  // namespace rivet::stack
