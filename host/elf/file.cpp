#include "rivet/elf/file.hpp"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

#include "rivet/support/error.hpp"

namespace rivet::elf {
namespace {

[[noreturn]] void fail(error_kind kind, const std::filesystem::path& path,
                       const std::string& what) {
    throw error(kind, path.string() + ": " + what);
}

[[noreturn]] void corrupt(const std::filesystem::path& path, const std::string& what) {
    fail(error_kind::bad_input, path, what);
}

std::string hex(std::uint64_t value) {
    char buffer[32];
    (void)std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(value));
    return buffer;
}

std::string libelf_error() {
    const char* message = elf_errmsg(-1);
    return message != nullptr ? message : "unknown libelf error";
}

void init_libelf() {
    static std::once_flag once;
    std::call_once(once, [] { elf_version(EV_CURRENT); });
}

// The whole file in memory: libelf then never sees a file that changes under
// it, and every offset can be checked against one known size.
std::vector<char> read_all(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(error_kind::no_input, path, std::strerror(errno));
    std::vector<char> bytes;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            fail(error_kind::no_input, path, std::strerror(saved));
        }
        if (n == 0) break;
        bytes.insert(bytes.end(), chunk, chunk + n);
    }
    ::close(fd);
    return bytes;
}

const char* machine_name(unsigned machine) {
    switch (machine) {
        case EM_NONE:
            return "no-machine";
        case EM_386:
            return "x86";
        case EM_X86_64:
            return "x86-64";
        case EM_ARM:
            return "ARM";
        case EM_AARCH64:
            return "AArch64";
        case EM_RISCV:
            return "RISC-V";
        case EM_MIPS:
            return "MIPS";
        case EM_PPC:
            return "PowerPC";
        case EM_PPC64:
            return "PowerPC64";
        case EM_SPARC:
        case EM_SPARCV9:
            return "SPARC";
        case EM_S390:
            return "S/390";
        case EM_68K:
            return "m68k";
        case EM_XTENSA:
            return "Xtensa";
        case EM_AVR:
            return "AVR";
        case EM_MSP430:
            return "MSP430";
        default:
            return nullptr;
    }
}

// What the user handed us, in words they recognise ("x86-64 ELF", "64-bit
// ARM ELF"): the width is only spelled out when the machine does not imply it.
std::string describe(unsigned char elf_class, unsigned char data, unsigned machine) {
    std::string text;
    const bool width_implied =
        machine == EM_X86_64 || machine == EM_AARCH64 || machine == EM_386 || machine == EM_PPC64;
    if (!width_implied) text += elf_class == ELFCLASS64 ? "64-bit " : "32-bit ";
    const bool usually_big = machine == EM_PPC || machine == EM_PPC64 || machine == EM_SPARC ||
                             machine == EM_SPARCV9 || machine == EM_S390 || machine == EM_68K;
    if (data == ELFDATA2MSB && !usually_big) text += "big-endian ";
    if (const char* name = machine_name(machine)) {
        text += name;
    } else {
        text += "machine " + std::to_string(machine);
    }
    return text + " ELF";
}

// Checks the identification bytes by hand so that a wrong file is named
// precisely before libelf, which would convert any class or byte order, is used.
void check_identity(const std::filesystem::path& path, const std::vector<char>& bytes) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() < SELFMAG || std::memcmp(bytes.data(), ELFMAG, SELFMAG) != 0) {
        corrupt(path, "not an ELF file");
    }
    if (bytes.size() < EI_NIDENT) corrupt(path, "truncated ELF identification");
    const unsigned char elf_class = byte(EI_CLASS);
    const unsigned char data = byte(EI_DATA);
    if (elf_class != ELFCLASS32 && elf_class != ELFCLASS64) {
        corrupt(path, "invalid ELF class " + std::to_string(elf_class));
    }
    if (data != ELFDATA2LSB && data != ELFDATA2MSB) {
        corrupt(path, "invalid ELF data encoding " + std::to_string(data));
    }
    if (byte(EI_VERSION) != EV_CURRENT) {
        corrupt(path, "unsupported ELF version " + std::to_string(byte(EI_VERSION)));
    }
    const std::size_t header_size =
        elf_class == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
    if (bytes.size() < header_size) {
        corrupt(path, "truncated ELF header (" + std::to_string(bytes.size()) + " of " +
                          std::to_string(header_size) + " bytes)");
    }
    // e_machine sits at the same offset in both classes.
    const std::size_t at = offsetof(Elf32_Ehdr, e_machine);
    const unsigned machine =
        data == ELFDATA2LSB ? byte(at) | (byte(at + 1) << 8) : (byte(at) << 8) | byte(at + 1);
    if (elf_class != ELFCLASS32 || data != ELFDATA2LSB || machine != EM_ARM) {
        corrupt(path, "wrong architecture: " + describe(elf_class, data, machine) +
                          ", expected 32-bit ARM");
    }
}

