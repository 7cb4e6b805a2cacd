// SVD XML edits the patch commands share: element text, snapshots of
// children and field bit positions. Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::svd::patch {

[[nodiscard]] std::string name_of(const pugi::xml_node& n);
// The same, as a view into the node (valid until its name changes).
[[nodiscard]] std::string_view name_view(const pugi::xml_node& n);
bool parse_int(std::string_view t, std::uint64_t& v);
[[nodiscard]] std::string hex_str(std::uint64_t v);

// Sets (creating) or removes (empty value) a child element's text.
void set_child(pugi::xml_node n, const std::string& tag, const std::string& value);

// A snapshot of child elements (all of them when tag is null), safe to
// iterate while removing.
[[nodiscard]] std::vector<pugi::xml_node> elements(pugi::xml_node parent, const char* tag);

// Field position as (offset, width) in any of the three SVD forms.
[[nodiscard]] std::pair<std::uint64_t, std::uint64_t> field_pos(const pugi::xml_node& f);

// Rewrites a field's position as bitOffset/bitWidth.
void normalise_field_pos(pugi::xml_node f);

// Union of the register's field bits (svdtools get_bitmask).
[[nodiscard]] std::uint64_t register_bitmask(const pugi::xml_node& r);

}  // namespace rivet::svd::patch
