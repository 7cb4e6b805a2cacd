// Field-level patch commands: enumerated values (read, write, both, with
// modifiedWriteValues / readAction shorthands) and write-constraint ranges.
#include "patcher_internal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace {

// The fields lowest bit first (stable: equal offsets keep their order), each
// position read once.
std::vector<pugi::xml_node> by_offset(const std::vector<pugi::xml_node>& fields) {
    std::vector<std::pair<std::uint64_t, pugi::xml_node>> keyed;
    keyed.reserve(fields.size());
    for (const pugi::xml_node& f : fields) keyed.emplace_back(field_pos(f).first, f);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<pugi::xml_node> sorted;
    sorted.reserve(keyed.size());
    for (const auto& [offset, f] : keyed) sorted.push_back(f);
    return sorted;
}

}  // namespace

void patcher::process_field(pugi::xml_node r, const field_table& fields, const std::string& spec,
                            const yaml_node& fmod, const std::string& path) {
    const std::string where = path + "." + spec;
    if (fmod.is_seq()) {
        if (fmod.seq.size() != 2) return;  // as svdtools: only [min, max] is a range
        if (!fmod.seq[0].is_scalar() || !fmod.seq[1].is_scalar())
            fail(where, "a range is [minimum, maximum]");
        const auto [s, optional] = optional_spec(spec);
        auto found = find_fields(fields, s);
        if (found.empty() && !optional) fail(where, "no such field");
        for (pugi::xml_node f : found) {
            while (pugi::xml_node w = f.child("writeConstraint")) f.remove_child(w);
            add_range(f, fmod.seq[0].s, fmod.seq[1].s);
        }
        return;
    }
    if (!fmod.is_map()) return;  // as svdtools: nothing to do
    process_field_enum(r, fields, spec, fmod, where, "read-write", false);
}

void patcher::process_field_enum(pugi::xml_node r, const field_table& fields,
                                 const std::string& spec, const yaml_node& fmod_in,
                                 const std::string& where, const std::string& usage, bool replace) {
    const yaml_node* fmod = &fmod_in;
    if (const yaml_node* re = fmod->get("_replace_enum")) {
        fmod = re;
        replace = true;
    }
    static const std::map<std::string, std::string> mwv = {
        {"_W1C", "oneToClear"}, {"_W0C", "zeroToClear"}, {"_W1S", "oneToSet"},
        {"_W0S", "zeroToSet"},  {"_W1T", "oneToToggle"}, {"_W0T", "zeroToToggle"},
        {"_WC", "clear"},       {"_WS", "set"}};
    const auto [s, optional] = optional_spec(spec);
    bool handled = false;
    static const std::map<std::string, std::string> ra = {
        {"_RM", "modify"}, {"_RS", "set"}, {"_RC", "clear"}, {"_RME", "modifyExternal"}};
    auto non_empty = [](const yaml_node* y) {
        return y != nullptr && y->is_map() && !y->map.empty();
    };
    // Read side: the first of _read/_RM/_RS/_RC/_RME; write side: all.
    for (const char* key : {"_read", "_RM", "_RS", "_RC", "_RME"}) {
        if (const yaml_node* sub = fmod->get(key)) {
            if (non_empty(sub)) process_field_enum(r, fields, spec, *sub, where, "read", replace);
            if (auto it = ra.find(key); it != ra.end()) {
                for (pugi::xml_node f : find_fields(fields, s))
                    set_child(f, "readAction", it->second);
            }
            handled = true;
            break;
        }
    }
    if (const yaml_node* wr = fmod->get("_write")) {
        if (non_empty(wr)) process_field_enum(r, fields, spec, *wr, where, "write", replace);
        handled = true;
    }
    for (const auto& [key, mw] : mwv) {
        if (const yaml_node* sub = fmod->get(key)) {
            if (non_empty(sub)) process_field_enum(r, fields, spec, *sub, where, "write", replace);
            for (pugi::xml_node f : find_fields(fields, s)) set_child(f, "modifiedWriteValues", mw);
            handled = true;
        }
    }
    if (const yaml_node* wm = fmod->get("_WM")) {
        if (non_empty(wm)) process_field_enum(r, fields, spec, *wm, where, "write", replace);
        for (pugi::xml_node f : find_fields(fields, s)) set_child(f, "modifiedWriteValues", "");
        handled = true;
    }
    if (handled) return;

    const std::vector<pugi::xml_node> found = by_offset(find_fields(fields, s));
    if (found.empty()) {
        if (optional) return;
        fail(where, "no such field");
    }
    std::string derived_name;
    if (const yaml_node* d = fmod->get("_derivedFrom")) derived_name = scalar(*d, where);
    bool first = derived_name.empty();
    for (pugi::xml_node f : found) {
        const std::string fu = checked_usage(r, f, usage, where);
        // As svdtools: only the lowest field may complain; the others get
        // a derived reference that replaces what they had.
        make_room_for_enum(r, f, fu, first ? replace : true, where);
        pugi::xml_node ev = f.append_child("enumeratedValues");
        if (first) {
            derived_name = make_enumerated_values(ev, name_of(f), *fmod, usage, where, f);
            set_child(ev, "usage", fu);
            first = false;
        } else {
            ev.append_attribute("derivedFrom").set_value(derived_name.c_str());
            set_child(ev, "usage", fu);
        }
    }
}

