// XML reading helpers shared by the SVD parser, the derivedFrom resolver and
// the patcher: whole-file reading, element text, element lookup and the
// checked typed reads that report file:line. Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <rivet/support/error.hpp>

#include "rivet/svd/parser.hpp"

namespace rivet::svd {

// std::isspace in the C locale (which rivet never changes), inline: names
// are trimmed for every element a patch command looks at.
[[nodiscard]] constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[nodiscard]] inline std::string_view trimmed_view(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

[[nodiscard]] inline std::string trimmed(std::string_view s) {
    return std::string(trimmed_view(s));
}

// Trimmed text of the first child element `tag`, "" when absent.
[[nodiscard]] inline std::string text_of(const pugi::xml_node& n, const char* tag) {
    return trimmed(n.child(tag).text().get());
}

// The same without a copy, for comparisons (valid while the node is unchanged).
[[nodiscard]] inline std::string_view text_view_of(const pugi::xml_node& n, const char* tag) {
    return trimmed_view(n.child(tag).text().get());
}

// The file opened for binary reading; error(no_input) "path: cannot open:
// <reason>" when it cannot be.
[[nodiscard]] inline std::ifstream open_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int saved_errno = errno;
        throw error(
            error_kind::no_input,
            path + ": cannot open: " + std::strerror(saved_errno != 0 ? saved_errno : ENOENT));
    }
    return in;
}

// The whole file; error(no_input) as open_text_file when unreadable.
[[nodiscard]] inline std::string read_text_file(const std::string& path) {
    std::ifstream in = open_text_file(path);
    // One read of the whole size: SVDs are megabytes, a stream copy costs.
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size < 0 || !in) {  // not seekable: read it as a stream
        in.clear();
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

// An element with that tag (false for text and other nodes).
[[nodiscard]] bool is_element(const pugi::xml_node& n, const char* tag);

// The first child element with one of the tags whose <name> is name; adds
// the number of children looked at to *looked when given.
[[nodiscard]] pugi::xml_node find_named(const pugi::xml_node& parent, std::string_view name,
                                        std::initializer_list<const char*> tags,
                                        std::size_t* looked = nullptr);

// Elements nested deeper than any SVD needs (device, peripheral, clusters,
// register, field, enumeratedValue: about a dozen levels) are rejected, so
// that nothing that recurses over the tree can exhaust the stack.
inline constexpr int max_element_depth = 100;

// The first element nested deeper than max_element_depth, found without
// recursion; an empty node when there is none.
[[nodiscard]] pugi::xml_node too_deep(const pugi::xml_node& root);

// Throws error(bad_input) "file:line: msg" for the node.
[[noreturn]] void fail_at(const svd_document& doc, const pugi::xml_node& n, const std::string& msg);

// Typed reads of child elements; a missing required element or a malformed
// value is an error naming the file and line.
class node_reader {
public:
    explicit node_reader(const svd_document& doc) : doc_(doc) {}

protected:
    [[noreturn]] void fail(const pugi::xml_node& n, const std::string& msg) const {
        fail_at(doc_, n, msg);
    }
    [[nodiscard]] std::string required(const pugi::xml_node& n, const char* tag) const;
    [[nodiscard]] std::optional<std::uint64_t> opt_int(const pugi::xml_node& n,
                                                       const char* tag) const;
    [[nodiscard]] std::uint64_t req_int(const pugi::xml_node& n, const char* tag) const;
    [[nodiscard]] bool opt_bool(const pugi::xml_node& n, const char* tag, bool dflt) const;

    const svd_document& doc_;
};

}  // namespace rivet::svd
