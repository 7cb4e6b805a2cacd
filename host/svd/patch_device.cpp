// Device-level patch commands: _delete, _copy, _modify, _clear_fields, _add, _derive
// and _rebase of peripherals and interrupts, then each peripheral's own commands.
#include "patcher_internal.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>

#include <rivet/support/error.hpp>

#include "derive.hpp"
#include "excerpt.hpp"
#include "xml_util.hpp"

namespace rivet::svd::patch {

void patcher::process_device(const yaml_node& dev) {
    if (!dev.is_map()) fail("", "patch root is not a mapping");
    for (const std::string& p : strings(dev.get("_delete"))) delete_peripherals(p);
    if (const yaml_node* d = dev.get("_delete"); d != nullptr && d->is_map()) {
        for (const std::string& p : strings(d->get("_peripherals"))) delete_peripherals(p);
        for (const std::string& i : strings(d->get("_interrupts")))
            delete_interrupts(peripherals_, i);
    }
    for_map(dev.get("_copy"),
            [&](const std::string& k, const yaml_node& v) { copy_peripheral(k, v); });
    for_map(dev.get("_modify"), [&](const std::string& k, const yaml_node& v) {
        if (k == "cpu") {
            pugi::xml_node cpu = device_.child("cpu");
            if (!cpu) cpu = device_.insert_child_before("cpu", peripherals_);
            set_children(cpu, v, "cpu");
        } else if (k == "_peripherals") {
            for_map(&v,
                    [&](const std::string& pk, const yaml_node& pv) { modify_peripheral(pk, pv); });
        } else if (is_device_child(k)) {
            set_child(device_, k, scalar(v, k));
        } else {
            modify_peripheral(k, v);
        }
    });
    for (const std::string& p : strings(dev.get("_clear_fields"))) {
        for (pugi::xml_node pt : find_peripherals(p)) clear_fields_in(pt.child("registers"), "*");
    }
    for_map(dev.get("_add"),
            [&](const std::string& k, const yaml_node& v) { add_peripheral(k, v); });
    for_map(dev.get("_derive"),
            [&](const std::string& k, const yaml_node& v) { derive_peripheral(k, v); });
    for_map(dev.get("_rebase"),
            [&](const std::string& k, const yaml_node& v) { rebase_peripheral(k, scalar(v, k)); });
    for (const auto& [k, v] : dev.map) {
        if (k.empty() || k[0] == '_') continue;
        process_peripheral(k, v);
    }
}

bool patcher::is_device_child(const std::string& k) {
    static const std::set<std::string> c = {"vendor",
                                            "vendorID",
                                            "name",
                                            "series",
                                            "version",
                                            "description",
                                            "licenseText",
                                            "headerSystemFilename",
                                            "headerDefinitionsPrefix",
                                            "addressUnitBits",
                                            "width",
                                            "size",
                                            "access",
                                            "protection",
                                            "resetValue",
                                            "resetMask"};
    return c.contains(k);
}

std::vector<pugi::xml_node> patcher::find_peripherals(const std::string& spec) {
    std::vector<pugi::xml_node> out;
    const spec_matcher matcher(spec);
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (matcher.matches(name_view(p))) out.push_back(p);
    }
    return out;
}

pugi::xml_node patcher::peripheral_named(const std::string& name) {
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (name_view(p) == name) return p;
    }
    return {};
}

void patcher::delete_peripherals(const std::string& spec) {
    for (pugi::xml_node p : find_peripherals(optional_spec(spec).first))
        peripherals_.remove_child(p);
}

void patcher::delete_interrupts(pugi::xml_node scope, const std::string& spec) {
    std::vector<pugi::xml_node> doomed;
    const spec_matcher matcher(spec);
    for (pugi::xml_node p : scope.name() == std::string("peripheral")
                                ? std::vector<pugi::xml_node>{scope}
                                : elements(scope, "peripheral")) {
        for (pugi::xml_node i : p.children("interrupt")) {
            if (matcher.matches(name_view(i))) doomed.push_back(i);
        }
    }
    for (pugi::xml_node i : doomed) i.parent().remove_child(i);
}

pugi::xml_node patcher::load_other_peripheral(const std::string& from, const std::string& path) {
    const auto colon = from.rfind(':');
    std::string file = from.substr(0, colon);
    const std::string pname = from.substr(colon + 1);
    fs::path p =
        opts_.svd_root.empty() ? dir_ / file : fs::path(opts_.svd_root) / fs::path(file).filename();
    p = p.lexically_normal();
    if (pugi::xml_node q = excerpt_peripheral(p.string(), pname)) return q;
    auto it = others_.find(p.string());
    if (it == others_.end()) {
        auto other = std::make_unique<svd_document>();
        load_svd_file(*other, p.string());
        it = others_.emplace(p.string(), std::move(other)).first;
    }
    // Only what the copy reads is resolved (stm32u575 copies one peripheral
    // of the 6 MB stm32u535.svd); resolved elements lose their derivedFrom,
    // so a later copy from the same file resolves the rest as it needs.
    svd_document& other = *it->second;
    std::unordered_set<std::string> needed;
    if (derive::peripherals_needed(other, pname, needed)) {
        derive::resolver(other, false, &needed).run();
    } else {
        resolve_derived(other, false);
    }
    for (pugi::xml_node q :
         it->second->xml.child("device").child("peripherals").children("peripheral")) {
        if (name_view(q) == pname) return q;
    }
    fail(path, "no peripheral " + pname + " in " + p.string());
}

