#include "discarded.hpp"

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
        for (std::size_t i = 0; i < 4; ++i) bytes_[at + i] = static_cast<std::uint8_t>(value >> (8 * i));
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

std::size_t move_discarded_frame_entries(std::span<std::uint8_t> debug_frame,
                                         const start_test& kept, std::uint32_t nowhere) {
    std::size_t moved = 0;
    std::map<std::uint64_t, std::uint64_t> address_size;  // by CIE offset
    cursor c(debug_frame, 0);
    while (c.ok() && c.at() + 4 <= debug_frame.size()) {
        const std::size_t entry = c.at();
        auto unit = read_unit_length(c, debug_frame.size());
        if (!unit) break;
        if (unit->end == c.at()) continue;  // padding
        const std::uint64_t id = c.fixed(unit->offset_size);
        const bool is_cie = unit->offset_size == 4 ? id == 0xffffffffu : id == ~std::uint64_t{0};
        if (is_cie) {
            // version, augmentation, [address size, segment size] (version 4)
            const auto version = c.fixed(1);
            c.skip_string();
            address_size[entry] = version >= 4 ? c.fixed(1) : 4;
        } else {
            auto size = address_size.find(id);
            const std::uint64_t bytes = size == address_size.end() ? 4 : size->second;
            const std::size_t location_at = c.at();
            const auto start = c.fixed(bytes);
            if (bytes == 4 && c.ok() && !kept(static_cast<std::uint32_t>(start))) {
                c.put32(location_at, nowhere);
                c.put32(location_at + 4, 0);  // an empty range
                ++moved;
            }
        }
        c.seek(unit->end);
    }
    return moved;
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
