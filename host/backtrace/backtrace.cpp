#include <rivet/backtrace/backtrace.hpp>

#include <cxxabi.h>
#include <elfutils/libdw.h>
#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>

#include <dwarf.h>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace rivet::backtrace {

namespace {

constexpr unsigned sp_register = 13;
constexpr unsigned lr_register = 14;
constexpr unsigned pc_register = 15;
// A DIE tree deeper than this is corrupt, not C++.
constexpr int max_die_depth = 48;

std::string demangle(const char* name) {
    if (name == nullptr) return {};
    int status = 0;
    char* readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status != 0 || readable == nullptr) return name;
    std::string result(readable);
    std::free(readable);
    return result;
}

struct elf_symbol {
    std::uint32_t address;
    std::uint32_t size;
    std::string name;  // as in .symtab (mangled)
    bool weak = false;
};

// Evaluates the small DWARF expressions libdw hands back for CFA and
// register rules. nullopt: an operation we do not know or a read failed.
struct rule_result {
    std::uint32_t value = 0;
    bool is_address = true;  // the register's value is saved at `value`
};

std::optional<rule_result> evaluate(const Dwarf_Op* ops, std::size_t count, std::uint32_t cfa,
                                    const registers& regs, const memory_reader& read) {
    std::vector<std::uint64_t> stack;
    rule_result result;
    auto reg = [&](std::uint64_t n) -> std::optional<std::uint64_t> {
        if (n >= 16) return std::nullopt;
        return regs.r[n];
    };
    for (std::size_t i = 0; i < count; ++i) {
        const auto& op = ops[i];
        const auto atom = op.atom;
        if (atom == DW_OP_call_frame_cfa) {
            stack.push_back(cfa);
        } else if (atom >= DW_OP_breg0 && atom <= DW_OP_breg31) {
            auto v = reg(atom - DW_OP_breg0);
            if (!v) return std::nullopt;
            stack.push_back(*v + static_cast<std::int64_t>(op.number));
        } else if (atom == DW_OP_bregx) {
            auto v = reg(op.number);
            if (!v) return std::nullopt;
            stack.push_back(*v + static_cast<std::int64_t>(op.number2));
        } else if (atom >= DW_OP_reg0 && atom <= DW_OP_reg31) {
            auto v = reg(atom - DW_OP_reg0);
            if (!v) return std::nullopt;
            stack.push_back(*v);
            result.is_address = false;
        } else if (atom == DW_OP_regx) {
            auto v = reg(op.number);
            if (!v) return std::nullopt;
            stack.push_back(*v);
            result.is_address = false;
        } else if (atom >= DW_OP_lit0 && atom <= DW_OP_lit31) {
            stack.push_back(atom - DW_OP_lit0);
        } else if (atom == DW_OP_const1u || atom == DW_OP_const2u || atom == DW_OP_const4u ||
                   atom == DW_OP_const8u || atom == DW_OP_constu || atom == DW_OP_const1s ||
                   atom == DW_OP_const2s || atom == DW_OP_const4s || atom == DW_OP_const8s ||
                   atom == DW_OP_consts) {
            stack.push_back(op.number);
        } else if (atom == DW_OP_plus_uconst) {
            if (stack.empty()) return std::nullopt;
            stack.back() += op.number;
        } else if (atom == DW_OP_plus || atom == DW_OP_minus) {
            if (stack.size() < 2) return std::nullopt;
            auto b = stack.back();
            stack.pop_back();
            stack.back() = atom == DW_OP_plus ? stack.back() + b : stack.back() - b;
        } else if (atom == DW_OP_deref) {
            if (stack.empty()) return std::nullopt;
            auto v = read(static_cast<std::uint32_t>(stack.back()));
            if (!v) return std::nullopt;
            stack.back() = *v;
        } else if (atom == DW_OP_stack_value) {
            result.is_address = false;
        } else if (atom == DW_OP_nop) {
        } else {
            return std::nullopt;
        }
    }
    if (stack.empty()) return std::nullopt;
    result.value = static_cast<std::uint32_t>(stack.back());
    return result;
}

std::string exc_return_words(std::uint32_t exc_return) {
    return fmt::format("{} mode, {}, {} frame", (exc_return & 0x8) ? "thread" : "handler",
                       (exc_return & 0x4) ? "PSP" : "MSP",
                       (exc_return & 0x10) ? "basic" : "FPU-extended");
}

}  // namespace