bool fits(std::uint64_t offset, std::uint64_t size, std::uint64_t file_size) {
    return offset <= file_size && size <= file_size - offset;
}

struct elf_closer {
    void operator()(Elf* elf) const { elf_end(elf); }
};
using elf_handle = std::unique_ptr<Elf, elf_closer>;

}  // namespace

file file::open(const std::filesystem::path& path) {
    init_libelf();
    std::vector<char> bytes = read_all(path);
    check_identity(path, bytes);
    const std::uint64_t size = bytes.size();

    elf_handle elf(elf_memory(bytes.data(), bytes.size()));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF) corrupt(path, "not an ELF file");
    // Every header and symbol is copied out through gelf: libelf hands out
    // pointers straight into the file image, which an ELF with tables at odd
    // offsets leaves misaligned for the Elf32_* types.
    GElf_Ehdr ehdr;
    if (gelf_getehdr(elf.get(), &ehdr) == nullptr)
        corrupt(path, "bad ELF header: " + libelf_error());
    const GElf_Ehdr* header = &ehdr;

    file result;
    result.path_ = path;
    result.entry_ = static_cast<std::uint32_t>(header->e_entry);

    // Check the raw table positions before asking libelf for counts: it treats
    // an out-of-range table as empty rather than as an error.
    if (header->e_phnum != 0 && header->e_phnum != PN_XNUM &&
        !fits(header->e_phoff, std::uint64_t{header->e_phnum} * header->e_phentsize, size)) {
        corrupt(path, "program header table at offset " + hex(header->e_phoff) + " (" +
                          std::to_string(header->e_phnum) + " entries) extends past end of file (" +
                          std::to_string(size) + " bytes)");
    }
    const std::uint64_t raw_shnum = header->e_shnum != 0 ? header->e_shnum : 1;
    if (header->e_shoff != 0 &&
        !fits(header->e_shoff, raw_shnum * std::max<std::uint64_t>(header->e_shentsize, 1), size)) {
        corrupt(path, "section header table at offset " + hex(header->e_shoff) + " (" +
                          std::to_string(header->e_shnum) + " entries) extends past end of file (" +
                          std::to_string(size) + " bytes)");
    }

    // Program headers.
    std::size_t phnum = 0;
    if (elf_getphdrnum(elf.get(), &phnum) != 0) {
        corrupt(path, "bad program header count: " + libelf_error());
    }
    if (phnum > 0) {
        if (header->e_phentsize != sizeof(Elf32_Phdr)) {
            corrupt(path, "bad program header entry size " + std::to_string(header->e_phentsize));
        }
        if (!fits(header->e_phoff, std::uint64_t{phnum} * sizeof(Elf32_Phdr), size)) {
            corrupt(path, "program header table at offset " + hex(header->e_phoff) + " (" +
                              std::to_string(phnum) + " entries) extends past end of file (" +
                              std::to_string(size) + " bytes)");
        }
        for (std::size_t i = 0; i < phnum; ++i) {
            GElf_Phdr ph;
            if (gelf_getphdr(elf.get(), static_cast<int>(i), &ph) == nullptr)
                corrupt(path, "bad program header " + std::to_string(i) + ": " + libelf_error());
            if (ph.p_type != PT_LOAD || ph.p_filesz == 0) continue;
            const std::string where = "segment " + std::to_string(i) + " (vaddr " +
                                      hex(ph.p_vaddr) + ", paddr " + hex(ph.p_paddr) + ")";
            if (!fits(ph.p_offset, ph.p_filesz, size)) {
                corrupt(path, where + ": file range " + hex(ph.p_offset) + "+" + hex(ph.p_filesz) +
                                  " extends past end of file (" + std::to_string(size) + " bytes)");
            }
            if (ph.p_filesz > ph.p_memsz) {
                corrupt(path, where + ": file size " + hex(ph.p_filesz) + " exceeds memory size " +
                                  hex(ph.p_memsz));
            }
            const auto* begin = reinterpret_cast<const std::uint8_t*>(bytes.data()) + ph.p_offset;
            result.segments_.push_back(segment{
                static_cast<std::uint32_t>(ph.p_paddr), static_cast<std::uint32_t>(ph.p_vaddr),
                std::vector<std::uint8_t>(begin, begin + ph.p_filesz),
                static_cast<std::uint32_t>(ph.p_memsz)});
        }
    }
    if (result.segments_.empty()) corrupt(path, "no loadable segments");

    // Section headers: optional for loading, but if present they must be sound.
    std::size_t shnum = 0;
    if (elf_getshdrnum(elf.get(), &shnum) != 0) {
        corrupt(path, "bad section header count: " + libelf_error());
    }
    if (shnum == 0) return result;
    if (header->e_shentsize != sizeof(Elf32_Shdr)) {
        corrupt(path, "bad section header entry size " + std::to_string(header->e_shentsize));
    }
    if (!fits(header->e_shoff, std::uint64_t{shnum} * sizeof(Elf32_Shdr), size)) {
        corrupt(path, "section header table at offset " + hex(header->e_shoff) + " (" +
                          std::to_string(shnum) + " entries) extends past end of file (" +
                          std::to_string(size) + " bytes)");
    }
    std::size_t shstrndx = 0;
    if (elf_getshdrstrndx(elf.get(), &shstrndx) != 0 || shstrndx >= shnum) {
        corrupt(path, "bad section name table index");
    }

    Elf_Scn* symtab = nullptr;
    for (std::size_t i = 1; i < shnum; ++i) {
        Elf_Scn* scn = elf_getscn(elf.get(), i);
        GElf_Shdr shdr;
        const GElf_Shdr* sh = scn != nullptr ? gelf_getshdr(scn, &shdr) : nullptr;
        if (sh == nullptr) {
            corrupt(path, "bad section header " + std::to_string(i) + ": " + libelf_error());
        }
        const char* name = elf_strptr(elf.get(), shstrndx, sh->sh_name);
        if (name == nullptr) {
            corrupt(path, "section " + std::to_string(i) + ": bad name offset " + hex(sh->sh_name));
        }
        section_entry entry{name, {}};
        if (sh->sh_type != SHT_NOBITS) {
            if (!fits(sh->sh_offset, sh->sh_size, size)) {
                corrupt(path, "section " + std::string(name) + ": file range " +
                                  hex(sh->sh_offset) + "+" + hex(sh->sh_size) +
                                  " extends past end of file (" + std::to_string(size) + " bytes)");
            }
            const auto* begin = reinterpret_cast<const std::uint8_t*>(bytes.data()) + sh->sh_offset;
            entry.data.assign(begin, begin + sh->sh_size);
        }
        if ((sh->sh_flags & SHF_ALLOC) != 0 && sh->sh_size > 0) {
            result.allocated_.push_back(allocated_section{
                name, static_cast<std::uint32_t>(sh->sh_addr),
                static_cast<std::uint32_t>(sh->sh_size), sh->sh_type != SHT_NOBITS,
                (sh->sh_flags & SHF_EXECINSTR) != 0, (sh->sh_flags & SHF_WRITE) != 0});
        }
        if (sh->sh_type == SHT_ARM_ATTRIBUTES && result.cpu_.arch == std::nullopt) {
            result.cpu_ = parse_arm_attributes(entry.data);
        }
        result.sections_.push_back(std::move(entry));
        if (sh->sh_type == SHT_SYMTAB && symtab == nullptr) symtab = scn;
    }
    if (symtab == nullptr) return result;

    GElf_Shdr sym_shdr;
    const GElf_Shdr* sym_header = gelf_getshdr(symtab, &sym_shdr);
    if (sym_header == nullptr) corrupt(path, "section .symtab: " + libelf_error());
    if (sym_header->sh_entsize != sizeof(Elf32_Sym)) {
        corrupt(path, "section .symtab: bad entry size " + std::to_string(sym_header->sh_entsize));
    }
    const std::size_t strtab = sym_header->sh_link;
    Elf_Scn* strtab_scn = strtab < shnum ? elf_getscn(elf.get(), strtab) : nullptr;
    GElf_Shdr str_shdr;
    const GElf_Shdr* str_header =
        strtab_scn != nullptr ? gelf_getshdr(strtab_scn, &str_shdr) : nullptr;
    if (strtab == 0 || str_header == nullptr || str_header->sh_type != SHT_STRTAB) {
        corrupt(path, "section .symtab: bad string table index " + std::to_string(strtab));
    }
    Elf_Data* data = elf_getdata(symtab, nullptr);
    if (data == nullptr) corrupt(path, "section .symtab: " + libelf_error());
    const std::size_t count = data->d_size / sizeof(Elf32_Sym);
    for (std::size_t i = 1; i < count; ++i) {
        GElf_Sym sym;
        if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr)
            corrupt(path, "symbol " + std::to_string(i) + ": " + libelf_error());
        const unsigned type = ELF32_ST_TYPE(sym.st_info);
        if (sym.st_shndx == SHN_UNDEF || sym.st_name == 0) continue;
        if (type == STT_SECTION || type == STT_FILE) continue;
        const char* name = elf_strptr(elf.get(), strtab, sym.st_name);
        if (name == nullptr) {
            corrupt(path, "symbol " + std::to_string(i) + ": bad name offset " + hex(sym.st_name));
        }
        const bool is_function = type == STT_FUNC;
        const auto raw_value = static_cast<std::uint32_t>(sym.st_value);
        const std::uint32_t value = is_function ? raw_value & ~std::uint32_t{1} : raw_value;
        const unsigned bind = ELF32_ST_BIND(sym.st_info);
        result.symbols_.push_back(
            symbol_entry{symbol{name, value, static_cast<std::uint32_t>(sym.st_size), is_function},
                         bind != STB_LOCAL});
    }
    return result;
}

