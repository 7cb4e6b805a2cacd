// A hand-built .rivet.log section for the decoder's tests and fuzz target,
// laid out as the firmware's linker script lays it out.
#pragma once

#include <rivet/contracts/log_wire.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace rivet::log::testing {

class section_builder {
public:
    explicit section_builder(std::uint32_t version = contracts::log::wire_version) {
        add(contracts::log::entry_kind::version, 0, version, {contracts::log::version_magic});
    }

    // Returns the entry's index (its offset).
    std::uint32_t add(contracts::log::entry_kind kind, std::uint8_t level, std::uint32_t line,
                      const std::vector<std::string>& texts) {
        const auto index = static_cast<std::uint32_t>(bytes.size());
        std::string text;
        for (const auto& t : texts) text += t + '\0';
        while (text.size() % 4) text += '\0';
        contracts::log::entry_header header{static_cast<std::uint8_t>(kind), level,
                                            static_cast<std::uint16_t>(8 + text.size()), line};
        bytes.resize(bytes.size() + 8);
        std::memcpy(bytes.data() + index, &header, 8);
        bytes.insert(bytes.end(), text.begin(), text.end());
        return index;
    }
    std::uint32_t call(contracts::log::level level, std::string format, std::string signature,
                       std::uint32_t line = 10, bool timestamp = false) {
        return add(contracts::log::entry_kind::call_site,
                   static_cast<std::uint8_t>(static_cast<std::uint8_t>(level) |
                                             (timestamp ? contracts::log::flag_timestamp : 0)),
                   line, {"main.cpp", format, signature});
    }
    std::uint32_t string(std::string text) {
        return add(contracts::log::entry_kind::string, 0, 0, {text});
    }

    std::vector<std::uint8_t> bytes;
};

// Encodes a frame as the firmware does: COBS, then the delimiter.
inline std::vector<std::uint8_t> cobs_frame(const std::vector<std::uint8_t>& data) {
    std::vector<std::uint8_t> out{0};
    std::size_t code_at = 0;
    std::uint8_t code = 1;
    for (auto b : data) {
        if (b == 0) {
            out[code_at] = code;
            code_at = out.size();
            out.push_back(0);
            code = 1;
        } else {
            out.push_back(b);
            ++code;
        }
    }
    out[code_at] = code;
    out.push_back(0);
    return out;
}

}  // namespace rivet::log::testing
