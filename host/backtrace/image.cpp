// Opening a firmware image: sections, function symbols, libdw's handles, and
// the DWARF of discarded functions moved out of the way (dwarf_cleanup.hpp).
#include <cxxabi.h>
#include <fmt/format.h>
#include <gelf.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "dwarf_cleanup.hpp"
#include "image.hpp"

namespace rivet::backtrace {

std::string demangle(const char* name) {
    if (name == nullptr) return {};
    int status = 0;
    char* readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status != 0 || readable == nullptr) return name;
    std::string result(readable);
    std::free(readable);
    return result;
}

namespace {

// Calls fn(symbol, name) for each named .symtab symbol until fn returns true.
template <typename F>
void for_each_symbol(Elf* elf, F&& fn) {
    Elf_Scn* scn = nullptr;
    while (elf != nullptr && (scn = elf_nextscn(elf, scn)) != nullptr) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) == nullptr || header.sh_type != SHT_SYMTAB ||
            header.sh_entsize == 0) {
            continue;
        }
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (data == nullptr) continue;
        const auto count = std::min<std::uint64_t>(header.sh_size / header.sh_entsize, 1u << 24);
        for (std::size_t i = 0; i < count; ++i) {
            GElf_Sym sym;
            if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
            const char* name = elf_strptr(elf, header.sh_link, sym.st_name);
            if (name != nullptr && fn(sym, name)) return;
        }
    }
}

}  // namespace

debug_info::impl::~impl() {
    if (dwarf != nullptr) dwarf_end(dwarf);
    if (elf != nullptr) elf_end(elf);
}

void debug_info::impl::note(const std::string& what) {
    if (problem.empty()) problem = what;
}

void debug_info::impl::open() {
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
    read_sections_and_symbols();
    ignore_discarded_debug_info();
    dwarf = dwarf_begin_elf(elf, DWARF_C_READ, nullptr);
    if (dwarf == nullptr) {
        note(fmt::format(
            "{}: no usable debug information ({}); build with -g for file:line and a backtrace",
            name, dwarf_errmsg(-1)));
    } else {
        // Walk the unit headers once so that a corrupt .debug_info is named
        // up front rather than showing only as missing file:line.
        Dwarf_Off offset = 0;
        Dwarf_Off next = 0;
        std::size_t header_size = 0;
        int status = 0;
        while ((status = dwarf_nextcu(dwarf, offset, &next, &header_size, nullptr, nullptr,
                                      nullptr)) == 0 &&
               units.size() < 100000) {
            Dwarf_Die die;
            if (dwarf_offdie(dwarf, offset + header_size, &die) == nullptr) {
                status = -1;
                break;
            }
            units.push_back(die);
            offset = next;
        }
        if (status < 0 || units.empty()) {
            note(fmt::format("{}: the debug information is corrupt ({}); file:line may be missing",
                             name, dwarf_errmsg(-1)));
        }
        cfi = dwarf_getcfi(dwarf);
        if (cfi == nullptr) {
            note(fmt::format("{}: no call-frame information (.debug_frame): {}", name,
                             dwarf_errmsg(-1)));
        }
    }
    derive_symbol_sizes();
    if (auto table = vector_table_of(*this, std::nullopt)) {
        if (table->handlers.size() > 1) reset_vector = table->handlers[1];
    }
}

