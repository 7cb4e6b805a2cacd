// svdtools' name matching for patch keys: fnmatch-style wildcards, comma
// alternatives and the "?~" optional prefix. Internal to host/svd.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::svd::patch {

// fnmatchcase: * ? [seq] [!seq], case-sensitive.
[[nodiscard]] bool glob(std::string_view p, std::string_view s);

// The comma-separated alternatives of a spec, trimmed.
[[nodiscard]] std::vector<std::string> split_commas(std::string_view spec);

// The sub-spec (comma alternative) a name matches, or "".
[[nodiscard]] std::string match_subspec(std::string_view name, std::string_view spec);
[[nodiscard]] bool matchname(std::string_view name, std::string_view spec);

// matchname() for one spec against many names (every register of a scope,
// every field of a register): the spec is split once, and an alternative
// without wildcards is compared as it is. The spec must outlive it.
class spec_matcher {
public:
    explicit spec_matcher(std::string_view spec);
    [[nodiscard]] bool matches(std::string_view name) const;

private:
    struct alternative {
        std::string_view text;
        bool literal;
    };
    std::vector<alternative> alternatives_;
};

// "?~SPEC": optional, no error when nothing matches.
[[nodiscard]] std::pair<std::string, bool> optional_spec(const std::string& spec);

// Left and right extents of the wildcard part of a spec (svdtools
// spec_ind): chars before the first token and after the last one, for the
// first comma alternative.
[[nodiscard]] std::pair<std::size_t, std::size_t> spec_ind(std::string_view spec_all);

}  // namespace rivet::svd::patch
