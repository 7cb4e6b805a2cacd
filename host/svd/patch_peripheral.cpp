// Peripheral- and cluster-level patch commands: deleting, copying, renaming,
// modifying, adding and deriving registers and clusters.
#include "patcher_internal.hpp"

#include <cstring>

#include "xml_util.hpp"

namespace rivet::svd::patch {

pugi::xml_node patcher::regs_of(pugi::xml_node scope) {
    if (std::strcmp(scope.name(), "cluster") == 0) return scope;
    pugi::xml_node r = scope.child("registers");
    if (!r) r = scope.append_child("registers");
    return r;
}

std::vector<pugi::xml_node> patcher::find_in(pugi::xml_node scope, const char* tag,
                                             const std::string& spec) {
    std::vector<pugi::xml_node> out;
    const spec_matcher matcher(spec);
    for (pugi::xml_node r : regs_of(scope).children(tag)) {
        if (matcher.matches(name_view(r))) out.push_back(r);
    }
    return out;
}

pugi::xml_node patcher::register_named(pugi::xml_node scope, const std::string& name) {
    for (pugi::xml_node r : regs_of(scope).children("register")) {
        if (name_view(r) == name) return r;
    }
    return {};
}

void patcher::process_peripheral(const std::string& spec, const yaml_node& pmod) {
    const auto [s, optional] = optional_spec(spec);
    if (!pmod.is_map()) fail(spec, "expected a mapping");
    auto found = find_peripherals(s);
    if (found.empty() && !optional) fail(spec, "no such peripheral");
    for (pugi::xml_node p : found) {
        // As svdtools: a derived peripheral's registers are its base's, so
        // only its own interrupts are edited.
        if (p.attribute("derivedFrom")) {
            process_interrupts(p, pmod, name_of(p));
        } else {
            process_scope(p, pmod, name_of(p));
        }
    }
}

// The interrupt commands of a peripheral: _delete: {_interrupts: [...]},
// _modify: {_interrupts: {...}}, _add: {_interrupts: {...}}, in that order.
void patcher::process_interrupts(pugi::xml_node p, const yaml_node& pmod, const std::string& path) {
    if (const yaml_node* d = pmod.get("_delete"); d != nullptr && d->is_map()) {
        for (const std::string& i : strings(d->get("_interrupts"))) delete_interrupts(p, i);
    }
    if (const yaml_node* m = pmod.get("_modify"); m != nullptr && m->is_map()) {
        if (const yaml_node* i = m->get("_interrupts")) modify_interrupts(p, *i, path);
    }
    if (const yaml_node* a = pmod.get("_add"); a != nullptr && a->is_map()) {
        if (const yaml_node* i = a->get("_interrupts")) add_interrupts(p, *i, path);
    }
}

void patcher::modify_interrupts(pugi::xml_node p, const yaml_node& mods, const std::string& path) {
    for_map(&mods, [&](const std::string& ik, const yaml_node& iv) {
        const spec_matcher matcher(ik);
        for (pugi::xml_node i : p.children("interrupt")) {
            if (matcher.matches(name_view(i))) set_children(i, iv, path + "." + ik);
        }
    });
}

// A peripheral or a cluster: its registers and clusters.
void patcher::process_scope(pugi::xml_node p, const yaml_node& pmod, const std::string& path,
                            bool children) {
    if (const yaml_node* d = pmod.get("_delete")) {
        if (d->is_map()) {
            for (const std::string& r : strings(d->get("_registers"))) delete_in(p, "register", r);
            for (const std::string& c : strings(d->get("_clusters"))) delete_in(p, "cluster", c);
            for (const std::string& i : strings(d->get("_interrupts"))) delete_interrupts(p, i);
        } else {
            for (const std::string& r : strings(d)) delete_in(p, "register", r);
        }
    }
    for_map(pmod.get("_copy"),
            [&](const std::string& k, const yaml_node& v) { copy_register(p, k, v, path); });
    for (const std::string& s : strings(pmod.get("_strip")))
        strip_names(regs_of(p), "register", s, false);
    for (const std::string& s : strings(pmod.get("_strip_end")))
        strip_names(regs_of(p), "register", s, true);
    for (const std::string& s : strings(pmod.get("_prefix")))
        add_affix(regs_of(p), "register", s, false);
    for (const std::string& s : strings(pmod.get("_suffix")))
        add_affix(regs_of(p), "register", s, true);
    for_map(pmod.get("_modify"), [&](const std::string& k, const yaml_node& v) {
        if (k == "_registers") {
            for_map(&v, [&](const std::string& rk, const yaml_node& rv) {
                modify_register(p, rk, rv, path);
            });
        } else if (k == "_interrupts") {
            modify_interrupts(p, v, path);
        } else if (k == "_cluster" || k == "_clusters") {
            for_map(&v, [&](const std::string& ck, const yaml_node& cv) {
                for (pugi::xml_node c : find_in(p, "cluster", ck))
                    set_children(c, cv, path + "." + ck);
            });
        } else {
            modify_register(p, k, v, path);
        }
    });
    for (const std::string& r : strings(pmod.get("_clear_fields"))) clear_fields_in(regs_of(p), r);
    for_map(pmod.get("_add"), [&](const std::string& k, const yaml_node& v) {
        if (k == "_registers") {
            for_map(&v, [&](const std::string& rk, const yaml_node& rv) {
                add_register(p, rk, rv, path);
            });
        } else if (k == "_interrupts") {
            add_interrupts(p, v, path);
        } else if (k == "_clusters") {
            for_map(&v, [&](const std::string& ck, const yaml_node& cv) {
                add_cluster(p, ck, cv, path);
            });
        } else {
            add_register(p, k, v, path);
        }
    });
    for_map(pmod.get("_derive"),
            [&](const std::string& k, const yaml_node& v) { derive_register(p, k, v, path); });
    for (const auto& [k, v] : pmod.map) {
        if (!children || k.empty() || k[0] == '_') continue;
        process_register_spec(p, k, v, path);
    }
    for_map(pmod.get("_expand_array"),
            [&](const std::string& k, const yaml_node&) { expand_array(p, k, path); });
    for_map(pmod.get("_array"),
            [&](const std::string& k, const yaml_node& v) { collect_in_array(p, k, v, path); });
    for_map(pmod.get("_cluster"),
            [&](const std::string& k, const yaml_node& v) { collect_in_cluster(p, k, v, path); });
    if (!children) return;
    for_map(pmod.get("_clusters"), [&](const std::string& k, const yaml_node& v) {
        const auto [cs, opt] = optional_spec(k);
        auto found = find_in(p, "cluster", cs);
        if (found.empty() && !opt) fail(path + "." + k, "no such cluster");
        for (pugi::xml_node c : found) process_scope(c, v, path + "." + name_of(c));
    });
    for (const std::string& k : strings(pmod.get("_expand_cluster"))) expand_cluster(p, k, path);
    for_map(pmod.get("_expand_cluster"),
            [&](const std::string& k, const yaml_node&) { expand_cluster(p, k, path); });
}

void patcher::delete_in(pugi::xml_node p, const char* tag, const std::string& spec) {
    for (pugi::xml_node r : find_in(p, tag, optional_spec(spec).first)) regs_of(p).remove_child(r);
}

// _clear_fields / _clear: drop enumeratedValues and writeConstraint.
void patcher::clear_field(pugi::xml_node f) {
    if (f.attribute("derivedFrom")) return;
    // One pass without a snapshot: `_clear_fields: "*"` clears every field
    // of a device.
    for (pugi::xml_node c = f.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        const char* const tag = c.name();  // "" for text
        if ((tag[0] == 'e' || tag[0] == 'w') &&
            (is_element(c, "enumeratedValues") || is_element(c, "writeConstraint")))
            f.remove_child(c);
        c = next;
    }
}

void patcher::clear_fields_in(pugi::xml_node scope, const std::string& spec) {
    clear_fields_matching(scope, spec_matcher(spec));
}

void patcher::clear_fields_matching(pugi::xml_node scope, const spec_matcher& registers) {
    for (pugi::xml_node r : scope.children()) {
        if (std::strcmp(r.name(), "cluster") == 0) clear_fields_matching(r, registers);
        if (std::strcmp(r.name(), "register") == 0 && registers.matches(name_view(r))) {
            for (pugi::xml_node f : r.child("fields").children("field")) clear_field(f);
        }
    }
}

// _strip / _strip_end: names that match PREFIX* (or *SUFFIX) lose that
// many characters; also displayName, alternateRegister, alternateCluster.
void patcher::strip_names(pugi::xml_node parent, const char* tag, const std::string& s, bool end) {
    const std::string pattern = end ? "*" + s : s + "*";
    for (pugi::xml_node r : parent.children()) {
        if (r.type() != pugi::node_element) continue;
        if (std::strcmp(r.name(), tag) != 0 &&
            !(std::strcmp(tag, "register") == 0 && std::strcmp(r.name(), "cluster") == 0)) {
            continue;
        }
        for (const char* t :
             {"name", "displayName", "alternateRegister", "alternateCluster", "headerStructName"}) {
            if (!r.child(t)) continue;
            const std::string n = text_of(r, t);
            if (!glob(pattern, n) || n.size() <= s.size()) continue;
            set_child(r, t, end ? n.substr(0, n.size() - s.size()) : n.substr(s.size()));
        }
    }
}

void patcher::add_affix(pugi::xml_node parent, const char* tag, const std::string& a, bool suffix) {
    for (pugi::xml_node r : parent.children(tag)) {
        for (const char* t : {"name", "displayName", "alternateRegister"}) {
            if (!r.child(t)) continue;
            set_child(r, t, suffix ? text_of(r, t) + a : a + text_of(r, t));
        }
    }
}

void patcher::modify_register(pugi::xml_node p, const std::string& spec, const yaml_node& mods,
                              const std::string& path) {
    const auto [s, optional] = optional_spec(spec);
    auto found = find_in(p, "register", s);
    if (found.empty()) found = find_in(p, "cluster", s);
    if (found.empty()) {
        if (const yaml_node* from = mods.is_map() ? mods.get("_from") : nullptr) {
            pugi::xml_node src = register_named(p, scalar(*from, path));
            if (!src) fail(path + "._modify." + spec, "no register " + from->s + " to copy");
            pugi::xml_node c = regs_of(p).insert_copy_after(src, src);
            set_child(c, "name", spec);
            found.push_back(c);
        } else if (optional) {
            return;
        } else {
            fail(path + "._modify." + spec, "no such register");
        }
    }
    for (pugi::xml_node r : found) {
        for_map(&mods, [&](const std::string& k, const yaml_node& v) {
            if (k.empty() || k[0] == '_') return;
            if (k == "fields" || k == "writeConstraint") {
                set_children(r.child(k.c_str()) ? r.child(k.c_str()) : r.append_child(k.c_str()), v,
                             path);
            } else {
                set_child(r, k, scalar(v, path + "." + spec + "." + k));
            }
        });
    }
}

void patcher::fill_register(pugi::xml_node r, const yaml_node& rv, const std::string& path) {
    for_map(&rv, [&](const std::string& k, const yaml_node& v) {
        if (k == "fields") {
            for_map(&v, [&](const std::string& fk, const yaml_node& fv) {
                add_field(r, fk, fv, path + ".fields");
            });
        } else if (!k.empty() && k[0] != '_') {
            if (v.is_map()) {
                set_children(r.append_child(k.c_str()), v, path);
            } else {
                set_child(r, k, scalar(v, path + "." + k));
            }
        }
    });
}

void patcher::add_register(pugi::xml_node p, const std::string& rname, const yaml_node& rv,
                           const std::string& path) {
    if (register_named(p, rname)) fail(path + "._add." + rname, "register already exists");
    pugi::xml_node r = regs_of(p).append_child("register");
    set_child(r, "name", rname);
    fill_register(r, rv, path + "._add." + rname);
}

void patcher::add_cluster(pugi::xml_node p, const std::string& cname, const yaml_node& cv,
                          const std::string& path) {
    for (pugi::xml_node c : regs_of(p).children("cluster")) {
        if (name_of(c) == cname) fail(path + "._add." + cname, "cluster already exists");
    }
    pugi::xml_node c = regs_of(p).append_child("cluster");
    set_child(c, "name", cname);
    for_map(&cv, [&](const std::string& k, const yaml_node& v) {
        if (k == "registers") {
            for_map(&v, [&](const std::string& rk, const yaml_node& rv) {
                add_register(c, rk, rv, path + "." + cname);
            });
        } else if (!k.empty() && k[0] != '_') {
            set_child(c, k, scalar(v, path + "." + cname + "." + k));
        }
    });
}

void patcher::copy_register(pugi::xml_node p, const std::string& rname, const yaml_node& v,
                            const std::string& path) {
    const std::string where = path + "._copy." + rname;
    const yaml_node* from =
        v.is_map() ? (v.get("from") != nullptr ? v.get("from") : v.get("_from")) : &v;
    if (from == nullptr) fail(where, "needs from:");
    std::string src = scalar(*from, where);
    pugi::xml_node source;
    const auto sep = src.find_first_of(":.");
    if (sep != std::string::npos) {
        pugi::xml_node other = peripheral_named(src.substr(0, sep));
        if (other) source = register_named(other, src.substr(sep + 1));
    } else {
        source = register_named(p, src);
    }
    if (!source) fail(where, "no register " + src);
    pugi::xml_node old = register_named(p, rname);
    pugi::xml_node c =
        old ? regs_of(p).insert_copy_after(source, old) : regs_of(p).append_copy(source);
    set_child(c, "name", rname);
    if (old) {
        if (old.child("addressOffset"))
            set_child(c, "addressOffset", text_of(old, "addressOffset"));
        regs_of(p).remove_child(old);
    }
    if (v.is_map()) fill_register_mods(c, v, where);
}

void patcher::fill_register_mods(pugi::xml_node r, const yaml_node& mods, const std::string& path) {
    for_map(&mods, [&](const std::string& k, const yaml_node& v) {
        if (k.empty() || k[0] == '_' || k == "from") return;
        set_child(r, k, scalar(v, path + "." + k));
    });
}

void patcher::derive_register(pugi::xml_node p, const std::string& rname, const yaml_node& v,
                              const std::string& path) {
    const std::string where = path + "._derive." + rname;
    const std::string base = derive_base(v, where);
    const auto [spec, optional] = optional_spec(rname);
    std::vector<pugi::xml_node> found = find_in(p, "register", spec);
    if (found.empty()) {
        if (optional) return;
        pugi::xml_node r = regs_of(p).append_child("register");
        set_child(r, "name", spec);
        found.push_back(r);
    }
    for (pugi::xml_node r : found) {
        for (pugi::xml_node c : elements(r, nullptr)) {
            const std::string t = c.name();
            if (t != "name" && t != "addressOffset" && t != "description" && t != "displayName" &&
                t != "dim" && t != "dimIncrement" && t != "dimIndex") {
                r.remove_child(c);
            }
        }
        (r.attribute("derivedFrom") ? r.attribute("derivedFrom")
                                    : r.append_attribute("derivedFrom"))
            .set_value(base.c_str());
        if (v.is_map()) fill_register_mods(r, v, where);
        if (!r.child("addressOffset")) fail(where, "a derived register needs addressOffset");
    }
}

}  // namespace rivet::svd::patch
