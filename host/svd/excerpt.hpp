// An SVD's text cut down to some of its peripherals, so that a patch copying
// one peripheral from another SVD (stm32u575 from the 6 MB stm32u535.svd)
// parses that peripheral and what it derives from, not the whole file.
// Internal to host/svd.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace rivet::svd {

// Where the top-level peripherals lie in an SVD's text.
struct svd_outline {
    struct peripheral {
        std::string name;
        std::size_t begin, end;  // "<peripheral" to after "</peripheral>"
    };
    std::size_t section_begin = 0, section_end = 0;  // inside <peripherals>...</peripherals>
    std::vector<peripheral> peripherals;
    std::unordered_set<std::string> names;
};

// The outline, or nullopt when the text is not laid out simply enough to be
// cut without an XML parser: a comment, CDATA or processing instruction
// among the peripherals, or a peripheral whose <name> is not among its
// leading elements of plain text. Then the whole file is parsed instead.
[[nodiscard]] std::optional<svd_outline> outline_svd(std::string_view text);

// The text with the peripherals named in `keep` and nothing else inside
// <peripherals>, in the file's order.
[[nodiscard]] std::string svd_excerpt(std::string_view text, const svd_outline& outline,
                                      const std::unordered_set<std::string>& keep);

}  // namespace rivet::svd
