#include "dwarf_cleanup.hpp"

#include <dwarf.h>

#include <map>
#include <optional>
#include <vector>

namespace rivet::backtrace {
namespace {

// A bounds-checked little-endian cursor over section bytes.
class cursor {
public:
    cursor(std::span<std::uint8_t> bytes, std::size_t at) : bytes_(bytes), at_(at) {}

    [[nodiscard]] std::size_t at() const { return at_; }
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::uint8_t peek(std::size_t at) const {
        return at < bytes_.size() ? bytes_[at] : 0;
    }
    void seek(std::size_t at) {
        if (at > bytes_.size()) {
            ok_ = false;
        } else {
            at_ = at;
        }
    }
    void skip(std::size_t n) {
        if (n > bytes_.size() - at_) {
            ok_ = false;
        } else {
            at_ += n;
        }
    }

    std::uint64_t fixed(std::size_t size) {
        if (!ok_ || size > 8 || bytes_.size() - at_ < size) {
            ok_ = false;
            return 0;
        }
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < size; ++i) value |= std::uint64_t{bytes_[at_ + i]} << (8 * i);
        at_ += size;
        return value;
    }
    std::uint64_t uleb() {
        std::uint64_t value = 0;
        for (unsigned shift = 0; ok_; shift += 7) {
            const auto byte = fixed(1);
            if (shift < 64) value |= (byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) break;
        }
        return value;
    }
    void skip_string() {
        while (ok_ && fixed(1) != 0) {
        }
    }
    void put32(std::size_t at, std::uint32_t value) {
        if (at + 4 > bytes_.size()) return;
        for (std::size_t i = 0; i < 4; ++i)
            bytes_[at + i] = static_cast<std::uint8_t>(value >> (8 * i));
    }

private:
    std::span<std::uint8_t> bytes_;
    std::size_t at_;
    bool ok_ = true;
};

// A unit's initial length: its size and where it ends, or nullopt at the
// end of the section or on nonsense.
struct unit_extent {
    std::size_t end;
    std::size_t offset_size;  // 4 (32-bit DWARF) or 8
};
std::optional<unit_extent> read_unit_length(cursor& c, std::size_t section_size) {
    std::uint64_t length = c.fixed(4);
    std::size_t offset_size = 4;
    if (length == 0xffffffffu) {
        length = c.fixed(8);
        offset_size = 8;
    }
    if (!c.ok() || length > section_size - c.at()) return std::nullopt;
    return unit_extent{c.at() + static_cast<std::size_t>(length), offset_size};
}

}  // namespace

namespace {

// Reads call-frame instructions up to `end`: true when libdw knows each one
// and every register they name is at most max_cfi_register.
bool instructions_ok(cursor& c, std::size_t end, std::size_t address_size) {
    bool ok = true;
    auto reg = [&] { ok = ok && c.uleb() <= max_cfi_register; };
    auto block = [&] { c.skip(static_cast<std::size_t>(std::min<std::uint64_t>(c.uleb(), end))); };
    while (ok && c.ok() && c.at() < end) {
        const auto op = c.fixed(1);
        switch (op >> 6) {
            case 1:  // DW_CFA_advance_loc
            case 3:  // DW_CFA_restore
                continue;
            case 2:  // DW_CFA_offset
                (void)c.uleb();
                continue;
            default:
                break;
        }
        switch (op) {
            case DW_CFA_nop:
            case DW_CFA_remember_state:
            case DW_CFA_restore_state:
            case DW_CFA_GNU_window_save:
                break;
            case DW_CFA_set_loc:
                c.skip(address_size);
                break;
            case DW_CFA_advance_loc1:
                c.skip(1);
                break;
            case DW_CFA_advance_loc2:
                c.skip(2);
                break;
            case DW_CFA_advance_loc4:
                c.skip(4);
                break;
            case DW_CFA_register:
                reg();
                reg();
                break;
            case DW_CFA_offset_extended:
            case DW_CFA_def_cfa:
            case DW_CFA_offset_extended_sf:
            case DW_CFA_def_cfa_sf:
            case DW_CFA_val_offset:
            case DW_CFA_val_offset_sf:
            case DW_CFA_GNU_negative_offset_extended:
                reg();
                (void)c.uleb();  // an SLEB has the same length rule
                break;
            case DW_CFA_restore_extended:
            case DW_CFA_undefined:
            case DW_CFA_same_value:
            case DW_CFA_def_cfa_register:
                reg();
                break;
            case DW_CFA_def_cfa_offset:
            case DW_CFA_def_cfa_offset_sf:
            case DW_CFA_GNU_args_size:
                (void)c.uleb();
                break;
            case DW_CFA_def_cfa_expression:
                block();
                break;
            case DW_CFA_expression:
            case DW_CFA_val_expression:
                reg();
                block();
                break;
            default:
                return false;
        }
    }
    return ok && c.ok() && c.at() <= end;
}

struct cie_facts {
    std::uint64_t address_size = 4;
    bool augmentation_data = false;  // "z...": FDEs carry augmentation data
    bool ok = false;
};

// A CIE after its id: version, augmentation, [address and segment size],
// alignment factors, return address register, [augmentation data], and
// its initial instructions.
cie_facts read_cie(cursor& c, std::size_t end) {
    cie_facts facts;
    const auto version = c.fixed(1);
    const std::size_t augmentation = c.at();
    c.skip_string();
    facts.augmentation_data = c.ok() && c.at() > augmentation + 1;
    if (version >= 4) {
        facts.address_size = c.fixed(1);
        c.skip(1);
    }
    (void)c.uleb();  // code alignment
    (void)c.uleb();  // data alignment (an SLEB)
    const auto return_register = version == 1 ? c.fixed(1) : c.uleb();
    if (facts.augmentation_data) {
        // Only "z..." says how long its data is.
        const bool sized = c.peek(augmentation) == 'z';
        if (!sized) return facts;
        c.skip(static_cast<std::size_t>(std::min<std::uint64_t>(c.uleb(), end)));
    }
    facts.ok = c.ok() && return_register <= max_cfi_register &&
               (version == 1 || version == 3 || version == 4) &&
               instructions_ok(c, end, static_cast<std::size_t>(facts.address_size));
    return facts;
}

}  // namespace

