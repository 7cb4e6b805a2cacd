// A fake spi_bus that writes every call to a trace ("w:9f", "r:3",
// "t:0102/2", "x:aabb", "flush") and answers reads from a scripted MISO
// stream (0xff once the script runs out, like a floating line). It can be
// told to fail its n-th call, to test that devices still release chip select.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/delay.hpp"
#include "rivet/hal/fakes/trace.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::hal::fakes {

class recording_spi_bus {
public:
    using error_type = spi::error_kind;

    constexpr explicit recording_spi_bus(trace& log) : log_(&log) {}

    // Bytes the "device" sends back, in order, across all calls.
    constexpr void script_miso(std::span<const std::uint8_t> bytes) {
        miso_ = bytes;
        miso_next_ = 0;
    }
    // The call number `n` (counting from 1, across all methods) fails.
    constexpr void fail_call(std::size_t n, spi::error_kind kind) {
        fail_at_ = n;
        fail_kind_ = kind;
    }
    constexpr std::size_t calls() const { return calls_; }

    constexpr result<void, error_type> read(std::span<std::uint8_t> into) {
        if (failing()) return failure(fail_kind_);
        for (auto& byte : into) byte = next_miso();
        log_->word_number("r:", static_cast<std::uint32_t>(into.size()));
        return success;
    }
    constexpr result<void, error_type> write(std::span<const std::uint8_t> bytes) {
        if (failing()) return failure(fail_kind_);
        for (std::size_t i = 0; i < bytes.size(); ++i) next_miso();  // clocked in, discarded
        log_->word_hex("w:", bytes.data(), bytes.size());
        return success;
    }
    constexpr result<void, error_type> transfer(std::span<std::uint8_t> into,
                                                std::span<const std::uint8_t> bytes) {
        if (failing()) return failure(fail_kind_);
        const std::size_t words = into.size() > bytes.size() ? into.size() : bytes.size();
        for (std::size_t i = 0; i < words; ++i) {
            const std::uint8_t in = next_miso();
            if (i < into.size()) into[i] = in;
        }
        log_->word_hex("t:", bytes.data(), bytes.size());
        log_->append("/");
        log_->append_number(static_cast<std::uint32_t>(into.size()));
        return success;
    }
    constexpr result<void, error_type> transfer_in_place(std::span<std::uint8_t> buffer) {
        if (failing()) return failure(fail_kind_);
        log_->word_hex("x:", buffer.data(), buffer.size());
        for (auto& byte : buffer) byte = next_miso();
        return success;
    }
    constexpr result<void, error_type> flush() {
        if (failing()) return failure(fail_kind_);
        log_->word("flush");
        return success;
    }

private:
    constexpr bool failing() { return ++calls_ == fail_at_; }
    constexpr std::uint8_t next_miso() {
        return miso_next_ < miso_.size() ? miso_[miso_next_++] : std::uint8_t{0xff};
    }

    trace* log_;
    std::span<const std::uint8_t> miso_;
    std::size_t miso_next_ = 0;
    std::size_t calls_ = 0;
    std::size_t fail_at_ = 0;
    spi::error_kind fail_kind_ = spi::error_kind::other;
};

static_assert(spi_bus<recording_spi_bus>);

// A delay that only records how long it was asked to wait.
class recording_delay {
public:
    constexpr explicit recording_delay(trace& log) : log_(&log) {}
    constexpr void delay_ns(std::uint32_t ns) {
        total_ns_ += ns;
        log_->word_number("delay:", ns);
    }
    constexpr std::uint64_t total_ns() const { return total_ns_; }

private:
    trace* log_;
    std::uint64_t total_ns_ = 0;
};

static_assert(delay<recording_delay>);

}  // namespace rivet::hal::fakes
