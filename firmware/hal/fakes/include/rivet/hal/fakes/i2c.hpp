// A fake i2c_bus with one target behind it: a 256-byte register map with an
// auto-incrementing register pointer, the way most sensors and EEPROMs
// behave (the first byte written sets the pointer, later bytes write
// registers, reads return registers). The fake plays the controller too, so
// it writes the wire conditions to a trace: "S 48W 01 02 SR 48R 2 P".
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/fakes/trace.hpp"
#include "rivet/hal/i2c.hpp"

namespace rivet::hal::fakes {

class register_map_i2c {
public:
    using error_type = i2c::error_kind;

    constexpr register_map_i2c(trace& log, i2c::address target) : log_(&log), target_(target) {}

    constexpr std::uint8_t& reg(std::uint8_t index) { return registers_[index]; }
    constexpr std::uint8_t pointer() const { return pointer_; }
    constexpr std::size_t transactions() const { return transactions_; }
    // The next transaction fails with `kind` before its first byte.
    constexpr void fail_next(i2c::error_kind kind) {
        fail_next_ = true;
        fail_kind_ = kind;
    }

    constexpr result<void, error_type> transaction(i2c::address to,
                                                   std::span<i2c::operation> operations) {
        ++transactions_;
        log_->word("S");
        if (fail_next_) {
            fail_next_ = false;
            log_->word("P");
            return failure(fail_kind_);
        }
        bool first = true;
        bool reading = false;
        bool pointer_set = false;
        // An empty list is an address-only write (a probe).
        if (operations.empty() && !address_phase(to, false, true)) return nack();
        for (const i2c::operation& op : operations) {
            const bool is_read = op.what == i2c::operation::type::read;
            if (first || is_read != reading) {
                if (!address_phase(to, is_read, first)) return nack();
                first = false;
                reading = is_read;
                if (!is_read) pointer_set = false;  // a new write phase starts with the pointer
            }
            if (is_read) {
                for (auto& byte : op.in) byte = registers_[pointer_++];
                log_->word_number("", static_cast<std::uint32_t>(op.in.size()));
            } else {
                log_->word_hex("", op.out.data(), op.out.size());
                for (std::uint8_t byte : op.out) {
                    if (!pointer_set) {
                        pointer_ = byte;
                        pointer_set = true;
                    } else {
                        registers_[pointer_++] = byte;
                    }
                }
            }
        }
        log_->word("P");
        return success;
    }

private:
    // START (or repeated START) and the address byte; false when nobody
    // acknowledges it.
    constexpr bool address_phase(i2c::address to, bool read, bool first) {
        if (!first) log_->word("SR");
        const std::uint8_t bits = to.bits();
        log_->word_hex("", &bits, 1);
        log_->append(read ? "R" : "W");
        return to == target_;
    }
    constexpr result<void, error_type> nack() {
        log_->word("NACK P");
        return failure(i2c::error_kind::no_acknowledge_address);
    }

    trace* log_;
    i2c::address target_;
    std::uint8_t registers_[256]{};
    std::uint8_t pointer_ = 0;
    std::size_t transactions_ = 0;
    bool fail_next_ = false;
    i2c::error_kind fail_kind_ = i2c::error_kind::other;
};

static_assert(i2c_bus<register_map_i2c>);

}  // namespace rivet::hal::fakes
