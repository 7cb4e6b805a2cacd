// svdtools-compatible YAML patcher: reads a device patch (with _include
// merging) and applies it to an SVD document in svdtools' order, with its
// matching rules. docs/svd-patch.md lists what is supported.
#pragma once

#include <string>

#include "rivet/svd/parser.hpp"

namespace rivet::svd {

struct patch_options {
    // When set, every SVD the patch names (_svd, _copy from:) is looked up as
    // svd_root/<file name> instead of relative to the YAML file.
    std::string svd_root;
};

// The SVD path the patch's _svd names (resolved as above); "" when absent.
// Throws error(no_input) / error(bad_input) for unreadable or malformed YAML.
[[nodiscard]] std::string patch_svd_path(const std::string& yaml_path,
                                         const patch_options& options);

// Applies the patch file to doc. Errors name the YAML file and the patch path
// (e.g. "stm32f405.yaml: RCC.CR.HSEON: field not found").
void apply_patch_file(svd_document& doc, const std::string& yaml_path,
                      const patch_options& options);

// Same, from YAML text; include paths are relative to base_dir.
void apply_patch_string(svd_document& doc, const std::string& yaml_text, const std::string& name,
                        const std::string& base_dir, const patch_options& options);

// Serialises the document as SVD XML (pugixml's layout, two-space indent).
[[nodiscard]] std::string svd_to_string(const svd_document& doc);

// The same written to a file as it is made, not held whole;
// error(io) "path: cannot write" when it cannot be.
void write_svd_file(const svd_document& doc, const std::string& path);

}  // namespace rivet::svd
