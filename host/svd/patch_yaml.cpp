// The patch's YAML tree: read with libyaml's event parser in file order, and
// svdtools' _include merging.
#include "patch_yaml.hpp"

#include <sys/stat.h>
#include <yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace fs = std::filesystem;

const yaml_node* yaml_node::get(std::string_view key) const {
    for (const auto& [k, v] : map) {
        if (k == key) return &v;
    }
    return nullptr;
}

yaml_node* yaml_node::get(std::string_view key) {
    for (auto& [k, v] : map) {
        if (k == key) return &v;
    }
    return nullptr;
}

void yaml_node::erase(std::string_view key) {
    map.erase(
        std::remove_if(map.begin(), map.end(), [&](const auto& kv) { return kv.first == key; }),
        map.end());
}

namespace {

// Bounds on what one patch may make of its YAML. An anchored node is shared
// by its aliases, so a few hundred bytes of nested aliases ("billion laughs")
// would unfold into billions of nodes here; files included along many paths
// multiply the same way. The largest stm32-rs device patch reads about 24,000
// nodes, its includes counted.
constexpr std::size_t max_nodes = 250'000;
constexpr int max_depth = 100;

// The document as libyaml's events describe it, before aliases are unfolded:
// an alias points at its anchor's node, so this graph is no larger than the
// text. Null follows yaml-cpp, which the patcher used before: an empty plain
// scalar, ~, null, Null and NULL.
struct raw_node {
    yaml_node::node_kind kind = yaml_node::node_kind::null;
    std::string s;
    std::size_t line = 0;                // 1-based
    std::vector<const raw_node*> items;  // a sequence's; a map's as key, value, key, ...
};

class event_reader {
public:
    event_reader(const std::string& text, const std::string& name) : name_(name) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~event_reader() { release_parser(); }
    event_reader(const event_reader&) = delete;
    event_reader& operator=(const event_reader&) = delete;

    // The first document's root; a null node for an empty stream. Read once:
    // the parser is let go then, while the tree stays (a patch keeps the
    // trees of its included files, and libyaml's buffers are tens of
    // kilobytes a parser).
    const raw_node* root() {
        event e = next();
        while (e.type() != YAML_DOCUMENT_START_EVENT && e.type() != YAML_STREAM_END_EVENT)
            e = next();
        const raw_node* const read =
            e.type() == YAML_STREAM_END_EVENT ? &nodes_.emplace_back() : node(next(), 0);
        release_parser();
        return read;
    }

private:
    void release_parser() {
        if (parsing_) yaml_parser_delete(&parser_);
        parsing_ = false;
        anchors_.clear();
    }

    // One parsed event, freed when it goes.
    class event {
    public:
        event() = default;
        ~event() {
            if (filled_) yaml_event_delete(&e_);
        }
        event(event&& o) noexcept : e_(o.e_), filled_(std::exchange(o.filled_, false)) {}
        event& operator=(event&& o) noexcept {
            if (this != &o) {
                if (filled_) yaml_event_delete(&e_);
                e_ = o.e_;
                filled_ = std::exchange(o.filled_, false);
            }
            return *this;
        }
        event(const event&) = delete;
        event& operator=(const event&) = delete;
        [[nodiscard]] yaml_event_type_t type() const { return e_.type; }
        [[nodiscard]] const yaml_event_t& get() const { return e_; }
        yaml_event_t* fill() {
            filled_ = true;
            return &e_;
        }

    private:
        yaml_event_t e_{};
        bool filled_ = false;
    };

    event next() {
        event e;
        if (yaml_parser_parse(&parser_, e.fill()) == 0) {
            e = event();
            throw error(error_kind::bad_input,
                        fmt::format("{}:{}: bad YAML: {}{}{}", name_, parser_.problem_mark.line + 1,
                                    parser_.problem != nullptr ? parser_.problem : "malformed",
                                    parser_.context != nullptr ? " " : "",
                                    parser_.context != nullptr ? parser_.context : ""));
        }
        return e;
    }

    [[noreturn]] void fail(std::size_t line, const std::string& msg) const {
        throw error(error_kind::bad_input, fmt::format("{}:{}: bad YAML: {}", name_, line, msg));
    }