// The usage an enumeration gets on a field of the given access.
std::string patcher::checked_usage(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
                                   const std::string& where) {
    std::string access = text_of(f, "access");
    if (access.empty()) access = text_of(r, "access");
    if (access == "read-only") {
        if (usage == "write")
            fail(where, "write enumeratedValues on read-only field " + name_of(f));
        return "read";
    }
    if (access == "write-only" || access == "writeOnce") {
        if (usage == "read") fail(where, "read enumeratedValues on write-only field " + name_of(f));
        return "write";
    }
    return usage;
}

// svdtools' rules for adding an enumeration with `usage` to a field
// that may already have one or two.
void patcher::make_room_for_enum(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
                                 bool replace, const std::string& where) {
    const auto existing = elements(f, "enumeratedValues");
    auto occupied = [&](const std::string& u) {
        fail(where, "field " + name_of(f) + " already has " + (u.empty() ? "read-write" : u) +
                        " enumeratedValues");
    };
    if (existing.empty()) return;
    if (usage == "read-write") {
        if (!replace) occupied(text_of(existing[0], "usage"));
        for (pugi::xml_node ev : existing) f.remove_child(ev);
        return;
    }
    if (existing.size() == 1) {
        pugi::xml_node v = existing[0];
        const std::string vu = text_of(v, "usage");
        if (vu == usage || vu == "read-write") {
            if (!replace) occupied(vu);
            f.remove_child(v);
        } else if (vu.empty()) {
            std::string access = text_of(f, "access");
            if (access.empty()) access = text_of(r, "access");
            if (access.empty() || access == "read-write" || access == "read-writeOnce") {
                set_child(v, "usage", usage == "read" ? "write" : "read");
            } else {
                if (!replace) occupied(vu);
                f.remove_child(v);
            }
        }
        return;
    }
    if (!replace) occupied(usage);
    for (pugi::xml_node ev : existing) {
        if (text_of(ev, "usage") == usage) f.remove_child(ev);
    }
}

std::string patcher::make_enumerated_values(pugi::xml_node ev, const std::string& fname,
                                            const yaml_node& values, const std::string& usage,
                                            const std::string& where, pugi::xml_node f) {
    // As svdtools: _name as given, else the field's name without the %s of
    // an array and with R/W for a read/write one. Names may repeat within a
    // peripheral; the C++ emitter makes its own identifiers unique.
    std::string name;
    if (const yaml_node* n = values.get("_name")) {
        name = scalar(*n, where);
    } else {
        name = fname;
        for (auto pos = name.find("%s"); pos != std::string::npos; pos = name.find("%s", pos))
            name.erase(pos, 2);
        if (usage == "read") name += "R";
        if (usage == "write") name += "W";
    }
    set_child(ev, "name", name);
    set_child(ev, "usage", usage);
    const std::uint64_t width = field_pos(f).second;
    std::set<std::string> seen_values;
    for (const auto& [vname, vv] : values.map) {
        if (vname.empty() || vname[0] == '_') continue;
        if (vname.find(' ') != std::string::npos)
            fail(where, "enum value name '" + vname + "' has spaces");
        // Merged includes may concatenate lists: as svdtools, use the first two.
        if (!vv.is_seq() || vv.seq.size() < 2)
            fail(where + "." + vname, "expected [value, description]");
        const std::string value = vv.seq[0].s;
        const std::string desc = vv.seq[1].s;
        if (!seen_values.insert(value).second)
            fail(where + "." + vname, "duplicate value " + value);
        pugi::xml_node e = ev.append_child("enumeratedValue");
        set_child(e, "name", vname);
        set_child(e, "description", desc);
        if (value == "-1") {
            set_child(e, "isDefault", "true");
        } else {
            std::uint64_t n = 0;
            if (!parse_int(value, n)) fail(where + "." + vname, "bad value " + value);
            if (width < 64 && (n >> width) != 0) {
                fail(where + "." + vname,
                     fmt::format("value {} does not fit the {}-bit field", value, width));
            }
            set_child(e, "value", value);
        }
    }
    return name;
}

}  // namespace rivet::svd::patch
