// libFuzzer entry point for the ELF reader: every input must either open or
// be rejected with rivet::error, never crash, leak or trip a sanitizer.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "rivet/elf/file.hpp"
#include "rivet/support/error.hpp"

namespace {

// The reader takes a path, so each input goes through one temp file per process.
const std::filesystem::path& input_path() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("rivet_elf_fuzz_" + std::to_string(::getpid()));
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& path = input_path();
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) return 0;
    const bool written = std::fwrite(data, 1, size, out) == size;
    std::fclose(out);
    if (!written) return 0;
    try {
        const auto elf = rivet::elf::file::open(path);
        // Touch everything the reader hands out.
        for (const auto& seg : elf.load_segments()) {
            if (seg.data.size() > seg.memory_size) __builtin_trap();
            (void)elf.symbol_at(seg.virtual_address);
        }
        (void)elf.find_symbol("main");
        (void)elf.section(".rivet.board");
    } catch (const rivet::error&) {
    }
    return 0;
}
