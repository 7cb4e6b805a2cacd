// libFuzzer entry point for the unwinder and symbolizer: arbitrary ELF bytes
// (truncated or corrupt DWARF), registers and stack memory must give a
// trace or a clear stop reason, never a crash, hang or sanitizer report.
//
// Input: a 4-byte little-endian ELF length, the ELF, then 64 bytes of
// registers r0..r15, then the stack memory, mapped at r13.
#include <rivet/backtrace/backtrace.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    std::uint32_t elf_size = 0;
    std::memcpy(&elf_size, data, 4);
    data += 4;
    size -= 4;
    if (elf_size > size) elf_size = static_cast<std::uint32_t>(size);
    rivet::backtrace::debug_info info(std::vector<std::uint8_t>(data, data + elf_size), "fuzz.elf");
    data += elf_size;
    size -= elf_size;

    rivet::backtrace::registers regs;
    for (unsigned i = 0; i < 16 && size >= 4; ++i, data += 4, size -= 4) {
        std::memcpy(&regs.r[i], data, 4);
    }
    regs.msp = regs.r[13];
    regs.psp = regs.r[13] + 0x100;
    const std::vector<std::uint8_t> memory(data, data + size);
    const std::uint32_t base = regs.r[13];
    auto read = [&](std::uint32_t address) -> std::optional<std::uint32_t> {
        const std::uint64_t offset = std::uint64_t{address} - base;
        if (address < base || offset + 4 > memory.size()) return std::nullopt;
        std::uint32_t word = 0;
        std::memcpy(&word, memory.data() + offset, 4);
        return word;
    };
    (void)info.symbolize(regs.r[15]);
    (void)info.symbolize(regs.r[14]);
    auto trace = info.unwind(regs, read, 32);
    (void)rivet::backtrace::format(trace);
    return 0;
}
