// The RTT control block, built at run time with its ID written last so a
// host scanning RAM never finds a half-built block.
#include <rivet/log/rtt.hpp>

#include <cstring>

#ifndef RIVET_RTT_LOG_BUFFER_SIZE
#define RIVET_RTT_LOG_BUFFER_SIZE 1024
#endif
#ifndef RIVET_RTT_DOWN_BUFFER_SIZE
#define RIVET_RTT_DOWN_BUFFER_SIZE 16
#endif

namespace {

namespace contract = rivet::contracts::rtt;

using buffer = rivet::log::rtt::ring_buffer;

struct control_block {
    char id[16];
    std::int32_t max_up;
    std::int32_t max_down;
    buffer up[1];
    buffer down[1];
};

static_assert(sizeof(buffer) == sizeof(contract::buffer_descriptor));
static_assert(offsetof(buffer, write_offset) == contract::write_offset_field);
static_assert(offsetof(buffer, read_offset) == contract::read_offset_field);
static_assert(offsetof(buffer, flags) == contract::flags_field);
static_assert(offsetof(control_block, max_up) == contract::max_up_offset);
static_assert(offsetof(control_block, max_down) == contract::max_down_offset);
static_assert(offsetof(control_block, up) == contract::descriptors_offset);

std::uint8_t log_buffer[RIVET_RTT_LOG_BUFFER_SIZE];
std::uint8_t down_buffer[RIVET_RTT_DOWN_BUFFER_SIZE];

void barrier() {
    asm volatile("dmb" ::: "memory");
}

}  // namespace

extern "C" {
// Weak: a firmware that brings its own SEGGER RTT implementation (which
// defines _SEGGER_RTT) keeps it, and must not use the rtt log transport.
[[gnu::used, gnu::weak]] control_block _SEGGER_RTT;
// The log channel's mode until the host changes it; `rivet run` writes
// block_if_full here after loading (docs/log-wire-format.md). A plain const
// in .rodata (a volatile one would land in a writable section, which the
// assembler warns of); it is read through a volatile pointer so the
// compiler never folds the value written here into the code. extern: a
// const has internal linkage even inside an extern "C" block.
[[gnu::used]] extern const std::uint32_t rivet_rtt_log_start_mode =
    static_cast<std::uint32_t>(contract::mode::no_block_skip);
}

namespace rivet::log::rtt {

void init() noexcept {
    auto& cb = _SEGGER_RTT;
    if (cb.id[0] == 'S') return;
    cb.max_up = 1;
    cb.max_down = 1;
    cb.up[0] = {contract::log_channel_name,
                log_buffer,
                sizeof log_buffer,
                0,
                0,
                *static_cast<const volatile std::uint32_t*>(&rivet_rtt_log_start_mode) &
                    contract::mode_mask};
    cb.down[0] = {"rivet-input", down_buffer, sizeof down_buffer, 0, 0, 0};
    // "SEGGER RTT" one character at a time, the first one last: the string
    // never sits whole in RAM before the block is complete.
    static constexpr char id[] = "SEGGER RTT";  // in flash: never whole in RAM
    barrier();
    for (std::size_t i = sizeof id - 1; i > 0; --i) {
        static_cast<volatile char*>(cb.id)[i] = id[i];
    }
    barrier();
    static_cast<volatile char*>(cb.id)[0] = id[0];
    barrier();
}

ring_buffer& log_ring() noexcept {
    return _SEGGER_RTT.up[0];
}

void set_mode(contracts::rtt::mode mode) noexcept {
    init();
    _SEGGER_RTT.up[0].flags =
        (_SEGGER_RTT.up[0].flags & ~contract::mode_mask) | static_cast<std::uint32_t>(mode);
}

bool write(std::span<const std::uint8_t> bytes) noexcept {
    init();
    auto& up = _SEGGER_RTT.up[0];
    const std::uint32_t size = up.size;
    const auto mode = static_cast<contract::mode>(up.flags & contract::mode_mask);
    std::size_t left = bytes.size();
    const std::uint8_t* from = bytes.data();
    bool whole = true;
    for (;;) {
        const std::uint32_t read = up.read_offset;
        std::uint32_t write = up.write_offset;
        const std::uint32_t space = read > write ? read - write - 1 : size - (write - read) - 1;
        if (space < left && mode != contract::mode::block_if_full) {
            if (mode == contract::mode::no_block_skip) return false;
            left = space;  // trim
            whole = false;
        }
        std::size_t chunk = left < space ? left : space;
        while (chunk > 0) {
            const std::size_t run = chunk < size - write ? chunk : size - write;
            std::memcpy(up.data + write, from, run);
            from += run;
            chunk -= run;
            left -= run;
            write += static_cast<std::uint32_t>(run);
            if (write == size) write = 0;
        }
        barrier();
        up.write_offset = write;
        if (left == 0) return whole;
        // block_if_full: wait for the host to read.
    }
}

std::size_t read(std::span<std::uint8_t> out) noexcept {
    init();
    auto& down = _SEGGER_RTT.down[0];
    std::uint32_t read = down.read_offset;
    const std::uint32_t write = down.write_offset;
    std::size_t count = 0;
    while (read != write && count < out.size()) {
        out[count++] = down.data[read];
        if (++read == down.size) read = 0;
    }
    barrier();
    down.read_offset = read;
    return count;
}

}  // namespace rivet::log::rtt
