// Small helpers shared by the SVD parser and patcher: whole-file reading and
// pugixml element text. Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <rivet/support/error.hpp>

namespace rivet::svd {

[[nodiscard]] inline std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// Trimmed text of the first child element `tag`, "" when absent.
[[nodiscard]] inline std::string text_of(const pugi::xml_node& n, const char* tag) {
    return trimmed(n.child(tag).text().get());
}

// The whole file; Error(no_input) "path: cannot open" when unreadable.
[[nodiscard]] inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, path + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace rivet::svd
