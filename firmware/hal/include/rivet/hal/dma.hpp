// Memory a DMA controller moves, with one owner at a time (the embedded-dma
// idea in C++): storage of static duration, reached only through the one
// handle take<>() gives, and lent whole to a transfer.
//
//   rivet::hal::dma::buffer<std::uint32_t, 256> samples;   // namespace scope or `static`
//   auto data = rivet::hal::dma::take<samples>();           // the only way in
//   data[0] = 1;
//   co_await channel.transfer(rivet::hal::dma::copy(data, other));
//
// What the types guarantee, and how:
//  * A buffer cannot go out of scope while a transfer uses it: take<b>()
//    takes b as a template argument, which only an object of static storage
//    duration can be ("the address of 'b' is not a valid template argument
//    because it does not have static storage duration"), and a transfer
//    takes nothing but these handles and parts of them (a local array, a
//    pointer or a span is a compile error naming the rule).
//  * One owner: a handle cannot be copied; take<b>() a second time traps.
//    A handle moved away traps when used.
//  * A transfer describes what it moves with handles it borrows (copy(),
//    to_register(), from_register()); it lends them to the DMA only while
//    the task that started it is suspended on it (or the blocking call that
//    started it runs), and takes them back before the task resumes. So no
//    code of the owner runs while the DMA reads or writes its buffers, and
//    ending the transfer early (destroying the suspended task) stops the
//    channel first. The chip driver says which transfers it can do
//    (rivet/cmsdk/dma.hpp: the PL081).
//  * A destination is writable and the elements are plain data of a width
//    the DMA moves (1, 2 or 4 bytes): both compile errors otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>

namespace rivet::hal::dma {

// What a DMA moves: plain data, one, two or four bytes wide.
template <class T>
concept element = std::is_trivially_copyable_v<T> && !std::is_const_v<T> &&
                  (sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4);

template <element T, std::size_t N>
class owned;

// DMA-able storage: give it static storage duration. Its elements are only
// reached through take<>().
template <element T, std::size_t N>
class buffer {
    static_assert(N >= 1, "a DMA buffer holds at least one element");

public:
    using value_type = T;
    static constexpr std::size_t extent = N;

    constexpr buffer() noexcept = default;
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;

private:
    template <auto& Buffer>
    friend auto take() noexcept;

    alignas(4) T data_[N]{};
    bool taken_ = false;
};

// A contiguous stretch of an owned buffer, [Offset, Offset + Count), for one
// item of a transfer (a scatter-gather list moves several). It lends no
// access to the elements.
template <element T, std::size_t Count>
class part {
public:
    using value_type = T;
    static constexpr std::size_t extent = Count;
    [[nodiscard]] std::uintptr_t address() const noexcept {
        return reinterpret_cast<std::uintptr_t>(data_);
    }

private:
    template <element, std::size_t>
    friend class owned;
    explicit part(T* data) noexcept : data_(data) {}
    T* data_;
};

// The one handle of a buffer: the elements, and what a transfer borrows.
template <element T, std::size_t N>
class owned {
public:
    using value_type = T;
    static constexpr std::size_t extent = N;

    owned(owned&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}
    owned& operator=(owned&& other) noexcept {
        data_ = std::exchange(other.data_, nullptr);
        return *this;
    }
    owned(const owned&) = delete;  // a buffer has one owner
    owned& operator=(const owned&) = delete;

    [[nodiscard]] std::span<T, N> span() noexcept { return std::span<T, N>(checked(), N); }
    [[nodiscard]] std::span<const T, N> span() const noexcept {
        return std::span<const T, N>(checked(), N);
    }
    T& operator[](std::size_t i) noexcept { return checked()[i]; }
    const T& operator[](std::size_t i) const noexcept { return checked()[i]; }
    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
    [[nodiscard]] std::uintptr_t address() const noexcept {
        return reinterpret_cast<std::uintptr_t>(checked());
    }

    // Elements [Offset, Offset + Count) for one item of a transfer.
    template <std::size_t Offset, std::size_t Count>
    [[nodiscard]] dma::part<T, Count> part() & noexcept {
        static_assert(Count >= 1 && Offset + Count <= N, "a part must lie inside its buffer");
        return dma::part<T, Count>(checked() + Offset);
    }

private:
    template <auto& Buffer>
    friend auto take() noexcept;
    explicit owned(T* data) noexcept : data_(data) {}

