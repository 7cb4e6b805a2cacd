// A fake serial port wired back to itself: what is written can be read.
// It accepts at most `max_per_call` bytes per write() (real UARTs take what
// fits in their FIFO), so write_all() has to loop; a full buffer accepts
// nothing (write() returns 0) and an empty one reads as end of stream,
// because a blocking wait would never end in a single-threaded test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/serial.hpp"

namespace rivet::hal::fakes {

class serial_loopback {
public:
    using error_type = serial::error_kind;
    static constexpr std::size_t capacity = 64;

    constexpr explicit serial_loopback(std::size_t max_per_call = capacity)
        : max_per_call_(max_per_call) {}

    constexpr result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        if (fail_next_) {
            fail_next_ = false;
            return failure(fail_kind_);
        }
        std::size_t n = 0;
        while (n < bytes.size() && n < max_per_call_ && size_ < capacity) {
            buffer_[(head_ + size_) % capacity] = bytes[n++];
            ++size_;
        }
        ++writes_;
        return n;
    }
    constexpr result<void, error_type> flush() {
        ++flushes_;
        return success;
    }
    constexpr result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (fail_next_) {
            fail_next_ = false;
            return failure(fail_kind_);
        }
        std::size_t n = 0;
        while (n < into.size() && n < max_per_call_ && size_ > 0) {
            into[n++] = buffer_[head_];
            head_ = (head_ + 1) % capacity;
            --size_;
        }
        return n;
    }

    // A byte is waiting, or a failure is armed (read() would return it).
    constexpr result<bool, error_type> read_ready() const { return fail_next_ || size_ > 0; }

    constexpr std::size_t buffered() const { return size_; }
    constexpr std::size_t writes() const { return writes_; }
    constexpr std::size_t flushes() const { return flushes_; }
    constexpr void fail_next(serial::error_kind kind) {
        fail_next_ = true;
        fail_kind_ = kind;
    }

private:
    std::uint8_t buffer_[capacity]{};
    std::size_t head_ = 0;
    std::size_t size_ = 0;
    std::size_t max_per_call_;
    std::size_t writes_ = 0;
    std::size_t flushes_ = 0;
    bool fail_next_ = false;
    serial::error_kind fail_kind_ = serial::error_kind::other;
};

static_assert(serial_read_ready<serial_loopback> && serial_write<serial_loopback>);

}  // namespace rivet::hal::fakes