struct debug_info::impl {
    std::vector<std::uint8_t> image;
    std::string name;
    std::string problem;
    Elf* elf = nullptr;
    Dwarf* dwarf = nullptr;
    Dwarf_CFI* cfi = nullptr;
    std::vector<elf_symbol> symbols;  // functions, sorted by address
    // Allocated, executable sections [first, second): where a PC may be.
    // DWARF also describes functions the linker discarded, at address 0.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> code;

    ~impl() {
        if (dwarf != nullptr) dwarf_end(dwarf);
        if (elf != nullptr) elf_end(elf);
    }

    void note(const std::string& what) {
        if (problem.empty()) problem = what;
    }

    void open() {
        elf_version(EV_CURRENT);
        if (image.empty()) {
            note(fmt::format("{}: empty file", name));
            return;
        }
        elf = elf_memory(reinterpret_cast<char*>(image.data()), image.size());
        if (elf == nullptr || elf_kind(elf) != ELF_K_ELF) {
            note(fmt::format("{}: not an ELF file", name));
            return;
        }
        read_symbols();
        dwarf = dwarf_begin_elf(elf, DWARF_C_READ, nullptr);
        if (dwarf == nullptr) {
            note(
                fmt::format("{}: no usable debug information ({}); build with -g for file:line "
                            "and a backtrace",
                            name, dwarf_errmsg(-1)));
            return;
        }
        // Walk the unit headers once so that a corrupt .debug_info is named
        // up front rather than showing only as missing file:line.
        Dwarf_Off offset = 0;
        Dwarf_Off next = 0;
        std::size_t header_size = 0;
        std::size_t units = 0;
        int status = 0;
        while ((status = dwarf_nextcu(dwarf, offset, &next, &header_size, nullptr, nullptr,
                                      nullptr)) == 0 &&
               units < 100000) {
            Dwarf_Die die;
            if (dwarf_offdie(dwarf, offset + header_size, &die) == nullptr) {
                status = -1;
                break;
            }
            offset = next;
            ++units;
        }
        if (status < 0 || units == 0) {
            note(fmt::format("{}: the debug information is corrupt ({}); file:line may be missing",
                             name, dwarf_errmsg(-1)));
        }
        cfi = dwarf_getcfi(dwarf);
        if (cfi == nullptr) {
            note(fmt::format("{}: no call-frame information (.debug_frame): {}", name,
                             dwarf_errmsg(-1)));
        }
    }

    bool in_code(std::uint32_t pc) const {
        return std::any_of(code.begin(), code.end(),
                           [&](const auto& r) { return pc >= r.first && pc < r.second; });
    }

    void read_symbols() {
        Elf_Scn* scn = nullptr;
        while ((scn = elf_nextscn(elf, scn)) != nullptr) {
            GElf_Shdr header;
            if (gelf_getshdr(scn, &header) == nullptr) continue;
            if ((header.sh_flags & SHF_ALLOC) && (header.sh_flags & SHF_EXECINSTR) &&
                header.sh_type == SHT_PROGBITS) {
                code.emplace_back(static_cast<std::uint32_t>(header.sh_addr),
                                  static_cast<std::uint32_t>(header.sh_addr + header.sh_size));
            }
            if (header.sh_type != SHT_SYMTAB) continue;
            Elf_Data* data = elf_getdata(scn, nullptr);
            if (data == nullptr || header.sh_entsize == 0) continue;
            const auto count = header.sh_size / header.sh_entsize;
            for (std::size_t i = 0; i < count; ++i) {
                GElf_Sym sym;
                if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
                if (GELF_ST_TYPE(sym.st_info) != STT_FUNC) continue;
                const char* n = elf_strptr(elf, header.sh_link, sym.st_name);
                if (n == nullptr) continue;
                symbols.push_back({static_cast<std::uint32_t>(sym.st_value) & ~1u,
                                   static_cast<std::uint32_t>(sym.st_size), n,
                                   GELF_ST_BIND(sym.st_info) == STB_WEAK});
            }
        }
        std::sort(symbols.begin(), symbols.end(), [](const auto& a, const auto& b) {
            // Among aliases, the strong definition first.
            return a.address != b.address ? a.address < b.address : (!a.weak && b.weak);
        });
    }

