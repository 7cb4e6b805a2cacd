// derivedFrom resolution of peripherals, registers and clusters, and the
// resolve_derived entry point (fields and enumerations: derive_fields.cpp).
#include "derive.hpp"

#include <algorithm>
#include <cstring>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd {

namespace derive {

std::vector<std::string> split_dots(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto d = s.find('.', start);
        out.emplace_back(
            s.substr(start, d == std::string_view::npos ? std::string_view::npos : d - start));
        if (d == std::string_view::npos) break;
        start = d + 1;
    }
    return out;
}

bool peripherals_needed(const svd_document& doc, const std::string& name,
                        std::unordered_set<std::string>& needed,
                        const std::unordered_set<std::string>* file_names) {
    const pugi::xml_node peripherals = doc.xml.child("device").child("peripherals");
    std::unordered_set<std::string> doc_names;
    if (file_names == nullptr) {
        for (pugi::xml_node p : peripherals.children("peripheral"))
            doc_names.insert(text_of(p, "name"));
    }
    const std::unordered_set<std::string>& names = file_names != nullptr ? *file_names : doc_names;
    std::vector<std::string> todo{name};
    needed.insert(name);
    while (!todo.empty()) {
        const std::string next = std::move(todo.back());
        todo.pop_back();
        for (pugi::xml_node p : peripherals.children("peripheral")) {
            if (text_view_of(p, "name") != next) continue;
            // Every element of p's subtree, without recursion.
            for (pugi::xml_node n = p; n;) {
                if (n.type() == pugi::node_element) {
                    if (const pugi::xml_attribute a = n.attribute("derivedFrom")) {
                        const std::string ref = a.value();
                        std::string base;
                        if (n == p) {
                            base = ref;
                        } else if (ref.find('.') != std::string::npos) {
                            base = ref.substr(0, ref.find('.'));
                        } else if (is_element(n, "enumeratedValues")) {
                            return false;
                        }
                        if (!base.empty() && names.contains(base) && needed.insert(base).second)
                            todo.push_back(base);
                    }
                }
                if (n.first_child()) {
                    n = n.first_child();
                    continue;
                }
                while (n != p && !n.next_sibling()) n = n.parent();
                n = n == p ? pugi::xml_node{} : n.next_sibling();
            }
        }
    }
    return true;
}

resolver::resolver(svd_document& doc, bool keep, const std::unordered_set<std::string>* only)
    : doc_(doc), keep_(keep), only_(only) {
    device_ = doc.xml.child("device");
    peripherals_ = device_.child("peripherals");
    for (pugi::xml_node p : peripherals_.children("peripheral"))
        peripheral_index_.emplace(text_of(p, "name"), p);
}

pugi::xml_node resolver::copy(pugi::xml_node parent, const pugi::xml_node& node,
                              const pugi::xml_node& before) {
    // Size and height of the copy, without recursion.
    std::size_t nodes = 1;
    int depth = 1, height = 1;  // of n below node; levels of the copy
    for (pugi::xml_node n = node.first_child(); n && n != node;) {
        ++nodes;
        height = std::max(height, depth + 1);
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n != node && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n != node) n = n.next_sibling();
    }
    copied_ += nodes;
    if (copied_ > max_copied) {
        fail(parent, "resolving derivedFrom copies more than " + std::to_string(max_copied) +
                         " nodes (derivations of derivations multiply)");
    }
    // An element derived from one that contains it would nest deeper with
    // every copy; the tree stays within the limit that loading checks.
    int parent_depth = 0;
    for (pugi::xml_node p = parent; p.parent(); p = p.parent()) ++parent_depth;
    if (parent_depth + height > max_element_depth) {
        fail(parent, "resolving derivedFrom nests elements deeper than " +
                         std::to_string(max_element_depth) + " levels");
    }
    return before ? parent.insert_copy_before(node, before) : parent.append_copy(node);
}

void resolver::fail(const pugi::xml_node& n, const std::string& msg) {
    // Copies have no line of their own: name the nearest element that has.
    pugi::xml_node at = n;
    while (at.parent() && doc_.line_of(at) == 0) at = at.parent();
    fail_at(doc_, at, msg);
}

void resolver::look(std::size_t n, const pugi::xml_node& at) {
    looked_ += n;
    if (looked_ > max_looked) {
        fail(at, "resolving derivedFrom looks up names among more than " +
                     std::to_string(max_looked) +
                     " elements (derivations of derivations multiply)");
    }
}

pugi::xml_node resolver::find(const pugi::xml_node& scope, std::string_view name,
                              std::initializer_list<const char*> tags, const pugi::xml_node& at) {
    std::size_t n = 0;
    pugi::xml_node found = find_named(scope, name, tags, &n);
    look(n, at);
    return found;
}

pugi::xml_node resolver::descend(pugi::xml_node from, const std::vector<std::string>& parts,
                                 std::size_t first, std::size_t last) {
    const pugi::xml_node start = from;
    for (std::size_t i = first; i < last && from; ++i) {
        pugi::xml_node scope = is_element(from, "peripheral") ? from.child("registers") : from;
        pugi::xml_node next = find(scope, parts[i], {"register", "cluster"}, start);
        if (!next && is_element(from, "register"))
            next = find(from.child("fields"), parts[i], {"field"}, start);
        from = next;
    }
    return from;
}

bool resolver::wanted(const pugi::xml_node& p) const {
    return only_ == nullptr || only_->contains(text_of(p, "name"));
}

