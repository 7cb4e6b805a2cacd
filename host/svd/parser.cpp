// SVD loading, derivedFrom resolution and model building.
#include "rivet/svd/parser.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <unordered_set>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd {

bool readable(Access a) {
    return a != Access::write_only && a != Access::write_once;
}
bool writable(Access a) {
    return a != Access::read_only;
}

// ---------------------------------------------------------------- document

void SvdDocument::set_text(std::string text) {
    line_starts_.clear();
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(static_cast<std::ptrdiff_t>(i + 1));
    }
}

int SvdDocument::line_of(const pugi::xml_node& node) const {
    const std::ptrdiff_t off = node.offset_debug();
    if (off < 0 || line_starts_.empty()) return 0;
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
    return static_cast<int>(it - line_starts_.begin());
}

std::string SvdDocument::where(const pugi::xml_node& node) const {
    const int line = line_of(node);
    return line > 0 ? path + ":" + std::to_string(line) : path;
}

void load_svd_string(SvdDocument& doc, std::string_view text, const std::string& name) {
    doc.path = name;
    doc.set_text(std::string(text));
    const pugi::xml_parse_result r = doc.xml.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!r) {
        SvdDocument tmp;
        tmp.set_text(std::string(text));
        // line of the error offset
        int line = 1;
        for (std::ptrdiff_t i = 0; i < r.offset && i < static_cast<std::ptrdiff_t>(text.size());
             ++i) {
            if (text[static_cast<std::size_t>(i)] == '\n') ++line;
        }
        throw Error(ErrorKind::bad_input,
                    name + ":" + std::to_string(line) + ": not XML: " + r.description());
    }
    if (!doc.xml.child("device")) {
        throw Error(ErrorKind::bad_input, name + ": no <device> root element");
    }
}

void load_svd_file(SvdDocument& doc, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, path + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    load_svd_string(doc, ss.str(), path);
}

bool parse_svd_integer(std::string_view t, std::uint64_t& out) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    if (t.empty()) return false;
    if (t.front() == '+') t.remove_prefix(1);
    std::uint64_t mult = 1;
    unsigned base = 10;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        base = 16;
        t.remove_prefix(2);
    } else if (!t.empty() && t[0] == '#') {
        base = 2;
        t.remove_prefix(1);
    } else if (t.size() > 2 && t[0] == '0' && (t[1] == 'b' || t[1] == 'B')) {
        base = 2;
        t.remove_prefix(2);
    } else if (!t.empty()) {
        const char s = t.back();
        if (s == 'k' || s == 'K') mult = 1024;
        if (s == 'm' || s == 'M') mult = 1024ull * 1024;
        if (s == 'g' || s == 'G') mult = 1024ull * 1024 * 1024;
        if (mult != 1) t.remove_suffix(1);
    }
    if (t.empty()) return false;
    std::uint64_t v = 0;
    for (char c : t) {
        unsigned d;
        if (c >= '0' && c <= '9') {
            d = static_cast<unsigned>(c - '0');
        } else if (base == 16 && c >= 'a' && c <= 'f') {
            d = static_cast<unsigned>(c - 'a' + 10);
        } else if (base == 16 && c >= 'A' && c <= 'F') {
            d = static_cast<unsigned>(c - 'A' + 10);
        } else if (base == 2 && (c == 'x' || c == 'X')) {
            d = 0;  // don't-care bit in an enumerated value
        } else if (c == '_') {
            continue;
        } else {
            return false;
        }
        if (d >= base) return false;
        v = v * base + d;
    }
    out = v * mult;
    return true;
}

