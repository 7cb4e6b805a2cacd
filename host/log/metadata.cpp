#include <rivet/log/metadata.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cstring>
#include <string_view>

namespace rivet::log {
namespace {

namespace wire = contracts::log;

// The NUL-terminated strings of an entry's text, in order.
std::vector<std::string> split_text(std::span<const std::uint8_t> text) {
    std::vector<std::string> parts;
    std::string current;
    for (auto byte : text) {
        if (byte == 0) {
            parts.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(static_cast<char>(byte));
        }
    }
    if (!current.empty()) parts.push_back(std::move(current));
    return parts;
}

}  // namespace

const char* level_name(level severity) {
    switch (severity) {
        case level::trace:
            return "trace";
        case level::debug:
            return "debug";
        case level::info:
            return "info";
        case level::warn:
            return "warn";
        case level::error:
            return "error";
        case level::println:
            return "println";
        case level::panic:
            return "panic";
    }
    return "unknown";
}

std::optional<level> parse_level(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(level::panic); ++i) {
        if (name == level_name(static_cast<level>(i))) return static_cast<level>(i);
    }
    return std::nullopt;
}

metadata metadata::parse(std::span<const std::uint8_t> section, const std::string& source) {
    auto bad = [&](std::size_t offset, std::string_view what) {
        return error(error_kind::bad_input,
                     fmt::format("{}: log metadata ({}) is corrupt at offset 0x{:x}: {}", source,
                                 wire::metadata_section, offset, what));
    };
    metadata meta;
    std::size_t offset = 0;
    bool versioned = false;
    while (offset + sizeof(wire::entry_header) <= section.size()) {
        wire::entry_header header;
        std::memcpy(&header, section.data() + offset, sizeof header);
        if (header.kind == static_cast<std::uint8_t>(wire::entry_kind::padding) &&
            header.size == 0) {
            offset += 4;
            continue;
        }
        if (header.size < sizeof header || header.size % 4 != 0 ||
            header.size > section.size() - offset) {
            throw bad(offset, fmt::format("entry size {}", header.size));
        }
        auto text =
            split_text(section.subspan(offset + sizeof header, header.size - sizeof header));
        const auto index = static_cast<std::uint32_t>(offset);
        switch (static_cast<wire::entry_kind>(header.kind)) {
            case wire::entry_kind::version:
                if (text.empty() || text[0] != wire::version_magic)
                    throw bad(offset, "no version magic");
                if (header.line != wire::wire_version) {
                    throw error(
                        error_kind::bad_input,
                        fmt::format("{}: the firmware speaks log wire version {}, this rivet "
                                    "decodes version {}; decode it with the rivet it was "
                                    "built with",
                                    source, header.line, wire::wire_version));
                }
                versioned = true;
                break;
            case wire::entry_kind::call_site: {
                if (text.size() < 2) throw bad(offset, "call site without file and format");
                const auto severity = header.level & wire::level_mask;
                if (severity > static_cast<std::uint8_t>(level::panic)) throw bad(offset, "level");
                meta.call_sites_[index] = call_site{static_cast<level>(severity),
                                                    text[0],
                                                    header.line,
                                                    text[1],
                                                    text.size() > 2 ? text[2] : std::string{},
                                                    (header.level & wire::flag_timestamp) != 0};
                break;
            }
            case wire::entry_kind::string:
                meta.strings_[index] = text.empty() ? std::string{} : text[0];
                break;
            case wire::entry_kind::enum_names: {
                if (text.empty()) throw bad(offset, "enum without a type name");
                // Types in an anonymous namespace read better without it.
                std::string type = text[0];
                for (std::string_view anonymous : {"{anonymous}::", "(anonymous namespace)::"}) {
                    for (auto at = type.find(anonymous); at != std::string::npos;
                         at = type.find(anonymous)) {
                        type.erase(at, anonymous.size());
                    }
                }
                enum_names names{type, {}};
                // Pairs until the empty string that ends the list (or the padding).
                for (std::size_t i = 1; i + 1 < text.size() && !text[i].empty(); i += 2) {
                    try {
                        names.names[std::stoll(text[i])] = text[i + 1];
                    } catch (const std::exception&) {
                        throw bad(offset, "enum value");
                    }
                }
                meta.enums_[index] = std::move(names);
                break;
            }
            case wire::entry_kind::timestamp_unit:
                if (header.line == 0) throw bad(offset, "timestamp unit of 0 Hz");
                if (meta.timestamp_hz_) throw bad(offset, "a second timestamp unit");
                meta.timestamp_hz_ = header.line;
                break;
            default:
                throw bad(offset, fmt::format("unknown entry kind {}", header.kind));
        }
        if (!versioned) throw bad(offset, "the first entry is not the version entry");
        offset += header.size;
    }
    if (!versioned) {
        throw error(error_kind::bad_input, fmt::format("{}: the log metadata section {} is empty",
                                                       source, wire::metadata_section));
    }
    return meta;
}

metadata metadata::from_elf(const elf::file& firmware) {
    auto section = firmware.section(wire::metadata_section);
    if (!section) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: no log metadata (no {} section): not built with Rivet's "
                                "logging and linker script",
                                firmware.path().string(), wire::metadata_section));
    }
    return parse(*section, firmware.path().string());
}

const call_site* metadata::find_call_site(std::uint32_t index) const {
    auto it = call_sites_.find(index);
    return it == call_sites_.end() ? nullptr : &it->second;
}

const std::string* metadata::find_string(std::uint32_t index) const {
    auto it = strings_.find(index);
    return it == strings_.end() ? nullptr : &it->second;
}

const enum_names* metadata::find_enum(std::uint32_t index) const {
    auto it = enums_.find(index);
    return it == enums_.end() ? nullptr : &it->second;
}

std::vector<std::string> metadata::strings() const {
    std::vector<std::string> all;
    for (const auto& [index, site] : call_sites_) all.push_back(site.format);
    for (const auto& [index, text] : strings_) all.push_back(text);
    return all;
}

}  // namespace rivet::log