    static bool is_null(const yaml_event_t& e) {
        if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
        if (e.data.scalar.tag != nullptr) return false;
        const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value),
                                 e.data.scalar.length);
        return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
    }

    void anchor(const unsigned char* name, const raw_node* n) {
        if (name != nullptr) anchors_[reinterpret_cast<const char*>(name)] = n;
    }

    // The node that starts with event e; its children are read from the
    // parser. Nesting is bounded here already, so that reading cannot
    // exhaust the stack.
    const raw_node* node(event e, int depth) {
        const std::size_t line = e.get().start_mark.line + 1;
        if (depth > max_depth)
            throw error(
                error_kind::bad_input,
                fmt::format("{}:{}: YAML nested deeper than {} levels", name_, line, max_depth));
        switch (e.type()) {
            case YAML_ALIAS_EVENT: {
                const auto it =
                    anchors_.find(reinterpret_cast<const char*>(e.get().data.alias.anchor));
                if (it == anchors_.end()) fail(line, "unknown anchor");
                return it->second;
            }
            case YAML_SCALAR_EVENT: {
                raw_node& n = nodes_.emplace_back();
                n.line = line;
                if (!is_null(e.get())) {
                    n.kind = yaml_node::node_kind::scalar;
                    n.s.assign(reinterpret_cast<const char*>(e.get().data.scalar.value),
                               e.get().data.scalar.length);
                }
                anchor(e.get().data.scalar.anchor, &n);
                return &n;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                const bool seq = e.type() == YAML_SEQUENCE_START_EVENT;
                raw_node& n = nodes_.emplace_back();
                n.line = line;
                n.kind = seq ? yaml_node::node_kind::seq : yaml_node::node_kind::map;
                anchor(seq ? e.get().data.sequence_start.anchor : e.get().data.mapping_start.anchor,
                       &n);
                const yaml_event_type_t end =
                    seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
                for (event c = next(); c.type() != end; c = next())
                    n.items.push_back(node(std::move(c), depth + 1));
                return &n;
            }
            default:
                fail(line, "unexpected event");
        }
    }

    yaml_parser_t parser_{};
    bool parsing_ = true;
    std::string name_;
    std::deque<raw_node> nodes_;  // stable addresses
    std::unordered_map<std::string, const raw_node*> anchors_;
};

// The entries of a map by key, for finding repeated keys: most maps of a
// patch have a few keys, which a look along the entries finds faster than a
// hash table costs to build; larger maps get one.
class key_index {
public:
    key_index() = default;
    explicit key_index(const std::vector<yaml_entry>& map) {
        if (map.size() <= linear_limit) return;
        for (std::size_t i = 0; i < map.size(); ++i) hashed_.emplace(map[i].first, i);
    }

    yaml_node* find(std::vector<yaml_entry>& map, std::string_view key) {
        if (hashed_.empty()) {
            for (auto& [k, v] : map) {
                if (k == key) return &v;
            }
            return nullptr;
        }
        const auto found = hashed_.find(std::string(key));
        return found == hashed_.end() ? nullptr : &map[found->second].second;
    }

    // After map grew by one entry.
    void added(const std::vector<yaml_entry>& map) {
        if (!hashed_.empty()) {
            hashed_.emplace(map.back().first, map.size() - 1);
        } else if (map.size() > linear_limit) {
            for (std::size_t i = 0; i < map.size(); ++i) hashed_.emplace(map[i].first, i);
        }
    }

private:
    static constexpr std::size_t linear_limit = 16;
    std::unordered_map<std::string, std::size_t> hashed_;
};

// Converts the event graph into yaml_node trees, unfolding aliases and
// counting every node against one budget shared by all the files of a patch.
class converter {
public:
    explicit converter(std::size_t& nodes) : nodes_(nodes) {}

