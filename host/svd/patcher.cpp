// svdtools-compatible patcher working on the SVD XML tree, so that the
// patched file can be written back as SVD (`rivet svd patch`).
#include "rivet/svd/patcher.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd {

namespace fs = std::filesystem;

// ------------------------------------------------------------------ YAML tree

namespace {

// An ordered YAML tree: svdtools applies commands in file order, and merges
// included files with the including file winning.
struct YEntry;

struct Y {
    enum class Kind { null, scalar, seq, map } kind = Kind::null;
    std::string s;
    std::vector<Y> seq;
    std::vector<YEntry> map;  // in file order

    [[nodiscard]] bool is_map() const { return kind == Kind::map; }
    [[nodiscard]] bool is_seq() const { return kind == Kind::seq; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    // Defined below, once YEntry is complete.
    [[nodiscard]] const Y* get(std::string_view key) const;
    Y* get(std::string_view key);
    void erase(std::string_view key);
};

struct YEntry {
    std::string first;
    Y second;
};

const Y* Y::get(std::string_view key) const {
    for (const auto& [k, v] : map) {
        if (k == key) return &v;
    }
    return nullptr;
}

Y* Y::get(std::string_view key) {
    for (auto& [k, v] : map) {
        if (k == key) return &v;
    }
    return nullptr;
}

void Y::erase(std::string_view key) {
    map.erase(
        std::remove_if(map.begin(), map.end(), [&](const auto& kv) { return kv.first == key; }),
        map.end());
}

Y convert(const YAML::Node& n) {
    Y y;
    switch (n.Type()) {
        case YAML::NodeType::Scalar:
            y.kind = Y::Kind::scalar;
            y.s = n.Scalar();
            break;
        case YAML::NodeType::Sequence:
            y.kind = Y::Kind::seq;
            for (const auto& e : n) y.seq.push_back(convert(e));
            break;
        case YAML::NodeType::Map:
            y.kind = Y::Kind::map;
            for (const auto& kv : n) {
                std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
                Y value = convert(kv.second);
                if (Y* old = y.get(key)) {
                    *old = std::move(value);  // YAML: a repeated key, the later wins
                } else {
                    y.map.push_back(YEntry{std::move(key), std::move(value)});
                }
            }
            break;
        default:
            break;
    }
    return y;
}

Y parse_yaml(const std::string& text, const std::string& name) {
    try {
        return convert(YAML::Load(text));
    } catch (const YAML::Exception& e) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}:{}: bad YAML: {}", name, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                e.msg));
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, path + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Strings of a scalar or a sequence of scalars.
std::vector<std::string> strings(const Y* y) {
    std::vector<std::string> out;
    if (y == nullptr) return out;
    if (y->is_scalar()) out.push_back(y->s);
    if (y->is_seq()) {
        for (const Y& e : y->seq) {
            if (e.is_scalar()) out.push_back(e.s);
        }
    }
    return out;
}

bool operator==(const Y& a, const Y& b);
bool operator==(const YEntry& a, const YEntry& b) {
    return a.first == b.first && a.second == b.second;
}
bool operator==(const Y& a, const Y& b) {
    return a.kind == b.kind && a.s == b.s && a.seq == b.seq && a.map == b.map;
}

// svdtools update_dict: equal values are kept once, the parent wins for
// scalars, lists are concatenated, maps merged recursively.
void update_dict(Y& parent, const Y& child) {
    for (const auto& [k, v] : child.map) {
        if (k == "_path" || k == "_include") continue;
        Y* mine = parent.get(k);
        if (mine == nullptr) {
            parent.map.push_back(YEntry{k, v});
        } else if (*mine == v) {
            continue;
        } else if (mine->is_seq()) {
            if (v.is_seq()) {
                mine->seq.insert(mine->seq.end(), v.seq.begin(), v.seq.end());
            } else if (v.is_scalar() &&
                       std::find(mine->seq.begin(), mine->seq.end(), v) == mine->seq.end()) {
                mine->seq.push_back(v);
            }
        } else if (mine->is_map() && v.is_map()) {
            update_dict(*mine, v);
        }
    }
}

void yaml_includes(Y& parent, const fs::path& dir, const std::string& name) {
    std::vector<std::string> included;
    for (const std::string& rel : strings(parent.get("_include"))) {
        const fs::path path = (dir / rel).lexically_normal();
        if (std::find(included.begin(), included.end(), path.string()) != included.end()) continue;
        if (!fs::exists(path))
            throw Error(ErrorKind::no_input,
                        fmt::format("{}: _include {}: no such file", name, path.string()));
        Y child = parse_yaml(read_file(path.string()), path.string());
        if (!child.is_map()) {
            if (child.kind == Y::Kind::null) continue;
            throw Error(ErrorKind::bad_input, path.string() + ": not a YAML mapping");
        }
        included.push_back(path.string());
        for (auto& [k, v] : child.map) {
            if (!k.empty() && k[0] != '_' && v.is_map() && v.get("_include") != nullptr) {
                yaml_includes(v, path.parent_path(), path.string());
            }
        }
        yaml_includes(child, path.parent_path(), path.string());
        update_dict(parent, child);
    }
}

Y load_patch(const std::string& text, const std::string& name, const fs::path& dir) {
    Y root = parse_yaml(text, name);
    if (root.kind == Y::Kind::null) root.kind = Y::Kind::map;
    if (!root.is_map())
        throw Error(ErrorKind::bad_input, name + ": a patch must be a YAML mapping");
    for (auto& [k, v] : root.map) {
        if (!k.empty() && k[0] != '_' && v.is_map() && v.get("_include") != nullptr)
            yaml_includes(v, dir, name);
    }
    yaml_includes(root, dir, name);
    return root;
}

// ------------------------------------------------------------------ matching

// One [...] class at p[pi]: 1 = match, 0 = no match, -1 = not a class
// (then '[' is literal); next is the index after ']'.
int match_class(std::string_view p, std::size_t pi, char c, std::size_t& next) {
    std::size_t j = pi + 1;
    bool negate = false;
    if (j < p.size() && (p[j] == '!' || p[j] == '^')) {
        negate = true;
        ++j;
    }
    const std::size_t start = j;
    if (j < p.size() && p[j] == ']') ++j;  // a leading ']' is literal
    const std::size_t close = p.find(']', j);
    if (close == std::string_view::npos) return -1;
    bool hit = false;
    for (std::size_t k = start; k < close; ++k) {
        if (k + 2 < close && p[k + 1] == '-') {
            hit = hit || (c >= p[k] && c <= p[k + 2]);
            k += 2;
        } else {
            hit = hit || c == p[k];
        }
    }
    next = close + 1;
    return hit != negate ? 1 : 0;
}

// fnmatchcase: * ? [seq] [!seq], case-sensitive.
bool glob(std::string_view p, std::string_view s) {
    std::size_t pi = 0, si = 0, star_p = std::string_view::npos, star_s = 0;
    while (si < s.size()) {
        if (pi < p.size()) {
            if (p[pi] == '*') {
                star_p = pi++;
                star_s = si;
                continue;
            }
            std::size_t next = 0;
            const int cls = p[pi] == '[' ? match_class(p, pi, s[si], next) : -1;
            if (cls == 1) {
                pi = next;
                ++si;
                continue;
            }
            if (cls == -1 && (p[pi] == '?' || p[pi] == s[si])) {
                ++pi;
                ++si;
                continue;
            }
        }
        if (star_p == std::string_view::npos) return false;
        pi = star_p + 1;
        si = ++star_s;
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

std::vector<std::string> split_commas(std::string_view spec) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto c = spec.find(',', start);
        out.push_back(trimmed(
            spec.substr(start, c == std::string_view::npos ? std::string_view::npos : c - start)));
        if (c == std::string_view::npos) break;
        start = c + 1;
    }
    return out;
}

// The sub-spec (comma alternative) a name matches, or "".
std::string match_subspec(std::string_view name, std::string_view spec) {
    for (const std::string& sub : split_commas(spec)) {
        if (glob(sub, name)) return sub;
    }
    return {};
}
bool matchname(std::string_view name, std::string_view spec) {
    return !match_subspec(name, spec).empty();
}

// "?~SPEC": optional, no error when nothing matches.
std::pair<std::string, bool> optional_spec(const std::string& spec) {
    if (spec.rfind("?~", 0) == 0) return {spec.substr(2), true};
    return {spec, false};
}

// Left and right extents of the wildcard part of a spec (svdtools
// spec_ind): chars before the first token and after the last one, for the
// first comma alternative.
std::pair<std::size_t, std::size_t> spec_ind(std::string_view spec_all) {
    const std::string spec = split_commas(spec_all).front();
    const auto first = spec.find_first_of("*?[");
    const auto last = spec.find_last_of("*?]");
    if (first == std::string::npos || last == std::string::npos) return {spec.size(), 0};
    return {first, spec.size() - last - 1};
}

// ------------------------------------------------------------------ XML edits

std::string name_of(const pugi::xml_node& n) {
    return text_of(n, "name");
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
    if (f.child("bitOffset")) {
        parse_int(text_of(f, "bitOffset"), a);
        b = 1;
        if (f.child("bitWidth")) parse_int(text_of(f, "bitWidth"), b);
        return {a, b};
    }
    if (f.child("lsb")) {
        parse_int(text_of(f, "lsb"), a);
        parse_int(text_of(f, "msb"), b);
        return {a, b >= a ? b - a + 1 : 1};
    }
    const std::string br = text_of(f, "bitRange");
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

std::uint64_t field_mask(const pugi::xml_node& f) {
    const auto [off, width] = field_pos(f);
    if (width >= 64) return ~0ull;
    return ((1ull << width) - 1) << off;
}

// Union of the register's field bits (svdtools get_bitmask).
std::uint64_t register_bitmask(const pugi::xml_node& r) {
    std::uint64_t m = 0;
    for (pugi::xml_node f : r.child("fields").children("field")) m |= field_mask(f);
    return m;
}

class Patcher {
public:
    Patcher(SvdDocument& doc, std::string name, fs::path dir, PatchOptions opts)
        : doc_(doc), name_(std::move(name)), dir_(std::move(dir)), opts_(std::move(opts)) {
        device_ = doc_.xml.child("device");
        peripherals_ = device_.child("peripherals");
        if (!peripherals_) peripherals_ = device_.append_child("peripherals");
    }

    void process_device(const Y& dev) {
        if (!dev.is_map()) fail("", "patch root is not a mapping");
        for (const std::string& p : strings(dev.get("_delete"))) delete_peripherals(p);
        if (const Y* d = dev.get("_delete"); d != nullptr && d->is_map()) {
            for (const std::string& p : strings(d->get("_peripherals"))) delete_peripherals(p);
            for (const std::string& i : strings(d->get("_interrupts")))
                delete_interrupts(peripherals_, i);
        }
        for_map(dev.get("_copy"), [&](const std::string& k, const Y& v) { copy_peripheral(k, v); });
        for_map(dev.get("_modify"), [&](const std::string& k, const Y& v) {
            if (k == "cpu") {
                pugi::xml_node cpu = device_.child("cpu");
                if (!cpu) cpu = device_.insert_child_before("cpu", peripherals_);
                set_children(cpu, v, "cpu");
            } else if (k == "_peripherals") {
                for_map(&v, [&](const std::string& pk, const Y& pv) { modify_peripheral(pk, pv); });
            } else if (is_device_child(k)) {
                set_child(device_, k, scalar(v, k));
            } else {
                modify_peripheral(k, v);
            }
        });
        for (const std::string& p : strings(dev.get("_clear_fields"))) {
            for (pugi::xml_node pt : find_peripherals(p, false))
                clear_fields_in(pt.child("registers"), "*");
        }
        for_map(dev.get("_add"), [&](const std::string& k, const Y& v) { add_peripheral(k, v); });
        for_map(dev.get("_derive"),
                [&](const std::string& k, const Y& v) { derive_peripheral(k, v); });
        for_map(dev.get("_rebase"),
                [&](const std::string& k, const Y& v) { rebase_peripheral(k, scalar(v, k)); });
        for (const auto& [k, v] : dev.map) {
            if (k.empty() || k[0] == '_') continue;
            process_peripheral(k, v);
        }
    }

private:
    [[noreturn]] void fail(const std::string& path, const std::string& msg) const {
        throw Error(ErrorKind::bad_input,
                    path.empty() ? name_ + ": " + msg : name_ + ": " + path + ": " + msg);
    }

    template <typename F>
    void for_map(const Y* y, F&& f) {
        if (y == nullptr) return;
        if (!y->is_map()) return;
        for (const auto& [k, v] : y->map) f(k, v);
    }

    std::string scalar(const Y& y, const std::string& path) const {
        if (y.kind == Y::Kind::null) return "";
        if (!y.is_scalar()) fail(path, "expected a single value");
        return y.s;
    }

    static bool is_device_child(const std::string& k) {
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

    // Generic "key: value" edits; nested maps become nested elements.
    void set_children(pugi::xml_node n, const Y& mods, const std::string& path) {
        for_map(&mods, [&](const std::string& k, const Y& v) {
            if (!k.empty() && k[0] == '_') return;
            if (v.is_map()) {
                pugi::xml_node c = n.child(k.c_str());
                if (!c) c = n.append_child(k.c_str());
                set_children(c, v, path + "." + k);
            } else {
                set_child(n, k, scalar(v, path + "." + k));
            }
        });
    }

    // ------------------------------------------------------------ device

    std::vector<pugi::xml_node> find_peripherals(const std::string& spec, bool skip_derived) {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node p : peripherals_.children("peripheral")) {
            if (skip_derived && p.attribute("derivedFrom")) continue;
            if (matchname(name_of(p), spec)) out.push_back(p);
        }
        return out;
    }

    pugi::xml_node peripheral_named(const std::string& name) {
        for (pugi::xml_node p : peripherals_.children("peripheral")) {
            if (name_of(p) == name) return p;
        }
        return {};
    }

    void delete_peripherals(const std::string& spec) {
        for (pugi::xml_node p : find_peripherals(optional_spec(spec).first, false))
            peripherals_.remove_child(p);
    }

    void delete_interrupts(pugi::xml_node scope, const std::string& spec) {
        std::vector<pugi::xml_node> doomed;
        for (pugi::xml_node p : scope.name() == std::string("peripheral")
                                    ? std::vector<pugi::xml_node>{scope}
                                    : elements(scope, "peripheral")) {
            for (pugi::xml_node i : p.children("interrupt")) {
                if (matchname(name_of(i), spec)) doomed.push_back(i);
            }
        }
        for (pugi::xml_node i : doomed) i.parent().remove_child(i);
    }

    pugi::xml_node load_other_peripheral(const std::string& from, const std::string& path) {
        const auto colon = from.rfind(':');
        std::string file = from.substr(0, colon);
        const std::string pname = from.substr(colon + 1);
        fs::path p = opts_.svd_root.empty() ? dir_ / file
                                            : fs::path(opts_.svd_root) / fs::path(file).filename();
        p = p.lexically_normal();
        auto it = others_.find(p.string());
        if (it == others_.end()) {
            auto other = std::make_unique<SvdDocument>();
            load_svd_file(*other, p.string());
            resolve_derived(*other, false);
            it = others_.emplace(p.string(), std::move(other)).first;
        }
        for (pugi::xml_node q :
             it->second->xml.child("device").child("peripherals").children("peripheral")) {
            if (name_of(q) == pname) return q;
        }
        fail(path, "no peripheral " + pname + " in " + p.string());
    }

    void copy_peripheral(const std::string& pname, const Y& v) {
        const std::string path = "_copy." + pname;
        const Y* from = v.is_map() ? v.get("from") : nullptr;
        if (from == nullptr) fail(path, "needs from:");
        const std::string src = scalar(*from, path);
        pugi::xml_node source = src.find(':') != std::string::npos
                                    ? load_other_peripheral(src, path)
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

    void modify_peripheral(const std::string& spec, const Y& mods) {
        const auto [s, optional] = optional_spec(spec);
        (void)optional;  // svdtools ignores _modify of absent peripherals
        for (pugi::xml_node p : find_peripherals(s, false)) {
            for_map(&mods, [&](const std::string& k, const Y& v) {
                if (k == "addressBlock" && v.is_map()) {
                    pugi::xml_node ab = p.child("addressBlock");
                    if (!ab) ab = p.append_child("addressBlock");
                    set_children(ab, v, spec + ".addressBlock");
                } else if (k == "addressBlocks" && v.is_seq()) {
                    for (pugi::xml_node c : elements(p, "addressBlock")) p.remove_child(c);
                    for (const Y& b : v.seq) set_children(p.append_child("addressBlock"), b, spec);
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

    void add_interrupts(pugi::xml_node p, const Y& irqs, const std::string& path) {
        for_map(&irqs, [&](const std::string& iname, const Y& iv) {
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

    void add_peripheral(const std::string& pname, const Y& v) {
        const std::string path = "_add." + pname;
        if (peripheral_named(pname)) fail(path, "device already has a peripheral " + pname);
        pugi::xml_node p = peripherals_.append_child("peripheral");
        if (const Y* d = v.get("derivedFrom"))
            p.append_attribute("derivedFrom").set_value(scalar(*d, path).c_str());
        set_child(p, "name", pname);
        for_map(&v, [&](const std::string& k, const Y& val) {
            if (k == "derivedFrom") return;
            if (k == "registers") {
                for_map(&val,
                        [&](const std::string& rn, const Y& rv) { add_register(p, rn, rv, path); });
            } else if (k == "interrupts") {
                add_interrupts(p, val, path);
            } else if (k == "addressBlock" && val.is_map()) {
                set_children(p.append_child("addressBlock"), val, path);
            } else if (k == "addressBlocks" && val.is_seq()) {
                for (const Y& b : val.seq) set_children(p.append_child("addressBlock"), b, path);
            } else if (!k.empty() && k[0] != '_') {
                set_child(p, k, scalar(val, path + "." + k));
            }
        });
    }

    void derive_peripheral(const std::string& pname, const Y& v) {
        const std::string path = "_derive." + pname;
        std::string base;
        if (v.is_map()) {
            const Y* f = v.get("_from");
            if (f == nullptr) fail(path, "needs _from");
            base = scalar(*f, path);
        } else {
            base = scalar(v, path);
        }
        pugi::xml_node p = peripheral_named(pname);
        if (!peripheral_named(base)) fail(path, "device does not have a peripheral " + base);
        if (!p) {
            // A new peripheral derived from base, at the given address.
            if (!v.is_map() || v.get("baseAddress") == nullptr) {
                fail(path, "device does not have a peripheral " + pname +
                               " (give baseAddress to add one)");
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
        (p.attribute("derivedFrom") ? p.attribute("derivedFrom")
                                    : p.append_attribute("derivedFrom"))
            .set_value(base.c_str());
        for (pugi::xml_node q : peripherals_.children("peripheral")) {
            if (std::string(q.attribute("derivedFrom").value()) == pname)
                q.attribute("derivedFrom").set_value(base.c_str());
        }
        if (v.is_map()) modify_peripheral(pname, v);
    }

    void rebase_peripheral(const std::string& pnew, const std::string& pold) {
        const std::string path = "_rebase." + pnew;
        pugi::xml_node n = peripheral_named(pnew);
        pugi::xml_node o = peripheral_named(pold);
        if (!n) fail(path, "device does not have a peripheral " + pnew);
        if (!o) fail(path, "device does not have a peripheral " + pold);
        for (pugi::xml_node c : elements(o, nullptr)) {
            if (c.type() != pugi::node_element) continue;
            const std::string t = c.name();
            if (t == "name" || t == "baseAddress" || t == "interrupt") continue;
            if (!n.child(t.c_str())) n.append_copy(c);
            o.remove_child(c);
        }
        n.remove_attribute("derivedFrom");
        (o.attribute("derivedFrom") ? o.attribute("derivedFrom")
                                    : o.append_attribute("derivedFrom"))
            .set_value(pnew.c_str());
        for (pugi::xml_node q : peripherals_.children("peripheral")) {
            if (q != n && std::string(q.attribute("derivedFrom").value()) == pold) {
                q.attribute("derivedFrom").set_value(pnew.c_str());
            }
        }
    }

    // -------------------------------------------------------- peripheral

    static pugi::xml_node regs_of(pugi::xml_node scope) {
        if (std::strcmp(scope.name(), "cluster") == 0) return scope;
        pugi::xml_node r = scope.child("registers");
        if (!r) r = scope.append_child("registers");
        return r;
    }

    static std::vector<pugi::xml_node> find_in(pugi::xml_node scope, const char* tag,
                                               const std::string& spec) {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node r : regs_of(scope).children(tag)) {
            if (matchname(name_of(r), spec)) out.push_back(r);
        }
        return out;
    }

    static pugi::xml_node register_named(pugi::xml_node scope, const std::string& name) {
        for (pugi::xml_node r : regs_of(scope).children("register")) {
            if (name_of(r) == name) return r;
        }
        return {};
    }

    void process_peripheral(const std::string& spec, const Y& pmod) {
        const auto [s, optional] = optional_spec(spec);
        if (!pmod.is_map()) fail(spec, "expected a mapping");
        auto found = find_peripherals(s, true);
        if (found.empty()) {
            if (optional || !find_peripherals(s, false).empty())
                return;  // only derived ones: nothing to edit
            fail(spec, "no such peripheral");
        }
        for (pugi::xml_node p : found) process_scope(p, pmod, name_of(p));
    }

    // A peripheral or a cluster: its registers and clusters.
    void process_scope(pugi::xml_node p, const Y& pmod, const std::string& path,
                       bool children = true) {
        if (const Y* d = pmod.get("_delete")) {
            if (d->is_map()) {
                for (const std::string& r : strings(d->get("_registers")))
                    delete_in(p, "register", r);
                for (const std::string& c : strings(d->get("_clusters")))
                    delete_in(p, "cluster", c);
                for (const std::string& i : strings(d->get("_interrupts"))) delete_interrupts(p, i);
            } else {
                for (const std::string& r : strings(d)) delete_in(p, "register", r);
            }
        }
        for_map(pmod.get("_copy"),
                [&](const std::string& k, const Y& v) { copy_register(p, k, v, path); });
        for (const std::string& s : strings(pmod.get("_strip")))
            strip_names(regs_of(p), "register", s, false);
        for (const std::string& s : strings(pmod.get("_strip_end")))
            strip_names(regs_of(p), "register", s, true);
        for (const std::string& s : strings(pmod.get("_prefix")))
            add_affix(regs_of(p), "register", s, false);
        for (const std::string& s : strings(pmod.get("_suffix")))
            add_affix(regs_of(p), "register", s, true);
        for_map(pmod.get("_modify"), [&](const std::string& k, const Y& v) {
            if (k == "_registers") {
                for_map(&v, [&](const std::string& rk, const Y& rv) {
                    modify_register(p, rk, rv, path);
                });
            } else if (k == "_interrupts") {
                for_map(&v, [&](const std::string& ik, const Y& iv) {
                    for (pugi::xml_node i : p.children("interrupt")) {
                        if (matchname(name_of(i), ik)) set_children(i, iv, path + "." + ik);
                    }
                });
            } else if (k == "_cluster" || k == "_clusters") {
                for_map(&v, [&](const std::string& ck, const Y& cv) {
                    for (pugi::xml_node c : find_in(p, "cluster", ck))
                        set_children(c, cv, path + "." + ck);
                });
            } else {
                modify_register(p, k, v, path);
            }
        });
        for (const std::string& r : strings(pmod.get("_clear_fields")))
            clear_fields_in(regs_of(p), r);
        for_map(pmod.get("_add"), [&](const std::string& k, const Y& v) {
            if (k == "_registers") {
                for_map(&v,
                        [&](const std::string& rk, const Y& rv) { add_register(p, rk, rv, path); });
            } else if (k == "_interrupts") {
                add_interrupts(p, v, path);
            } else if (k == "_clusters") {
                for_map(&v,
                        [&](const std::string& ck, const Y& cv) { add_cluster(p, ck, cv, path); });
            } else {
                add_register(p, k, v, path);
            }
        });
        for_map(pmod.get("_derive"),
                [&](const std::string& k, const Y& v) { derive_register(p, k, v, path); });
        for (const auto& [k, v] : pmod.map) {
            if (!children || k.empty() || k[0] == '_') continue;
            process_register_spec(p, k, v, path);
        }
        for_map(pmod.get("_expand_array"),
                [&](const std::string& k, const Y&) { expand_array(p, k); });
        for_map(pmod.get("_array"),
                [&](const std::string& k, const Y& v) { collect_in_array(p, k, v, path); });
        for_map(pmod.get("_cluster"),
                [&](const std::string& k, const Y& v) { collect_in_cluster(p, k, v, path); });
        if (!children) return;
        for_map(pmod.get("_clusters"), [&](const std::string& k, const Y& v) {
            const auto [cs, opt] = optional_spec(k);
            auto found = find_in(p, "cluster", cs);
            if (found.empty() && !opt) fail(path + "." + k, "no such cluster");
            for (pugi::xml_node c : found) process_scope(c, v, path + "." + name_of(c));
        });
        for (const std::string& k : strings(pmod.get("_expand_cluster")))
            expand_cluster(p, k, path);
        for_map(pmod.get("_expand_cluster"),
                [&](const std::string& k, const Y&) { expand_cluster(p, k, path); });
    }

    void delete_in(pugi::xml_node p, const char* tag, const std::string& spec) {
        for (pugi::xml_node r : find_in(p, tag, optional_spec(spec).first))
            regs_of(p).remove_child(r);
    }

    // _clear_fields / _clear: drop enumeratedValues and writeConstraint.
    static void clear_field(pugi::xml_node f) {
        if (f.attribute("derivedFrom")) return;
        for (pugi::xml_node ev : elements(f, "enumeratedValues")) f.remove_child(ev);
        for (pugi::xml_node w : elements(f, "writeConstraint")) f.remove_child(w);
    }

    void clear_fields_in(pugi::xml_node scope, const std::string& spec) {
        for (pugi::xml_node r : scope.children()) {
            if (std::strcmp(r.name(), "cluster") == 0) clear_fields_in(r, spec);
            if (std::strcmp(r.name(), "register") == 0 && matchname(name_of(r), spec)) {
                for (pugi::xml_node f : r.child("fields").children("field")) clear_field(f);
            }
        }
    }

    // _strip / _strip_end: names that match PREFIX* (or *SUFFIX) lose that
    // many characters; also displayName, alternateRegister, alternateCluster.
    static void strip_names(pugi::xml_node parent, const char* tag, const std::string& s,
                            bool end) {
        const std::string pattern = end ? "*" + s : s + "*";
        for (pugi::xml_node r : parent.children()) {
            if (r.type() != pugi::node_element) continue;
            if (std::strcmp(r.name(), tag) != 0 &&
                !(std::strcmp(tag, "register") == 0 && std::strcmp(r.name(), "cluster") == 0)) {
                continue;
            }
            for (const char* t : {"name", "displayName", "alternateRegister", "alternateCluster",
                                  "headerStructName"}) {
                if (!r.child(t)) continue;
                const std::string n = text_of(r, t);
                if (!glob(pattern, n) || n.size() <= s.size()) continue;
                set_child(r, t, end ? n.substr(0, n.size() - s.size()) : n.substr(s.size()));
            }
        }
    }

    static void add_affix(pugi::xml_node parent, const char* tag, const std::string& a,
                          bool suffix) {
        for (pugi::xml_node r : parent.children(tag)) {
            for (const char* t : {"name", "displayName", "alternateRegister"}) {
                if (!r.child(t)) continue;
                set_child(r, t, suffix ? text_of(r, t) + a : a + text_of(r, t));
            }
        }
    }

    void expand_array(pugi::xml_node p, const std::string& spec) {
        for (pugi::xml_node r : find_in(p, "register", spec)) {
            std::uint64_t dim = 0, inc = 0, off = 0;
            if (!parse_int(text_of(r, "dim"), dim) || !parse_int(text_of(r, "dimIncrement"), inc))
                continue;
            parse_int(text_of(r, "addressOffset"), off);
            bool ok = true;
            const auto idx =
                expand_dim_index(text_of(r, "dimIndex"), static_cast<std::uint32_t>(dim), ok);
            const std::string name = name_of(r);
            for (std::uint64_t i = 0; i < dim && ok; ++i) {
                pugi::xml_node c = regs_of(p).insert_copy_before(r, r);
                for (const char* t :
                     {"dim", "dimIncrement", "dimIndex", "dimName", "dimArrayIndex"}) {
                    while (pugi::xml_node d = c.child(t)) c.remove_child(d);
                }
                std::string n = name;
                const auto pos =
                    n.find("[%s]") != std::string::npos ? n.find("[%s]") : n.find("%s");
                if (pos != std::string::npos)
                    n.replace(pos, n.compare(pos, 4, "[%s]") == 0 ? 4 : 2, idx[i]);
                set_child(c, "name", n);
                set_child(c, "addressOffset", hex_str(off + inc * i));
            }
            if (ok) regs_of(p).remove_child(r);
        }
    }

    void expand_cluster(pugi::xml_node p, const std::string& spec, const std::string& path) {
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

    void modify_register(pugi::xml_node p, const std::string& spec, const Y& mods,
                         const std::string& path) {
        const auto [s, optional] = optional_spec(spec);
        auto found = find_in(p, "register", s);
        if (found.empty()) found = find_in(p, "cluster", s);
        if (found.empty()) {
            if (const Y* from = mods.is_map() ? mods.get("_from") : nullptr) {
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
            for_map(&mods, [&](const std::string& k, const Y& v) {
                if (k.empty() || k[0] == '_') return;
                if (k == "fields" || k == "writeConstraint") {
                    set_children(
                        r.child(k.c_str()) ? r.child(k.c_str()) : r.append_child(k.c_str()), v,
                        path);
                } else {
                    set_child(r, k, scalar(v, path + "." + spec + "." + k));
                }
            });
        }
    }

    void add_field(pugi::xml_node r, const std::string& fname, const Y& fv,
                   const std::string& path) {
        pugi::xml_node fields = r.child("fields");
        if (!fields) fields = r.append_child("fields");
        for (pugi::xml_node f : fields.children("field")) {
            if (name_of(f) == fname) fail(path, "field " + fname + " already exists");
        }
        pugi::xml_node f = fields.append_child("field");
        set_child(f, "name", fname);
        for_map(&fv, [&](const std::string& k, const Y& v) {
            if (k == "_write_constraint" || k == "writeConstraint") return;
            if (!k.empty() && k[0] == '_') return;
            if (v.is_map()) {
                set_children(f.append_child(k.c_str()), v, path);
            } else {
                set_child(f, k, scalar(v, path + "." + fname + "." + k));
            }
        });
    }

    void fill_register(pugi::xml_node r, const Y& rv, const std::string& path) {
        for_map(&rv, [&](const std::string& k, const Y& v) {
            if (k == "fields") {
                for_map(&v, [&](const std::string& fk, const Y& fv) {
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

    void add_register(pugi::xml_node p, const std::string& rname, const Y& rv,
                      const std::string& path) {
        if (register_named(p, rname)) fail(path + "._add." + rname, "register already exists");
        pugi::xml_node r = regs_of(p).append_child("register");
        set_child(r, "name", rname);
        fill_register(r, rv, path + "._add." + rname);
    }

    void add_cluster(pugi::xml_node p, const std::string& cname, const Y& cv,
                     const std::string& path) {
        for (pugi::xml_node c : regs_of(p).children("cluster")) {
            if (name_of(c) == cname) fail(path + "._add." + cname, "cluster already exists");
        }
        pugi::xml_node c = regs_of(p).append_child("cluster");
        set_child(c, "name", cname);
        for_map(&cv, [&](const std::string& k, const Y& v) {
            if (k == "registers") {
                for_map(&v, [&](const std::string& rk, const Y& rv) {
                    add_register(c, rk, rv, path + "." + cname);
                });
            } else if (!k.empty() && k[0] != '_') {
                set_child(c, k, scalar(v, path + "." + cname + "." + k));
            }
        });
    }

    void copy_register(pugi::xml_node p, const std::string& rname, const Y& v,
                       const std::string& path) {
        const std::string where = path + "._copy." + rname;
        const Y* from =
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

    void fill_register_mods(pugi::xml_node r, const Y& mods, const std::string& path) {
        for_map(&mods, [&](const std::string& k, const Y& v) {
            if (k.empty() || k[0] == '_' || k == "from") return;
            set_child(r, k, scalar(v, path + "." + k));
        });
    }

    void derive_register(pugi::xml_node p, const std::string& rname, const Y& v,
                         const std::string& path) {
        const std::string where = path + "._derive." + rname;
        std::string base;
        if (v.is_map()) {
            const Y* f = v.get("_from");
            if (f == nullptr) fail(where, "needs _from");
            base = scalar(*f, where);
        } else {
            base = scalar(v, where);
        }
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
                if (t != "name" && t != "addressOffset" && t != "description" &&
                    t != "displayName" && t != "dim" && t != "dimIncrement" && t != "dimIndex") {
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

    // collect_in_array: registers matching spec become one dim register.
    void collect_in_array(pugi::xml_node p, const std::string& spec_in, const Y& rmod,
                          const std::string& path) {
        const std::string where = path + "._array." + spec_in;
        const auto [spec, optional] = optional_spec(spec_in);
        struct Item {
            pugi::xml_node node;
            std::string index;
            std::uint64_t offset;
        };
        std::vector<Item> items;
        const auto [li, ri] = spec_ind(spec);
        for (pugi::xml_node r : find_in(p, "register", spec)) {
            if (r.child("dim")) continue;
            const std::string n = name_of(r);
            std::uint64_t off = 0;
            parse_int(text_of(r, "addressOffset"), off);
            const std::string idx = n.size() >= li + ri ? n.substr(li, n.size() - li - ri) : n;
            items.push_back({r, idx, off});
        }
        if (items.empty()) {
            if (optional) return;
            fail(where, "no registers match");
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return a.offset < b.offset; });
        const std::size_t dim = items.size();
        const std::uint64_t inc = dim > 1 ? items[1].offset - items[0].offset : 0;
        const auto mask0 = register_bitmask(items[0].node);
        for (std::size_t i = 0; i < dim; ++i) {
            if (items[i].offset != items[0].offset + inc * i ||
                register_bitmask(items[i].node) != mask0) {
                fail(where,
                     "registers cannot be collected into an array (offsets or fields differ)");
            }
        }
        std::string index;
        const bool from_zero = rmod.is_map() && rmod.get("_start_from_zero") != nullptr;
        for (std::size_t i = 0; i < dim; ++i)
            index += (i ? "," : "") + (from_zero ? std::to_string(i) : items[i].index);
        for (std::size_t i = 1; i < dim; ++i) regs_of(p).remove_child(items[i].node);
        pugi::xml_node r = items[0].node;
        std::string name = spec.substr(0, li) + "%s" + spec.substr(spec.size() - ri);
        if (const Y* n = rmod.is_map() ? rmod.get("name") : nullptr) name = scalar(*n, where);
        set_child(r, "name", name);
        if (const Y* d = rmod.is_map() ? rmod.get("description") : nullptr)
            set_child(r, "description", scalar(*d, where));
        set_dim(r, dim, inc, index);
        if (rmod.is_map()) {
            Y rest = rmod;
            rest.erase("name");
            rest.erase("description");
            rest.erase("_start_from_zero");
            if (!rest.map.empty()) process_register(r, rest, path + "." + name);
        }
    }

    static void set_dim(pugi::xml_node n, std::size_t dim, std::uint64_t inc,
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

    // collect_in_cluster: groups of registers (one group per spec) become
    // one cluster, an array when the name has %s. Checks as svdtools: the
    // first group sets dim, index and increment; every group has equal
    // field masks and the same indices.
    void collect_in_cluster(pugi::xml_node p, const std::string& cname, const Y& cmod,
                            const std::string& path) {
        const std::string where = path + "._cluster." + cname;
        struct Item {
            pugi::xml_node node;
            std::string index;
            std::uint64_t offset;
        };
        struct Group {
            std::string spec;
            const Y* mod;
            std::vector<Item> items;
        };
        const bool single = cname.find("%s") == std::string::npos;
        std::vector<Group> groups;
        std::size_t dim = 0;
        std::uint64_t inc = 0;
        if (const Y* d = cmod.get("dimIncrement")) parse_int(scalar(*d, where), inc);
        std::vector<std::string> first_index;
        for (const auto& [rspec, rmod] : cmod.map) {
            if (rspec == "description" || rspec == "dimIncrement" ||
                (!rspec.empty() && rspec[0] == '_'))
                continue;
            const auto [spec, optional] = optional_spec(rspec);
            std::vector<Item> items;
            for (pugi::xml_node r : find_in(p, "register", spec)) {
                const std::string n = name_of(r);
                const std::string sub = match_subspec(n, spec);
                const auto [li, ri] = spec_ind(sub);
                std::uint64_t off = 0;
                parse_int(text_of(r, "addressOffset"), off);
                items.push_back(
                    {r, n.size() >= li + ri ? n.substr(li, n.size() - li - ri) : n, off});
            }
            if (items.empty()) {
                if (optional) continue;
                fail(where, "registers " + rspec + " not found");
            }
            if (single) {
                if (items.size() > 1) fail(where, "more than one register matches " + rspec);
            } else {
                std::stable_sort(items.begin(), items.end(),
                                 [](const Item& a, const Item& b) { return a.offset < b.offset; });
                std::vector<std::string> index;
                for (const Item& i : items) index.push_back(i.index);
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
                    fail(where,
                         "registers cannot be collected: " + rspec + " has different indices");
                }
                const std::uint64_t m0 = register_bitmask(items[0].node);
                for (const Item& i : items) {
                    if (register_bitmask(i.node) != m0) {
                        fail(where,
                             "registers cannot be collected: different bit masks in " + rspec);
                    }
                }
            }
            groups.push_back({spec, &rmod, std::move(items)});
        }
        if (groups.empty()) fail(where, "no registers match");
        std::uint64_t base = ~0ull;
        for (const Group& g : groups) base = std::min(base, g.items[0].offset);
        std::string index;
        for (std::size_t i = 0; i < first_index.size(); ++i)
            index += (i ? "," : "") + first_index[i];

        pugi::xml_node regs = regs_of(p);
        // Insert where the first collected register was.
        pugi::xml_node place;
        for (pugi::xml_node r : regs.children()) {
            for (const Group& g : groups) {
                for (const Item& i : g.items) {
                    if (!place && i.node == r) place = r;
                }
            }
            if (place) break;
        }
        pugi::xml_node c = regs.insert_child_before("cluster", place);
        set_child(c, "name", cname);
        std::string desc;
        if (const Y* d = cmod.get("description")) {
            desc = scalar(*d, where);
        } else {
            desc = "Cluster " + cname + ", containing ";
            for (std::size_t i = 0; i < groups.size(); ++i)
                desc += (i ? ", " : "") + groups[i].spec;
        }
        set_child(c, "description", desc);
        if (!single) set_dim(c, dim, inc, index);
        set_child(c, "addressOffset", hex_str(base));
        for (Group& g : groups) {
            for (std::size_t i = 1; i < g.items.size(); ++i) regs.remove_child(g.items[i].node);
            pugi::xml_node r = g.items[0].node;
            std::string new_name = name_of(r);
            if (!single) {
                const auto [li, ri] = spec_ind(g.spec);
                const std::string sub = split_commas(g.spec).front();
                new_name = sub.substr(0, li) + sub.substr(sub.size() - ri);
            }
            const Y& rmod = *g.mod;
            if (const Y* n = rmod.is_map() ? rmod.get("name") : nullptr)
                new_name = scalar(*n, where);
            if (const Y* d = rmod.is_map() ? rmod.get("description") : nullptr) {
                set_child(r, "description", scalar(*d, where));
            }
            set_child(r, "name", new_name);
            set_child(r, "addressOffset", hex_str(g.items[0].offset - base));
            pugi::xml_node moved = c.append_copy(r);
            regs.remove_child(r);
            if (rmod.is_map()) {
                Y rest = rmod;
                rest.erase("name");
                rest.erase("description");
                if (!rest.map.empty())
                    process_register(moved, rest, path + "." + cname + "." + new_name);
            }
        }
        // The cluster's own commands (_derive, _modify, _array, ...).
        process_scope(c, cmod, path + "." + cname, false);
    }

    // ---------------------------------------------------------- register

    void process_register_spec(pugi::xml_node p, const std::string& spec, const Y& rmod,
                               const std::string& path) {
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

    static std::vector<pugi::xml_node> find_fields(pugi::xml_node r, const std::string& spec) {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node f : r.child("fields").children("field")) {
            if (matchname(name_of(f), spec)) out.push_back(f);
        }
        return out;
    }

    void process_register(pugi::xml_node r, const Y& rmod, const std::string& path) {
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
                [&](const std::string& k, const Y& v) { modify_field(r, k, v, path); });
        for_map(rmod.get("_add"),
                [&](const std::string& k, const Y& v) { add_field(r, k, v, path + "._add"); });
        if (const Y* m = rmod.get("_merge")) {
            if (m->is_map()) {
                for_map(m, [&](const std::string& k, const Y& v) { merge_fields(r, k, &v, path); });
            } else {
                for (const std::string& k : strings(m)) merge_fields(r, k, nullptr, path);
            }
        }
        if (const Y* sp = rmod.get("_split")) {
            if (sp->is_map()) {
                for_map(sp,
                        [&](const std::string& k, const Y& v) { split_fields(r, k, &v, path); });
            } else {
                for (const std::string& k : strings(sp)) split_fields(r, k, nullptr, path);
            }
        }
        for (const std::string& s : strings(rmod.get("_prefix"))) {
            for (pugi::xml_node f : r.child("fields").children("field"))
                set_child(f, "name", s + name_of(f));
        }
        for_map(rmod.get("_derive"), [&](const std::string& k, const Y& v) {
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
        for (const auto& [k, v] : rmod.map) {
            if (k.empty() || k[0] == '_') continue;
            process_field(r, k, v, path);
        }
        for_map(rmod.get("_array"),
                [&](const std::string& k, const Y& v) { collect_fields_in_array(r, k, v, path); });
    }

    void modify_field(pugi::xml_node r, const std::string& spec, const Y& mods,
                      const std::string& path) {
        const auto [s, optional] = optional_spec(spec);
        auto found = find_fields(r, s);
        if (found.empty() && !optional) fail(path + "._modify." + spec, "no such field");
        for (pugi::xml_node f : found) {
            for_map(&mods, [&](const std::string& k, const Y& v) {
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

    static void add_range(pugi::xml_node f, const std::string& lo, const std::string& hi) {
        pugi::xml_node w = f.append_child("writeConstraint");
        pugi::xml_node range = w.append_child("range");
        range.append_child("minimum").append_child(pugi::node_pcdata).set_value(lo.c_str());
        range.append_child("maximum").append_child(pugi::node_pcdata).set_value(hi.c_str());
    }

    void merge_fields(pugi::xml_node r, const std::string& key, const Y* value,
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

    void split_fields(pugi::xml_node r, const std::string& spec, const Y* mods,
                      const std::string& path) {
        auto found = find_fields(r, spec);
        if (found.empty()) fail(path + "._split." + spec, "no such field");
        pugi::xml_node f = found[0];
        std::string name = name_of(f) + "%s";
        std::string desc = text_of(f, "description");
        if (mods != nullptr && mods->is_map()) {
            if (const Y* n = mods->get("name")) name = scalar(*n, path);
            if (const Y* d = mods->get("description")) desc = scalar(*d, path);
        }
        const auto [off, width] = field_pos(f);
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

    void collect_fields_in_array(pugi::xml_node r, const std::string& spec_in, const Y& fmod,
                                 const std::string& path) {
        const std::string where = path + "._array." + spec_in;
        const auto [spec, optional] = optional_spec(spec_in);
        struct Item {
            pugi::xml_node node;
            std::string index;
            std::uint64_t offset, width;
        };
        std::vector<Item> items;
        const auto [li, ri] = spec_ind(spec);
        for (pugi::xml_node f : find_fields(r, spec)) {
            if (f.child("dim")) continue;
            const std::string n = name_of(f);
            const auto [o, w] = field_pos(f);
            items.push_back({f, n.size() >= li + ri ? n.substr(li, n.size() - li - ri) : n, o, w});
        }
        if (items.empty()) {
            if (optional) return;
            fail(where, "no fields match");
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return a.offset < b.offset; });
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
        std::string name = spec.substr(0, li) + "%s" + spec.substr(spec.size() - ri);
        if (const Y* n = fmod.is_map() ? fmod.get("name") : nullptr) name = scalar(*n, where);
        set_child(f, "name", name);
        if (const Y* d = fmod.is_map() ? fmod.get("description") : nullptr)
            set_child(f, "description", scalar(*d, where));
        set_dim(f, dim, inc, index);
    }

    // ------------------------------------------------------------ fields

    void process_field(pugi::xml_node r, const std::string& spec, const Y& fmod,
                       const std::string& path) {
        const std::string where = path + "." + spec;
        if (fmod.is_seq()) {
            if (fmod.seq.size() != 2) return;  // as svdtools: only [min, max] is a range
            if (!fmod.seq[0].is_scalar() || !fmod.seq[1].is_scalar())
                fail(where, "a range is [minimum, maximum]");
            const auto [s, optional] = optional_spec(spec);
            auto found = find_fields(r, s);
            if (found.empty() && !optional) fail(where, "no such field");
            for (pugi::xml_node f : found) {
                while (pugi::xml_node w = f.child("writeConstraint")) f.remove_child(w);
                add_range(f, fmod.seq[0].s, fmod.seq[1].s);
            }
            return;
        }
        if (!fmod.is_map()) return;  // as svdtools: nothing to do
        process_field_enum(r, spec, fmod, where, "read-write", false);
    }

    void process_field_enum(pugi::xml_node r, const std::string& spec, const Y& fmod_in,
                            const std::string& where, const std::string& usage, bool replace) {
        const Y* fmod = &fmod_in;
        if (const Y* re = fmod->get("_replace_enum")) {
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
        auto non_empty = [](const Y* y) { return y != nullptr && y->is_map() && !y->map.empty(); };
        // Read side: the first of _read/_RM/_RS/_RC/_RME; write side: all.
        for (const char* key : {"_read", "_RM", "_RS", "_RC", "_RME"}) {
            if (const Y* sub = fmod->get(key)) {
                if (non_empty(sub)) process_field_enum(r, spec, *sub, where, "read", replace);
                if (auto it = ra.find(key); it != ra.end()) {
                    for (pugi::xml_node f : find_fields(r, s))
                        set_child(f, "readAction", it->second);
                }
                handled = true;
                break;
            }
        }
        if (const Y* wr = fmod->get("_write")) {
            if (non_empty(wr)) process_field_enum(r, spec, *wr, where, "write", replace);
            handled = true;
        }
        for (const auto& [key, mw] : mwv) {
            if (const Y* sub = fmod->get(key)) {
                if (non_empty(sub)) process_field_enum(r, spec, *sub, where, "write", replace);
                for (pugi::xml_node f : find_fields(r, s)) set_child(f, "modifiedWriteValues", mw);
                handled = true;
            }
        }
        if (const Y* wm = fmod->get("_WM")) {
            if (non_empty(wm)) process_field_enum(r, spec, *wm, where, "write", replace);
            for (pugi::xml_node f : find_fields(r, s)) set_child(f, "modifiedWriteValues", "");
            handled = true;
        }
        if (handled) return;

        std::vector<pugi::xml_node> found = find_fields(r, s);
        std::stable_sort(found.begin(), found.end(),
                         [](const pugi::xml_node& a, const pugi::xml_node& b) {
                             return field_pos(a).first < field_pos(b).first;
                         });
        if (found.empty()) {
            if (optional) return;
            fail(where, "no such field");
        }
        std::string derived_name;
        if (const Y* d = fmod->get("_derivedFrom")) derived_name = scalar(*d, where);
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
    std::string checked_usage(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
                              const std::string& where) {
        std::string access = text_of(f, "access");
        if (access.empty()) access = text_of(r, "access");
        if (access == "read-only") {
            if (usage == "write")
                fail(where, "write enumeratedValues on read-only field " + name_of(f));
            return "read";
        }
        if (access == "write-only" || access == "writeOnce") {
            if (usage == "read")
                fail(where, "read enumeratedValues on write-only field " + name_of(f));
            return "write";
        }
        return usage;
    }

    // svdtools' rules for adding an enumeration with `usage` to a field
    // that may already have one or two.
    void make_room_for_enum(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
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

    std::string make_enumerated_values(pugi::xml_node ev, const std::string& fname, const Y& values,
                                       const std::string& usage, const std::string& where,
                                       pugi::xml_node f) {
        std::string name = fname;
        if (const Y* n = values.get("_name")) {
            name = scalar(*n, where);
        } else if (usage == "read") {
            name += "R";
        } else if (usage == "write") {
            name += "W";
        }
        // Enumeration names must be unique per peripheral for derivedFrom.
        const std::string unique = unique_enum_name(f, name);
        set_child(ev, "name", unique);
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
        return unique;
    }

    static std::string unique_enum_name(pugi::xml_node f, const std::string& want) {
        pugi::xml_node p = f;
        while (p && std::strcmp(p.name(), "peripheral") != 0) p = p.parent();
        std::set<std::string> names;
        std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
            for (pugi::xml_node c : n.children()) {
                if (c.type() != pugi::node_element) continue;
                if (std::strcmp(c.name(), "enumeratedValues") == 0) {
                    names.insert(text_of(c, "name"));
                } else {
                    walk(c);
                }
            }
        };
        if (p) walk(p);
        std::string name = want;
        for (int i = 1; names.contains(name); ++i) name = want + std::to_string(i);
        return name;
    }

    SvdDocument& doc_;
    std::string name_;
    fs::path dir_;
    PatchOptions opts_;
    pugi::xml_node device_, peripherals_;
    std::map<std::string, std::unique_ptr<SvdDocument>> others_;
};

std::string resolve_svd(const std::string& svd, const fs::path& dir, const PatchOptions& opts) {
    if (!opts.svd_root.empty())
        return (fs::path(opts.svd_root) / fs::path(svd).filename()).string();
    return (dir / svd).lexically_normal().string();
}

}  // namespace

std::string patch_svd_path(const std::string& yaml_path, const PatchOptions& options) {
    const Y root = parse_yaml(read_file(yaml_path), yaml_path);
    const Y* s = root.is_map() ? root.get("_svd") : nullptr;
    if (s == nullptr || !s->is_scalar()) return "";
    return resolve_svd(s->s, fs::path(yaml_path).parent_path(), options);
}

namespace {
void dump(const Y& y, int indent, std::ostream& o) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (y.is_scalar()) o << pad << y.s << "\n";
    for (const Y& e : y.seq) {
        o << pad << "-\n";
        dump(e, indent + 2, o);
    }
    for (const auto& [k, v] : y.map) {
        o << pad << k << ":\n";
        dump(v, indent + 2, o);
    }
}
}  // namespace

void apply_patch_string(SvdDocument& doc, const std::string& yaml_text, const std::string& name,
                        const std::string& base_dir, const PatchOptions& options) {
    const Y root = load_patch(yaml_text, name, base_dir);
    if (std::getenv("RIVET_SVD_DUMP_PATCH") != nullptr) dump(root, 0, std::cerr);
    Patcher(doc, name, base_dir, options).process_device(root);
}

void apply_patch_file(SvdDocument& doc, const std::string& yaml_path, const PatchOptions& options) {
    apply_patch_string(doc, read_file(yaml_path), yaml_path,
                       fs::path(yaml_path).parent_path().string(), options);
}

std::string svd_to_string(const SvdDocument& doc) {
    std::ostringstream o;
    doc.xml.save(o, "  ", pugi::format_default, pugi::encoding_utf8);
    return o.str();
}

}  // namespace rivet::svd
