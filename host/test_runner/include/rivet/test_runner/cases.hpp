// The test cases of a firmware built with firmware/testing: read from its
// ELF (the rivet_tests section, contracts/testing.hpp) without running it,
// and chosen by name as `rivet test --filter/--exact/--include-ignored` asks.
#pragma once

#include <rivet/elf/file.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rivet::test_runner {

struct test_case {
    std::string name{};
    std::uint32_t index = 0;     // what the host hands the firmware at the handshake
    std::uint32_t function = 0;  // the body's address (Thumb bit cleared)
    bool should_fail = false;
    bool ignore = false;
};

// The NUL-terminated text at a target address, or nullopt when the image
// holds none there.
using text_reader = std::function<std::optional<std::string>(std::uint32_t address)>;

// Parses a case table (the section's bytes). Throws bad_input, naming the
// case's index, for a table whose size is not a whole number of cases, a
// name that is not in the image or not an identifier, unknown flags, a
// null function, or a name used twice.
std::vector<test_case> parse_cases(std::span<const std::uint8_t> table, const text_reader& text_at);

// The cases of the firmware, sorted by name. Throws bad_input when it has no
// case table (it was not linked with rivet_testing) or an empty one, and
// for everything parse_cases refuses; messages name the file.
std::vector<test_case> read_cases(const elf::file& firmware);

struct selection {
    std::string filter{};  // empty: every case
    bool exact = false;    // the filter is a whole name, not a part of one
    bool include_ignored = false;
};

enum class choice {
    run,     // run it
    ignore,  // list it as ignored, without running it
    skip,    // the filter does not match: not mentioned
};

[[nodiscard]] choice choose(const test_case& c, const selection& s);

}  // namespace rivet::test_runner
