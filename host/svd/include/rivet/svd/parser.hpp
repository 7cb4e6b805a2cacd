// CMSIS-SVD reader: loads an SVD file into an XML document (kept so that the
// patcher can edit it), resolves derivedFrom in place and builds the Device
// model with inherited register properties applied. Every failure is a
// rivet::error whose message names file:line.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rivet/svd/model.hpp"

namespace rivet::svd {

// An SVD file as XML, with what is needed to turn node offsets into lines.
class svd_document {
public:
    pugi::xml_document xml;
    std::string path;

    // "file:line" of a node (just "file" for nodes created by a patch).
    [[nodiscard]] std::string where(const pugi::xml_node& node) const;
    [[nodiscard]] int line_of(const pugi::xml_node& node) const;
    // The line of a byte offset into the text (0 when there is no text).
    [[nodiscard]] int line_at(std::ptrdiff_t offset) const;
    // What the lines are counted in, for loaders: text loaded from memory is
    // kept; a file is read again when a line is first asked for.
    void set_text(std::string text);
    void set_text_in_file();

private:
    std::string text_;
    bool text_in_file_ = false;
    // Built on the first line asked for: a patch that succeeds asks for none.
    mutable bool lines_counted_ = false;
    mutable std::vector<std::ptrdiff_t> line_starts_;
};

// Throws error(no_input) when the file cannot be read, error(bad_input) when it
// is not XML or has no <device> root.
void load_svd_file(svd_document& doc, const std::string& path);
void load_svd_string(svd_document& doc, std::string_view text, const std::string& name);

// Replaces every derivedFrom (peripheral, cluster, register, field,
// enumeratedValues) by the merged element. With keep_shared_peripherals, a
// derived peripheral that adds no registers keeps its derivedFrom attribute
// so that the model can record that it shares its base's register block.
void resolve_derived(svd_document& doc, bool keep_shared_peripherals);

// Builds the model from a document whose derivations are resolved.
[[nodiscard]] svd_device build_model(const svd_document& doc);

// load + resolve + build in one go.
[[nodiscard]] svd_device parse_svd_file(const std::string& path);
[[nodiscard]] svd_device parse_svd_string(std::string_view text, const std::string& name);

// SVD scaled non-negative integer: decimal, 0x hex, #binary (x = 0) and the
// k/M/G suffixes. Returns false when the text is not a number.
[[nodiscard]] bool parse_svd_integer(std::string_view text, std::uint64_t& out);

// Expands a dimIndex string ("0-3", "A-D", "a,b,c") to dim entries; an empty
// string gives 0..dim-1.
[[nodiscard]] std::vector<std::string> expand_dim_index(std::string_view text, std::uint32_t dim,
                                                        bool& ok);

}  // namespace rivet::svd
