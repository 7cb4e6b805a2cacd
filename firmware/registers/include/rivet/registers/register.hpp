// Typed, zero-overhead access to memory-mapped registers. `rivet svd gen`
// emits one value class per register on top of `value`, and register blocks
// whose accessors return `reg<R>` handles; everything inlines to plain
// volatile loads and stores. Freestanding C++20: no heap, exceptions or RTTI.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace rivet::registers {

enum class access : unsigned char { read_only, write_only, read_write };

namespace detail {
// Not constexpr on purpose: calling it in a consteval context is the
// compile error that names the mistake.
inline void field_value_out_of_range() {}
}  // namespace detail

// An integer field value checked at compile time: it must fit Width bits and
// lie in [Min, Max] (the SVD writeConstraint range). Built only from constant
// expressions; pass run-time values through the field's `_bits` setter.
template <unsigned Width, unsigned long long Min = 0, unsigned long long Max = ~0ull>
struct checked {
    unsigned long long value;
    // NOLINTNEXTLINE(google-explicit-constructor): literals convert implicitly.
    consteval checked(unsigned long long v) : value(v) {
        if ((Width < 64 && (v >> Width) != 0) || v < Min || v > Max) {
            detail::field_value_out_of_range();
        }
    }
};

// Base of every generated register value class (CRTP). Holds the raw bits;
// derived classes add typed field accessors that return *this for chaining.
template <typename Derived, typename Raw>
class value {
public:
    using raw_type = Raw;

    constexpr value() = default;
    constexpr explicit value(Raw bits) : bits_(bits) {}

    [[nodiscard]] constexpr Raw bits() const { return bits_; }
    constexpr Derived& set_bits(Raw bits) {
        bits_ = bits;
        return static_cast<Derived&>(*this);
    }

protected:
    [[nodiscard]] constexpr Raw get_field(unsigned lsb, Raw mask) const {
        return static_cast<Raw>((bits_ >> lsb) & mask);
    }
    constexpr Derived& set_field(unsigned lsb, Raw mask, Raw v) {
        bits_ = static_cast<Raw>((bits_ & static_cast<Raw>(~static_cast<Raw>(mask << lsb))) |
                                 static_cast<Raw>((v & mask) << lsb));
        return static_cast<Derived&>(*this);
    }

private:
    Raw bits_{};
};

// Values of the same register compare by their bits. A free template, not a
// hidden friend: a friend is instantiated with every register's class, which
// costs ~10% of the compile time of a whole-device header.
template <typename D, typename Raw>
[[nodiscard]] constexpr bool operator==(const value<D, Raw>& a, const value<D, Raw>& b) {
    return a.bits() == b.bits();
}

template <typename R>
concept register_value = requires {
    typename R::raw_type;
    { R::access_mode } -> std::convertible_to<access>;
    { R::reset_value } -> std::convertible_to<typename R::raw_type>;
    { R::one_to_modify } -> std::convertible_to<typename R::raw_type>;
    { R::zero_to_modify } -> std::convertible_to<typename R::raw_type>;
};

template <typename R>
inline constexpr bool is_readable = R::access_mode != access::write_only;
template <typename R>
inline constexpr bool is_writable = R::access_mode != access::read_only;

#if defined(RIVET_REGISTERS_RECORDING)
// The register-recording seam: compiled with RIVET_REGISTERS_RECORDING (a
// host build of a HAL under test), every access goes to these two functions,
// which the test defines, instead of to memory. A HAL's register sequences
// can then be checked where QEMU only stubs the peripheral.
namespace recording {
std::uint32_t load(std::uintptr_t address, unsigned width_bytes);
void store(std::uintptr_t address, unsigned width_bytes, std::uint32_t value);
}  // namespace recording

#endif
// A handle to one register at a fixed address. Cheap to copy; all members
// inline to a single volatile access each. R is a generated value class
// (register_value); the class is not constrained on purpose: checking the
// concept for every register of a device costs compile time.
template <typename R>
class reg {
public:
    using value_type = R;
    using raw_type = typename R::raw_type;

    constexpr explicit reg(std::uintptr_t address) : address_(address) {}
    [[nodiscard]] constexpr std::uintptr_t address() const { return address_; }

    // One volatile load.
    [[nodiscard]] R read() const requires is_readable<R> { return R(load()); }

    // One volatile store of v.
    void write(R v) const requires is_writable<R> { store(v.bits()); }

    // Starts from the reset value (flags that act on write are left
    // untouched), lets f set fields, then one store.
    template <typename F>
    requires is_writable<R> && std::invocable<F&, R&>
    void write(F&& f) const {
        R v{};
        f(v);
        store(v.bits());
    }

    // One load, f edits, one store. Write-1-to-clear (and similar) flags read
    // as 1 are written back as 0, so modify never clears a flag by accident;
    // set such a flag in f to act on it. f may also take (const R& read, R& w).
    template <typename F>
    requires is_readable<R> && is_writable<R>
    void modify(F&& f) const {
        const R r(load());
        R w(static_cast<raw_type>((r.bits() & static_cast<raw_type>(~R::one_to_modify)) |
                                  R::zero_to_modify));
        if constexpr (std::invocable<F&, const R&, R&>) {
            f(r, w);
        } else {
            f(w);
        }
        store(w.bits());
    }

    // Writes the reset value.
    void reset() const requires is_writable<R> { store(R{}.bits()); }

private:
#if defined(RIVET_REGISTERS_RECORDING)
    [[nodiscard]] raw_type load() const {
        return static_cast<raw_type>(recording::load(address_, sizeof(raw_type)));
    }
    void store(raw_type v) const {
        recording::store(address_, sizeof(raw_type), v);
    }
#else
    [[nodiscard]] raw_type load() const {
        return *reinterpret_cast<volatile raw_type*>(address_);  // NOLINT: MMIO
    }
    void store(raw_type v) const {
        *reinterpret_cast<volatile raw_type*>(address_) = v;  // NOLINT: MMIO
    }
#endif
    std::uintptr_t address_;
};

}  // namespace rivet::registers
