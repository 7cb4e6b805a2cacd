// Fake pins: an output that writes its level changes to a trace (a chip
// select shows up as "cs:0" / "cs:1" beside the bus traffic) and an input
// whose level the test sets. Either can be told to fail its next call.
#pragma once

#include <string_view>

#include "rivet/hal/digital.hpp"
#include "rivet/hal/fakes/trace.hpp"

namespace rivet::hal::fakes {

class recording_pin {
public:
    using error_type = digital::error_kind;

    constexpr recording_pin(trace& log, std::string_view name, bool initial_high = true)
        : log_(&log), name_(name), high_(initial_high) {}

    constexpr result<void, error_type> set_high() { return drive(true); }
    constexpr result<void, error_type> set_low() { return drive(false); }
    constexpr result<bool, error_type> is_set_high() const { return high_; }
    constexpr result<bool, error_type> is_set_low() const { return !high_; }
    constexpr result<void, error_type> toggle() { return drive(!high_); }

    constexpr bool high() const { return high_; }
    constexpr void fail_next_call() { fail_next_ = true; }

private:
    constexpr result<void, error_type> drive(bool high) {
        if (fail_next_) {
            fail_next_ = false;
            return failure(error_type::other);
        }
        high_ = high;
        log_->word(name_);
        log_->append(high ? ":1" : ":0");
        return success;
    }
    trace* log_;
    std::string_view name_;
    bool high_;
    bool fail_next_ = false;
};

class scripted_input_pin {
public:
    using error_type = digital::error_kind;

    constexpr result<bool, error_type> is_high() { return sample(); }
    constexpr result<bool, error_type> is_low() {
        auto level = sample();
        if (!level) return level;
        return !*level;
    }

    constexpr void set_level(bool high) { high_ = high; }
    constexpr void fail_next_call() { fail_next_ = true; }

private:
    constexpr result<bool, error_type> sample() {
        if (fail_next_) {
            fail_next_ = false;
            return failure(error_type::other);
        }
        return high_;
    }
    bool high_ = false;
    bool fail_next_ = false;
};

static_assert(stateful_output_pin<recording_pin>);
static_assert(input_pin<scripted_input_pin>);

}  // namespace rivet::hal::fakes
