// Patch commands that make or unroll arrays and clusters: _expand_array,
// _expand_cluster, _array (of registers or of fields) and _cluster.
#include "patcher_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dim.hpp"
#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace {

// The part of a name that the wildcards of a spec matched: the name without
// its first li and last ri characters (the whole name when too short).
std::string wildcard_part(const std::string& n, std::size_t li, std::size_t ri) {
    return n.size() >= li + ri ? n.substr(li, n.size() - li - ri) : n;
}

// Sorts items by offset, keeping equal ones in order.
template <typename item>
void sort_by_offset(std::vector<item>& items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const item& a, const item& b) { return a.offset < b.offset; });
}

}  // namespace

void patcher::expand_array(pugi::xml_node p, const std::string& spec, const std::string& path) {
    for (pugi::xml_node r : find_in(p, "register", spec)) {
        std::uint64_t dim = 0, inc = 0, off = 0;
        if (!parse_int(text_of(r, "dim"), dim) || !parse_int(text_of(r, "dimIncrement"), inc))
            continue;
        if (dim > max_dim)
            fail(path + "._expand_array." + spec, "dim " + std::to_string(dim) + " out of range");
        parse_int(text_of(r, "addressOffset"), off);
        bool ok = true;
        const auto idx =
            expand_dim_index(text_of(r, "dimIndex"), static_cast<std::uint32_t>(dim), ok);
        const std::string name = name_of(r);
        for (std::uint64_t i = 0; i < dim && ok; ++i) {
            pugi::xml_node c = regs_of(p).insert_copy_before(r, r);
            for (const char* t : {"dim", "dimIncrement", "dimIndex", "dimName", "dimArrayIndex"}) {
                while (pugi::xml_node d = c.child(t)) c.remove_child(d);
            }
            std::string n = name;
            const auto pos = n.find("[%s]") != std::string::npos ? n.find("[%s]") : n.find("%s");
            if (pos != std::string::npos)
                n.replace(pos, n.compare(pos, 4, "[%s]") == 0 ? 4 : 2, idx[i]);
            set_child(c, "name", n);
            set_child(c, "addressOffset", hex_str(off + inc * i));
        }
        if (ok) regs_of(p).remove_child(r);
    }
}

void patcher::expand_cluster(pugi::xml_node p, const std::string& spec, const std::string& path) {
    for (pugi::xml_node c : find_in(p, "cluster", spec)) {
        std::uint64_t coff = 0;
        parse_int(text_of(c, "addressOffset"), coff);
        if (c.child("dim"))
            fail(path + "." + spec, "_expand_cluster of a cluster array is not supported");
        for (pugi::xml_node r : c.children("register")) {
            std::uint64_t off = 0;
            parse_int(text_of(r, "addressOffset"), off);
            pugi::xml_node n = regs_of(p).insert_copy_before(r, c);
            set_child(n, "addressOffset", hex_str(off + coff));
        }
        regs_of(p).remove_child(c);
    }
}

// collect_in_array: registers matching spec become one dim register.
void patcher::collect_in_array(pugi::xml_node p, const std::string& spec_in, const yaml_node& rmod,
                               const std::string& path) {
    const std::string where = path + "._array." + spec_in;
    const auto [spec, optional] = optional_spec(spec_in);
    struct item {
        pugi::xml_node node;
        std::string index;
        std::uint64_t offset;
    };
    std::vector<item> items;
    const auto [li, ri] = spec_ind(spec);
    for (pugi::xml_node r : find_in(p, "register", spec)) {
        if (r.child("dim")) continue;
        const std::string n = name_of(r);
        std::uint64_t off = 0;
        parse_int(text_of(r, "addressOffset"), off);
        const std::string idx = wildcard_part(n, li, ri);
        items.push_back({r, idx, off});
    }
    if (items.empty()) {
        if (optional) return;
        fail(where, "no registers match");
    }
    sort_by_offset(items);
    const std::size_t dim = items.size();
    const std::uint64_t inc = dim > 1 ? items[1].offset - items[0].offset : 0;
    const auto mask0 = register_bitmask(items[0].node);
    for (std::size_t i = 0; i < dim; ++i) {
        if (items[i].offset != items[0].offset + inc * i ||
            register_bitmask(items[i].node) != mask0) {
            fail(where, "registers cannot be collected into an array (offsets or fields differ)");
        }
    }
    std::string index;
    const bool from_zero = rmod.is_map() && rmod.get("_start_from_zero") != nullptr;
    for (std::size_t i = 0; i < dim; ++i)
        index += (i ? "," : "") + (from_zero ? std::to_string(i) : items[i].index);
    for (std::size_t i = 1; i < dim; ++i) regs_of(p).remove_child(items[i].node);
    pugi::xml_node r = items[0].node;
    const std::string name = make_array(r, spec, li, ri, rmod, where, dim, inc, index);
    if (rmod.is_map()) {
        yaml_node rest = rmod;
        rest.erase("name");
        rest.erase("description");
        rest.erase("_start_from_zero");
        if (!rest.map.empty()) process_register(r, rest, path + "." + name);
    }
}