    const elf_symbol* symbol_at(std::uint32_t pc) const {
        auto it =
            std::upper_bound(symbols.begin(), symbols.end(), pc,
                             [](std::uint32_t a, const elf_symbol& s) { return a < s.address; });
        while (it != symbols.begin()) {
            --it;
            if (pc - it->address < std::max<std::uint32_t>(it->size, 1)) return &*it;
            if (it->size != 0) break;
        }
        return nullptr;
    }

    static std::string die_name(Dwarf_Die* die) {
        Dwarf_Attribute attribute;
        for (int at : {DW_AT_linkage_name, DW_AT_MIPS_linkage_name}) {
            if (dwarf_attr_integrate(die, at, &attribute) != nullptr) {
                if (const char* n = dwarf_formstring(&attribute)) return demangle(n);
            }
        }
        if (dwarf_attr_integrate(die, DW_AT_name, &attribute) != nullptr) {
            if (const char* n = dwarf_formstring(&attribute)) return n;
        }
        return {};
    }

    // The chain of DIEs from the CU down to the innermost one whose ranges
    // hold pc; descends into namespaces and classes, which have no ranges.
    static void scopes_at(Dwarf_Die* parent, Dwarf_Addr pc, int depth,
                          std::vector<Dwarf_Die>& chain) {
        if (depth > max_die_depth) return;
        Dwarf_Die child;
        if (dwarf_child(parent, &child) != 0) return;
        do {
            const int tag = dwarf_tag(&child);
            const bool container = tag == DW_TAG_namespace || tag == DW_TAG_class_type ||
                                   tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
            const bool code = tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine ||
                              tag == DW_TAG_lexical_block;
            if (code && dwarf_haspc(&child, pc) > 0) {
                chain.push_back(child);
                scopes_at(&child, pc, depth + 1, chain);
                return;
            }
            if (container) {
                const auto before = chain.size();
                scopes_at(&child, pc, depth + 1, chain);
                if (chain.size() != before) return;
            }
        } while (dwarf_siblingof(&child, &child) == 0);
    }

    std::vector<location> symbolize(std::uint32_t pc) const {
        std::vector<location> result;
        Dwarf_Die cu;
        if (dwarf != nullptr && in_code(pc) && dwarf_addrdie(dwarf, pc, &cu) != nullptr) {
            std::vector<Dwarf_Die> chain;
            scopes_at(&cu, pc, 0, chain);
            std::string file;
            unsigned line = 0;
            if (Dwarf_Line* l = dwarf_getsrc_die(&cu, pc)) {
                int n = 0;
                dwarf_lineno(l, &n);
                if (const char* f = dwarf_linesrc(l, nullptr, nullptr)) file = f;
                line = static_cast<unsigned>(std::max(n, 0));
            }
            Dwarf_Files* files = nullptr;
            std::size_t file_count = 0;
            if (dwarf_getsrcfiles(&cu, &files, &file_count) != 0) files = nullptr;
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                const int tag = dwarf_tag(&*it);
                if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine) continue;
                location here{die_name(&*it), file, line, tag == DW_TAG_inlined_subroutine};
                result.push_back(here);
                if (tag == DW_TAG_subprogram) break;
                // Where this inlined copy was called from: the next location out.
                Dwarf_Attribute attribute;
                Dwarf_Word value = 0;
                file.clear();
                line = 0;
                if (dwarf_attr(&*it, DW_AT_call_file, &attribute) != nullptr &&
                    dwarf_formudata(&attribute, &value) == 0 && files != nullptr &&
                    value < file_count) {
                    if (const char* f = dwarf_filesrc(files, value, nullptr, nullptr)) file = f;
                }
                if (dwarf_attr(&*it, DW_AT_call_line, &attribute) != nullptr &&
                    dwarf_formudata(&attribute, &value) == 0) {
                    line = static_cast<unsigned>(value);
                }
            }
            if (result.empty() && (!file.empty() || line != 0))
                result.push_back({{}, file, line, false});
        }
        // Without DWARF, or to fill in a name DWARF lacks: the ELF symbol.
        const elf_symbol* symbol = symbol_at(pc);
        if (result.empty()) result.push_back({});
        auto& outer = result.back();
        if (outer.function.empty() && symbol != nullptr)
            outer.function = demangle(symbol->name.c_str());
        return result;
    }

    bool is_reset_handler(std::uint32_t pc) const {
        const elf_symbol* symbol = symbol_at(pc);
        return symbol != nullptr && symbol->name == "rivet_reset_handler";
    }

    std::string describe(std::uint32_t pc) const {
        const elf_symbol* symbol = symbol_at(pc);
        if (symbol == nullptr) return fmt::format("0x{:08x}", pc);
        return fmt::format("0x{:08x} ({})", pc, demangle(symbol->name.c_str()));
    }
};

