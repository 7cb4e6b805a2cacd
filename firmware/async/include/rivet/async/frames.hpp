// Static storage for coroutine frames: one pool per task function, named
// in its return type, so no frame ever comes from a heap.
//
//   rivet::task<void, rivet::frames<"blink", 64, 2>> blink(unsigned period);
//
// reserves two 64-byte frames for blink (two instances may run at once).
// The compiler knows a coroutine's frame size only after optimisation,
// so the fit is checked when a frame is taken: a frame larger than its
// storage panics, naming the task and both sizes; a full pool makes the
// call return an empty task (spawn() then returns false).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rivet/contracts/frames.hpp"

namespace rivet::async {

// A task's name as a template argument.
template <std::size_t N>
struct task_name {
    char text[N]{};
    constexpr task_name(const char (&name)[N]) {  // NOLINT: implicit by design
        for (std::size_t i = 0; i < N; ++i) text[i] = name[i];
    }
};

namespace detail {

// One pool's record in the list rivet_frame_pools heads (the layout of
// contracts/frames.hpp, which the static_asserts in frames.cpp check).
struct pool_record {
    pool_record* next;
    const char* name;
    std::uint32_t frame_bytes;
    std::uint32_t capacity;
    std::uint32_t largest;
    std::uint32_t in_use;
    std::uint32_t peak;
};

// Takes a free frame of `storage` (capacity frames of frame_bytes),
// registering the pool on its first use; panics when `bytes` does not fit.
void* take_frame(pool_record& record, std::uint32_t& used, std::byte* storage,
                 std::size_t bytes) noexcept;
void give_frame(pool_record& record, std::uint32_t& used, std::byte* storage, void* frame) noexcept;

// Never defined: a call the optimiser cannot remove fails the build.
[[gnu::error(
    "a coroutine frame is larger than the storage its rivet::frames reserves (the "
    "task, its storage and where it is called are in the 'inlined from' lines above)")]] void
frame_larger_than_its_storage();

}  // namespace detail

// The frame storage of one task function: Count frames of FrameBytes each
// (rounded up to 8), in .bss, plus a 28-byte record and a word of state.
template <task_name Name, std::size_t FrameBytes, std::size_t Count = 1>
struct frames {
    static_assert(Count >= 1 && Count <= 32, "a frame pool holds 1 to 32 frames");
    static_assert(FrameBytes >= 8, "no coroutine frame is smaller than its two pointers");
    static constexpr std::size_t frame_bytes = (FrameBytes + 7) / 8 * 8;
    static constexpr std::size_t capacity = Count;
    static constexpr std::string_view name{Name.text};

    [[gnu::always_inline]] static void* allocate(std::size_t bytes) noexcept {
        // GCC sizes a coroutine frame in its front end: once this is inlined
        // into the coroutine's ramp, `bytes` is a constant and a frame too
        // large is a build error. Unoptimised (-O0) it is not folded, and the
        // run-time check below catches it at the first call.
        if (__builtin_constant_p(bytes > frame_bytes) && bytes > frame_bytes) {
            detail::frame_larger_than_its_storage();
        }
        record.name = Name.text;
        record.frame_bytes = frame_bytes;
        record.capacity = Count;
        return detail::take_frame(record, used, &storage[0][0], bytes);
    }
    static void release(void* frame) noexcept {
        detail::give_frame(record, used, &storage[0][0], frame);
    }

    alignas(8) static inline std::byte storage[Count][frame_bytes];
    static inline detail::pool_record record{};
    static inline std::uint32_t used = 0;  // a bit per frame
};

}  // namespace rivet::async