void debug_info::impl::read_sections_and_symbols() {
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf, scn)) != nullptr) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) == nullptr) continue;
        if ((header.sh_flags & SHF_ALLOC) != 0 && header.sh_size != 0) {
            std::size_t string_table = 0;
            const char* section_name = nullptr;
            if (elf_getshdrstrndx(elf, &string_table) == 0)
                section_name = elf_strptr(elf, string_table, header.sh_name);
            sections.push_back({section_name != nullptr ? section_name : "",
                                static_cast<std::uint32_t>(header.sh_addr),
                                static_cast<std::uint32_t>(header.sh_size),
                                (header.sh_flags & SHF_EXECINSTR) != 0,
                                (header.sh_flags & SHF_WRITE) != 0, header.sh_type != SHT_NOBITS});
        }
    }
    for_each_symbol(elf, [&](const GElf_Sym& sym, const char* n) {
        if (GELF_ST_TYPE(sym.st_info) == STT_FUNC && sym.st_shndx != SHN_UNDEF) {
            symbols.push_back({static_cast<std::uint32_t>(sym.st_value) & ~1u,
                               static_cast<std::uint32_t>(sym.st_size), n,
                               GELF_ST_BIND(sym.st_info) == STB_WEAK});
        }
        return false;
    });
    std::sort(sections.begin(), sections.end(),
              [](const auto& a, const auto& b) { return a.address < b.address; });
    std::stable_sort(symbols.begin(), symbols.end(), [](const auto& a, const auto& b) {
        // Among aliases, the strong definition first.
        return a.address != b.address ? a.address < b.address : (!a.weak && b.weak);
    });
}

void debug_info::impl::ignore_discarded_debug_info() {
    std::size_t string_table = 0;
    if (elf_getshdrstrndx(elf, &string_table) != 0) return;
    auto kept = [this](std::uint32_t address) { return plausible_start(address); };
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf, scn)) != nullptr) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) == nullptr || header.sh_type == SHT_NOBITS) continue;
        const char* section_name = elf_strptr(elf, string_table, header.sh_name);
        if (section_name == nullptr) continue;
        // libdw takes these by name, whatever their type, and decompresses
        // them (SHF_COMPRESSED, or GNU's .zdebug_): so do the same first and
        // rewrite the bytes it will read.
        const std::string_view which(section_name);
        const bool gnu_compressed = which.starts_with(".zdebug_");
        const std::string_view plain =
            gnu_compressed ? which.substr(2) : (which.starts_with(".") ? which.substr(1) : "");
        if (plain != "debug_frame" && plain != "debug_line") continue;
        if (gnu_compressed && elf_compress_gnu(scn, 0, 0) < 0) continue;
        if (!gnu_compressed && (header.sh_flags & SHF_COMPRESSED) != 0 &&
            elf_compress(scn, 0, 0) < 0)
            continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (data == nullptr || data->d_buf == nullptr) continue;
        std::span<std::uint8_t> bytes(static_cast<std::uint8_t*>(data->d_buf), data->d_size);
        if (plain == "debug_frame") {
            for (const auto& range : move_discarded_frame_entries(bytes, kept, discarded_address))
                frame_entries.emplace_back(range.start, range.size);
        } else {
            move_discarded_line_sequences(bytes, kept, discarded_address);
        }
    }
}

void debug_info::impl::derive_symbol_sizes() {
    // Assembly often omits .size: take the call-frame entry's range, or
    // reach to the next symbol within the section.
    std::sort(frame_entries.begin(), frame_entries.end());
    for (auto& s : symbols) {
        if (s.size != 0) continue;
        auto entry = std::lower_bound(frame_entries.begin(), frame_entries.end(),
                                      std::make_pair(s.address, std::uint32_t{0}));
        if (entry != frame_entries.end() && entry->first == s.address && entry->second != 0 &&
            entry->second < 0x100000) {
            s.size = entry->second;
            continue;
        }
        auto section = std::find_if(sections.begin(), sections.end(), [&](const auto& sec) {
            return s.address >= sec.address && s.address - sec.address < sec.size;
        });
        if (section == sections.end()) continue;
        std::uint32_t end = section->address + section->size;
        auto next = std::upper_bound(
            symbols.begin(), symbols.end(), s.address,
            [](std::uint32_t a, const elf_symbol& other) { return a < other.address; });
        if (next != symbols.end()) end = std::min(end, next->address);
        s.size = end - s.address;
    }
}

bool debug_info::impl::in_code(std::uint32_t pc) const {
    return std::any_of(sections.begin(), sections.end(), [&](const auto& s) {
        return s.executable && pc >= s.address && pc - s.address < s.size;
    });
}

