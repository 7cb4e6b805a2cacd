// SVD arrays: dimIndex expansion, name substitution and the unrolling of
// peripheral and field arrays.
#include "dim.hpp"

#include <cctype>
#include <cstdint>
#include <string_view>

#include "rivet/svd/parser.hpp"

namespace rivet::svd {

std::vector<std::string> expand_dim_index(std::string_view text, std::uint32_t dim, bool& ok) {
    ok = true;
    std::vector<std::string> out;
    std::string s;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    }
    if (s.empty()) {
        for (std::uint32_t i = 0; i < dim; ++i) out.push_back(std::to_string(i));
        return out;
    }
    const auto dash = s.find('-');
    if (s.find(',') == std::string::npos && dash != std::string::npos && dash > 0) {
        const std::string a = s.substr(0, dash), b = s.substr(dash + 1);
        std::uint64_t lo = 0, hi = 0;
        if (parse_svd_integer(a, lo) && parse_svd_integer(b, hi) && lo <= hi && hi - lo < max_dim) {
            for (std::uint64_t i = lo; i <= hi; ++i) out.push_back(std::to_string(i));
        } else if (a.size() == 1 && b.size() == 1 && a[0] <= b[0]) {
            for (char c = a[0]; c <= b[0]; ++c) out.emplace_back(1, c);
        } else {
            ok = false;
        }
    } else {
        std::size_t start = 0;
        while (start <= s.size()) {
            const auto comma = s.find(',', start);
            out.push_back(
                s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    if (out.size() != dim) ok = false;
    return out;
}

std::string substitute(const std::string& name, const std::string& index) {
    std::string out = name;
    auto pos = out.find("[%s]");
    if (pos != std::string::npos) return out.replace(pos, 4, index);
    pos = out.find("%s");
    if (pos != std::string::npos) out.replace(pos, 2, index);
    return out;
}

bool contiguous_index(const svd_dim& d) {
    for (std::uint32_t i = 0; i < d.dim; ++i) {
        if (d.index[i] != std::to_string(i)) return false;
    }
    return true;
}

void append_peripheral_instances(svd_peripheral per, std::vector<svd_peripheral>& out) {
    if (!per.dim.is_array()) {
        out.push_back(std::move(per));
        return;
    }
    // Taken out first, so that each copy does not copy the whole dimIndex.
    const svd_dim dim = std::move(per.dim);
    per.dim = svd_dim{};
    for (std::uint32_t i = 0; i < dim.dim; ++i) {
        svd_peripheral one = per;
        one.name = substitute(per.name, dim.index[i]);
        one.base_address = per.base_address + dim.increment * i;
        out.push_back(std::move(one));
    }
}

void append_field_instances(svd_field fld, std::vector<svd_field>& out) {
    if (!fld.dim.is_array()) {
        out.push_back(std::move(fld));
        return;
    }
    for (std::uint32_t i = 0; i < fld.dim.dim; ++i) {
        svd_field one = fld;
        one.dim = svd_dim{};
        one.name = substitute(fld.name, fld.dim.index[i]);
        one.lsb = static_cast<std::uint32_t>(fld.lsb + fld.dim.increment * i);
        one.array_pattern = fld.name;
        one.array_position = i;
        one.array = fld.dim;
        out.push_back(std::move(one));
    }
}

}  // namespace rivet::svd
