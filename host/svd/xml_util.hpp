// XML reading helpers shared by the SVD parser, the derivedFrom resolver and
// the patcher: whole-file reading, element text, element lookup and the
// checked typed reads that report file:line. Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
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

// A file opened for reading with plain system calls: a patch reads a few
// hundred small YAML files and a stream costs several calls more for each.
class file_reader {
public:
    // error(no_input) "path: cannot open: <reason>" when it cannot be.
    explicit file_reader(const std::string& path);
    ~file_reader();
    file_reader(const file_reader&) = delete;
    file_reader& operator=(const file_reader&) = delete;

    // The size of a regular file; nullopt for pipes and the like.
    [[nodiscard]] std::optional<std::size_t> regular_size() const;
    // Up to n bytes, fewer only at the end of the file; error(no_input)
    // "path: cannot read: <reason>".
    std::size_t read(char* into, std::size_t n);

private:
    std::string path_;
    int fd_;
};

// The whole file; error(no_input) as file_reader when unreadable.
[[nodiscard]] std::string read_text_file(const std::string& path);

// The same in memory that is not zero-filled before the file is read into
// it, for megabytes kept as they are read (the SVD a _copy reads from).
struct file_bytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    [[nodiscard]] std::string_view view() const { return {data.get(), size}; }
};
[[nodiscard]] file_bytes read_file_bytes(const std::string& path);

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
