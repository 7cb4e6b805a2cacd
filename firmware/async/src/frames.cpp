#include "rivet/async/frames.hpp"

#include <cstddef>

#include "rivet/contracts/frames.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/log/log.hpp"

namespace contract = rivet::contracts::frames;
using rivet::async::detail::pool_record;

static_assert(offsetof(pool_record, next) == contract::record_next_offset);
static_assert(offsetof(pool_record, name) == contract::record_name_offset);
static_assert(offsetof(pool_record, frame_bytes) == contract::record_frame_offset);
static_assert(offsetof(pool_record, capacity) == contract::record_capacity_offset);
static_assert(offsetof(pool_record, largest) == contract::record_largest_offset);
static_assert(offsetof(pool_record, in_use) == contract::record_in_use_offset);
static_assert(offsetof(pool_record, peak) == contract::record_peak_offset);
static_assert(sizeof(pool_record) == contract::record_bytes);

// What `rivet run --measure-stack` reads (contracts/frames.hpp). Kept when
// linking with --gc-sections by the `used` attribute and its reference from
// take_frame().
struct frame_table {
    std::uint32_t magic;
    pool_record* first;
};
extern "C" {
[[gnu::used]] constinit frame_table rivet_frame_pools{contract::magic, nullptr};
}

namespace rivet::async::detail {

void* take_frame(pool_record& record, std::uint32_t& used, std::byte* storage,
                 std::size_t bytes) noexcept {
    if (bytes > record.frame_bytes) [[unlikely]] {
        RIVET_PANIC(
            "task '{}': its coroutine frame takes {} bytes, its storage (rivet::frames) "
            "holds {}",
            std::string_view(record.name), static_cast<std::uint32_t>(bytes), record.frame_bytes);
    }
    const cortex_m::critical_section masked;
    if (record.peak == 0) {  // the first frame ever taken: the pool joins the list
        record.next = rivet_frame_pools.first;
        rivet_frame_pools.first = &record;
    }
    if (bytes > record.largest) record.largest = static_cast<std::uint32_t>(bytes);
    for (std::uint32_t i = 0; i < record.capacity; ++i) {
        if ((used & (1u << i)) == 0) {
            used |= 1u << i;
            ++record.in_use;
            if (record.in_use > record.peak) record.peak = record.in_use;
            return storage + i * record.frame_bytes;
        }
    }
    return nullptr;
}

void give_frame(pool_record& record, std::uint32_t& used, std::byte* storage,
                void* frame) noexcept {
    const auto index =
        static_cast<std::uint32_t>((static_cast<std::byte*>(frame) - storage) / record.frame_bytes);
    const cortex_m::critical_section masked;
    used &= ~(1u << index);
    --record.in_use;
}

}  // namespace rivet::async::detail

namespace rivet::async::detail {
void awaited_empty_task() noexcept {
    RIVET_PANIC("awaited a task that got no frame: its rivet::frames pool was full");
}
}  // namespace rivet::async::detail
