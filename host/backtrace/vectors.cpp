// Finding the vector table of any firmware image, Rivet's or not: the core
// reads it at reset, so the initial SP and every exception handler are there
// whatever the symbols are called.
#include <rivet/contracts/runner.hpp>

#include <fmt/format.h>
#include <gelf.h>

#include <array>
#include <cstring>

#include "image.hpp"

namespace rivet::backtrace {
namespace {

// The architecture's 16 system exceptions and at most 496 interrupts.
constexpr std::size_t max_vectors = 16 + 496;

// Where vendors' startup files put the table, and what they call it.
constexpr std::array table_sections = {".isr_vector", ".vectors", ".vector_table", ".isr_vectors",
                                       ".intvecs"};
constexpr std::array table_symbols = {"g_pfnVectors",   "__isr_vector",   "__Vectors",
                                      "__vector_table", "_vector_table",  "vector_table",
                                      "_vectors",       "exception_table"};

std::optional<std::uint32_t> word_at(const debug_info::impl& image, std::uint32_t address) {
    auto bytes = image.bytes_at(address, 4);
    if (!bytes) return std::nullopt;
    std::uint32_t word = 0;
    std::memcpy(&word, bytes->data(), 4);
    return word;
}

bool thumb_code(const debug_info::impl& image, std::uint32_t word) {
    return (word & 1u) != 0 && image.in_code(word & ~1u);
}

// The table at `address`, when it starts with a plausible initial SP and a
// reset vector into Thumb code. Without a known size the table ends at the
// first word that is neither empty nor a handler.
std::optional<vector_table> read_table(const debug_info::impl& image, std::uint32_t address,
                                       std::uint32_t size, std::string found_by) {
    auto sp = word_at(image, address);
    auto reset = word_at(image, address + 4);
    if (!sp || !reset || *sp == 0 || (*sp & 3u) != 0 || !thumb_code(image, *reset))
        return std::nullopt;
    vector_table table;
    table.address = address;
    table.initial_sp = *sp;
    table.found_by = std::move(found_by);
    table.handlers = {0, *reset & ~1u};
    const std::size_t count =
        size != 0 ? std::min<std::size_t>(size / 4, max_vectors) : max_vectors;
    for (std::size_t n = 2; n < count; ++n) {
        auto word = word_at(image, address + static_cast<std::uint32_t>(4 * n));
        if (!word) break;
        if (*word != 0 && !thumb_code(image, *word)) {
            if (size == 0) break;
            *word = 0;  // a slot the table's owner filled with something else
        }
        table.handlers.push_back(*word & ~1u);
    }
    while (table.handlers.size() > 2 && table.handlers.back() == 0) table.handlers.pop_back();
    return table;
}

// The start of the executable load segment at the lowest address: linker
// scripts put the vectors first.
std::optional<std::uint32_t> first_code_segment(const debug_info::impl& image) {
    std::size_t count = 0;
    if (image.elf == nullptr || elf_getphdrnum(image.elf, &count) != 0) return std::nullopt;
    std::optional<std::uint32_t> lowest;
    for (std::size_t i = 0; i < count && i < 4096; ++i) {
        GElf_Phdr header;
        if (gelf_getphdr(image.elf, static_cast<int>(i), &header) == nullptr) continue;
        if (header.p_type != PT_LOAD || (header.p_flags & PF_X) == 0 || header.p_filesz == 0)
            continue;
        const auto address = static_cast<std::uint32_t>(header.p_vaddr);
        if (!lowest || address < *lowest) lowest = address;
    }
    return lowest;
}

}  // namespace

std::optional<vector_table> vector_table_of(const debug_info::impl& image,
                                            std::optional<std::uint32_t> boot_address) {
    if (auto rivet = image.find_symbol(contracts::vector_table_symbol)) {
        if (auto table =
                read_table(image, rivet->first, rivet->second, fmt::format("symbol {}", contracts::vector_table_symbol)))
            return table;
    }
    if (boot_address) {
        if (auto table = read_table(image, *boot_address, 0,
                                    fmt::format("the boot address 0x{:08x}", *boot_address)))
            return table;
    }
    for (const auto& section : image.sections) {
        for (const char* name : table_sections) {
            if (section.name != name || !section.has_bytes) continue;
            if (auto table = read_table(image, section.address, section.size,
                                        fmt::format("section {}", name)))
                return table;
        }
    }
    for (const char* name : table_symbols) {
        if (auto symbol = image.find_symbol(name)) {
            if (auto table = read_table(image, symbol->first, symbol->second,
                                        fmt::format("symbol {}", name)))
                return table;
        }
    }
    if (auto start = first_code_segment(image)) {
        return read_table(
            image, *start, 0,
            fmt::format("the start of the first executable segment (0x{:08x})", *start));
    }
    return std::nullopt;
}

std::optional<vector_table> debug_info::find_vector_table(
    std::optional<std::uint32_t> boot_address) const {
    return vector_table_of(*impl_, boot_address);
}

}  // namespace rivet::backtrace