    yaml_node convert(const raw_node& n, const std::string& name, int depth) {
        if (++nodes_ > max_nodes)
            throw error(error_kind::bad_input,
                        fmt::format("{}:{}: the patch unfolds into more than {} YAML nodes "
                                    "(aliases or includes repeated too often)",
                                    name, n.line, max_nodes));
        if (depth > max_depth)
            throw error(
                error_kind::bad_input,
                fmt::format("{}:{}: YAML nested deeper than {} levels", name, n.line, max_depth));
        yaml_node y;
        y.kind = n.kind;
        switch (n.kind) {
            case yaml_node::node_kind::scalar:
                y.s = n.s;
                break;
            case yaml_node::node_kind::seq:
                y.seq.reserve(n.items.size());
                for (const raw_node* e : n.items) y.seq.push_back(convert(*e, name, depth + 1));
                break;
            case yaml_node::node_kind::map: {
                y.map.reserve(n.items.size() / 2);
                key_index index;
                for (std::size_t i = 0; i + 1 < n.items.size(); i += 2) {
                    const raw_node& k = *n.items[i];
                    const std::string_view key =
                        k.kind == yaml_node::node_kind::scalar ? std::string_view(k.s) : "?";
                    yaml_node value = convert(*n.items[i + 1], name, depth + 1);
                    if (yaml_node* repeated = index.find(y.map, key)) {
                        *repeated = std::move(value);  // a repeated key: the later wins
                    } else {
                        y.map.push_back(yaml_entry{std::string(key), std::move(value)});
                        index.added(y.map);
                    }
                }
                break;
            }
            default:
                break;
        }
        return y;
    }

private:
    std::size_t& nodes_;
};

yaml_node parse_counted(const std::string& text, const std::string& name, std::size_t& nodes) {
    event_reader reader(text, name);
    return converter(nodes).convert(*reader.root(), name, 0);
}

}  // namespace

yaml_node parse_yaml(const std::string& text, const std::string& name) {
    std::size_t nodes = 0;
    return parse_counted(text, name, nodes);
}

// Strings of a scalar or a sequence of scalars.
std::vector<std::string> strings(const yaml_node* y) {
    std::vector<std::string> out;
    if (y == nullptr) return out;
    if (y->is_scalar()) out.push_back(y->s);
    if (y->is_seq()) {
        for (const yaml_node& e : y->seq) {
            if (e.is_scalar()) out.push_back(e.s);
        }
    }
    return out;
}

bool operator==(const yaml_entry& a, const yaml_entry& b) {
    return a.first == b.first && a.second == b.second;
}
bool operator==(const yaml_node& a, const yaml_node& b) {
    return a.kind == b.kind && a.s == b.s && a.seq == b.seq && a.map == b.map;
}

namespace {

// svdtools update_dict: equal values are kept once, the parent wins for
// scalars, lists are concatenated, maps merged recursively. The child is
// taken apart: what the parent gains is moved, not copied.
void update_dict(yaml_node& parent, yaml_node&& child) {
    key_index index(parent.map);
    for (auto& [k, v] : child.map) {
        if (k == "_path" || k == "_include") continue;
        yaml_node* found = index.find(parent.map, k);
        if (found == nullptr) {
            parent.map.push_back(yaml_entry{std::move(k), std::move(v)});
            index.added(parent.map);
            continue;
        }
        yaml_node& mine = *found;
        if (mine == v) continue;
        if (mine.is_seq()) {
            if (v.is_seq()) {
                mine.seq.insert(mine.seq.end(), std::make_move_iterator(v.seq.begin()),
                                std::make_move_iterator(v.seq.end()));
            } else if (v.is_scalar() &&
                       std::find(mine.seq.begin(), mine.seq.end(), v) == mine.seq.end()) {
                mine.seq.push_back(std::move(v));
            }
        } else if (mine.is_map() && v.is_map()) {
            update_dict(mine, std::move(v));
        }
    }
}

// Reads the files a patch includes. Every file read counts against one node
// budget, and the chain of files being read is kept so that a file that
// includes itself, directly or through others, is an error naming the chain.
class include_loader {
public:
    explicit include_loader(const std::string& root) {
        chain_.push_back(
            {root, file_identity(root).value_or(fs::path(root).lexically_normal().string())});
    }

    yaml_node parse(const std::string& text, const std::string& name) {
        return parse_counted(text, name, nodes_);
    }

    // An included file's tree. Devices include the same files from several
    // places, so each file is read and parsed once; every use is converted
    // and counted against the budget as if it had been read again.
    yaml_node parse_file(const fs::path& path) {
        const std::string name = path.string();
        auto found = files_.find(name);
        if (found == files_.end()) {
            auto file = std::make_unique<parsed_file>(read_text_file(name), name);
            found = files_.emplace(name, std::move(file)).first;
        }
        return converter(nodes_).convert(*found->second->root, name, 0);
    }

