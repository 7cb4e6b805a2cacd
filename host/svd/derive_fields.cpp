// derivedFrom resolution of fields and of enumeratedValues.
#include <string>

#include "derive.hpp"
#include "xml_util.hpp"

namespace rivet::svd::derive {

void resolver::resolve_field(pugi::xml_node f) {
    if (!enter(f, [&] { return "derivedFrom cycle at field " + text_of(f, "name"); })) return;
    const std::string ref = f.attribute("derivedFrom").value();
    pugi::xml_node base;
    if (ref.find('.') == std::string::npos) {
        base = find(f.parent(), ref, {"field"}, f);
    } else {
        const auto parts = split_dots(ref);
        if (pugi::xml_node p = find_peripheral(parts[0])) base = descend(p, parts, 1, parts.size());
        if (!base) {
            pugi::xml_node p = f;
            while (p && !is_element(p, "peripheral")) p = p.parent();
            if (p) base = descend(p, parts, 0, parts.size());
        }
    }
    if (!base || !is_element(base, "field"))
        fail(f, "field " + text_of(f, "name") + " derivedFrom unknown " + ref);
    resolve_field(base);
    const bool own_enums = static_cast<bool>(f.child("enumeratedValues"));
    for (pugi::xml_node c : base.children()) {
        if (c.type() != pugi::node_element || is_element(c, "name")) continue;
        if (is_element(c, "enumeratedValues")) {
            if (!own_enums) copy(f, c);
            continue;
        }
        // bitRange / lsb+msb / bitOffset+bitWidth are one property; a
        // derived field that gives only bitOffset keeps the base width.
        const bool is_pos = is_element(c, "bitRange") || is_element(c, "lsb") ||
                            is_element(c, "msb") || is_element(c, "bitOffset") ||
                            is_element(c, "bitWidth");
        if (is_pos) {
            const bool own_range = f.child("bitRange") || f.child("lsb");
            const bool own_offset = static_cast<bool>(f.child("bitOffset"));
            if (own_range || (own_offset && !is_element(c, "bitWidth"))) continue;
            if (own_offset && is_element(c, "bitWidth")) {
                if (!f.child("bitWidth")) {
                    pugi::xml_node w = f.append_child("bitWidth");
                    w.append_child(pugi::node_pcdata)
                        .set_value(std::to_string(base_width(base)).c_str());
                }
                continue;
            }
        }
        if (is_dim_tag(c) && text_of(f, "name").find("%s") == std::string::npos) continue;
        if (!f.child(c.name())) copy(f, c);
    }
    f.remove_attribute("derivedFrom");
    leave(f);
}

std::uint64_t resolver::base_width(const pugi::xml_node& f) {
    std::uint64_t w = 1, lsb = 0, msb = 0;
    if (f.child("bitWidth")) {
        if (!parse_svd_integer(text_of(f, "bitWidth"), w)) w = 1;
    } else if (f.child("lsb") && parse_svd_integer(text_of(f, "lsb"), lsb) &&
               parse_svd_integer(text_of(f, "msb"), msb) && msb >= lsb) {
        w = msb - lsb + 1;
    } else if (f.child("bitRange")) {
        const std::string t = text_of(f, "bitRange");
        const auto colon = t.find(':');
        if (t.size() > 4 && colon != std::string::npos &&
            parse_svd_integer(t.substr(1, colon - 1), msb) &&
            parse_svd_integer(t.substr(colon + 1, t.size() - colon - 2), lsb) && msb >= lsb) {
            w = msb - lsb + 1;
        }
    }
    return w;
}

void resolver::walk_fields(pugi::xml_node scope) {
    if (!scope) return;
    for (pugi::xml_node e : scope.children()) {
        if (is_element(e, "cluster")) walk_fields(e);
        if (!is_element(e, "register")) continue;
        for (pugi::xml_node f : e.child("fields").children("field")) resolve_field(f);
    }
}

pugi::xml_node resolver::find_enum_in(pugi::xml_node root, std::string_view name) {
    for (pugi::xml_node c : root.children()) {
        look(1, root);
        if (c.type() != pugi::node_element) continue;
        if (is_element(c, "enumeratedValues")) {
            if (text_of(c, "name") == name) return c;
            continue;
        }
        if (is_element(c, "registers") || is_element(c, "register") || is_element(c, "cluster") ||
            is_element(c, "fields") || is_element(c, "field") || is_element(c, "peripheral") ||
            is_element(c, "peripherals")) {
            if (pugi::xml_node n = find_enum_in(c, name)) return n;
        }
    }
    return {};
}

pugi::xml_node resolver::find_enum_ref(pugi::xml_node peripheral, pugi::xml_node ev,
                                       const std::string& ref) {
    if (ref.find('.') != std::string::npos) {
        const auto parts = split_dots(ref);
        pugi::xml_node scope;
        if (pugi::xml_node p = find_peripheral(parts[0]))
            scope = descend(p, parts, 1, parts.size() - 1);
        if (!scope) scope = descend(peripheral, parts, 0, parts.size() - 1);
        if (scope) {
            if (pugi::xml_node n = find_enum_in(scope, parts.back())) return n;
        }
    }
    // nearest first: field, register, cluster chain, peripheral, device
    for (pugi::xml_node s = ev.parent(); s; s = s.parent()) {
        if (is_element(s, "field") || is_element(s, "register") || is_element(s, "cluster") ||
            is_element(s, "peripheral")) {
            if (pugi::xml_node n = find_enum_in(s, ref); n && n != ev) return n;
        }
        if (is_element(s, "peripheral")) break;
    }
    return find_enum_in(peripherals_, ref);
}

void resolver::resolve_enum(pugi::xml_node peripheral, pugi::xml_node ev) {
    if (!enter(ev, [&] { return std::string("derivedFrom cycle at enumeratedValues"); })) return;
    const std::string ref = ev.attribute("derivedFrom").value();
    pugi::xml_node base = find_enum_ref(peripheral, ev, ref);
    if (!base || base == ev) fail(ev, "enumeratedValues derivedFrom unknown " + ref);
    resolve_enum(peripheral, base);
    const bool own_values = static_cast<bool>(ev.child("enumeratedValue"));
    for (pugi::xml_node c : base.children()) {
        if (c.type() != pugi::node_element) continue;
        if (is_element(c, "enumeratedValue")) {
            if (!own_values) copy(ev, c);
        } else if (!ev.child(c.name())) {
            copy(ev, c);
        }
    }
    ev.remove_attribute("derivedFrom");
    leave(ev);
}

void resolver::walk_enums(pugi::xml_node peripheral, pugi::xml_node scope) {
    if (!scope) return;
    for (pugi::xml_node e : scope.children()) {
        if (is_element(e, "cluster")) walk_enums(peripheral, e);
        if (!is_element(e, "register")) continue;
        for (pugi::xml_node f : e.child("fields").children("field")) {
            for (pugi::xml_node ev : f.children("enumeratedValues")) resolve_enum(peripheral, ev);
        }
    }
}

}  // namespace rivet::svd::derive