void patcher::set_dim(pugi::xml_node n, std::size_t dim, std::uint64_t inc,
                      const std::string& index) {
    for (const char* t : {"dim", "dimIncrement", "dimIndex"}) {
        while (pugi::xml_node d = n.child(t)) n.remove_child(d);
    }
    // dim elements come right after the name (SVD element order)
    pugi::xml_node after = n.child("name");
    pugi::xml_node d = after ? n.insert_child_after("dim", after) : n.prepend_child("dim");
    d.append_child(pugi::node_pcdata).set_value(std::to_string(dim).c_str());
    pugi::xml_node di = n.insert_child_after("dimIncrement", d);
    di.append_child(pugi::node_pcdata).set_value(hex_str(inc).c_str());
    pugi::xml_node dx = n.insert_child_after("dimIndex", di);
    dx.append_child(pugi::node_pcdata).set_value(index.c_str());
}

// Names the register or field that an _array keeps (the spec with %s for
// its wildcards, or the name: given), sets the description: given and
// makes it a dim array; returns the name.
std::string patcher::make_array(pugi::xml_node n, const std::string& spec, std::size_t li,
                                std::size_t ri, const yaml_node& mod, const std::string& where,
                                std::size_t dim, std::uint64_t inc, const std::string& index) {
    std::string name = spec.substr(0, li) + "%s" + spec.substr(spec.size() - ri);
    if (const yaml_node* v = mod.is_map() ? mod.get("name") : nullptr) name = scalar(*v, where);
    set_child(n, "name", name);
    if (const yaml_node* d = mod.is_map() ? mod.get("description") : nullptr)
        set_child(n, "description", scalar(*d, where));
    set_dim(n, dim, inc, index);
    return name;
}