    // Merges parent's _include files (and theirs) into parent.
    void includes(yaml_node& parent, const fs::path& dir, const std::string& name) {
        std::vector<std::string> included;
        for (const std::string& rel : strings(parent.get("_include"))) {
            const fs::path path = (dir / rel).lexically_normal();
            if (std::find(included.begin(), included.end(), path.string()) != included.end())
                continue;
            const std::optional<std::string> id = file_identity(path);
            if (!id)
                throw error(error_kind::no_input,
                            fmt::format("{}: _include {}: no such file", name, path.string()));
            enter(path, *id, name);
            yaml_node child = parse_file(path);
            if (child.is_map()) {
                included.push_back(path.string());
                for (auto& [k, v] : child.map) {
                    if (!k.empty() && k[0] != '_' && v.is_map() && v.get("_include") != nullptr)
                        includes(v, path.parent_path(), path.string());
                }
                includes(child, path.parent_path(), path.string());
                update_dict(parent, std::move(child));
            } else if (child.kind != yaml_node::node_kind::null) {
                throw error(error_kind::bad_input, path.string() + ": not a YAML mapping");
            }
            chain_.pop_back();
        }
    }

private:
    // The largest stm32-rs device reads 359 files, its deepest chain is 4.
    static constexpr std::size_t max_include_depth = 64;
    static constexpr std::size_t max_reads = 4096;

    // The same for every path that names the file (links, "..", symbolic
    // links): its device and inode, from one stat() where a canonical path
    // costs a system call for each component. nullopt when there is no file.
    static std::optional<std::string> file_identity(const fs::path& p) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) return std::nullopt;
        return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    }

    void enter(const fs::path& path, const std::string& id, const std::string& name) {
        for (std::size_t i = 0; i < chain_.size(); ++i) {
            if (chain_[i].id != id) continue;
            std::string shown;
            for (std::size_t j = i; j < chain_.size(); ++j) shown += chain_[j].shown + " -> ";
            throw error(error_kind::bad_input,
                        fmt::format("{}: _include cycle: {}{}", name, shown, path.string()));
        }
        if (chain_.size() >= max_include_depth)
            throw error(
                error_kind::bad_input,
                fmt::format("{}: _include nested deeper than {} files", name, max_include_depth));
        if (++reads_ > max_reads)
            throw error(error_kind::bad_input,
                        fmt::format("{}: _include reads more than {} files (the same files over "
                                    "many paths?)",
                                    name, max_reads));
        chain_.push_back({path.string(), id});
    }

    // A file's tree, as the events described it (the text is only needed
    // while they are read).
    struct parsed_file {
        parsed_file(const std::string& text, const std::string& name)
            : reader(text, name), root(reader.root()) {}
        event_reader reader;
        const raw_node* root;
    };

    std::unordered_map<std::string, std::unique_ptr<parsed_file>> files_;
    std::size_t nodes_ = 0, reads_ = 0;
    struct link {
        std::string shown, id;  // as the includer names it; canonical
    };
    std::vector<link> chain_;  // the root patch, then the files being read
};

}  // namespace

yaml_node load_patch(const std::string& text, const std::string& name, const fs::path& dir) {
    include_loader loader(name);
    yaml_node root = loader.parse(text, name);
    if (root.kind == yaml_node::node_kind::null) root.kind = yaml_node::node_kind::map;
    if (!root.is_map())
        throw error(error_kind::bad_input, name + ": a patch must be a YAML mapping");
    for (auto& [k, v] : root.map) {
        if (!k.empty() && k[0] != '_' && v.is_map() && v.get("_include") != nullptr)
            loader.includes(v, dir, name);
    }
    loader.includes(root, dir, name);
    return root;
}

void dump(const yaml_node& y, int indent, std::ostream& o) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (y.is_scalar()) o << pad << y.s << "\n";
    for (const yaml_node& e : y.seq) {
        o << pad << "-\n";
        dump(e, indent + 2, o);
    }
    for (const auto& [k, v] : y.map) {
        o << pad << k << ":\n";
        dump(v, indent + 2, o);
    }
}

}  // namespace rivet::svd::patch
