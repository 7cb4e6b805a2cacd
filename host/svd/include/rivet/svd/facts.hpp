// Facts-only SVDs (`rivet svd facts`): an SVD reduced to what a register
// header is made of (names, addresses, offsets, sizes, bit ranges, access,
// reset values, enumerated values, interrupts), without the vendor's prose,
// so that a project can ship the chip data it builds on.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/parser.hpp"

namespace rivet::svd {

// Removes from doc every element and attribute that is not a fact (the
// descriptions, the licence text, vendor extensions, display names, ...).
// With peripherals given, only those and the peripherals they derive from
// keep their registers; the others stay as name, base address and
// interrupts, so that the interrupt table is still the whole chip's.
// Throws error(usage) naming a peripheral that the document lacks.
void reduce_to_facts(svd_document& doc, const std::vector<std::string>& peripherals);

// Where a facts file came from, for the comment at its top.
struct facts_origin {
    std::string svd;      // the input SVD, as named on the command line
    std::string patch;    // the svdtools patch applied first, or ""
    std::string command;  // the command that made the file
};

// The facts file: the XML declaration, a comment naming the source SVD and
// patch with their SHA-256 and the command, then the reduced document.
// Throws error(usage) when a name cannot be written inside an XML comment.
[[nodiscard]] std::string facts_to_string(const svd_document& doc, const facts_origin& origin);

// The SHA-256 of a file's bytes in lowercase hex; error(no_input) when the
// file cannot be read.
[[nodiscard]] std::string file_sha256(const std::string& path);

}  // namespace rivet::svd
