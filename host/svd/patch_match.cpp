// svdtools' name matching for patch keys.
#include "patch_match.hpp"

#include <optional>

#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace {

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

}  // namespace

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

namespace {

// The first comma alternative of spec that name matches, trimmed; nullopt
// when none does. No allocation: the patcher matches every name of a scope
// against every key of the patch.
std::optional<std::string_view> matching_alternative(std::string_view name, std::string_view spec) {
    std::size_t start = 0;
    while (true) {
        const auto c = spec.find(',', start);
        const std::string_view sub = trimmed_view(
            spec.substr(start, c == std::string_view::npos ? std::string_view::npos : c - start));
        if (glob(sub, name)) return sub;
        if (c == std::string_view::npos) return std::nullopt;
        start = c + 1;
    }
}

}  // namespace

std::vector<std::string> split_commas(std::string_view spec) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto c = spec.find(',', start);
        out.emplace_back(trimmed_view(
            spec.substr(start, c == std::string_view::npos ? std::string_view::npos : c - start)));
        if (c == std::string_view::npos) break;
        start = c + 1;
    }
    return out;
}

// The sub-spec (comma alternative) a name matches, or "".
std::string match_subspec(std::string_view name, std::string_view spec) {
    const auto sub = matching_alternative(name, spec);
    return sub ? std::string(*sub) : std::string();
}
bool matchname(std::string_view name, std::string_view spec) {
    const auto sub = matching_alternative(name, spec);
    return sub && !sub->empty();
}

spec_matcher::spec_matcher(std::string_view spec) {
    std::size_t start = 0;
    while (true) {
        const auto c = spec.find(',', start);
        const std::string_view sub = trimmed_view(
            spec.substr(start, c == std::string_view::npos ? std::string_view::npos : c - start));
        alternatives_.push_back({sub, sub.find_first_of("*?[") == std::string_view::npos});
        if (c == std::string_view::npos) break;
        start = c + 1;
    }
}

// As matchname: the first alternative that matches decides, and an empty one
// matches nothing.
bool spec_matcher::matches(std::string_view name) const {
    for (const alternative& a : alternatives_) {
        if (a.literal ? a.text == name : glob(a.text, name)) return !a.text.empty();
    }
    return false;
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

}  // namespace rivet::svd::patch