    T* checked() const noexcept {
        if (data_ == nullptr) __builtin_trap();  // used after it was moved away
        return data_;
    }
    T* data_;
};

// The handle of a buffer of static storage duration, once.
template <auto& Buffer>
[[nodiscard]] auto take() noexcept {
    using storage = std::remove_cvref_t<decltype(Buffer)>;
    using T = typename storage::value_type;
    if (std::exchange(Buffer.taken_, true)) __builtin_trap();  // taken twice
    return owned<T, storage::extent>(Buffer.data_);
}

// A peripheral register a transfer reads or writes at a fixed address, one
// element of T at a time (a data register, a FIFO), at the address the DMA
// controller sees it. A chip driver may define its own with lend() and
// take_back(), which a transfer calls before it starts and once it is done
// (to hand the peripheral to the DMA's view of the bus and back).
template <std::uintptr_t Address, element T>
struct fixed_register {
    using value_type = T;
    static constexpr std::uintptr_t address = Address;
};

namespace detail {
template <class E>
struct memory_traits : std::false_type {};
template <class T, std::size_t N>
struct memory_traits<owned<T, N>> : std::true_type {};
template <class T, std::size_t N>
struct memory_traits<part<T, N>> : std::true_type {};
}  // namespace detail

template <class E>
concept memory = detail::memory_traits<std::remove_cvref_t<E>>::value;
// A register end: its element type and its address as a constant.
template <class E>
concept peripheral = requires {
    typename E::value_type;
    requires element<typename E::value_type>;
    { E::address } -> std::convertible_to<std::uintptr_t>;
};

// One item of a transfer: Count elements of T from source to destination,
// each address stepping by sizeof(T) where it is memory and staying where
// it is a register (Peripheral, void for memory to memory). Made by copy(),
// to_register() and from_register().
template <element T, std::size_t Count, class Peripheral = void>
struct item {
    using value_type = T;
    using peripheral_type = Peripheral;
    static constexpr std::size_t count = Count;
    std::uintptr_t source;
    std::uintptr_t destination;
    bool source_steps;
    bool destination_steps;
};

namespace detail {
template <class Memory>
consteval void check_memory() {
    static_assert(memory<Memory>,
                  "rivet::hal::dma: a transfer moves only handles of rivet::hal::dma::buffer "
                  "(take<b>()) and their parts, whose storage is static and cannot go out of "
                  "scope while the DMA uses it; not a local array, a pointer or a span");
}
template <class Memory>
consteval void check_writable() {
    check_memory<Memory>();
    static_assert(!std::is_const_v<std::remove_reference_t<Memory>>,
                  "a DMA destination must be writable");
}
template <class A, class B>
consteval void check_widths() {
    static_assert(sizeof(typename std::remove_cvref_t<A>::value_type) ==
                      sizeof(typename std::remove_cvref_t<B>::value_type),
                  "a DMA transfer moves elements of one width: the two ends differ");
}
}  // namespace detail

// Memory to memory: the two hold as many elements of one width.
template <class Source, class Destination>
[[nodiscard]] auto copy(Source&& source, Destination&& destination) noexcept {
    detail::check_memory<Source>();
    detail::check_writable<Destination>();
    if constexpr (memory<Source> && memory<Destination>) {
        detail::check_widths<Source, Destination>();
        using S = std::remove_cvref_t<Source>;
        using D = std::remove_cvref_t<Destination>;
        static_assert(S::extent == D::extent,
                      "a DMA copy needs as many elements at the destination as at the source");
        return item<typename D::value_type, S::extent>{source.address(), destination.address(),
                                                       true, true};
    }
}

// Memory to a peripheral register: every element of source, in order.
template <class Register, class Source>
[[nodiscard]] auto to_register(Source&& source) noexcept {
    static_assert(peripheral<Register>, "to_register<rivet::hal::dma::fixed_register<...>>(...)");
    detail::check_memory<Source>();
    if constexpr (memory<Source>) {
        detail::check_widths<Source, Register>();
        using S = std::remove_cvref_t<Source>;
        return item<typename S::value_type, S::extent, Register>{source.address(),
                                                                 Register::address, true, false};
    }
}

// A peripheral register into memory: as many elements as destination holds.
template <class Register, class Destination>
[[nodiscard]] auto from_register(Destination&& destination) noexcept {
    static_assert(peripheral<Register>, "from_register<rivet::hal::dma::fixed_register<...>>(...)");
    detail::check_writable<Destination>();
    if constexpr (memory<Destination>) {
        detail::check_widths<Register, Destination>();
        using D = std::remove_cvref_t<Destination>;
        return item<typename D::value_type, D::extent, Register>{
            Register::address, destination.address(), false, true};
    }
}

}  // namespace rivet::hal::dma