// collect_in_cluster: groups of registers (one group per spec) become
// one cluster, an array when the name has %s. Checks as svdtools: the
// first group sets dim, index and increment; every group has equal
// field masks and the same indices.
void patcher::collect_in_cluster(pugi::xml_node p, const std::string& cname, const yaml_node& cmod,
                                 const std::string& path) {
    const std::string where = path + "._cluster." + cname;
    struct item {
        pugi::xml_node node;
        std::string index;
        std::uint64_t offset;
    };
    struct group {
        std::string spec;
        const yaml_node* mod;
        std::vector<item> items;
    };
    const bool single = cname.find("%s") == std::string::npos;
    std::vector<group> groups;
    std::size_t dim = 0;
    std::uint64_t inc = 0;
    if (const yaml_node* d = cmod.get("dimIncrement")) parse_int(scalar(*d, where), inc);
    std::vector<std::string> first_index;
    for (const auto& [rspec, rmod] : cmod.map) {
        if (rspec == "description" || rspec == "dimIncrement" ||
            (!rspec.empty() && rspec[0] == '_'))
            continue;
        const auto [spec, optional] = optional_spec(rspec);
        std::vector<item> items;
        for (pugi::xml_node r : find_in(p, "register", spec)) {
            const std::string n = name_of(r);
            const std::string sub = match_subspec(n, spec);
            const auto [li, ri] = spec_ind(sub);
            std::uint64_t off = 0;
            parse_int(text_of(r, "addressOffset"), off);
            items.push_back({r, wildcard_part(n, li, ri), off});
        }
        if (items.empty()) {
            if (optional) continue;
            fail(where, "registers " + rspec + " not found");
        }
        if (single) {
            if (items.size() > 1) fail(where, "more than one register matches " + rspec);
        } else {
            sort_by_offset(items);
            std::vector<std::string> index;
            for (const item& i : items) index.push_back(i.index);
            if (groups.empty()) {
                dim = items.size();
                first_index = index;
                if (dim > 1) inc = items[1].offset - items[0].offset;
                for (std::size_t i = 0; i < dim; ++i) {
                    if (items[i].offset != items[0].offset + inc * i) {
                        fail(where,
                             "registers cannot be collected: different addressOffset "
                             "increments in " +
                                 rspec);
                    }
                }
            } else if (items.size() != dim) {
                fail(where,
                     fmt::format("registers cannot be collected: {} has {} registers, not {}",
                                 rspec, items.size(), dim));
            } else if (index != first_index) {
                fail(where, "registers cannot be collected: " + rspec + " has different indices");
            }
            const std::uint64_t m0 = register_bitmask(items[0].node);
            for (const item& i : items) {
                if (register_bitmask(i.node) != m0) {
                    fail(where, "registers cannot be collected: different bit masks in " + rspec);
                }
            }
        }
        groups.push_back({spec, &rmod, std::move(items)});
    }
    if (groups.empty()) fail(where, "no registers match");
    std::uint64_t base = ~0ull;
    for (const group& g : groups) base = std::min(base, g.items[0].offset);
    std::string index;
    for (std::size_t i = 0; i < first_index.size(); ++i) index += (i ? "," : "") + first_index[i];

    pugi::xml_node regs = regs_of(p);
    // Insert where the first collected register was.
    pugi::xml_node place;
    for (pugi::xml_node r : regs.children()) {
        for (const group& g : groups) {
            for (const item& i : g.items) {
                if (!place && i.node == r) place = r;
            }
        }
        if (place) break;
    }
    pugi::xml_node c = regs.insert_child_before("cluster", place);
    set_child(c, "name", cname);
    std::string desc;
    if (const yaml_node* d = cmod.get("description")) {
        desc = scalar(*d, where);
    } else {
        desc = "Cluster " + cname + ", containing ";
        for (std::size_t i = 0; i < groups.size(); ++i) desc += (i ? ", " : "") + groups[i].spec;
    }
    set_child(c, "description", desc);
    if (!single) set_dim(c, dim, inc, index);
    set_child(c, "addressOffset", hex_str(base));
    for (group& g : groups) {
        for (std::size_t i = 1; i < g.items.size(); ++i) regs.remove_child(g.items[i].node);
        pugi::xml_node r = g.items[0].node;
        std::string new_name = name_of(r);
        if (!single) {
            const auto [li, ri] = spec_ind(g.spec);
            const std::string sub = split_commas(g.spec).front();
            new_name = sub.substr(0, li) + sub.substr(sub.size() - ri);
        }
        const yaml_node& rmod = *g.mod;
        if (const yaml_node* n = rmod.is_map() ? rmod.get("name") : nullptr)
            new_name = scalar(*n, where);
        if (const yaml_node* d = rmod.is_map() ? rmod.get("description") : nullptr) {
            set_child(r, "description", scalar(*d, where));
        }
        set_child(r, "name", new_name);
        set_child(r, "addressOffset", hex_str(g.items[0].offset - base));
        pugi::xml_node moved = c.append_move(r);
        if (rmod.is_map()) {
            yaml_node rest = rmod;
            rest.erase("name");
            rest.erase("description");
            if (!rest.map.empty())
                process_register(moved, rest, path + "." + cname + "." + new_name);
        }
    }
    // The cluster's own commands (_derive, _modify, _array, ...).
    process_scope(c, cmod, path + "." + cname, false);
}

void patcher::collect_fields_in_array(pugi::xml_node r, const std::string& spec_in,
                                      const yaml_node& fmod, const std::string& path) {
    const std::string where = path + "._array." + spec_in;
    const auto [spec, optional] = optional_spec(spec_in);
    struct item {
        pugi::xml_node node;
        std::string index;
        std::uint64_t offset, width;
    };
    std::vector<item> items;
    const auto [li, ri] = spec_ind(spec);
    for (pugi::xml_node f : find_fields(r, spec)) {
        if (f.child("dim")) continue;
        const std::string n = name_of(f);
        const auto [o, w] = field_pos(f);
        items.push_back({f, wildcard_part(n, li, ri), o, w});
    }
    if (items.empty()) {
        if (optional) return;
        fail(where, "no fields match");
    }
    sort_by_offset(items);
    const std::size_t dim = items.size();
    const std::uint64_t inc = dim > 1 ? items[1].offset - items[0].offset : 0;
    for (std::size_t i = 0; i < dim; ++i) {
        if (items[i].offset != items[0].offset + inc * i || items[i].width != items[0].width) {
            fail(where, "fields cannot be collected into an array");
        }
    }
    std::string index;
    for (std::size_t i = 0; i < dim; ++i) index += (i ? "," : "") + items[i].index;
    for (std::size_t i = 1; i < dim; ++i) r.child("fields").remove_child(items[i].node);
    pugi::xml_node f = items[0].node;
    normalise_field_pos(f);
    make_array(f, spec, li, ri, fmod, where, dim, inc, index);
}

}  // namespace rivet::svd::patch