std::vector<code_range> move_discarded_frame_entries(std::span<std::uint8_t> debug_frame,
                                                     const start_test& kept,
                                                     std::uint32_t nowhere) {
    std::vector<code_range> kept_ranges;
    std::map<std::uint64_t, cie_facts> cies;  // by offset
    cursor c(debug_frame, 0);
    while (c.ok() && c.at() + 4 <= debug_frame.size()) {
        const std::size_t entry = c.at();
        auto unit = read_unit_length(c, debug_frame.size());
        if (!unit) break;
        if (unit->end == c.at()) continue;  // padding
        const std::uint64_t id = c.fixed(unit->offset_size);
        const bool is_cie = unit->offset_size == 4 ? id == 0xffffffffu : id == ~std::uint64_t{0};
        if (is_cie) {
            cies[entry] = read_cie(c, unit->end);
        } else {
            auto cie = cies.find(id);
            const cie_facts facts = cie == cies.end() ? cie_facts{} : cie->second;
            const std::size_t location_at = c.at();
            const auto start = static_cast<std::uint32_t>(c.fixed(facts.address_size));
            const auto length = static_cast<std::uint32_t>(c.fixed(facts.address_size));
            if (facts.augmentation_data)
                c.skip(static_cast<std::size_t>(std::min<std::uint64_t>(c.uleb(), unit->end)));
            const bool usable =
                facts.ok && facts.address_size == 4 && c.ok() && instructions_ok(c, unit->end, 4);
            if (usable && kept(start)) {
                kept_ranges.push_back({start, length});
            } else if (facts.address_size == 4) {
                c.put32(location_at, nowhere);
                c.put32(location_at + 4, 0);  // an empty range
            }
        }
        c = cursor(debug_frame, unit->end);
    }
    return kept_ranges;
}

std::size_t move_discarded_line_sequences(std::span<std::uint8_t> debug_line,
                                          const start_test& kept, std::uint32_t nowhere) {
    std::size_t moved = 0;
    cursor c(debug_line, 0);
    while (c.ok() && c.at() + 4 <= debug_line.size()) {
        auto unit = read_unit_length(c, debug_line.size());
        if (!unit) break;
        const auto version = c.fixed(2);
        if (version >= 5) c.skip(2);  // address size, segment selector size
        const auto header_length = c.fixed(unit->offset_size);
        const std::size_t program = c.at() + static_cast<std::size_t>(header_length);
        c.skip(1);                    // minimum instruction length
        if (version >= 4) c.skip(1);  // maximum operations per instruction
        c.skip(3);                    // default_is_stmt, line_base, line_range
        const auto opcode_base = c.fixed(1);
        std::vector<std::uint8_t> operands;  // ULEB operands of each standard opcode
        for (std::uint64_t i = 1; i < opcode_base && c.ok(); ++i)
            operands.push_back(static_cast<std::uint8_t>(c.fixed(1)));
        if (!c.ok() || version < 2 || version > 5 || program > unit->end) break;
        c.seek(program);
        while (c.ok() && c.at() < unit->end) {
            const auto opcode = c.fixed(1);
            if (opcode >= opcode_base) continue;  // a special opcode
            if (opcode == 0) {                    // extended: length, sub-opcode, operands
                const auto length = c.uleb();
                const std::size_t body = c.at();
                if (length == 0 || length > unit->end - std::min(body, unit->end)) break;
                if (c.fixed(1) == DW_LNE_set_address && length == 5) {
                    const auto address = static_cast<std::uint32_t>(c.fixed(4));
                    if (c.ok() && !kept(address)) {
                        c.put32(body + 1, nowhere);
                        ++moved;
                    }
                }
                c.seek(body + static_cast<std::size_t>(length));
            } else if (opcode == DW_LNS_fixed_advance_pc) {
                c.skip(2);
            } else {
                for (unsigned i = 0; i < operands[opcode - 1] && c.ok(); ++i) (void)c.uleb();
            }
        }
        c = cursor(debug_line, unit->end);
    }
    return moved;
}

}  // namespace rivet::backtrace