std::vector<std::string> expand_dim_index(std::string_view text, std::uint32_t dim, bool& ok) {
    ok = true;
    std::vector<std::string> out;
    std::string s;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    }
    if (s.empty()) {
        for (std::uint32_t i = 0; i < dim; ++i) out.push_back(std::to_string(i));
        return out;
    }
    const auto dash = s.find('-');
    if (s.find(',') == std::string::npos && dash != std::string::npos && dash > 0) {
        const std::string a = s.substr(0, dash), b = s.substr(dash + 1);
        std::uint64_t lo = 0, hi = 0;
        if (parse_svd_integer(a, lo) && parse_svd_integer(b, hi) && lo <= hi && hi - lo < 65536) {
            for (std::uint64_t i = lo; i <= hi; ++i) out.push_back(std::to_string(i));
        } else if (a.size() == 1 && b.size() == 1 && a[0] <= b[0]) {
            for (char c = a[0]; c <= b[0]; ++c) out.emplace_back(1, c);
        } else {
            ok = false;
        }
    } else {
        std::size_t start = 0;
        while (start <= s.size()) {
            const auto comma = s.find(',', start);
            out.push_back(
                s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    if (out.size() != dim) ok = false;
    return out;
}

// --------------------------------------------------------------- derivation

namespace {

using NodeSet = std::unordered_set<pugi::xml_node_struct*>;

bool is_element(const pugi::xml_node& n, const char* tag) {
    return n.type() == pugi::node_element && std::strcmp(n.name(), tag) == 0;
}

pugi::xml_node find_named(const pugi::xml_node& parent, std::string_view name,
                          std::initializer_list<const char*> tags) {
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        bool tag_ok = false;
        for (const char* t : tags) tag_ok = tag_ok || std::strcmp(c.name(), t) == 0;
        if (tag_ok && text_of(c, "name") == name) return c;
    }
    return {};
}

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

// Walks registers/clusters by names from a peripheral or cluster.
pugi::xml_node descend(pugi::xml_node from, const std::vector<std::string>& parts,
                       std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last && from; ++i) {
        pugi::xml_node scope = is_element(from, "peripheral") ? from.child("registers") : from;
        pugi::xml_node next = find_named(scope, parts[i], {"register", "cluster"});
        if (!next && is_element(from, "register"))
            next = find_named(from.child("fields"), parts[i], {"field"});
        from = next;
    }
    return from;
}

class Resolver {
public:
    Resolver(SvdDocument& doc, bool keep) : doc_(doc), keep_(keep) {
        device_ = doc.xml.child("device");
        peripherals_ = device_.child("peripherals");
    }

    void run() {
        for (pugi::xml_node p : peripherals_.children("peripheral")) resolve_peripheral(p);
        for (pugi::xml_node p : peripherals_.children("peripheral"))
            walk_blocks(p, p.child("registers"));
        for (pugi::xml_node p : peripherals_.children("peripheral"))
            walk_fields(p.child("registers"));
        for (pugi::xml_node p : peripherals_.children("peripheral"))
            walk_enums(p, p.child("registers"));
    }

private:
    [[noreturn]] void fail(const pugi::xml_node& n, const std::string& msg) {
        throw Error(ErrorKind::bad_input, doc_.where(n) + ": " + msg);
    }

    // Copies children of base that derived lacks (by tag), merging the
    // container named `list_tag` by element name.
    void merge(pugi::xml_node derived, pugi::xml_node base, const char* list_tag,
               std::initializer_list<const char*> skip) {
        for (pugi::xml_node c : base.children()) {
            if (c.type() != pugi::node_element) continue;
            bool skipped = false;
            for (const char* s : skip) skipped = skipped || std::strcmp(c.name(), s) == 0;
            if (skipped) continue;
            if (list_tag != nullptr && std::strcmp(c.name(), list_tag) == 0) {
                pugi::xml_node mine = derived.child(list_tag);
                if (!mine) {
                    derived.append_copy(c);
                    continue;
                }
                // Base entries first, then ours replacing same-named ones.
                pugi::xml_node first_mine = mine.first_child();
                for (pugi::xml_node e : c.children()) {
                    if (e.type() != pugi::node_element) continue;
                    const std::string n = text_of(e, "name");
                    if (find_named(mine, n, {e.name()})) continue;
                    if (first_mine) {
                        mine.insert_copy_before(e, first_mine);
                    } else {
                        mine.append_copy(e);
                    }
                }
                continue;
            }
            if (is_dim_tag(c) && text_of(derived, "name").find("%s") == std::string::npos) continue;
            if (!derived.child(c.name())) derived.append_copy(c);
        }
    }

    static bool is_dim_tag(const pugi::xml_node& c) {
        return is_element(c, "dim") || is_element(c, "dimIncrement") || is_element(c, "dimIndex") ||
               is_element(c, "dimName") || is_element(c, "dimArrayIndex");
    }

    pugi::xml_node find_peripheral(std::string_view name) {
        return find_named(peripherals_, name, {"peripheral"});
    }

    void resolve_peripheral(pugi::xml_node p) {
        const auto key = p.internal_object();
        if (done_.contains(key)) return;
        const pugi::xml_attribute attr = p.attribute("derivedFrom");
        if (!attr) {
            done_.insert(key);
            return;
        }
        if (busy_.contains(key)) fail(p, "derivedFrom cycle at peripheral " + text_of(p, "name"));
        busy_.insert(key);
        const std::string ref = attr.value();
        pugi::xml_node base = find_peripheral(ref);
        if (!base)
            fail(p, "peripheral " + text_of(p, "name") + " derivedFrom unknown peripheral " + ref);
        resolve_peripheral(base);
        const bool shares = !p.child("registers");
        merge(p, base, "registers", {"name", "interrupt", "derivedFrom"});
        if (!(keep_ && shares)) p.remove_attribute("derivedFrom");
        busy_.erase(key);
        done_.insert(key);
    }

    // A register/cluster reference: sibling, enclosing scopes, then a dotted
    // path from the device or from the current peripheral.
    pugi::xml_node find_block_ref(pugi::xml_node peripheral, pugi::xml_node scope,
                                  const std::string& ref) {
        if (ref.find('.') == std::string::npos) {
            for (pugi::xml_node s = scope; s; s = s.parent()) {
                if (pugi::xml_node n = find_named(s, ref, {"register", "cluster"})) return n;
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

    void resolve_block(pugi::xml_node peripheral, pugi::xml_node scope, pugi::xml_node e) {
        const auto key = e.internal_object();
        if (done_.contains(key)) return;
        const pugi::xml_attribute attr = e.attribute("derivedFrom");
        if (!attr) {
            done_.insert(key);
            return;
        }
        if (busy_.contains(key)) fail(e, "derivedFrom cycle at " + text_of(e, "name"));
        busy_.insert(key);
        const std::string ref = attr.value();
        pugi::xml_node base = find_block_ref(peripheral, scope, ref);
        if (!base || base == e)
            fail(e,
                 std::string(e.name()) + " " + text_of(e, "name") + " derivedFrom unknown " + ref);
        resolve_block(peripheral, base.parent(), base);
        if (std::strcmp(base.name(), e.name()) != 0)
            fail(e, "derivedFrom " + ref + " is a " + base.name());
        if (is_element(e, "cluster")) {
            // Cluster children are registers and clusters directly.
            for (pugi::xml_node c : base.children()) {
                if (c.type() != pugi::node_element) continue;
                if (is_element(c, "register") || is_element(c, "cluster")) {
                    if (!find_named(e, text_of(c, "name"), {c.name()})) e.append_copy(c);
                } else if (is_dim_tag(c) && text_of(e, "name").find("%s") == std::string::npos) {
                    continue;
                } else if (!e.child(c.name())) {
                    e.append_copy(c);
                }
            }
        } else {
            merge(e, base, "fields", {"name", "derivedFrom"});
        }
        e.remove_attribute("derivedFrom");
        busy_.erase(key);
        done_.insert(key);
    }

    void walk_blocks(pugi::xml_node peripheral, pugi::xml_node scope) {
        if (!scope) return;
        for (pugi::xml_node e : scope.children()) {
            if (is_element(e, "register") || is_element(e, "cluster"))
                resolve_block(peripheral, scope, e);
        }
        for (pugi::xml_node e : scope.children("cluster")) walk_blocks(peripheral, e);
    }

    void resolve_field(pugi::xml_node f) {
        const auto key = f.internal_object();
        if (done_.contains(key)) return;
        const pugi::xml_attribute attr = f.attribute("derivedFrom");
        if (!attr) {
            done_.insert(key);
            return;
        }
        if (busy_.contains(key)) fail(f, "derivedFrom cycle at field " + text_of(f, "name"));
        busy_.insert(key);
        const std::string ref = attr.value();
        pugi::xml_node base;
        if (ref.find('.') == std::string::npos) {
            base = find_named(f.parent(), ref, {"field"});
        } else {
            const auto parts = split_dots(ref);
            if (pugi::xml_node p = find_peripheral(parts[0]))
                base = descend(p, parts, 1, parts.size());
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
                if (!own_enums) f.append_copy(c);
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
            if (!f.child(c.name())) f.append_copy(c);
        }
        f.remove_attribute("derivedFrom");
        busy_.erase(key);
        done_.insert(key);
    }

    static std::uint64_t base_width(const pugi::xml_node& f) {
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

    void walk_fields(pugi::xml_node scope) {
        if (!scope) return;
        for (pugi::xml_node e : scope.children()) {
            if (is_element(e, "cluster")) walk_fields(e);
            if (!is_element(e, "register")) continue;
            for (pugi::xml_node f : e.child("fields").children("field")) resolve_field(f);
        }
    }

    static pugi::xml_node find_enum_in(pugi::xml_node root, std::string_view name) {
        for (pugi::xml_node c : root.children()) {
            if (c.type() != pugi::node_element) continue;
            if (is_element(c, "enumeratedValues")) {
                if (text_of(c, "name") == name) return c;
                continue;
            }
            if (is_element(c, "registers") || is_element(c, "register") ||
                is_element(c, "cluster") || is_element(c, "fields") || is_element(c, "field") ||
                is_element(c, "peripheral") || is_element(c, "peripherals")) {
                if (pugi::xml_node n = find_enum_in(c, name)) return n;
            }
        }
        return {};
    }

    pugi::xml_node find_enum_ref(pugi::xml_node peripheral, pugi::xml_node ev,
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

    void resolve_enum(pugi::xml_node peripheral, pugi::xml_node ev) {
        const auto key = ev.internal_object();
        if (done_.contains(key)) return;
        const pugi::xml_attribute attr = ev.attribute("derivedFrom");
        if (!attr) {
            done_.insert(key);
            return;
        }
        if (busy_.contains(key)) fail(ev, "derivedFrom cycle at enumeratedValues");
        busy_.insert(key);
        const std::string ref = attr.value();
        pugi::xml_node base = find_enum_ref(peripheral, ev, ref);
        if (!base || base == ev) fail(ev, "enumeratedValues derivedFrom unknown " + ref);
        resolve_enum(peripheral, base);
        const bool own_values = static_cast<bool>(ev.child("enumeratedValue"));
        for (pugi::xml_node c : base.children()) {
            if (c.type() != pugi::node_element) continue;
            if (is_element(c, "enumeratedValue")) {
                if (!own_values) ev.append_copy(c);
            } else if (!ev.child(c.name())) {
                ev.append_copy(c);
            }
        }
        ev.remove_attribute("derivedFrom");
        busy_.erase(key);
        done_.insert(key);
    }

    void walk_enums(pugi::xml_node peripheral, pugi::xml_node scope) {
        if (!scope) return;
        for (pugi::xml_node e : scope.children()) {
            if (is_element(e, "cluster")) walk_enums(peripheral, e);
            if (!is_element(e, "register")) continue;
            for (pugi::xml_node f : e.child("fields").children("field")) {
                for (pugi::xml_node ev : f.children("enumeratedValues"))
                    resolve_enum(peripheral, ev);
            }
        }
    }

    SvdDocument& doc_;
    bool keep_;
    pugi::xml_node device_, peripherals_;
    NodeSet done_, busy_;
};

}  // namespace

void resolve_derived(SvdDocument& doc, bool keep_shared_peripherals) {
    Resolver(doc, keep_shared_peripherals).run();
}

// ------------------------------------------------------------------- model

namespace {

struct Props {
    std::optional<std::uint32_t> size;
    std::optional<Access> access;
    std::optional<std::string> protection;
    std::optional<std::uint64_t> reset_value, reset_mask;
};

class Builder {
public:
    explicit Builder(const SvdDocument& doc) : doc_(doc) {}

    Device build() {
        const pugi::xml_node d = doc_.xml.child("device");
        Device dev;
        dev.source = doc_.path;
        dev.name = required(d, "name");
        dev.vendor = text_of(d, "vendor");
        dev.series = text_of(d, "series");
        dev.version = text_of(d, "version");
        dev.description = text_of(d, "description");
        dev.license_text = text_of(d, "licenseText");
        dev.address_unit_bits =
            static_cast<std::uint32_t>(opt_int(d, "addressUnitBits").value_or(8));
        dev.width = static_cast<std::uint32_t>(opt_int(d, "width").value_or(32));
        if (pugi::xml_node c = d.child("cpu")) dev.cpu = cpu(c);
        const Props props = read_props(d, Props{});
        for (pugi::xml_node p : d.child("peripherals").children("peripheral")) {
            Peripheral per = peripheral(p, props);
            if (!per.dim.is_array()) {
                dev.peripherals.push_back(std::move(per));
                continue;
            }
            // Peripheral arrays become separate instances.
            for (std::uint32_t i = 0; i < per.dim.dim; ++i) {
                Peripheral one = per;
                one.dim = Dim{};
                one.name = substitute(per.name, per.dim.index[i]);
                one.base_address = per.base_address + per.dim.increment * i;
                dev.peripherals.push_back(std::move(one));
            }
        }
        return dev;
    }

    static std::string substitute(const std::string& name, const std::string& index) {
        std::string out = name;
        auto pos = out.find("[%s]");
        if (pos != std::string::npos) return out.replace(pos, 4, index);
        pos = out.find("%s");
        if (pos != std::string::npos) out.replace(pos, 2, index);
        return out;
    }

private:
    [[noreturn]] void fail(const pugi::xml_node& n, const std::string& msg) const {
        throw Error(ErrorKind::bad_input, doc_.where(n) + ": " + msg);
    }

    std::string required(const pugi::xml_node& n, const char* tag) const {
        const pugi::xml_node c = n.child(tag);
        if (!c) fail(n, std::string("<") + n.name() + "> without <" + tag + ">");
        return trimmed(c.text().get());
    }

    std::optional<std::uint64_t> opt_int(const pugi::xml_node& n, const char* tag) const {
        const pugi::xml_node c = n.child(tag);
        if (!c) return std::nullopt;
        std::uint64_t v = 0;
        if (!parse_svd_integer(c.text().get(), v)) {
            fail(c, std::string("<") + tag + "> is not a number: '" + c.text().get() + "'");
        }
        return v;
    }

    std::uint64_t req_int(const pugi::xml_node& n, const char* tag) const {
        auto v = opt_int(n, tag);
        if (!v) fail(n, std::string("<") + n.name() + "> without <" + tag + ">");
        return *v;
    }

    bool opt_bool(const pugi::xml_node& n, const char* tag, bool dflt) const {
        const pugi::xml_node c = n.child(tag);
        if (!c) return dflt;
        const std::string t = trimmed(c.text().get());
        if (t == "true" || t == "1") return true;
        if (t == "false" || t == "0") return false;
        fail(c, std::string("<") + tag + "> is not a boolean: '" + t + "'");
    }

    Access access(const pugi::xml_node& c) const {
        std::string t = trimmed(c.text().get());
        if (t == "read-writeonce") t = "read-writeOnce";
        if (t == "writeonce") t = "writeOnce";
        if (t == "read-only") return Access::read_only;
        if (t == "write-only") return Access::write_only;
        if (t == "read-write" || t == "read-writeOnce" || t.empty()) {
            return t == "read-writeOnce" ? Access::read_write_once : Access::read_write;
        }
        if (t == "writeOnce") return Access::write_once;
        fail(c, "unknown access '" + t + "'");
    }

    ModifiedWrite modified_write(const pugi::xml_node& c) const {
        static const std::map<std::string, ModifiedWrite, std::less<>> m = {
            {"oneToClear", ModifiedWrite::one_to_clear},
            {"oneToSet", ModifiedWrite::one_to_set},
            {"oneToToggle", ModifiedWrite::one_to_toggle},
            {"zeroToClear", ModifiedWrite::zero_to_clear},
            {"zeroToSet", ModifiedWrite::zero_to_set},
            {"zeroToToggle", ModifiedWrite::zero_to_toggle},
            {"clear", ModifiedWrite::clear},
            {"set", ModifiedWrite::set},
            {"modify", ModifiedWrite::modify}};
        const std::string t = trimmed(c.text().get());
        auto it = m.find(t);
        if (it == m.end()) fail(c, "unknown modifiedWriteValues '" + t + "'");
        return it->second;
    }

    ReadAction read_action(const pugi::xml_node& c) const {
        const std::string t = trimmed(c.text().get());
        if (t == "clear") return ReadAction::clear;
        if (t == "set") return ReadAction::set;
        if (t == "modify") return ReadAction::modify;
        if (t == "modifyExternal") return ReadAction::modify_exception;
        fail(c, "unknown readAction '" + t + "'");
    }

    Props read_props(const pugi::xml_node& n, Props p) const {
        if (auto v = opt_int(n, "size")) p.size = static_cast<std::uint32_t>(*v);
        if (pugi::xml_node a = n.child("access")) p.access = access(a);
        if (pugi::xml_node a = n.child("protection")) p.protection = trimmed(a.text().get());
        if (auto v = opt_int(n, "resetValue")) p.reset_value = *v;
        if (auto v = opt_int(n, "resetMask")) p.reset_mask = *v;
        return p;
    }

    Dim dim(const pugi::xml_node& n) const {
        Dim d;
        auto v = opt_int(n, "dim");
        if (!v) return d;
        if (*v == 0 || *v > 65536) fail(n, "dim out of range");
        d.dim = static_cast<std::uint32_t>(*v);
        d.increment = req_int(n, "dimIncrement");
        d.dim_name = text_of(n, "dimName");
        bool ok = true;
        d.index = expand_dim_index(text_of(n, "dimIndex"), d.dim, ok);
        if (!ok)
            fail(n, "dimIndex '" + text_of(n, "dimIndex") +
                        "' does not give dim=" + std::to_string(d.dim) + " entries");
        const std::string name = text_of(n, "name");
        if (name.find("%s") == std::string::npos)
            fail(n, "array " + name + " has no %s in its name");
        return d;
    }

    std::optional<WriteConstraint> write_constraint(const pugi::xml_node& n) const {
        const pugi::xml_node c = n.child("writeConstraint");
        if (!c) return std::nullopt;
        WriteConstraint w;
        w.write_as_read = opt_bool(c, "writeAsRead", false);
        w.use_enumerated_values = opt_bool(c, "useEnumeratedValues", false);
        if (pugi::xml_node r = c.child("range")) {
            w.minimum = req_int(r, "minimum");
            w.maximum = req_int(r, "maximum");
        }
        return w;
    }

    Cpu cpu(const pugi::xml_node& c) const {
        Cpu cpu;
        cpu.name = text_of(c, "name");
        cpu.revision = text_of(c, "revision");
        cpu.endian = text_of(c, "endian");
        cpu.mpu_present = opt_bool(c, "mpuPresent", false);
        cpu.fpu_present = opt_bool(c, "fpuPresent", false);
        cpu.fpu_dp = opt_bool(c, "fpuDP", false);
        cpu.dsp_present = opt_bool(c, "dspPresent", false);
        cpu.icache_present = opt_bool(c, "icachePresent", false);
        cpu.dcache_present = opt_bool(c, "dcachePresent", false);
        cpu.itcm_present = opt_bool(c, "itcmPresent", false);
        cpu.dtcm_present = opt_bool(c, "dtcmPresent", false);
        cpu.vtor_present = opt_bool(c, "vtorPresent", true);
        cpu.nvic_prio_bits = static_cast<std::uint32_t>(opt_int(c, "nvicPrioBits").value_or(4));
        cpu.vendor_systick_config = opt_bool(c, "vendorSystickConfig", false);
        cpu.device_num_interrupts =
            static_cast<std::uint32_t>(opt_int(c, "deviceNumInterrupts").value_or(0));
        cpu.sau_num_regions = static_cast<std::uint32_t>(opt_int(c, "sauNumRegions").value_or(0));
        return cpu;
    }

    Enumeration enumeration(const pugi::xml_node& n) const {
        Enumeration e;
        e.name = text_of(n, "name");
        const std::string u = text_of(n, "usage");
        if (u == "read") {
            e.usage = Usage::read;
        } else if (u == "write") {
            e.usage = Usage::write;
        } else if (u.empty() || u == "read-write") {
            e.usage = Usage::read_write;
        } else {
            fail(n, "unknown enumeratedValues usage '" + u + "'");
        }
        for (pugi::xml_node v : n.children("enumeratedValue")) {
            EnumValue ev;
            ev.name = required(v, "name");
            ev.description = text_of(v, "description");
            ev.is_default = opt_bool(v, "isDefault", false);
            if (v.child("value")) {
                ev.value =
                    req_int(v, "value");  // too wide: reported by check, skipped by the emitter
            } else if (!ev.is_default) {
                fail(v, "enumeratedValue " + ev.name + " has neither <value> nor <isDefault>");
            }
            e.values.push_back(std::move(ev));
        }
        return e;
    }

    Field field(const pugi::xml_node& n, const Register& r) const {
        Field f;
        f.line = doc_.line_of(n);
        f.name = required(n, "name");
        f.description = text_of(n, "description");
        if (n.child("bitOffset")) {
            f.lsb = static_cast<std::uint32_t>(req_int(n, "bitOffset"));
            f.width = static_cast<std::uint32_t>(opt_int(n, "bitWidth").value_or(1));
        } else if (n.child("lsb")) {
            f.lsb = static_cast<std::uint32_t>(req_int(n, "lsb"));
            const auto msb = static_cast<std::uint32_t>(req_int(n, "msb"));
            if (msb < f.lsb) fail(n, "field " + f.name + " has msb < lsb");
            f.width = msb - f.lsb + 1;
        } else if (pugi::xml_node br = n.child("bitRange")) {
            const std::string t = trimmed(br.text().get());
            std::uint64_t msb = 0, lsb = 0;
            const auto colon = t.find(':');
            if (t.size() < 5 || t.front() != '[' || t.back() != ']' || colon == std::string::npos ||
                !parse_svd_integer(t.substr(1, colon - 1), msb) ||
                !parse_svd_integer(t.substr(colon + 1, t.size() - colon - 2), lsb) || msb < lsb) {
                fail(br, "bad bitRange '" + t + "'");
            }
            f.lsb = static_cast<std::uint32_t>(lsb);
            f.width = static_cast<std::uint32_t>(msb - lsb + 1);
        } else {
            fail(n, "field " + f.name + " has no bit position");
        }
        if (f.width == 0 || f.width > 64 || f.lsb > 63)
            fail(n, "field " + f.name + " has a bad bit range");
        f.access = n.child("access") ? access(n.child("access")) : r.access;
        f.modified_write = n.child("modifiedWriteValues")
                               ? modified_write(n.child("modifiedWriteValues"))
                               : r.modified_write;
        f.read_action =
            n.child("readAction") ? read_action(n.child("readAction")) : ReadAction::none;
        f.write_constraint = write_constraint(n);
        for (pugi::xml_node ev : n.children("enumeratedValues")) f.enums.push_back(enumeration(ev));
        f.dim = dim(n);
        return f;
    }

    Register reg(const pugi::xml_node& n, const Props& inherited) const {
        Register r;
        r.line = doc_.line_of(n);
        r.name = required(n, "name");
        r.display_name = text_of(n, "displayName");
        r.description = text_of(n, "description");
        r.alternate_group = text_of(n, "alternateGroup");
        r.alternate_register = text_of(n, "alternateRegister");
        r.offset = req_int(n, "addressOffset");
        const Props p = read_props(n, inherited);
        r.size = p.size.value_or(32);
        if (r.size == 0 || r.size > 64)
            fail(n, "register " + r.name + " has size " + std::to_string(r.size));
        r.access = p.access.value_or(Access::read_write);
        r.protection = p.protection.value_or("");
        const std::uint64_t size_mask = r.size >= 64 ? ~0ull : ((1ull << r.size) - 1);
        r.reset_value = p.reset_value.value_or(0) & size_mask;
        r.reset_mask = p.reset_mask.value_or(size_mask) & size_mask;
        r.data_type = text_of(n, "dataType");
        if (pugi::xml_node m = n.child("modifiedWriteValues")) r.modified_write = modified_write(m);
        if (pugi::xml_node m = n.child("readAction")) r.read_action = read_action(m);
        r.write_constraint = write_constraint(n);
        r.dim = dim(n);
        for (pugi::xml_node f : n.child("fields").children("field")) {
            Field fld = field(f, r);
            if (!fld.dim.is_array()) {
                r.fields.push_back(std::move(fld));
                continue;
            }
            for (std::uint32_t i = 0; i < fld.dim.dim; ++i) {
                Field one = fld;
                one.dim = Dim{};
                one.name = substitute(fld.name, fld.dim.index[i]);
                one.lsb = static_cast<std::uint32_t>(fld.lsb + fld.dim.increment * i);
                one.array_pattern = fld.name;
                one.array_position = i;
                one.array = fld.dim;
                r.fields.push_back(std::move(one));
            }
        }
        return r;
    }

    template <typename Scope>
    void children(const pugi::xml_node& n, const Props& p, Scope& s) const {
        for (pugi::xml_node c : n.children()) {
            if (is_element(c, "register")) {
                s.registers.push_back(reg(c, p));
            } else if (is_element(c, "cluster")) {
                s.clusters.push_back(cluster(c, p));
            }
        }
    }

    Cluster cluster(const pugi::xml_node& n, const Props& inherited) const {
        Cluster c;
        c.line = doc_.line_of(n);
        c.name = required(n, "name");
        c.description = text_of(n, "description");
        c.alternate_cluster = text_of(n, "alternateCluster");
        c.header_struct_name = text_of(n, "headerStructName");
        c.offset = req_int(n, "addressOffset");
        c.dim = dim(n);
        children(n, read_props(n, inherited), c);
        return c;
    }

    Peripheral peripheral(const pugi::xml_node& n, const Props& inherited) const {
        Peripheral p;
        p.line = doc_.line_of(n);
        p.name = required(n, "name");
        p.version = text_of(n, "version");
        p.description = text_of(n, "description");
        p.group_name = text_of(n, "groupName");
        p.prepend_to_name = text_of(n, "prependToName");
        p.append_to_name = text_of(n, "appendToName");
        p.header_struct_name = text_of(n, "headerStructName");
        p.alternate_peripheral = text_of(n, "alternatePeripheral");
        p.derived_from = n.attribute("derivedFrom").value();
        p.base_address = req_int(n, "baseAddress");
        p.dim = dim(n);
        for (pugi::xml_node b : n.children("addressBlock")) {
            AddressBlock ab;
            ab.offset = opt_int(b, "offset").value_or(0);
            ab.size = opt_int(b, "size").value_or(0);
            ab.usage = text_of(b, "usage");
            p.address_blocks.push_back(ab);
        }
        for (pugi::xml_node i : n.children("interrupt")) {
            Interrupt irq;
            irq.name = required(i, "name");
            irq.description = text_of(i, "description");
            const std::string v = text_of(i, "value");
            std::uint64_t u = 0;
            if (!v.empty() && v[0] == '-' && parse_svd_integer(v.substr(1), u)) {
                irq.value = -static_cast<std::int64_t>(u);
            } else if (parse_svd_integer(v, u)) {
                irq.value = static_cast<std::int64_t>(u);
            } else {
                fail(i, "interrupt " + irq.name + " has a bad <value>");
            }
            p.interrupts.push_back(irq);
        }
        children(n.child("registers"), read_props(n, inherited), p);
        return p;
    }

    const SvdDocument& doc_;
};

}  // namespace

Device build_model(const SvdDocument& doc) {
    return Builder(doc).build();
}

Device parse_svd_file(const std::string& path) {
    SvdDocument doc;
    load_svd_file(doc, path);
    resolve_derived(doc, true);
    return build_model(doc);
}

Device parse_svd_string(std::string_view text, const std::string& name) {
    SvdDocument doc;
    load_svd_string(doc, text, name);
    resolve_derived(doc, true);
    return build_model(doc);
}

}  // namespace rivet::svd