std::optional<std::uint32_t> file::word_at(std::uint32_t address) const {
    for (const auto& segment : segments_) {
        if (address >= segment.load_address &&
            address - segment.load_address + 4 <= segment.data.size()) {
            std::uint32_t value = 0;  // little-endian host and target
            std::memcpy(&value, segment.data.data() + (address - segment.load_address), 4);
            return value;
        }
    }
    return std::nullopt;
}

std::optional<symbol> file::find_symbol(std::string_view name) const {
    const symbol_entry* found = nullptr;
    for (const auto& entry : symbols_) {
        if (entry.sym.name != name) continue;
        if (entry.is_global) return entry.sym;
        if (found == nullptr) found = &entry;
    }
    if (found == nullptr) return std::nullopt;
    return found->sym;
}

std::optional<symbol> file::symbol_at(std::uint32_t address) const {
    address &= ~std::uint32_t{1};
    const symbol_entry* best = nullptr;
    for (const auto& entry : symbols_) {
        const symbol& sym = entry.sym;
        if (!sym.is_function) continue;
        const bool contains = sym.size == 0 ? address == sym.value : address - sym.value < sym.size;
        if (!contains || address < sym.value) continue;
        // The innermost sized candidate is the most specific (a size-0 label
        // only wins when nothing sized covers the address); ties go to the
        // global name, which is what a person would call the function.
        const auto rank = [](const symbol& s) {
            return s.size == 0 ? std::uint64_t{1} << 32 : std::uint64_t{s.size};
        };
        if (best == nullptr || rank(sym) < rank(best->sym) ||
            (rank(sym) == rank(best->sym) && entry.is_global && !best->is_global)) {
            best = &entry;
        }
    }
    if (best == nullptr) return std::nullopt;
    return best->sym;
}

std::optional<std::vector<std::uint8_t>> file::section(std::string_view name) const {
    const auto it = std::find_if(sections_.begin(), sections_.end(),
                                 [&](const section_entry& s) { return s.name == name; });
    if (it == sections_.end()) return std::nullopt;
    return it->data;
}

}  // namespace rivet::elf
