// Naming and type helpers of the C++ register-header emitter: unique
// identifiers per scope, literals, raw types, comments and access modes.
// Internal to host/svd.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>

#include "rivet/svd/model.hpp"

namespace rivet::svd::emit {

// A name without its "[%s]" / "%s" and trailing underscores.
[[nodiscard]] std::string strip_dim(std::string name);

// Picks unique identifiers within one C++ scope.
class name_pool {
public:
    explicit name_pool(std::initializer_list<std::string> reserved = {}) : used_(reserved) {}
    std::string take(std::string want) {
        while (used_.contains(want)) want += '_';
        used_.insert(want);
        return want;
    }
    void reserve(const std::string& n) { used_.insert(n); }

private:
    std::set<std::string> used_;
};

// A hex literal of the right width ("0x1Fu", "0x1Full").
[[nodiscard]] std::string hex(std::uint64_t v, unsigned bits);

// An address offset: plain for small values, ull otherwise.
[[nodiscard]] std::string off(std::uint64_t v);

// The unsigned type (and its width) that holds a register of size bits.
[[nodiscard]] std::string raw_type(std::uint32_t size);
[[nodiscard]] unsigned raw_bits(std::uint32_t size);

// One-line comment text: no newlines, no trailing backslash.
[[nodiscard]] std::string comment(const std::string& s);

// Whether writing ones (zeros) to the field has an effect.
[[nodiscard]] bool ones_mw(svd_modified_write m);
[[nodiscard]] bool zeros_mw(svd_modified_write m);

// ::rivet::registers::access enumerator for an SVD access.
[[nodiscard]] std::string access_name(svd_access a);

}  // namespace rivet::svd::emit