// The peripheral from a document of only it and what it derives from, cut
// from the file's text (stm32u575 copies one peripheral of the 6 MB
// stm32u535.svd). An empty node when the text cannot be cut (see
// excerpt.hpp) or the cut does not load and resolve cleanly: then the whole
// file is loaded, which reports what is wrong with it.
pugi::xml_node patcher::excerpt_peripheral(const std::string& file, const std::string& pname) {
    auto text = other_texts_.find(file);
    if (text == other_texts_.end()) {
        file_bytes content = read_file_bytes(file);
        std::optional<svd_outline> outline = outline_svd(content.view());
        text = other_texts_.emplace(file, other_text{std::move(content), std::move(outline)}).first;
    }
    const other_text& other = text->second;
    if (!other.outline || !other.outline->names.contains(pname)) return {};
    std::unordered_set<std::string> keep{pname};
    while (true) {
        auto doc = std::make_unique<svd_document>();
        std::unordered_set<std::string> needed;
        try {
            load_svd_string(*doc, svd_excerpt(other.text.view(), *other.outline, keep), file);
            if (!derive::peripherals_needed(*doc, pname, needed, &other.outline->names)) return {};
            if (!std::all_of(needed.begin(), needed.end(),
                             [&](const std::string& n) { return keep.contains(n); })) {
                keep.insert(needed.begin(), needed.end());  // what the cut left out
                continue;
            }
            derive::resolver(*doc, false, &needed).run();
        } catch (const error&) {
            return {};
        }
        const pugi::xml_node q =
            find_named(doc->xml.child("device").child("peripherals"), pname, {"peripheral"});
        excerpts_.push_back(std::move(doc));
        return q;
    }
}

void patcher::copy_peripheral(const std::string& pname, const yaml_node& v) {
    const std::string path = "_copy." + pname;
    const yaml_node* from = v.is_map() ? v.get("from") : nullptr;
    if (from == nullptr) fail(path, "needs from:");
    const std::string src = scalar(*from, path);
    pugi::xml_node source = src.find(':') != std::string::npos ? load_other_peripheral(src, path)
                                                               : peripheral_named(src);
    if (!source) fail(path, "no peripheral " + src);
    pugi::xml_node old = peripheral_named(pname);
    pugi::xml_node fresh =
        old ? peripherals_.insert_copy_after(source, old) : peripherals_.append_copy(source);
    set_child(fresh, "name", pname);
    if (src.find(':') != std::string::npos) fresh.remove_attribute("derivedFrom");
    for (const char* t : {"interrupt"}) {
        for (pugi::xml_node c : elements(fresh, t)) fresh.remove_child(c);
    }
    if (old) {
        for (const char* t : {"description", "baseAddress", "addressBlock", "interrupt"}) {
            if (!old.child(t)) continue;
            for (pugi::xml_node c : elements(fresh, t)) fresh.remove_child(c);
            for (pugi::xml_node c : elements(old, t)) fresh.append_copy(c);
        }
        peripherals_.remove_child(old);
    }
}

void patcher::modify_peripheral(const std::string& spec, const yaml_node& mods) {
    const auto [s, optional] = optional_spec(spec);
    (void)optional;  // svdtools ignores _modify of absent peripherals
    for (pugi::xml_node p : find_peripherals(s)) {
        for_map(&mods, [&](const std::string& k, const yaml_node& v) {
            if (k == "addressBlock" && v.is_map()) {
                pugi::xml_node ab = p.child("addressBlock");
                if (!ab) ab = p.append_child("addressBlock");
                set_children(ab, v, spec + ".addressBlock");
            } else if (k == "addressBlocks" && v.is_seq()) {
                for (pugi::xml_node c : elements(p, "addressBlock")) p.remove_child(c);
                for (const yaml_node& b : v.seq)
                    set_children(p.append_child("addressBlock"), b, spec);
            } else if (k == "derivedFrom") {
                const std::string d = scalar(v, spec);
                if (d.empty()) {
                    p.remove_attribute("derivedFrom");
                } else {
                    (p.attribute("derivedFrom") ? p.attribute("derivedFrom")
                                                : p.append_attribute("derivedFrom"))
                        .set_value(d.c_str());
                }
            } else if (k == "name") {
                // A rename also renames derivedFrom references to it.
                const std::string old_name = name_of(p);
                const std::string new_name = scalar(v, spec + ".name");
                set_child(p, "name", new_name);
                for (pugi::xml_node q : peripherals_.children("peripheral")) {
                    if (old_name == q.attribute("derivedFrom").value()) {
                        q.attribute("derivedFrom").set_value(new_name.c_str());
                    }
                }
            } else if (!k.empty() && k[0] != '_') {
                set_child(p, k, scalar(v, spec + "." + k));
            }
        });
    }
}

