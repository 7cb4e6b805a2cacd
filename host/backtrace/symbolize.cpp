// Address to source: the compile unit and the chain of functions and inlined
// calls whose code holds a PC, with file:line from the unit's line table.
// Functions whose entry is not code the linker kept (a discarded function's
// DWARF at address 0) are passed over.
#include <dwarf.h>

#include <algorithm>

#include "image.hpp"

namespace rivet::backtrace {
namespace {

// A DIE tree deeper than this is corrupt, not C++.
constexpr int max_die_depth = 48;

std::string die_name(Dwarf_Die* die) {
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

// The chain of DIEs from below `parent` down to the innermost one whose
// ranges hold pc; descends into namespaces and classes, which have no
// ranges, and passes over functions whose entry is not kept code.
void scopes_below(const debug_info::impl& image, Dwarf_Die* parent, Dwarf_Addr pc, int depth,
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
            Dwarf_Addr entry = 0;
            const bool kept = tag != DW_TAG_subprogram ||
                              (dwarf_entrypc(&child, &entry) == 0 &&
                               image.plausible_start(static_cast<std::uint32_t>(entry)));
            if (kept) {
                chain.push_back(child);
                scopes_below(image, &child, pc, depth + 1, chain);
                return;
            }
        }
        if (container) {
            const auto before = chain.size();
            scopes_below(image, &child, pc, depth + 1, chain);
            if (chain.size() != before) return;
        }
    } while (dwarf_siblingof(&child, &child) == 0);
}

bool has_subprogram(std::vector<Dwarf_Die>& chain) {
    return std::any_of(chain.begin(), chain.end(),
                       [](Dwarf_Die& die) { return dwarf_tag(&die) == DW_TAG_subprogram; });
}

}  // namespace

bool debug_info::impl::scopes_at(std::uint32_t pc, Dwarf_Die& unit,
                                 std::vector<Dwarf_Die>& chain) const {
    if (!in_code(pc)) return false;
    // A discarded function's range in another unit may also hold pc: the
    // unit whose kept code holds it wins, then one whose lines do.
    std::optional<Dwarf_Die> lines_only;
    for (const auto& candidate : units) {
        Dwarf_Die cu = candidate;
        if (dwarf_haspc(&cu, pc) <= 0) continue;
        chain.clear();
        scopes_below(*this, &cu, pc, 0, chain);
        if (has_subprogram(chain)) {
            unit = cu;
            return true;
        }
        if (!lines_only && dwarf_getsrc_die(&cu, pc) != nullptr) lines_only = cu;
    }
    chain.clear();
    if (!lines_only) return false;
    unit = *lines_only;
    return true;
}

std::vector<location> debug_info::impl::symbolize(std::uint32_t pc) const {
    std::vector<location> result;
    Dwarf_Die cu;
    std::vector<Dwarf_Die> chain;
    if (dwarf != nullptr && scopes_at(pc, cu, chain)) {
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
        // Innermost first: `chain` runs from the subprogram inwards.
        for (std::size_t i = chain.size(); i-- > 0;) {
            auto& die = chain[i];
            const int tag = dwarf_tag(&die);
            if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine) continue;
            result.push_back({die_name(&die), file, line, tag == DW_TAG_inlined_subroutine});
            if (tag == DW_TAG_subprogram) break;
            // Where this inlined copy was called from: the next location out.
            Dwarf_Attribute attribute;
            Dwarf_Word value = 0;
            file.clear();
            line = 0;
            if (dwarf_attr(&die, DW_AT_call_file, &attribute) != nullptr &&
                dwarf_formudata(&attribute, &value) == 0 && files != nullptr &&
                value < file_count) {
                if (const char* f = dwarf_filesrc(files, value, nullptr, nullptr)) file = f;
            }
            if (dwarf_attr(&die, DW_AT_call_line, &attribute) != nullptr &&
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

std::vector<location> debug_info::symbolize(std::uint32_t pc) const {
    return impl_->symbolize(pc);
}

std::optional<std::pair<std::string, unsigned>> debug_info::declaration(
    std::uint32_t address) const {
    Dwarf_Die cu;
    std::vector<Dwarf_Die> chain;
    if (impl_->dwarf == nullptr || !impl_->scopes_at(address, cu, chain)) return std::nullopt;
    for (auto& die : chain) {
        if (dwarf_tag(&die) != DW_TAG_subprogram) continue;
        int line = 0;
        const char* file = dwarf_decl_file(&die);
        if (file == nullptr || dwarf_decl_line(&die, &line) != 0) return std::nullopt;
        return std::make_pair(std::string(file), static_cast<unsigned>(line));
    }
    return std::nullopt;
}

}  // namespace rivet::backtrace
