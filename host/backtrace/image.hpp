// The inside of debug_info, shared by the files that implement it: the ELF
// image, its function symbols and sections, libdw's handles, and the tests
// that tell real code from what --gc-sections left behind at address 0.
#pragma once

#include <rivet/backtrace/backtrace.hpp>

#include <elfutils/libdw.h>
#include <libelf.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::backtrace {

std::string demangle(const char* name);

struct elf_symbol {
    std::uint32_t address;
    std::uint32_t size;  // from .symtab, or derived (see functions())
    std::string name;    // as in .symtab (mangled)
    bool weak = false;
};

// Where the DWARF of discarded functions is moved to: no Cortex-M executes
// code in the vendor system region.
inline constexpr std::uint32_t discarded_address = 0xf0000000u;

struct debug_info::impl {
    std::vector<std::uint8_t> image;
    std::string name;
    std::string problem;
    Elf* elf = nullptr;
    Dwarf* dwarf = nullptr;
    Dwarf_CFI* cfi = nullptr;
    std::vector<elf_symbol> symbols;  // functions, by address; among aliases the strong one first
    std::vector<section> sections;    // allocated, by address
    std::vector<Dwarf_Die> units;     // the compile units' DIEs
    // The code ranges of the call-frame entries (FDEs) in .debug_frame.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> frame_entries;
    std::uint32_t reset_vector = 0;  // the reset handler's address, 0 if unknown

    impl() = default;
    impl(const impl&) = delete;
    impl& operator=(const impl&) = delete;
    ~impl();

    void note(const std::string& what);
    void open();  // image.cpp

    // Address tests (image.cpp).
    [[nodiscard]] bool in_code(std::uint32_t pc) const;
    [[nodiscard]] bool function_starts_at(std::uint32_t address) const;
    // Code the linker kept can start at `address`: a function symbol starts
    // there, or it lies in an executable section and is not the 0 that a
    // relocation against a discarded section resolves to.
    [[nodiscard]] bool plausible_start(std::uint32_t address) const;
    [[nodiscard]] const elf_symbol* symbol_at(std::uint32_t pc) const;
    [[nodiscard]] std::string describe(std::uint32_t pc) const;
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> bytes_at(std::uint32_t address,
                                                                    std::uint32_t length) const;
    // Any .symtab symbol (data too): its value and size.
    [[nodiscard]] std::optional<std::pair<std::uint32_t, std::uint32_t>> find_symbol(
        std::string_view wanted) const;
    // The instruction before `address` is a call (BL, or BLX through a register).
    [[nodiscard]] bool follows_a_call(std::uint32_t address) const;

    // DWARF lookups (symbolize.cpp).
    [[nodiscard]] std::vector<location> symbolize(std::uint32_t pc) const;
    // The compile unit whose code holds pc and the chain of scopes in it.
    bool scopes_at(std::uint32_t pc, Dwarf_Die& unit, std::vector<Dwarf_Die>& chain) const;

private:
    void read_sections_and_symbols();
    void ignore_discarded_debug_info();
    void derive_symbol_sizes();
};

// The image's vector table (vectors.cpp); see debug_info::find_vector_table.
std::optional<vector_table> vector_table_of(const debug_info::impl& image,
                                            std::optional<std::uint32_t> boot_address);

}  // namespace rivet::backtrace
