// Checks behind `rivet svd check`: elements where the schema does not allow
// them (from the XML), and semantic problems of a parsed device beyond the
// errors the parser already throws.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/model.hpp"
#include "rivet/svd/parser.hpp"

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

// Elements in the wrong place (a <register> inside a <field>: error) and
// elements the SVD schema does not know (warning), each with its file:line.
// Inside <vendorExtensions> anything goes.
[[nodiscard]] std::vector<Problem> check_structure(const SvdDocument& doc);

}  // namespace rivet::svd
