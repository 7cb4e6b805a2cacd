// Raw register access for the console drivers, which sit below the
// generated register headers.
#pragma once

#include <cstdint>

namespace rivet::console::detail {

inline volatile std::uint32_t& reg(std::uintptr_t base, std::uintptr_t offset) {
    return *reinterpret_cast<volatile std::uint32_t*>(base + offset);
}

}  // namespace rivet::console::detail