void patcher::add_interrupts(pugi::xml_node p, const yaml_node& irqs, const std::string& path) {
    for_map(&irqs, [&](const std::string& iname, const yaml_node& iv) {
        for (pugi::xml_node i : p.children("interrupt")) {
            if (name_of(i) == iname) fail(path, "interrupt " + iname + " exists");
        }
        pugi::xml_node i = p.child("registers")
                               ? p.insert_child_before("interrupt", p.child("registers"))
                               : p.append_child("interrupt");
        set_child(i, "name", iname);
        set_children(i, iv, path + "." + iname);
    });
}

void patcher::add_peripheral(const std::string& pname, const yaml_node& v) {
    const std::string path = "_add." + pname;
    if (peripheral_named(pname)) fail(path, "device already has a peripheral " + pname);
    pugi::xml_node p = peripherals_.append_child("peripheral");
    if (const yaml_node* d = v.get("derivedFrom"))
        p.append_attribute("derivedFrom").set_value(scalar(*d, path).c_str());
    set_child(p, "name", pname);
    for_map(&v, [&](const std::string& k, const yaml_node& val) {
        if (k == "derivedFrom") return;
        if (k == "registers") {
            for_map(&val, [&](const std::string& rn, const yaml_node& rv) {
                add_register(p, rn, rv, path);
            });
        } else if (k == "interrupts") {
            add_interrupts(p, val, path);
        } else if (k == "addressBlock" && val.is_map()) {
            set_children(p.append_child("addressBlock"), val, path);
        } else if (k == "addressBlocks" && val.is_seq()) {
            for (const yaml_node& b : val.seq)
                set_children(p.append_child("addressBlock"), b, path);
        } else if (!k.empty() && k[0] != '_') {
            set_child(p, k, scalar(val, path + "." + k));
        }
    });
}

void patcher::derive_peripheral(const std::string& pname, const yaml_node& v) {
    const std::string path = "_derive." + pname;
    const std::string base = derive_base(v, path);
    pugi::xml_node p = peripheral_named(pname);
    if (!peripheral_named(base)) fail(path, "device does not have a peripheral " + base);
    if (!p) {
        // A new peripheral derived from base, at the given address.
        if (!v.is_map() || v.get("baseAddress") == nullptr) {
            fail(path,
                 "device does not have a peripheral " + pname + " (give baseAddress to add one)");
        }
        p = peripherals_.append_child("peripheral");
        set_child(p, "name", pname);
    }
    for (pugi::xml_node c : elements(p, nullptr)) {
        const std::string t = c.name();
        if (c.type() != pugi::node_element || t == "name" || t == "baseAddress" ||
            t == "interrupt" || t == "description") {
            continue;
        }
        p.remove_child(c);
    }
    (p.attribute("derivedFrom") ? p.attribute("derivedFrom") : p.append_attribute("derivedFrom"))
        .set_value(base.c_str());
    for (pugi::xml_node q : peripherals_.children("peripheral")) {
        if (std::string(q.attribute("derivedFrom").value()) == pname)
            q.attribute("derivedFrom").set_value(base.c_str());
    }
    if (v.is_map()) modify_peripheral(pname, v);
}

void patcher::rebase_peripheral(const std::string& pnew, const std::string& pold) {
    const std::string path = "_rebase." + pnew;
    pugi::xml_node n = peripheral_named(pnew);
    pugi::xml_node o = peripheral_named(pold);
    if (!n) fail(path, "device does not have a peripheral " + pnew);
    if (!o) fail(path, "device does not have a peripheral " + pold);
    for (pugi::xml_node c : elements(o, nullptr)) {
        if (c.type() != pugi::node_element) continue;
        const std::string t = c.name();
        if (t == "name" || t == "baseAddress" || t == "interrupt") continue;
        if (n.child(t.c_str())) {
            o.remove_child(c);
        } else {
            n.append_move(c);
        }
    }
    n.remove_attribute("derivedFrom");
    (o.attribute("derivedFrom") ? o.attribute("derivedFrom") : o.append_attribute("derivedFrom"))
        .set_value(pnew.c_str());
    for (pugi::xml_node q : peripherals_.children("peripheral")) {
        if (q != n && std::string(q.attribute("derivedFrom").value()) == pold) {
            q.attribute("derivedFrom").set_value(pnew.c_str());
        }
    }
}

}  // namespace rivet::svd::patch
