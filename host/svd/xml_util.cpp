// XML reading helpers: SVD numbers, element lookup and the checked typed
// reads of node_reader.
#include "xml_util.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace rivet::svd {

bool parse_svd_integer(std::string_view t, std::uint64_t& out) {
    t = trimmed_view(t);
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

file_reader::file_reader(const std::string& path)
    : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) {
        throw error(error_kind::no_input, path + ": cannot open: " + std::strerror(errno));
    }
}

file_reader::~file_reader() {
    ::close(fd_);
}

std::optional<std::size_t> file_reader::regular_size() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return static_cast<std::size_t>(st.st_size);
}

std::size_t file_reader::read(char* into, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::read(fd_, into + got, n - got);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            throw error(error_kind::no_input, path_ + ": cannot read: " + std::strerror(errno));
        }
        got += static_cast<std::size_t>(r);
    }
    return got;
}

std::string read_text_file(const std::string& path) {
    file_reader file(path);
    std::string text;
    if (const std::optional<std::size_t> size = file.regular_size()) {
        text.resize(*size);
        text.resize(file.read(text.data(), *size));
        return text;
    }
    std::array<char, 64 * 1024> chunk{};
    while (const std::size_t n = file.read(chunk.data(), chunk.size()))
        text.append(chunk.data(), n);
    return text;
}

file_bytes read_file_bytes(const std::string& path) {
    file_reader file(path);
    file_bytes bytes;
    if (const std::optional<std::size_t> size = file.regular_size()) {
        bytes.data.reset(new char[*size]);
        bytes.size = file.read(bytes.data.get(), *size);
        return bytes;
    }
    const std::string text = read_text_file(path);
    bytes.data.reset(new char[text.size()]);
    bytes.size = text.size();
    std::memcpy(bytes.data.get(), text.data(), text.size());
    return bytes;
}

bool is_element(const pugi::xml_node& n, const char* tag) {
    return n.type() == pugi::node_element && std::strcmp(n.name(), tag) == 0;
}

pugi::xml_node find_named(const pugi::xml_node& parent, std::string_view name,
                          std::initializer_list<const char*> tags, std::size_t* looked) {
    for (pugi::xml_node c : parent.children()) {
        if (looked != nullptr) ++*looked;
        if (c.type() != pugi::node_element) continue;
        bool tag_ok = false;
        for (const char* t : tags) tag_ok = tag_ok || std::strcmp(c.name(), t) == 0;
        if (tag_ok && text_view_of(c, "name") == name) return c;
    }
    return {};
}

void fail_at(const svd_document& doc, const pugi::xml_node& n, const std::string& msg) {
    throw error(error_kind::bad_input, doc.where(n) + ": " + msg);
}

std::string node_reader::required(const pugi::xml_node& n, const char* tag) const {
    const pugi::xml_node c = n.child(tag);
    if (!c) fail(n, std::string("<") + n.name() + "> without <" + tag + ">");
    return trimmed(c.text().get());
}

std::optional<std::uint64_t> node_reader::opt_int(const pugi::xml_node& n, const char* tag) const {
    const pugi::xml_node c = n.child(tag);
    if (!c) return std::nullopt;
    std::uint64_t v = 0;
    if (!parse_svd_integer(c.text().get(), v)) {
        fail(c, std::string("<") + tag + "> is not a number: '" + c.text().get() + "'");
    }
    return v;
}

std::uint64_t node_reader::req_int(const pugi::xml_node& n, const char* tag) const {
    auto v = opt_int(n, tag);
    if (!v) fail(n, std::string("<") + n.name() + "> without <" + tag + ">");
    return *v;
}

bool node_reader::opt_bool(const pugi::xml_node& n, const char* tag, bool dflt) const {
    const pugi::xml_node c = n.child(tag);
    if (!c) return dflt;
    const std::string t = trimmed(c.text().get());
    if (t == "true" || t == "1") return true;
    if (t == "false" || t == "0") return false;
    fail(c, std::string("<") + tag + "> is not a boolean: '" + t + "'");
}

namespace {

// pugixml's own traversal keeps the depth and walks its node structs
// directly, without a library call per step; only nodes at the limit are
// looked at further.
class depth_limit_walker : public pugi::xml_tree_walker {
public:
    pugi::xml_node found;

    bool for_each(pugi::xml_node& n) override {
        if (depth() < max_element_depth || n.type() != pugi::node_element) return true;
        found = n;
        return false;
    }
};

}  // namespace

pugi::xml_node too_deep(const pugi::xml_node& root) {
    depth_limit_walker walker;
    // traverse() is not const in pugixml; it changes nothing.
    pugi::xml_node(root).traverse(walker);
    return walker.found;
}

}  // namespace rivet::svd
