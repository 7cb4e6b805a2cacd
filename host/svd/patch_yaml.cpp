// The patch's YAML tree: conversion from yaml-cpp in file order, and svdtools'
// _include merging.
#include "patch_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace fs = std::filesystem;

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

namespace {

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

}  // namespace

Y parse_yaml(const std::string& text, const std::string& name) {
    try {
        return convert(YAML::Load(text));
    } catch (const YAML::Exception& e) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}:{}: bad YAML: {}", name, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                e.msg));
    }
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

bool operator==(const YEntry& a, const YEntry& b) {
    return a.first == b.first && a.second == b.second;
}
bool operator==(const Y& a, const Y& b) {
    return a.kind == b.kind && a.s == b.s && a.seq == b.seq && a.map == b.map;
}

namespace {

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
        Y child = parse_yaml(read_text_file(path.string()), path.string());
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

}  // namespace

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

}  // namespace rivet::svd::patch
