#include <rivet/backtrace/backtrace.hpp>
#include <rivet/contracts/layout.hpp>
#include <rivet/stack/measure.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace rivet::stack {

bounds main_stack(const elf::file& firmware, const board::description& board) {
    auto bottom = firmware.find_symbol(contracts::layout::stack_bottom_symbol);
    auto top = firmware.find_symbol(contracts::layout::stack_top_symbol);
    if (bottom && top && bottom->value < top->value) return bounds{bottom->value, top->value, {}};

    const auto name = firmware.path().string();
    auto info = backtrace::debug_info::load(name);
    auto table = info->find_vector_table(board.boot_address());
    if (!table) {
        throw error(
            error_kind::bad_input,
            fmt::format("{}: --measure-stack: no __stack_bottom__/__stack_top__ symbols and "
                        "no vector table with an initial SP",
                        name));
    }
    const std::uint32_t sp = table->initial_sp;
    const auto* ram = board.region_for(sp - 4, 4);
    if (ram == nullptr) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: --measure-stack: the initial SP 0x{:08x} is not in the RAM of "
                                "board {}",
                                name, sp, board.name));
    }
    bounds stack{ram->origin, sp, {}};
    std::string below = fmt::format("the start of {}", ram->name);
    for (const auto& section : info->sections()) {
        const std::uint64_t end = std::uint64_t{section.address} + section.size;
        if (section.address >= sp || end <= stack.bottom || section.address < ram->origin) continue;
        stack.bottom = static_cast<std::uint32_t>(std::min<std::uint64_t>(end, sp));
        below = "the end of " + section.name;
    }
    stack.bottom = (stack.bottom + 3) & ~3u;
    if (stack.bottom >= stack.top) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: --measure-stack: no room for a stack below the initial SP "
                                "0x{:08x}",
                                name, sp));
    }
    stack.source =
        fmt::format("from the initial SP 0x{:08x} down to {} at 0x{:08x}", sp, below, stack.bottom);
    return stack;
}

std::uint32_t peak_use(std::span<const std::uint8_t> painted, std::uint32_t stack_size) {
    std::size_t offset = 0;
    for (; offset + 4 <= painted.size(); offset += 4) {
        std::uint32_t word = 0;
        std::memcpy(&word, painted.data() + offset, 4);
        if (word != paint_word) break;
    }
    return stack_size - static_cast<std::uint32_t>(offset);
}

void measure_service::attach(probe::probe& target) {
    // The core has not run yet: the whole stack is unused.
    std::vector<std::uint8_t> paint(stack_.top - stack_.bottom);
    for (std::size_t i = 0; i + 4 <= paint.size(); i += 4) std::memcpy(&paint[i], &paint_word, 4);
    target.write_memory(stack_.bottom, paint);
    painted_ = true;
}

std::chrono::milliseconds measure_service::poll_interval() const {
    return stack_.source.empty() ? std::chrono::milliseconds(0) : std::chrono::milliseconds(20);
}

void measure_service::poll(probe::probe& target) {
    if (!painted_) return;
    constexpr std::uint32_t block = 1024;
    std::uint32_t deepest = stack_.top - peak_.value_or(0);
    try {
        while (deepest > stack_.bottom) {
            const std::uint32_t from = deepest - std::min(block, deepest - stack_.bottom);
            auto bytes = target.read_memory(from, deepest - from);
            const auto used = peak_use(bytes, deepest - from);
            if (used == 0) break;  // a whole block still painted
            deepest -= used;
            if (deepest != from) break;  // the use ends inside this block
        }
    } catch (const error&) {
        return;  // a sample is a bonus
    }
    peak_ = stack_.top - deepest;
}

void measure_service::finish(probe::probe& target) {
    if (!painted_) return;
    try {
        auto bytes = target.read_memory(stack_.bottom, stack_.top - stack_.bottom);
        peak_ = peak_use(bytes, stack_.top - stack_.bottom);
        finished_ = true;
    } catch (const error& e) {
        problem_ = e.what();
    }
}

std::string measure_service::summary() const {
    const auto size = stack_.top - stack_.bottom;
    if (!peak_ && painted_ && !stack_.source.empty()) {
        return "stack: peak use unknown (the run ended before a sample was taken and without a "
               "last look: a semihosting exit ends QEMU and its memory)";
    }
    if (!peak_)
        return fmt::format("stack: peak use unknown (the stack could not be read: {})", problem_);
    return fmt::format("stack: peak use {}{} of {} bytes ({}%){}{}{}", finished_ ? "" : "at least ",
                       *peak_, size, std::uint64_t{*peak_} * 100 / size,
                       *peak_ >= size ? " - the whole stack: it may have overflowed" : "",
                       stack_.source.empty() ? "" : fmt::format(" ({})", stack_.source),
                       finished_ ? ""
                                 : "; sampled while it ran: the run ended without a last look "
                                   "(a semihosting exit ends QEMU and its memory)");
}

}  // namespace rivet::stack
