// Errors as values for the HAL interfaces: a small result<T, E> (C++20 has no
// std::expected) and the rule every interface's error type follows: it maps to
// a small standard kind enum, so generic code can act on "no acknowledge"
// while a chip HAL keeps its own detailed error type.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

namespace rivet::hal {

// The error type of an operation that cannot fail (a GPIO write on most
// chips). No operation ever fails with one; it satisfies every error_for<Kind>.
enum class infallible : unsigned char {};

// E is an acceptable error type for an interface whose standard kinds are the
// enum Kind: the kind enum itself, infallible, or a type whose `kind()`
// member returns Kind.
template <class E, class Kind>
concept error_for = std::is_enum_v<Kind> && std::is_trivially_copyable_v<E> &&
    (std::same_as<E, Kind> || std::same_as<E, infallible> || requires(const E& error) {
        { error.kind() } -> std::same_as<Kind>;
    });

// The standard kind of an error, whichever of the three shapes it has.
template <class Kind, error_for<Kind> E>
constexpr Kind kind_of(const E& error) noexcept {
    if constexpr (std::same_as<E, Kind>) {
        return error;
    } else if constexpr (std::same_as<E, infallible>) {
        return Kind{};  // unreachable: nothing fails with infallible
    } else {
        return error.kind();
    }
}

// The error half of a result, spelled `hal::failure(e)` at a return
// statement; converts to any result<T, E> with a matching E.
template <class E>
struct failure_value {
    E error;
};

template <class E>
constexpr failure_value<E> failure(E error) noexcept {
    return failure_value<E>{error};
}

namespace detail {
// Misusing a result (value() of a failure, error() of a success) is a bug in
// the caller. There are no exceptions, so stop here: a compile error during
// constant evaluation, a trap at run time (a fault the runner reports).
[[noreturn]] inline void result_misused() noexcept {
    __builtin_trap();
}
}  // namespace detail

// Either a T or an E. Both must be trivially copyable: HAL values are bytes,
// counts, booleans and enums, and that keeps result<T, E> a plain value
// in registers, with no destructor to run.
template <class T, class E>
class [[nodiscard]] result {
    static_assert(std::is_trivially_copyable_v<T>,
                  "rivet::hal::result<T, E>: T must be trivially copyable");
    static_assert(std::is_trivially_copyable_v<E>,
                  "rivet::hal::result<T, E>: E must be trivially copyable");

public:
    using value_type = T;
    using error_type = E;

    constexpr result(T value) noexcept : value_(value), ok_(true) {}
    template <class F>
    requires std::convertible_to<F, E>
    constexpr result(failure_value<F> failed) noexcept : error_(failed.error), ok_(false) {}

    constexpr bool has_value() const noexcept { return ok_; }
    constexpr explicit operator bool() const noexcept { return ok_; }

    constexpr const T& value() const noexcept {
        if (!ok_) detail::result_misused();
        return value_;
    }
    constexpr const T& operator*() const noexcept { return value(); }
    constexpr const T* operator->() const noexcept { return &value(); }
    constexpr T value_or(T fallback) const noexcept { return ok_ ? value_ : fallback; }

    constexpr const E& error() const noexcept {
        if (ok_) detail::result_misused();
        return error_;
    }

private:
    union {
        T value_;
        E error_;
    };
    bool ok_;
};

// The result of an operation that only succeeds or fails.
template <class E>
class [[nodiscard]] result<void, E> {
    static_assert(std::is_trivially_copyable_v<E>,
                  "rivet::hal::result<void, E>: E must be trivially copyable");

public:
    using value_type = void;
    using error_type = E;

    constexpr result() noexcept : nothing_{}, ok_(true) {}
    template <class F>
    requires std::convertible_to<F, E>
    constexpr result(failure_value<F> failed) noexcept : error_(failed.error), ok_(false) {}

    constexpr bool has_value() const noexcept { return ok_; }
    constexpr explicit operator bool() const noexcept { return ok_; }
    constexpr void value() const noexcept {
        if (!ok_) detail::result_misused();
    }

    constexpr const E& error() const noexcept {
        if (ok_) detail::result_misused();
        return error_;
    }

private:
    // A union so that E need not be default-constructible.
    union {
        char nothing_;
        E error_;
    };
    bool ok_;
};

// `return hal::success;` in a function returning result<void, E>.
inline constexpr struct success_t {
    template <class E>
    constexpr operator result<void, E>() const noexcept {
        return result<void, E>{};
    }
} success{};

// T is a result<V, E> for some V and this E (used to state interface return
// types in the concepts).
template <class R, class V, class E>
concept result_of = std::same_as<std::remove_cvref_t<R>, result<V, E>>;

// The interfaces all name their error type `error_type`.
template <class T>
using error_type_t = typename std::remove_cvref_t<T>::error_type;

}  // namespace rivet::hal
