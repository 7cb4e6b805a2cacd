// Typed, zero-overhead access to memory-mapped registers. `rivet svd gen`
// emits one value class per register on top of `value`, and register blocks
// whose accessors return `reg<R>` handles; everything inlines to plain
// volatile loads and stores. Freestanding C++20: no heap, exceptions or RTTI.
#pragma once

#include <cstddef>
#include <cstdint>

// Not <concepts> or <type_traits>: every file that includes a device header
// includes this one, and those two cost more compile time than all of a
// device's register blocks' text (the requires-expressions below do their job).

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
concept register_value = requires(void (*take_access)(access),
                                  void (*take_raw)(typename R::raw_type)) {
    take_access(R::access_mode);
    take_raw(R::reset_value);
    take_raw(R::one_to_modify);
    take_raw(R::zero_to_modify);
};

namespace detail {
// The device header declares every register's value class without defining
// it; the definition, with the fields, is in the peripheral's header.
template <typename R>
consteval access access_of() {
    static_assert(
        requires { sizeof(R); },
        "rivet: this register's fields are not declared here: include the peripheral's "
        "header <device>/<block>.hpp (the namespace of the incomplete type named below), "
        "not only the device header");
    return R::access_mode;
}
}  // namespace detail

template <typename R>
inline constexpr bool is_readable = detail::access_of<R>() != access::write_only;
template <typename R>
inline constexpr bool is_writable = detail::access_of<R>() != access::read_only;

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
// concept for every register of a device costs compile time. R may be
// incomplete (only declared, by the device header) until a member is used.
template <typename R>
class reg {
public:
    using value_type = R;

    constexpr explicit reg(std::uintptr_t address) : address_(address) {}
    [[nodiscard]] constexpr std::uintptr_t address() const { return address_; }

    // One volatile load.
    [[nodiscard]] R read() const requires is_readable<R> { return R(load()); }

    // One volatile store of v.
    void write(R v) const requires is_writable<R> { store(v.bits()); }

    // Starts from the reset value (flags that act on write are left
    // untouched), lets f set fields, then one store.
    template <typename F>
    requires is_writable<R> && requires(F& edit, R& out) { edit(out); }
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
        using raw_type = typename R::raw_type;
        const R r(load());
        R w(static_cast<raw_type>((r.bits() & static_cast<raw_type>(~R::one_to_modify)) |
                                  R::zero_to_modify));
        if constexpr (requires(F & edit, const R& seen, R& out) { edit(seen, out); }) {
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
    // Templates, not members naming R::raw_type: those would need R complete
    // wherever the handle is made.
    template <typename V = R>
    [[nodiscard]] auto load() const {
        using raw = typename V::raw_type;
        return static_cast<raw>(recording::load(address_, sizeof(raw)));
    }
    template <typename Raw>
    void store(Raw v) const {
        recording::store(address_, sizeof(Raw), v);
    }
#else
    template <typename V = R>
    [[nodiscard]] auto load() const {
        return *reinterpret_cast<volatile typename V::raw_type*>(address_);  // NOLINT: MMIO
    }
    template <typename Raw>
    void store(Raw v) const {
        *reinterpret_cast<volatile Raw*>(address_) = v;  // NOLINT: MMIO
    }
#endif
    std::uintptr_t address_;
};

// Base of every generated register block: its base address, and the handle
// of the register at an offset from it. A template (the generated
// `basic_block<T>` passes its own parameter) so that the generated accessors,
// `this->template register_at<R>(offset)`, are dependent: including a device
// header then makes no handle type and instantiates nothing per register.
template <typename>
class block_base {
public:
    constexpr explicit block_base(std::uintptr_t base) : base_(base) {}
    [[nodiscard]] constexpr std::uintptr_t base_address() const { return base_; }

protected:
    template <typename R>
    [[nodiscard]] constexpr reg<R> register_at(std::uintptr_t offset) const {
        return reg<R>(base_ + offset);
    }

private:
    std::uintptr_t base_;
};

}  // namespace rivet::registers
