// SVD XML edits the patch commands share.
#include "patch_edit.hpp"

#include <fmt/format.h>

#include <cstring>

#include "rivet/svd/parser.hpp"
#include "xml_util.hpp"

namespace rivet::svd::patch {

std::string name_of(const pugi::xml_node& n) {
    return text_of(n, "name");
}

std::string_view name_view(const pugi::xml_node& n) {
    return text_view_of(n, "name");
}

bool parse_int(std::string_view t, std::uint64_t& v) {
    return parse_svd_integer(t, v);
}

std::string hex_str(std::uint64_t v) {
    return fmt::format("0x{:X}", v);
}

// Sets (creating) or removes (empty value) a child element's text.
void set_child(pugi::xml_node n, const std::string& tag, const std::string& value) {
    pugi::xml_node c = n.child(tag.c_str());
    if (value.empty()) {
        if (c) n.remove_child(c);
        return;
    }
    if (!c) {
        c = n.append_child(tag.c_str());
        c.append_child(pugi::node_pcdata).set_value(value.c_str());
        return;
    }
    // Text only: the text node is kept and given the new value.
    pugi::xml_node text = c.first_child();
    if (text && text.type() == pugi::node_pcdata && !text.next_sibling()) {
        text.set_value(value.c_str());
        return;
    }
    while (c.first_child()) c.remove_child(c.first_child());
    c.append_child(pugi::node_pcdata).set_value(value.c_str());
}

// A snapshot of child elements (all of them when tag is null), safe to
// iterate while removing.
std::vector<pugi::xml_node> elements(pugi::xml_node parent, const char* tag) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : parent.children()) {
        if (c.type() == pugi::node_element && (tag == nullptr || std::strcmp(c.name(), tag) == 0))
            out.push_back(c);
    }
    return out;
}

// Field position as (offset, width) in any of the three SVD forms.
std::pair<std::uint64_t, std::uint64_t> field_pos(const pugi::xml_node& f) {
    std::uint64_t a = 0, b = 0;
    if (const pugi::xml_node offset = f.child("bitOffset")) {
        parse_int(trimmed_view(offset.text().get()), a);
        b = 1;
        if (const pugi::xml_node width = f.child("bitWidth"))
            parse_int(trimmed_view(width.text().get()), b);
        return {a, b};
    }
    if (const pugi::xml_node lsb = f.child("lsb")) {
        parse_int(trimmed_view(lsb.text().get()), a);
        parse_int(text_view_of(f, "msb"), b);
        return {a, b >= a ? b - a + 1 : 1};
    }
    const std::string_view br = text_view_of(f, "bitRange");
    const auto colon = br.find(':');
    if (br.size() > 4 && colon != std::string::npos) {
        parse_int(br.substr(1, colon - 1), b);
        parse_int(br.substr(colon + 1, br.size() - colon - 2), a);
        return {a, b >= a ? b - a + 1 : 1};
    }
    return {0, 0};
}

// Rewrites a field's position as bitOffset/bitWidth.
void normalise_field_pos(pugi::xml_node f) {
    if (f.child("bitOffset") && !f.child("lsb") && !f.child("bitRange")) return;
    const auto [off, width] = field_pos(f);
    for (const char* t : {"lsb", "msb", "bitRange", "bitOffset", "bitWidth"}) {
        while (pugi::xml_node c = f.child(t)) f.remove_child(c);
    }
    set_child(f, "bitOffset", std::to_string(off));
    set_child(f, "bitWidth", std::to_string(width));
}

namespace {

std::uint64_t field_mask(const pugi::xml_node& f) {
    const auto [off, width] = field_pos(f);
    if (width >= 64) return ~0ull;
    return ((1ull << width) - 1) << off;
}

}  // namespace

// Union of the register's field bits (svdtools get_bitmask).
std::uint64_t register_bitmask(const pugi::xml_node& r) {
    std::uint64_t m = 0;
    for (pugi::xml_node f : r.child("fields").children("field")) m |= field_mask(f);
    return m;
}

}  // namespace rivet::svd::patch