bool debug_info::impl::function_starts_at(std::uint32_t address) const {
    auto it = std::lower_bound(symbols.begin(), symbols.end(), address,
                               [](const elf_symbol& s, std::uint32_t a) { return s.address < a; });
    return it != symbols.end() && it->address == address;
}

bool debug_info::impl::plausible_start(std::uint32_t address) const {
    if (function_starts_at(address)) return true;
    return address > 1 && in_code(address);
}

const elf_symbol* debug_info::impl::symbol_at(std::uint32_t pc) const {
    auto end = std::upper_bound(symbols.begin(), symbols.end(), pc,
                                [](std::uint32_t a, const elf_symbol& s) { return a < s.address; });
    while (end != symbols.begin()) {
        // The aliases [first, end) start at the same address; the strong one is first.
        auto first = std::prev(end);
        while (first != symbols.begin() && std::prev(first)->address == first->address) --first;
        std::uint32_t size = 0;
        for (auto it = first; it != end; ++it) size = std::max(size, it->size);
        if (pc - first->address < std::max<std::uint32_t>(size, 1)) return &*first;
        if (size != 0) return nullptr;  // the function before pc ends before it
        end = first;
    }
    return nullptr;
}

std::string debug_info::impl::describe(std::uint32_t pc) const {
    const elf_symbol* symbol = symbol_at(pc);
    if (symbol == nullptr) return fmt::format("0x{:08x}", pc);
    return fmt::format("0x{:08x} ({})", pc, demangle(symbol->name.c_str()));
}

std::optional<std::vector<std::uint8_t>> debug_info::impl::bytes_at(std::uint32_t address,
                                                                    std::uint32_t length) const {
    if (elf == nullptr) return std::nullopt;
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf, scn)) != nullptr) {
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

bool debug_info::impl::follows_a_call(std::uint32_t address) const {
    if (address >= 4) {
        if (auto bytes = bytes_at(address - 4, 4)) {
            const std::uint32_t hw1 = (*bytes)[0] | ((*bytes)[1] << 8);
            const std::uint32_t hw2 = (*bytes)[2] | ((*bytes)[3] << 8);
            if ((hw1 & 0xf800) == 0xf000 && (hw2 & 0xd000) == 0xd000) return true;  // BL
        }
    }
    if (address >= 2) {
        if (auto bytes = bytes_at(address - 2, 2)) {
            const std::uint32_t hw = (*bytes)[0] | ((*bytes)[1] << 8);
            if ((hw & 0xff87) == 0x4780) return true;  // BLX Rm
        }
    }
    return false;
}

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
    if (!in) info->impl_->problem = fmt::format("{}: cannot read the file", path);
    return info;
}

const std::string& debug_info::problem() const {
    return impl_->problem;
}

std::vector<debug_info::function> debug_info::functions() const {
    std::vector<function> out;
    for (const auto& s : impl_->symbols) {
        if (!out.empty() && out.back().address == s.address) continue;  // aliases
        out.push_back({demangle(s.name.c_str()), s.address, s.size});
    }
    return out;
}

const std::vector<section>& debug_info::sections() const {
    return impl_->sections;
}

std::optional<std::vector<std::uint8_t>> debug_info::bytes_at(std::uint32_t address,
                                                              std::uint32_t length) const {
    return impl_->bytes_at(address, length);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> debug_info::impl::find_symbol(
    std::string_view wanted) const {
    std::optional<std::pair<std::uint32_t, std::uint32_t>> found;
    for_each_symbol(elf, [&](const GElf_Sym& sym, const char* n) {
        if (wanted != n || sym.st_shndx == SHN_UNDEF) return false;
        found = std::make_pair(static_cast<std::uint32_t>(sym.st_value),
                               static_cast<std::uint32_t>(sym.st_size));
        return true;
    });
    return found;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> debug_info::find_symbol(
    std::string_view name) const {
    return impl_->find_symbol(name);
}

}  // namespace rivet::backtrace
