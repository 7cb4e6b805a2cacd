// Reading Thumb code for `rivet stack`: the calls and tail branches that
// make the call graph, and the stack a function reserves itself.
#include <rivet/stack/analysis.hpp>

#include <bit>
#include <optional>

namespace rivet::stack {
namespace {

std::uint32_t halfword(const std::vector<std::uint8_t>& code, std::size_t offset) {
    return static_cast<std::uint32_t>(code[offset] | (code[offset + 1] << 8));
}

// A 32-bit Thumb-2 instruction starts with 0b11101, 0b11110 or 0b11111.
bool is_wide(std::uint32_t hw1) {
    return (hw1 & 0xf800) == 0xe800 || (hw1 & 0xf800) == 0xf000 || (hw1 & 0xf800) == 0xf800;
}

// Calls fn(offset, hw1, hw2) for each instruction (hw2 = 0 for 16-bit ones);
// a wide instruction cut off at the end is not one.
template <typename F>
void for_each_instruction(const std::vector<std::uint8_t>& code, F&& fn) {
    std::size_t offset = 0;
    while (offset + 2 <= code.size()) {
        const std::uint32_t hw1 = halfword(code, offset);
        if (is_wide(hw1)) {
            if (offset + 4 > code.size()) return;
            fn(offset, hw1, halfword(code, offset + 2), true);
            offset += 4;
        } else {
            fn(offset, hw1, 0u, false);
            offset += 2;
        }
    }
}

std::uint32_t sign_extend(std::uint32_t value, unsigned bits) {
    const std::uint32_t sign = 1u << (bits - 1);
    return (value ^ sign) - sign;
}

// The ARM ARM's ThumbExpandImm: a modified immediate of SUB.W and friends.
std::uint32_t thumb_expand_immediate(std::uint32_t imm12) {
    const std::uint32_t imm8 = imm12 & 0xff;
    if ((imm12 >> 10) == 0) {
        switch ((imm12 >> 8) & 3) {
            case 0:
                return imm8;
            case 1:
                return imm8 * 0x00010001u;
            case 2:
                return imm8 * 0x01000100u;
            default:
                return imm8 * 0x01010101u;
        }
    }
    return std::rotr(0x80u | (imm12 & 0x7f), static_cast<int>((imm12 >> 7) & 0x1f));
}

}  // namespace

std::vector<call_site> decode_calls(const std::vector<std::uint8_t>& code, std::uint32_t address) {
    std::vector<call_site> out;
    // The register the previous instruction loaded from a literal, and the
    // literal's offset in `code`.
    struct literal_load {
        std::uint32_t reg;
        std::size_t offset;
    };
    std::optional<literal_load> previous;
    auto literal_value = [&](std::size_t offset) -> std::optional<std::uint32_t> {
        if (offset + 4 > code.size()) return std::nullopt;
        return halfword(code, offset) | (halfword(code, offset + 2) << 16);
    };
    for_each_instruction(code, [&](std::size_t offset, std::uint32_t hw1, std::uint32_t hw2,
                                   bool wide) {
        const std::uint32_t pc = address + static_cast<std::uint32_t>(offset);
        auto loaded = previous;
        previous.reset();
        // LDR Rt, [PC, #imm8 * 4] and LDR.W Rt, [PC, #+-imm12] read from the
        // instruction's address + 4, word-aligned.
        const std::uint32_t base = (pc + 4) & ~3u;
        auto load_from = [&](std::uint32_t reg, std::uint32_t literal) {
            if (literal >= address && code.size() >= 4 && literal - address <= code.size() - 4)
                previous = literal_load{reg, literal - address};
        };
        if (!wide && (hw1 & 0xf800) == 0x4800) load_from((hw1 >> 8) & 7, base + 4 * (hw1 & 0xff));
        if (wide && (hw1 & 0xff7f) == 0xf85f) {
            const std::uint32_t imm12 = hw2 & 0xfff;
            load_from(hw2 >> 12, (hw1 & 0x80) != 0 ? base + imm12 : base - imm12);
        }
        if (!wide && (hw1 & 0xff07) == 0x4700 && loaded && ((hw1 >> 3) & 0xf) == loaded->reg) {
            // BLX/BX Rm of the literal just loaded.
            if (auto value = literal_value(loaded->offset); value && (*value & 1u) != 0) {
                out.push_back({pc, *value & ~1u, (hw1 & 0x80) == 0, false,
                               address + static_cast<std::uint32_t>(loaded->offset)});
                return;
            }
        }
        if (wide) {
            if ((hw1 & 0xf800) != 0xf000 || (hw2 & 0x8000) != 0x8000) return;
            const std::uint32_t s = (hw1 >> 10) & 1;
            const std::uint32_t j1 = (hw2 >> 13) & 1;
            const std::uint32_t j2 = (hw2 >> 11) & 1;
            const std::uint32_t kind = hw2 & 0xd000;
            if (kind == 0xd000 || kind == 0x9000) {  // BL, B.W (T4)
                const std::uint32_t i1 = !(j1 ^ s);
                const std::uint32_t i2 = !(j2 ^ s);
                const std::uint32_t imm = (s << 24) | (i1 << 23) | (i2 << 22) |
                                          ((hw1 & 0x3ff) << 12) | ((hw2 & 0x7ff) << 1);
                out.push_back({pc, pc + 4 + sign_extend(imm, 25), kind == 0x9000, false});
            } else if (kind == 0x8000 && ((hw1 >> 6) & 0xe) != 0xe) {  // B<c>.W (T3)
                const std::uint32_t imm = (s << 20) | (j2 << 19) | (j1 << 18) |
                                          ((hw1 & 0x3f) << 12) | ((hw2 & 0x7ff) << 1);
                out.push_back({pc, pc + 4 + sign_extend(imm, 21), true, false});
            }
            return;
        }
        if ((hw1 & 0xff87) == 0x4780) {  // BLX Rm
            out.push_back({pc, 0, false, true});
        } else if ((hw1 & 0xff87) == 0x4700 && ((hw1 >> 3) & 0xf) != 14) {  // BX Rm, not a return
            out.push_back({pc, 0, true, true});
        } else if ((hw1 & 0xf800) == 0xe000) {  // B (T2)
            out.push_back({pc, pc + 4 + sign_extend((hw1 & 0x7ff) << 1, 12), true, false});
        } else if ((hw1 & 0xf000) == 0xd000 && ((hw1 >> 8) & 0xf) < 0xe) {  // B<c> (T1)
            out.push_back({pc, pc + 4 + sign_extend((hw1 & 0xff) << 1, 9), true, false});
        }
    });
    return out;
}

std::uint32_t frame_from_code(const std::vector<std::uint8_t>& code) {
    std::uint64_t bytes = 0;
    for_each_instruction(code, [&](std::size_t, std::uint32_t hw1, std::uint32_t hw2, bool wide) {
        if (!wide) {
            if ((hw1 & 0xfe00) == 0xb400) {  // PUSH {reglist[, lr]}
                bytes += std::uint64_t{4} * static_cast<unsigned>(std::popcount(hw1 & 0x1ffu));
            } else if ((hw1 & 0xff80) == 0xb080) {  // SUB SP, SP, #imm7 * 4
                bytes += std::uint64_t{4} * (hw1 & 0x7fu);
            }
            return;
        }
        const std::uint32_t imm12 = ((hw1 >> 10) & 1) << 11 | ((hw2 >> 12) & 7) << 8 | (hw2 & 0xff);
        if (hw1 == 0xe92d) {  // PUSH.W / STMDB SP!, {reglist}
            bytes += std::uint64_t{4} * static_cast<unsigned>(std::popcount(hw2 & 0x5fffu));
        } else if (hw1 == 0xf84d && (hw2 & 0x0fff) == 0x0d04) {  // STR Rt, [SP, #-4]!
            bytes += 4;
        } else if ((hw1 & 0xfbef) == 0xf1ad && (hw2 & 0x8f00) == 0x0d00) {  // SUB.W SP, SP, #c
            bytes += thumb_expand_immediate(imm12);
        } else if ((hw1 & 0xfbff) == 0xf2ad && (hw2 & 0x8f00) == 0x0d00) {  // SUBW SP, SP, #imm12
            bytes += imm12;
        } else if ((hw1 & 0xffbf) == 0xed2d && (hw2 & 0x0e00) == 0x0a00) {  // VPUSH
            bytes += std::uint64_t{4} * (hw2 & 0xffu);
        }
    });
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, 0xffffffffu));
}

}  // namespace rivet::stack
