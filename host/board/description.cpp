#include <rivet/board/description.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace rivet::board {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(std::string_view source, std::string_view what) {
    throw error(error_kind::bad_input,
                fmt::format("{}: invalid board description: {}", source, what));
}

const json& require(const json& object, const char* key, std::string_view source) {
    auto it = object.find(key);
    if (it == object.end()) fail(source, fmt::format("missing \"{}\"", key));
    return *it;
}

std::string string_field(const json& object, const char* key, std::string_view source) {
    const json& value = require(object, key, source);
    if (!value.is_string()) fail(source, fmt::format(R"("{}" must be a string)", key));
    return value.get<std::string>();
}

// Addresses are written as hex strings ("0x20000000"); plain numbers pass too.
std::uint32_t address_field(const json& object, const char* key, std::string_view source) {
    const json& value = require(object, key, source);
    if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number > 0xffffffffu) fail(source, fmt::format("\"{}\" does not fit in 32 bits", key));
        return static_cast<std::uint32_t>(number);
    }
    if (!value.is_string())
        fail(source, fmt::format("\"{}\" must be a number or a hex string", key));
    const auto text = value.get<std::string>();
    std::size_t used = 0;
    unsigned long long number = 0;
    try {
        number = std::stoull(text, &used, 0);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || number > 0xffffffffu) {
        fail(source, fmt::format("\"{}\": \"{}\" is not a 32-bit number", key, text));
    }
    return static_cast<std::uint32_t>(number);
}

}  // namespace

const memory_region* description::region_for(std::uint32_t address, std::uint32_t size) const {
    auto it = std::find_if(memory.begin(), memory.end(),
                           [&](const memory_region& r) { return r.contains(address, size); });
    return it == memory.end() ? nullptr : &*it;
}

std::uint32_t description::boot_address() const {
    for (const auto& region : memory) {
        if (region.kind == "flash") return region.origin;
    }
    return memory.empty() ? 0 : memory.front().origin;
}

std::string description::describe_memory() const {
    std::string text;
    for (const auto& r : memory) {
        text += fmt::format("{}{} 0x{:08x}-0x{:08x}", text.empty() ? "" : ", ", r.name, r.origin,
                            r.origin + std::uint64_t{r.length} - 1);
    }
    return text;
}

namespace {
constexpr unsigned armv7 = 10, armv6m = 11, armv6sm = 12, armv7em = 13, armv8m_base = 16,
                   armv8m_main = 17, armv81m_main = 21;
}  // namespace

std::optional<core_profile> core_of(std::string_view cpu) {
    if (cpu == "cortex-m0") return core_profile{"Cortex-M0", armv6sm, false};
    if (cpu == "cortex-m0plus") return core_profile{"Cortex-M0+", armv6sm, false};
    if (cpu == "cortex-m3") return core_profile{"Cortex-M3", armv7, false};
    if (cpu == "cortex-m4") return core_profile{"Cortex-M4", armv7em, false};
    if (cpu == "cortex-m4f") return core_profile{"Cortex-M4F", armv7em, true};
    if (cpu == "cortex-m33") return core_profile{"Cortex-M33", armv8m_main, true};
    return std::nullopt;
}

bool runs_on(unsigned code_arch, const core_profile& core) {
    // Each architecture and the ones whose cores execute all of it.
    switch (code_arch) {
        case armv6m:
        case armv6sm:
            return true;
        case armv8m_base:
            return core.arch == armv8m_base || core.arch == armv8m_main ||
                   core.arch == armv81m_main;
        case armv7:
            return core.arch == armv7 || core.arch == armv7em || core.arch == armv8m_main ||
                   core.arch == armv81m_main;
        case armv7em:
        case armv8m_main:
            return core.arch == code_arch || core.arch == armv81m_main ||
                   (code_arch == armv7em && core.arch == armv8m_main);
        default:
            return core.arch == code_arch;
    }
}

description parse(std::string_view json_text, std::string_view source) {
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& e) {
        fail(source, e.what());
    }
    if (!root.is_object()) fail(source, "the top level must be an object");

    description board;
    board.name = string_field(root, "name", source);
    board.summary = root.value("description", "");
    board.cpu = string_field(root, "cpu", source);
    board.clock_hz = address_field(root, "clock_hz", source);
    board.interrupts = address_field(root, "interrupts", source);

    const json& memory = require(root, "memory", source);
    if (!memory.is_array() || memory.empty()) fail(source, R"("memory" must be a non-empty array)");
    for (const json& entry : memory) {
        if (!entry.is_object()) fail(source, "each \"memory\" entry must be an object");
        memory_region region{
            string_field(entry, "name", source), string_field(entry, "kind", source),
            address_field(entry, "origin", source), address_field(entry, "length", source)};
        if (region.kind != "flash" && region.kind != "ram") {
            fail(source,
                 fmt::format("memory \"{}\": kind must be \"flash\" or \"ram\"", region.name));
        }
        if (region.length == 0 || region.origin + std::uint64_t{region.length} > 0x100000000ull) {
            fail(source,
                 fmt::format("memory \"{}\" has an empty or out-of-range extent", region.name));
        }
        board.memory.push_back(std::move(region));
    }

    const json& console = require(root, "console", source);
    if (!console.is_object()) fail(source, "\"console\" must be an object");
    board.console_driver = string_field(console, "driver", source);
    board.console_base = address_field(console, "base", source);

    if (auto qemu = root.find("qemu"); qemu != root.end()) {
        if (!qemu->is_object()) fail(source, "\"qemu\" must be an object");
        board.qemu_machine = string_field(*qemu, "machine", source);
        if (auto ready = qemu->find("console_ready"); ready != qemu->end()) {
            if (!ready->is_object()) fail(source, R"("qemu.console_ready" must be an object)");
            board.qemu_console_ready = register_condition{address_field(*ready, "address", source),
                                                          address_field(*ready, "mask", source)};
            if (board.qemu_console_ready->mask == 0) {
                fail(source, R"("qemu.console_ready.mask" must not be 0)");
            }
        }
    }

    if (auto probes = root.find("probes"); probes != root.end()) {
        if (!probes->is_object()) fail(source, "\"probes\" must be an object");
        for (const auto& [server, arguments] : probes->items()) {
            if (server != "openocd" && server != "pyocd") {
                fail(source,
                     fmt::format("probes: unknown GDB server \"{}\" (openocd, pyocd)", server));
            }
            std::vector<std::string> words;
            if (arguments.is_array()) {
                for (const auto& word : arguments) {
                    if (!word.is_string()) break;
                    words.push_back(word.get<std::string>());
                }
            }
            if (words.empty() || words.size() != arguments.size()) {
                fail(source, fmt::format("probes.{} must be a non-empty array of strings", server));
            }
            board.probe_servers.emplace(server, std::move(words));
        }
    }
    return board;
}

}  // namespace rivet::board
