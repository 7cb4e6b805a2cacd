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

struct YEntry;

// An ordered YAML tree: svdtools applies commands in file order, and merges
// included files with the including file winning.
struct Y {
    enum class Kind { null, scalar, seq, map } kind = Kind::null;
    std::string s;
    std::vector<Y> seq;
    std::vector<YEntry> map;  // in file order

    [[nodiscard]] bool is_map() const { return kind == Kind::map; }
    [[nodiscard]] bool is_seq() const { return kind == Kind::seq; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    // Defined in patch_yaml.cpp, once YEntry is complete.
    [[nodiscard]] const Y* get(std::string_view key) const;
    Y* get(std::string_view key);
    void erase(std::string_view key);
};

struct YEntry {
    std::string first;
    Y second;
};

bool operator==(const Y& a, const Y& b);
bool operator==(const YEntry& a, const YEntry& b);

// YAML text as a tree; Error(bad_input) naming name:line when malformed.
[[nodiscard]] Y parse_yaml(const std::string& text, const std::string& name);

// Strings of a scalar or a sequence of scalars (none for null).
[[nodiscard]] std::vector<std::string> strings(const Y* y);

// The patch root with every _include (of the root and of its peripherals)
// merged in as svdtools does; include paths are relative to dir.
[[nodiscard]] Y load_patch(const std::string& text, const std::string& name,
                           const std::filesystem::path& dir);

// The tree, indented, for RIVET_SVD_DUMP_PATCH.
void dump(const Y& y, int indent, std::ostream& o);

}  // namespace rivet::svd::patch
