// SVD arrays (dim): name substitution and the unrolling of peripheral and
// field arrays into instances, shared by the model builder and the
// emitters. Internal to host/svd.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rivet/svd/model.hpp"

namespace rivet::svd {

// The largest dim (and dimIndex range) read or unrolled: more elements than
// any device has, few enough that unrolling one array cannot run away.
inline constexpr std::uint32_t max_dim = 65536;

// The name with "[%s]" (first) or "%s" replaced by index.
[[nodiscard]] std::string substitute(const std::string& name, const std::string& index);

// An array indexed 0..dim-1 in order (so that it can be indexed by number).
[[nodiscard]] bool contiguous_index(const svd_dim& d);

// Appends the peripheral, or for a peripheral array one instance per
// element (named by dimIndex, at base + increment * i).
void append_peripheral_instances(svd_peripheral per, std::vector<svd_peripheral>& out);

// Appends the field, or for a field array one field per element (lsb +
// increment * i), each remembering its array.
void append_field_instances(svd_field fld, std::vector<svd_field>& out);

}  // namespace rivet::svd
