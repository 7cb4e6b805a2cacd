// Register-level patch commands: deleting, stripping, clearing, modifying,
// adding, merging, splitting, prefixing and deriving fields.
#include "patcher_internal.hpp"

#include <algorithm>

#include "xml_util.hpp"

namespace rivet::svd::patch {

void patcher::process_register_spec(pugi::xml_node p, const std::string& spec,
                                    const yaml_node& rmod, const std::string& path) {
    const auto [s, optional] = optional_spec(spec);
    auto found = find_in(p, "register", s);
    if (!rmod.is_map()) fail(path + "." + spec, "expected a mapping");
    if (found.empty()) {
        if (optional) return;
        auto clusters = find_in(p, "cluster", s);
        if (clusters.empty()) fail(path + "." + spec, "no such register");
        for (pugi::xml_node c : clusters) process_scope(c, rmod, path + "." + name_of(c));
        return;
    }
    for (pugi::xml_node r : found) {
        if (r.attribute("derivedFrom")) continue;  // svdtools leaves derived registers alone
        process_register(r, rmod, path + "." + name_of(r));
    }
}

std::vector<pugi::xml_node> patcher::find_fields(pugi::xml_node r, const std::string& spec) {
    return find_fields(fields_of(r), spec);
}

patcher::field_table patcher::fields_of(pugi::xml_node r) {
    field_table fields;
    for (pugi::xml_node f : r.child("fields").children("field"))
        fields.push_back({name_view(f), f});
    return fields;
}

std::vector<pugi::xml_node> patcher::find_fields(const field_table& fields,
                                                 const std::string& spec) {
    std::vector<pugi::xml_node> out;
    const spec_matcher matcher(spec);
    for (const named_field& f : fields) {
        if (matcher.matches(f.name)) out.push_back(f.node);
    }
    return out;
}

void patcher::process_register(pugi::xml_node r, const yaml_node& rmod, const std::string& path) {
    for (const std::string& f : strings(rmod.get("_delete"))) {
        for (pugi::xml_node fn : find_fields(r, optional_spec(f).first))
            r.child("fields").remove_child(fn);
    }
    for (const std::string& s : strings(rmod.get("_strip")))
        strip_names(r.child("fields"), "field", s, false);
    for (const std::string& s : strings(rmod.get("_strip_end")))
        strip_names(r.child("fields"), "field", s, true);
    for (const std::string& f : strings(rmod.get("_clear"))) {
        for (pugi::xml_node fn : find_fields(r, optional_spec(f).first)) clear_field(fn);
    }
    for_map(rmod.get("_modify"),
            [&](const std::string& k, const yaml_node& v) { modify_field(r, k, v, path); });
    for_map(rmod.get("_add"),
            [&](const std::string& k, const yaml_node& v) { add_field(r, k, v, path + "._add"); });
    if (const yaml_node* m = rmod.get("_merge")) {
        if (m->is_map()) {
            for_map(
                m, [&](const std::string& k, const yaml_node& v) { merge_fields(r, k, &v, path); });
        } else {
            for (const std::string& k : strings(m)) merge_fields(r, k, nullptr, path);
        }
    }
    if (const yaml_node* sp = rmod.get("_split")) {
        if (sp->is_map()) {
            for_map(sp, [&](const std::string& k, const yaml_node& v) {
                split_fields(r, k, &v, path);
            });
        } else {
            for (const std::string& k : strings(sp)) split_fields(r, k, nullptr, path);
        }
    }
    for (const std::string& s : strings(rmod.get("_prefix"))) {
        for (pugi::xml_node f : r.child("fields").children("field"))
            set_child(f, "name", s + name_of(f));
    }
    for_map(rmod.get("_derive"), [&](const std::string& k, const yaml_node& v) {
        const std::string base = scalar(v, path + "._derive." + k);
        auto found = find_fields(r, optional_spec(k).first);
        if (found.empty() && !optional_spec(k).second)
            fail(path + "._derive." + k, "no such field");
        for (pugi::xml_node f : found) {
            for (pugi::xml_node ev : elements(f, "enumeratedValues")) f.remove_child(ev);
            (f.attribute("derivedFrom") ? f.attribute("derivedFrom")
                                        : f.append_attribute("derivedFrom"))
                .set_value(base.c_str());
        }
    });
    // The field commands add enumerations and constraints but rename or
    // remove no field: the fields are listed once for all of them.
    const field_table fields = fields_of(r);
    for (const auto& [k, v] : rmod.map) {
        if (k.empty() || k[0] == '_') continue;
        process_field(r, fields, k, v, path);
    }
    for_map(rmod.get("_array"), [&](const std::string& k, const yaml_node& v) {
        collect_fields_in_array(r, k, v, path);
    });
}

void patcher::modify_field(pugi::xml_node r, const std::string& spec, const yaml_node& mods,
                           const std::string& path) {
    const auto [s, optional] = optional_spec(spec);
    auto found = find_fields(r, s);
    if (found.empty() && !optional) fail(path + "._modify." + spec, "no such field");
    for (pugi::xml_node f : found) {
        for_map(&mods, [&](const std::string& k, const yaml_node& v) {
            if (k == "_write_constraint" || k == "writeConstraint") {
                while (pugi::xml_node w = f.child("writeConstraint")) f.remove_child(w);
                if (v.is_seq() && v.seq.size() == 2) add_range(f, v.seq[0].s, v.seq[1].s);
                return;
            }
            if (k.empty() || k[0] == '_') return;
            if (k == "bitOffset" || k == "bitWidth" || k == "lsb" || k == "msb" ||
                k == "bitRange") {
                normalise_field_pos(f);
                if (k == "lsb" || k == "msb" || k == "bitRange") {
                    // translate to offset/width
                    pugi::xml_node tmp = r.append_child("field");
                    set_child(tmp, k, scalar(v, path));
                    if (k == "lsb")
                        set_child(tmp, "msb",
                                  std::to_string(field_pos(f).first + field_pos(f).second - 1));
                    if (k == "msb") set_child(tmp, "lsb", std::to_string(field_pos(f).first));
                    const auto [o, w] = field_pos(tmp);
                    r.remove_child(tmp);
                    set_child(f, "bitOffset", std::to_string(o));
                    set_child(f, "bitWidth", std::to_string(w));
                    return;
                }
            }
            set_child(f, k, scalar(v, path + "." + spec + "." + k));
        });
    }
}

void patcher::add_range(pugi::xml_node f, const std::string& lo, const std::string& hi) {
    pugi::xml_node w = f.append_child("writeConstraint");
    pugi::xml_node range = w.append_child("range");
    range.append_child("minimum").append_child(pugi::node_pcdata).set_value(lo.c_str());
    range.append_child("maximum").append_child(pugi::node_pcdata).set_value(hi.c_str());
}

void patcher::merge_fields(pugi::xml_node r, const std::string& key, const yaml_node* value,
                           const std::string& path) {
    std::vector<pugi::xml_node> fields;
    std::string name;
    if (value != nullptr) {
        for (const std::string& spec : strings(value)) {
            for (const std::string& sub : split_commas(spec)) {
                for (pugi::xml_node f : find_fields(r, sub)) {
                    if (std::find(fields.begin(), fields.end(), f) == fields.end())
                        fields.push_back(f);
                }
            }
        }
        name = key;
    } else {
        fields = find_fields(r, key);
        if (!fields.empty()) {
            name = name_of(fields[0]);
            for (pugi::xml_node f : fields) {
                const std::string n = name_of(f);
                std::size_t i = 0;
                while (i < name.size() && i < n.size() && name[i] == n[i]) ++i;
                name.resize(i);
            }
        }
    }
    if (fields.empty()) fail(path + "._merge." + key, "no fields to merge");
    std::uint64_t width = 0, offset = ~0ull;
    for (pugi::xml_node f : fields) {
        const auto [o, w] = field_pos(f);
        width += w;
        offset = std::min(offset, o);
    }
    pugi::xml_node keep = fields[0];
    normalise_field_pos(keep);
    set_child(keep, "name", name);
    set_child(keep, "bitOffset", std::to_string(offset));
    set_child(keep, "bitWidth", std::to_string(width));
    for (pugi::xml_node ev : elements(keep, "enumeratedValues")) keep.remove_child(ev);
    for (std::size_t i = 1; i < fields.size(); ++i) r.child("fields").remove_child(fields[i]);
}

void patcher::split_fields(pugi::xml_node r, const std::string& spec, const yaml_node* mods,
                           const std::string& path) {
    auto found = find_fields(r, spec);
    if (found.empty()) fail(path + "._split." + spec, "no such field");
    pugi::xml_node f = found[0];
    std::string name = name_of(f) + "%s";
    std::string desc = text_of(f, "description");
    if (mods != nullptr && mods->is_map()) {
        if (const yaml_node* n = mods->get("name")) name = scalar(*n, path);
        if (const yaml_node* d = mods->get("description")) desc = scalar(*d, path);
    }
    const auto [off, width] = field_pos(f);
    if (width > 64)
        fail(path + "._split." + spec,
             "field " + name_of(f) + " is " + std::to_string(width) + " bits wide");
    pugi::xml_node fields = r.child("fields");
    for (std::uint64_t i = 0; i < width; ++i) {
        pugi::xml_node n = fields.insert_copy_before(f, f);
        for (pugi::xml_node ev : elements(n, "enumeratedValues")) n.remove_child(ev);
        normalise_field_pos(n);
        auto subst = [&](std::string t) {
            const auto pos = t.find("%s");
            if (pos != std::string::npos) t.replace(pos, 2, std::to_string(i));
            return t;
        };
        set_child(n, "name", subst(name));
        if (!desc.empty()) set_child(n, "description", subst(desc));
        set_child(n, "bitOffset", std::to_string(off + i));
        set_child(n, "bitWidth", "1");
    }
    fields.remove_child(f);
}

void patcher::add_field(pugi::xml_node r, const std::string& fname, const yaml_node& fv,
                        const std::string& path) {
    pugi::xml_node fields = r.child("fields");
    if (!fields) fields = r.append_child("fields");
    for (pugi::xml_node f : fields.children("field")) {
        if (name_of(f) == fname) fail(path, "field " + fname + " already exists");
    }
    pugi::xml_node f = fields.append_child("field");
    set_child(f, "name", fname);
    for_map(&fv, [&](const std::string& k, const yaml_node& v) {
        if (k == "_write_constraint" || k == "writeConstraint") return;
        if (!k.empty() && k[0] == '_') return;
        if (v.is_map()) {
            set_children(f.append_child(k.c_str()), v, path);
        } else {
            set_child(f, k, scalar(v, path + "." + fname + "." + k));
        }
    });
}

}  // namespace rivet::svd::patch
