// Small pugixml helpers shared by the SVD parser, patcher and checker.
#pragma once

#include <pugixml.hpp>

#include <cctype>
#include <string>
#include <string_view>

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

}  // namespace rivet::svd
