// The log metadata of a firmware ELF: the call sites, interned strings and
// enum names its .rivet.log section holds, by index (the entry's address).
#pragma once

#include <rivet/contracts/log_wire.hpp>
#include <rivet/elf/file.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rivet::log {

using contracts::log::level;

struct call_site {
    level severity = level::info;
    std::string file;
    std::uint32_t line = 0;
    std::string format;
    std::string signature;   // one code per argument (contracts::log::sig)
    bool timestamp = false;  // its frames carry a timestamp after the index
};

struct enum_names {
    std::string type;
    std::map<std::int64_t, std::string> names;
};

class metadata {
public:
    // Throws rivet::error(bad_input) naming `source` when the section is
    // malformed or of another wire version.
    static metadata parse(std::span<const std::uint8_t> section, const std::string& source);
    // Throws bad_input when the ELF has no log metadata.
    static metadata from_elf(const elf::file& firmware);

    [[nodiscard]] const call_site* find_call_site(std::uint32_t index) const;
    [[nodiscard]] const std::string* find_string(std::uint32_t index) const;
    [[nodiscard]] const enum_names* find_enum(std::uint32_t index) const;
    [[nodiscard]] std::size_t call_site_count() const { return call_sites_.size(); }
    // Timestamp ticks per second, when the firmware said (RIVET_LOG_TIMESTAMP_HZ).
    [[nodiscard]] std::optional<std::uint32_t> timestamp_hz() const { return timestamp_hz_; }
    // Every format string and interned string, for tests that look for them.
    [[nodiscard]] std::vector<std::string> strings() const;

private:
    std::map<std::uint32_t, call_site> call_sites_;
    std::map<std::uint32_t, std::string> strings_;
    std::map<std::uint32_t, enum_names> enums_;
    std::optional<std::uint32_t> timestamp_hz_;
};

// Short lower-case names: trace debug info warn error println panic.
const char* level_name(level severity);
std::optional<level> parse_level(std::string_view name);

}  // namespace rivet::log