void resolver::run() {
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (wanted(p)) resolve_peripheral(p);
    }
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (wanted(p)) walk_blocks(p, p.child("registers"));
    }
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (wanted(p)) walk_fields(p.child("registers"));
    }
    for (pugi::xml_node p : peripherals_.children("peripheral")) {
        if (wanted(p)) walk_enums(p, p.child("registers"));
    }
}

// Copies children of base that derived lacks (by tag), merging the
// container named `list_tag` by element name.
void resolver::merge(pugi::xml_node derived, pugi::xml_node base, const char* list_tag,
                     std::initializer_list<const char*> skip) {
    for (pugi::xml_node c : base.children()) {
        if (c.type() != pugi::node_element) continue;
        bool skipped = false;
        for (const char* s : skip) skipped = skipped || std::strcmp(c.name(), s) == 0;
        if (skipped) continue;
        if (list_tag != nullptr && std::strcmp(c.name(), list_tag) == 0) {
            pugi::xml_node mine = derived.child(list_tag);
            if (!mine) {
                copy(derived, c);
                continue;
            }
            // Base entries first, then ours replacing same-named ones.
            pugi::xml_node first_mine = mine.first_child();
            for (pugi::xml_node e : c.children()) {
                if (e.type() != pugi::node_element) continue;
                const std::string n = text_of(e, "name");
                if (find(mine, n, {e.name()}, derived)) continue;
                copy(mine, e, first_mine);
            }
            continue;
        }
        if (is_dim_tag(c) && text_of(derived, "name").find("%s") == std::string::npos) continue;
        if (!derived.child(c.name())) copy(derived, c);
    }
}

bool resolver::is_dim_tag(const pugi::xml_node& c) {
    return is_element(c, "dim") || is_element(c, "dimIncrement") || is_element(c, "dimIndex") ||
           is_element(c, "dimName") || is_element(c, "dimArrayIndex");
}

pugi::xml_node resolver::find_peripheral(std::string_view name) {
    const auto it = peripheral_index_.find(std::string(name));
    return it != peripheral_index_.end() ? it->second : pugi::xml_node{};
}

void resolver::resolve_peripheral(pugi::xml_node p) {
    if (!enter(p, [&] { return "derivedFrom cycle at peripheral " + text_of(p, "name"); })) return;
    const std::string ref = p.attribute("derivedFrom").value();
    pugi::xml_node base = find_peripheral(ref);
    if (!base)
        fail(p, "peripheral " + text_of(p, "name") + " derivedFrom unknown peripheral " + ref);
    resolve_peripheral(base);
    const bool shares = !p.child("registers");
    merge(p, base, "registers", {"name", "interrupt", "derivedFrom"});
    if (!(keep_ && shares)) p.remove_attribute("derivedFrom");
    leave(p);
}

// A register/cluster reference: sibling, enclosing scopes, then a dotted
// path from the device or from the current peripheral.
pugi::xml_node resolver::find_block_ref(pugi::xml_node peripheral, pugi::xml_node scope,
                                        const std::string& ref) {
    if (ref.find('.') == std::string::npos) {
        for (pugi::xml_node s = scope; s; s = s.parent()) {
            if (pugi::xml_node n = find(s, ref, {"register", "cluster"}, scope)) return n;
            if (s == peripheral.child("registers")) break;
        }
        return {};
    }
    const auto parts = split_dots(ref);
    if (pugi::xml_node p = find_peripheral(parts[0])) {
        resolve_peripheral(p);
        if (pugi::xml_node n = descend(p, parts, 1, parts.size())) return n;
    }
    return descend(peripheral, parts, 0, parts.size());
}

void resolver::resolve_block(pugi::xml_node peripheral, pugi::xml_node scope, pugi::xml_node e) {
    if (!enter(e, [&] { return "derivedFrom cycle at " + text_of(e, "name"); })) return;
    const std::string ref = e.attribute("derivedFrom").value();
    pugi::xml_node base = find_block_ref(peripheral, scope, ref);
    if (!base || base == e)
        fail(e, std::string(e.name()) + " " + text_of(e, "name") + " derivedFrom unknown " + ref);
    resolve_block(peripheral, base.parent(), base);
    if (std::strcmp(base.name(), e.name()) != 0)
        fail(e, "derivedFrom " + ref + " is a " + base.name());
    if (is_element(e, "cluster")) {
        // Cluster children are registers and clusters directly.
        for (pugi::xml_node c : base.children()) {
            if (c.type() != pugi::node_element) continue;
            if (is_element(c, "register") || is_element(c, "cluster")) {
                if (!find(e, text_of(c, "name"), {c.name()}, e)) copy(e, c);
            } else if (is_dim_tag(c) && text_of(e, "name").find("%s") == std::string::npos) {
                continue;
            } else if (!e.child(c.name())) {
                copy(e, c);
            }
        }
    } else {
        merge(e, base, "fields", {"name", "derivedFrom"});
    }
    e.remove_attribute("derivedFrom");
    leave(e);
}

void resolver::walk_blocks(pugi::xml_node peripheral, pugi::xml_node scope) {
    if (!scope) return;
    for (pugi::xml_node e : scope.children()) {
        if (is_element(e, "register") || is_element(e, "cluster"))
            resolve_block(peripheral, scope, e);
    }
    for (pugi::xml_node e : scope.children("cluster")) walk_blocks(peripheral, e);
}

}  // namespace derive

void resolve_derived(svd_document& doc, bool keep_shared_peripherals) {
    derive::resolver(doc, keep_shared_peripherals).run();
}

}  // namespace rivet::svd
