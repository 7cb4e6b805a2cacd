// libFuzzer entry point for `rivet stack`: .su text, Thumb code and whole
// ELF images must be read without a crash, runaway memory or a sanitizer
// report, whatever the bytes. The first byte picks what the rest is.
#include <rivet/stack/analysis.hpp>
#include <rivet/support/error.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const bool elf = (data[0] & 1u) != 0;
    ++data;
    --size;
    if (elf) {
        rivet::backtrace::debug_info info(std::vector<std::uint8_t>(data, data + size), "fuzz.elf");
        try {
            (void)rivet::stack::format(rivet::stack::analyse(info, "fuzz.elf", {}));
        } catch (const rivet::error&) {
            // no functions: a clear error is the right answer
        }
        return 0;
    }
    (void)rivet::stack::parse_usage(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::vector<std::uint8_t> code(data, data + size);
    for (const auto& call : rivet::stack::decode_calls(code, 0x08000000u)) {
        if (call.from < 0x08000000u || call.from >= 0x08000000u + size) __builtin_trap();
    }
    (void)rivet::stack::frame_from_code(code);
    return 0;
}
