#include <rivet/stack/measure.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cstring>
#include <vector>

namespace rivet::stack {

std::optional<bounds> main_stack(const elf::file& firmware) {
    auto bottom = firmware.find_symbol("__stack_bottom__");
    auto top = firmware.find_symbol("__stack_top__");
    if (!bottom || !top || bottom->value >= top->value) return std::nullopt;
    return bounds{bottom->value, top->value};
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

void measure_service::finish(probe::probe& target) {
    if (!painted_) return;
    try {
        auto bytes = target.read_memory(stack_.bottom, stack_.top - stack_.bottom);
        peak_ = peak_use(bytes, stack_.top - stack_.bottom);
    } catch (const Error& e) {
        peak_.reset();
        problem_ = e.what();
    }
}

std::string measure_service::summary() const {
    const auto size = stack_.top - stack_.bottom;
    if (!peak_)
        return fmt::format("stack: peak use unknown (the stack could not be read: {})", problem_);
    return fmt::format("stack: peak use {} of {} bytes ({}%){}", *peak_, size, *peak_ * 100 / size,
                       *peak_ >= size ? " - the whole stack: it may have overflowed" : "");
}

}  // namespace rivet::stack