debug_info::debug_info(std::vector<std::uint8_t> image, std::string name)
    : impl_(std::make_unique<impl>()) {
    impl_->image = std::move(image);
    impl_->name = std::move(name);
    impl_->open();
}

debug_info::~debug_info() = default;

std::unique_ptr<debug_info> debug_info::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes;
    if (in) bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    auto info = std::make_unique<debug_info>(std::move(bytes), path);
    if (!in) {
        info->impl_->problem = fmt::format("{}: cannot read the file", path);
    }
    return info;
}

const std::string& debug_info::problem() const {
    return impl_->problem;
}

std::vector<location> debug_info::symbolize(std::uint32_t pc) const {
    return impl_->symbolize(pc);
}

std::vector<debug_info::function> debug_info::functions() const {
    std::vector<function> out;
    for (const auto& s : impl_->symbols) {
        if (!out.empty() && out.back().address == s.address) continue;  // aliases
        out.push_back({demangle(s.name.c_str()), s.address, s.size});
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> debug_info::bytes_at(std::uint32_t address,
                                                              std::uint32_t length) const {
    if (impl_->elf == nullptr) return std::nullopt;
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(impl_->elf, scn)) != nullptr) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) == nullptr || header.sh_type != SHT_PROGBITS ||
            (header.sh_flags & SHF_ALLOC) == 0) {
            continue;
        }
        if (address < header.sh_addr ||
            std::uint64_t{address} + length > header.sh_addr + header.sh_size) {
            continue;
        }
        Elf_Data* data = elf_getdata(scn, nullptr);
        const auto offset = address - header.sh_addr;
        if (data == nullptr || data->d_buf == nullptr || offset + length > data->d_size)
            return std::nullopt;
        const auto* begin = static_cast<const std::uint8_t*>(data->d_buf) + offset;
        return std::vector<std::uint8_t>(begin, begin + length);
    }
    return std::nullopt;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> debug_info::find_symbol(
    std::string_view name) const {
    if (impl_->elf == nullptr) return std::nullopt;
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(impl_->elf, scn)) != nullptr) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) == nullptr || header.sh_type != SHT_SYMTAB ||
            header.sh_entsize == 0) {
            continue;
        }
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (data == nullptr) continue;
        const auto count = header.sh_size / header.sh_entsize;
        for (std::size_t i = 0; i < count; ++i) {
            GElf_Sym sym;
            if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
            const char* n = elf_strptr(impl_->elf, header.sh_link, sym.st_name);
            if (n != nullptr && name == n) {
                return std::make_pair(static_cast<std::uint32_t>(sym.st_value),
                                      static_cast<std::uint32_t>(sym.st_size));
            }
        }
    }
    return std::nullopt;
}

std::optional<std::uint32_t> debug_info::frame_size(const function& f) const {
    if (impl_->cfi == nullptr || f.size == 0) return std::nullopt;
    std::optional<std::uint32_t> deepest;
    for (std::uint32_t pc = f.address; pc < f.address + f.size; pc += 2) {
        Dwarf_Frame* frame = nullptr;
        if (dwarf_cfi_addrframe(impl_->cfi, pc, &frame) != 0 || frame == nullptr) continue;
        std::unique_ptr<Dwarf_Frame, decltype(&std::free)> owned(frame, &std::free);
        Dwarf_Op* ops = nullptr;
        std::size_t nops = 0;
        if (dwarf_frame_cfa(frame, &ops, &nops) != 0 || nops != 1) continue;
        // CFA = SP + n, or FP + n right after FP was set from SP (-O0).
        std::uint64_t offset = 0;
        if (ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) {
            offset = ops[0].number;
        } else if (ops[0].atom == DW_OP_bregx) {
            offset = ops[0].number2;
        } else {
            continue;
        }
        if (offset > 0x100000) continue;  // nonsense from corrupt CFI
        deepest = std::max(deepest.value_or(0), static_cast<std::uint32_t>(offset));
    }
    return deepest;
}

