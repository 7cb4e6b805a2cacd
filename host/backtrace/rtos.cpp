#include "rtos.hpp"

#include <dwarf.h>

#include <array>
#include <string_view>

namespace rivet::backtrace {
namespace {

// An RTOS by its current-thread pointer; the control block's members are
// found by name (FreeRTOS's TCB_t, ThreadX's TX_THREAD, and the fixture in
// tests/firmware/foreign, which keeps FreeRTOS's names and adds `entry`).
struct known_rtos {
    const char* rtos;
    const char* current;
    // FreeRTOS ports rely on the saved SP being the block's first word, so
    // it is known even without DWARF.
    bool saved_sp_first;
};
constexpr std::array<known_rtos, 2> known = {{
    {"FreeRTOS", "pxCurrentTCB", true},
    {"ThreadX", "_tx_thread_current_ptr", false},
}};
constexpr std::array name_members = {"pcTaskName", "tx_thread_name"};
constexpr std::array entry_members = {"tx_thread_entry", "entry"};
constexpr std::array sp_members = {"pxTopOfStack", "tx_thread_stack_ptr"};
constexpr std::array stack_members = {"pxStack", "tx_thread_stack_start"};

// Through typedefs and qualifiers to the type itself.
bool strip(Dwarf_Die& type) {
    for (int i = 0; i < 16; ++i) {
        const int tag = dwarf_tag(&type);
        if (tag != DW_TAG_typedef && tag != DW_TAG_volatile_type && tag != DW_TAG_const_type)
            return true;
        Dwarf_Attribute attribute;
        if (dwarf_attr_integrate(&type, DW_AT_type, &attribute) == nullptr ||
            dwarf_formref_die(&attribute, &type) == nullptr) {
            return false;
        }
    }
    return false;
}

// The type of `die` (a variable, a member, a pointer), through typedefs.
bool type_of(Dwarf_Die& die, Dwarf_Die& result) {
    Dwarf_Attribute attribute;
    if (dwarf_attr_integrate(&die, DW_AT_type, &attribute) == nullptr ||
        dwarf_formref_die(&attribute, &result) == nullptr) {
        return false;
    }
    return strip(result);
}

// The structure the variable `name` points to.
std::optional<Dwarf_Die> pointee_struct(const debug_info::impl& image, std::string_view name) {
    for (const auto& unit : image.units) {
        Dwarf_Die cu = unit;
        Dwarf_Die child;
        if (dwarf_child(&cu, &child) != 0) continue;
        do {
            if (dwarf_tag(&child) != DW_TAG_variable) continue;
            const char* n = dwarf_diename(&child);
            if (n == nullptr || name != n) continue;
            Dwarf_Die pointer;
            if (!type_of(child, pointer) || dwarf_tag(&pointer) != DW_TAG_pointer_type) continue;
            Dwarf_Die target;
            if (!type_of(pointer, target)) continue;
            if (dwarf_tag(&target) == DW_TAG_structure_type &&
                !dwarf_hasattr(&target, DW_AT_declaration))
                return target;
        } while (dwarf_siblingof(&child, &child) == 0);
    }
    return std::nullopt;
}

struct member {
    std::uint32_t offset;
    Dwarf_Die type;
};

template <std::size_t N>
std::optional<member> find_member(Dwarf_Die structure, const std::array<const char*, N>& names) {
    Dwarf_Die child;
    if (dwarf_child(&structure, &child) != 0) return std::nullopt;
    do {
        if (dwarf_tag(&child) != DW_TAG_member) continue;
        const char* n = dwarf_diename(&child);
        if (n == nullptr) continue;
        for (const char* wanted : names) {
            if (std::string_view(wanted) != n) continue;
            Dwarf_Attribute attribute;
            Dwarf_Word offset = 0;
            if (dwarf_attr(&child, DW_AT_data_member_location, &attribute) == nullptr ||
                dwarf_formudata(&attribute, &offset) != 0 || offset > 0x10000) {
                return std::nullopt;
            }
            member m{static_cast<std::uint32_t>(offset), {}};
            if (!type_of(child, m.type)) return std::nullopt;
            return m;
        }
    } while (dwarf_siblingof(&child, &child) == 0);
    return std::nullopt;
}

// A NUL-terminated string of at most 32 characters at `address`.
std::string read_string(const memory_reader& read, std::uint32_t address) {
    std::string out;
    while (out.size() < 32) {
        auto word = read(address & ~3u);
        if (!word) break;
        const char c = static_cast<char>(*word >> (8 * (address & 3u)));
        if (c == '\0') break;
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
        ++address;
    }
    return out;
}

}  // namespace

std::optional<thread_info> current_thread_of(const debug_info::impl& image,
                                             const memory_reader& read) {
    for (const auto& rtos : known) {
        auto symbol = image.find_symbol(rtos.current);
        if (!symbol) continue;
        auto block = read(symbol->first);
        if (!block || *block == 0) return std::nullopt;  // no thread runs yet
        thread_info thread;
        thread.rtos = rtos.rtos;
        thread.control_block = *block;
        if (rtos.saved_sp_first) thread.saved_sp = read(*block);
        auto structure = pointee_struct(image, rtos.current);
        if (!structure) return thread;
        if (auto m = find_member(*structure, name_members)) {
            if (dwarf_tag(&m->type) == DW_TAG_array_type) {
                thread.name = read_string(read, *block + m->offset);
            } else if (auto text = read(*block + m->offset); text && *text != 0) {
                thread.name = read_string(read, *text);
            }
        }
        if (auto m = find_member(*structure, entry_members)) {
            if (auto entry = read(*block + m->offset); entry && *entry != 0) {
                thread.entry = *entry & ~1u;
                if (const auto* s = image.symbol_at(*thread.entry))
                    thread.entry_function = demangle(s->name.c_str());
            }
        }
        if (auto m = find_member(*structure, sp_members))
            thread.saved_sp = read(*block + m->offset);
        if (auto m = find_member(*structure, stack_members))
            thread.stack_base = read(*block + m->offset);
        return thread;
    }
    return std::nullopt;
}

std::optional<thread_info> debug_info::current_thread(const memory_reader& read) const {
    return current_thread_of(*impl_, read);
}

}  // namespace rivet::backtrace
