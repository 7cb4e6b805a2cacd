// The CMSIS-SVD 1.3 schema's parent/child rules, shared by `rivet svd check`
// (elements in the wrong place) and `rivet svd facts` (which keeps the
// schema's elements but the prose). Internal to host/svd.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string_view>

namespace rivet::svd {

using svd_tags = std::set<std::string_view, std::less<>>;

// The elements each SVD element may contain. An element that is not a key
// here holds text only; vendorExtensions may hold anything.
[[nodiscard]] const std::map<std::string_view, svd_tags, std::less<>>& svd_schema();

}  // namespace rivet::svd
