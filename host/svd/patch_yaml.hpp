// The patcher's YAML side: an ordered YAML tree (svdtools applies commands in
// file order) and the loading of a patch with its _include files merged in.
// Internal to host/svd.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::svd::patch {

struct yaml_entry;

// An ordered YAML tree: svdtools applies commands in file order, and merges
// included files with the including file winning.
struct yaml_node {
    enum class node_kind { null, scalar, seq, map } kind = node_kind::null;
    std::string s;
    std::vector<yaml_node> seq;
    std::vector<yaml_entry> map;  // in file order

    [[nodiscard]] bool is_map() const { return kind == node_kind::map; }
    [[nodiscard]] bool is_seq() const { return kind == node_kind::seq; }
    [[nodiscard]] bool is_scalar() const { return kind == node_kind::scalar; }
    // Defined in patch_yaml.cpp, once YEntry is complete.
    [[nodiscard]] const yaml_node* get(std::string_view key) const;
    yaml_node* get(std::string_view key);
    void erase(std::string_view key);
};

struct yaml_entry {
    std::string first;
    yaml_node second;
};

bool operator==(const yaml_node& a, const yaml_node& b);
bool operator==(const yaml_entry& a, const yaml_entry& b);

// YAML text as a tree; error(bad_input) naming name:line when malformed.
[[nodiscard]] yaml_node parse_yaml(const std::string& text, const std::string& name);

// Strings of a scalar or a sequence of scalars (none for null).
[[nodiscard]] std::vector<std::string> strings(const yaml_node* y);

// The patch root with every _include (of the root and of its peripherals)
// merged in as svdtools does; include paths are relative to dir.
[[nodiscard]] yaml_node load_patch(const std::string& text, const std::string& name,
                                   const std::filesystem::path& dir);

// The tree, indented, for RIVET_SVD_DUMP_PATCH.
void dump(const yaml_node& y, int indent, std::ostream& o);

}  // namespace rivet::svd::patch
