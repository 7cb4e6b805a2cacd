// libFuzzer entry point for `rivet stack`'s parsers: .su text and Thumb code
// must be read without a crash or a sanitizer report, whatever the bytes.
#include <rivet/stack/analysis.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)rivet::stack::parse_usage(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::vector<std::uint8_t> code(data, data + size);
    for (const auto& call : rivet::stack::decode_calls(code, 0x08000000u)) {
        if (call.from < 0x08000000u || call.from >= 0x08000000u + size) __builtin_trap();
    }
    return 0;
}
