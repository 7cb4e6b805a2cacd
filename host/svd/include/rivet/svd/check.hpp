// Semantic checks of a parsed device: what `rivet svd check` reports beyond
// the structural errors the parser already throws.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/model.hpp"

namespace rivet::svd {

struct Problem {
    enum class Severity { warning, error };
    Severity severity = Severity::warning;
    std::string where;    // file:line
    std::string message;  // names the peripheral/register/field
};

// Field overlaps, fields outside their register, registers overlapping
// without an alternate, enumerated values outside a field, reset values wider
// than the register, duplicate names, interrupts with clashing numbers.
[[nodiscard]] std::vector<Problem> check_device(const Device& device);

}  // namespace rivet::svd