std::optional<std::pair<std::string, unsigned>> debug_info::declaration(
    std::uint32_t address) const {
    Dwarf_Die cu;
    if (impl_->dwarf == nullptr || dwarf_addrdie(impl_->dwarf, address, &cu) == nullptr)
        return std::nullopt;
    std::vector<Dwarf_Die> chain;
    impl::scopes_at(&cu, address, 0, chain);
    for (auto& die : chain) {
        if (dwarf_tag(&die) != DW_TAG_subprogram) continue;
        int line = 0;
        const char* file = dwarf_decl_file(&die);
        if (file == nullptr || dwarf_decl_line(&die, &line) != 0) return std::nullopt;
        return std::make_pair(std::string(file), static_cast<unsigned>(line));
    }
    return std::nullopt;
}

trace debug_info::unwind(const registers& start, const memory_reader& read,
                         std::size_t max_frames) const {
    trace result;
    registers regs = start;
    bool exact_pc =
        true;  // the first frame and frames after an exception: pc is not a return address
    bool next_is_exception_entry = false;
    std::uint32_t exc_return = 0;

    while (result.frames.size() < max_frames) {
        std::uint32_t pc = regs.r[pc_register];
        if (is_exc_return(pc)) {
            // The core stacked r0-r3, r12, lr, pc, xpsr (and s0-s15, fpscr
            // when bit 4 is clear) on the stack EXC_RETURN names.
            const bool on_psp = (pc & 0x4) != 0;
            const bool extended = (pc & 0x10) == 0;
            std::uint32_t frame_at = regs.r[sp_register];
            if (on_psp) {
                if (!regs.psp) {
                    result.stopped_because =
                        "the exception frame is on the PSP, which the probe cannot read";
                    return result;
                }
                frame_at = *regs.psp;
            }
            std::array<std::uint32_t, 8> stacked{};
            for (std::uint32_t i = 0; i < 8; ++i) {
                auto word = read(frame_at + 4 * i);
                if (!word) {
                    result.stopped_because = fmt::format(
                        "cannot read the exception frame at 0x{:08x} (the stack pointer is outside "
                        "RAM: stack overflow?)",
                        frame_at);
                    return result;
                }
                stacked[i] = *word;
            }
            for (unsigned i = 0; i < 4; ++i) regs.r[i] = stacked[i];
            regs.r[12] = stacked[4];
            regs.r[lr_register] = stacked[5];
            regs.r[pc_register] = stacked[6] & ~1u;
            std::uint32_t size = extended ? 0x68 : 0x20;
            if (stacked[7] & (1u << 9)) size += 4;  // the core aligned the frame to 8 bytes
            const std::uint32_t caller_sp = frame_at + size;
            if (on_psp) {
                regs.psp = caller_sp;
            } else {
                regs.msp = caller_sp;
            }
            // Returning to thread mode with PSP selects the PSP, else the MSP.
            regs.r[sp_register] = caller_sp;
            exact_pc = true;
            next_is_exception_entry = true;
            exc_return = pc;
            continue;
        }

        frame f;
        f.pc = pc;
        const std::uint32_t lookup = exact_pc ? pc : pc - 1;
        f.locations = impl_->symbolize(lookup);
        f.exception_entry = next_is_exception_entry;
        f.exc_return = exc_return;
        next_is_exception_entry = false;
        result.frames.push_back(std::move(f));

        if (impl_->is_reset_handler(pc)) return result;  // the bottom of every call chain
        if (!impl_->code.empty() && !impl_->in_code(pc)) {
            result.stopped_because = fmt::format("0x{:08x} is not in the firmware's code", pc);
            return result;
        }
        if (pc == 0xfffffffeu || pc == 0) {
            result.stopped_because = fmt::format("return address 0x{:08x} is not code", pc);
            return result;
        }
        // Without CFI a function stopped with LR holding EXC_RETURN (the
        // fault trap, a handler's first instruction) still returns into the
        // exception frame, which needs no DWARF.
        const bool leaf_in_handler = exact_pc && is_exc_return(regs.r[lr_register]);
        Dwarf_Frame* cfi_frame = nullptr;
        const bool have_frame = impl_->cfi != nullptr &&
                                dwarf_cfi_addrframe(impl_->cfi, lookup, &cfi_frame) == 0 &&
                                cfi_frame != nullptr;
        if (!have_frame && leaf_in_handler) {
            regs.r[pc_register] = regs.r[lr_register];
            exact_pc = false;
            continue;
        }
        if (impl_->cfi == nullptr) {
            result.stopped_because = fmt::format("no call-frame information; LR holds {}",
                                                 impl_->describe(regs.r[lr_register] & ~1u));
            return result;
        }
        if (!have_frame) {
            result.stopped_because =
                fmt::format("no unwind information for {} ({}); LR holds {}", impl_->describe(pc),
                            dwarf_errmsg(-1), impl_->describe(regs.r[lr_register] & ~1u));
            return result;
        }
        std::unique_ptr<Dwarf_Frame, decltype(&std::free)> owned(cfi_frame, &std::free);
        Dwarf_Op* ops = nullptr;
        std::size_t nops = 0;
        std::optional<rule_result> cfa;
        if (dwarf_frame_cfa(cfi_frame, &ops, &nops) == 0) cfa = evaluate(ops, nops, 0, regs, read);
        if (!cfa) {
            result.stopped_because =
                fmt::format("cannot compute the frame address at {}", impl_->describe(pc));
            return result;
        }
        const int return_column = dwarf_frame_info(cfi_frame, nullptr, nullptr, nullptr);
        registers caller = regs;
        bool return_address_known = false;
        for (unsigned n = 0; n < 16; ++n) {
            Dwarf_Op ops_mem[3];
            Dwarf_Op* rule = nullptr;
            std::size_t rule_count = 0;
            if (dwarf_frame_register(cfi_frame, static_cast<int>(n), ops_mem, &rule, &rule_count) !=
                0) {
                continue;
            }
            if (rule_count == 0) {
                // Undefined (no ops) or the same value as here (empty ops).
                // A function that has not saved LR (a leaf, or one stopped
                // in its prologue) returns through LR as it is: libdw's ARM
                // rules call that undefined, and only the first frame and a
                // frame interrupted by an exception can be in that state.
                if (static_cast<int>(n) == return_column)
                    return_address_known = rule != nullptr || exact_pc;
                continue;
            }
            auto value = evaluate(rule, rule_count, cfa->value, regs, read);
            if (!value) continue;
            if (value->is_address) {
                auto word = read(value->value);
                if (!word) {
                    result.stopped_because =
                        fmt::format("cannot read the saved r{} at 0x{:08x}", n, value->value);
                    return result;
                }
                caller.r[n] = *word;
            } else {
                caller.r[n] = value->value;
            }
            if (static_cast<int>(n) == return_column) return_address_known = true;
        }
        if (!return_address_known || return_column < 0 || return_column >= 16) {
            result.stopped_because = fmt::format("{} has no return address (end of the call chain)",
                                                 impl_->describe(pc));
            return result;
        }
        std::uint32_t return_address = caller.r[static_cast<unsigned>(return_column)];
        if (!is_exc_return(return_address)) return_address &= ~1u;
        caller.r[sp_register] = cfa->value;
        if (is_exc_return(return_address)) {
            // A handler returns into the exception mechanism on the MSP.
            caller.msp = cfa->value;
        }
        caller.r[pc_register] = return_address;
        if (cfa->value < regs.r[sp_register] ||
            (cfa->value == regs.r[sp_register] && return_address == pc)) {
            result.stopped_because =
                fmt::format("the stack does not unwind past {} (frame address 0x{:08x})",
                            impl_->describe(pc), cfa->value);
            return result;
        }
        regs = caller;
        exact_pc = false;
    }
    result.stopped_because = fmt::format("more than {} frames", max_frames);
    return result;
}

std::string format(const trace& t) {
    std::string out;
    std::size_t number = 0;
    for (const auto& f : t.frames) {
        if (f.exception_entry) {
            out += fmt::format("      <exception entry: {}>\n", exc_return_words(f.exc_return));
        }
        for (const auto& loc : f.locations) {
            out += fmt::format("  #{:<2} 0x{:08x} in {}{}", number++, f.pc,
                               loc.function.empty() ? "??" : loc.function,
                               loc.inlined ? " [inlined]" : "");
            if (!loc.file.empty()) out += fmt::format(" at {}:{}", loc.file, loc.line);
            out += '\n';
        }
    }
    if (!t.stopped_because.empty()) {
        out += fmt::format("      <unwinding stopped: {}>\n", t.stopped_because);
    }
    if (!out.empty()) out.pop_back();
    return out;
}

}  // namespace rivet::backtrace
