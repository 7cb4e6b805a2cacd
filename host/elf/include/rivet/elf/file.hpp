// Host-side reader for Cortex-M firmware images: what to load where, symbols
// for breakpoints and backtraces, and the contents of named sections such as
// the board description in ".rivet.board".
#pragma once

#include <rivet/elf/arm_attributes.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::elf {

// A PT_LOAD program header that carries bytes from the file.
struct segment {
    std::uint32_t load_address;      // p_paddr (LMA): where the bytes are flashed/loaded
    std::uint32_t virtual_address;   // p_vaddr: where the code expects them at run time
    std::vector<std::uint8_t> data;  // p_filesz bytes
    std::uint32_t memory_size;       // p_memsz; the excess over data.size() is zero-filled
};

// A section that occupies target memory (SHF_ALLOC): code, data, .bss, a
// NOLOAD stack or heap.
struct allocated_section {
    std::string name;
    std::uint32_t address = 0;  // sh_addr: where it sits at run time
    std::uint32_t size = 0;
    bool has_bytes = false;  // the file holds its contents (not SHT_NOBITS)
    bool executable = false;
    bool writable = false;
};

struct symbol {
    std::string name;
    // For functions the Thumb bit is cleared, so this is the address of the
    // first instruction (what a breakpoint or a PC comparison needs).
    std::uint32_t value;
    std::uint32_t size;
    bool is_function;
};

// A 32-bit little-endian ARM ELF, read completely and validated by open(); the
// libelf handle is released before open() returns, so a file is cheap to keep.
class file {
public:
    // Throws rivet::error: no_input if the file cannot be read, bad_input if it
    // is not an ELF, not 32-bit little-endian ARM, corrupt, or has nothing to load.
    static file open(const std::filesystem::path& path);

    file(file&&) noexcept = default;
    file& operator=(file&&) noexcept = default;
    file(const file&) = delete;
    file& operator=(const file&) = delete;
    ~file() = default;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // e_entry as written: for Thumb code it has bit 0 set, like a vector table entry.
    [[nodiscard]] std::uint32_t entry() const { return entry_; }

    // PT_LOAD headers with p_filesz > 0, in file order.
    [[nodiscard]] const std::vector<segment>& load_segments() const { return segments_; }

    // The little-endian word the load segments put at `address` (a load
    // address), if they cover all four bytes.
    [[nodiscard]] std::optional<std::uint32_t> word_at(std::uint32_t address) const;

    // Looks in .symtab; a global symbol wins over local ones of the same name.
    [[nodiscard]] std::optional<symbol> find_symbol(std::string_view name) const;

    // The function whose [value, value + size) holds the address (Thumb bit
    // ignored); a function of size 0 only matches its own first address.
    [[nodiscard]] std::optional<symbol> symbol_at(std::uint32_t address) const;

    // The sections that occupy memory, in section-header order.
    [[nodiscard]] const std::vector<allocated_section>& allocated_sections() const {
        return allocated_;
    }

    // What .ARM.attributes says of the code (all unknown without it).
    [[nodiscard]] const cpu_attributes& cpu() const { return cpu_; }

    // Contents of the first section with this name, loaded or not. A section
    // without file contents (SHT_NOBITS, e.g. .bss) yields an empty vector.
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> section(std::string_view name) const;

private:
    struct section_entry {
        std::string name;
        std::vector<std::uint8_t> data;
    };
    struct symbol_entry {
        symbol sym;
        bool is_global;
    };

    file() = default;

    std::filesystem::path path_;
    std::uint32_t entry_ = 0;
    std::vector<segment> segments_;
    std::vector<symbol_entry> symbols_;
    std::vector<section_entry> sections_;
    std::vector<allocated_section> allocated_;
    cpu_attributes cpu_;
};

}  // namespace rivet::elf
