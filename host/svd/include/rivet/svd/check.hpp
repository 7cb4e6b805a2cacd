// Checks behind `rivet svd check`: elements where the schema does not allow
// them (from the XML), and semantic problems of a parsed device beyond the
// errors the parser already throws.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/model.hpp"
#include "rivet/svd/parser.hpp"

namespace rivet::svd {

struct problem {
    enum class severity_level { warning, error };
    severity_level severity = severity_level::warning;
    std::string where;    // file:line
    std::string message;  // names the peripheral/register/field
};

// Field overlaps, fields outside their register, registers overlapping
// without an alternate, enumerated values outside a field, reset values wider
// than the register, duplicate names, interrupts with clashing numbers.
[[nodiscard]] std::vector<problem> check_device(const svd_device& device);

// Elements in the wrong place (a <register> inside a <field>: error) and
// elements the SVD schema does not know (warning), each with its file:line.
// Inside <vendorExtensions> anything goes.
[[nodiscard]] std::vector<problem> check_structure(const svd_document& doc);

}  // namespace rivet::svd
