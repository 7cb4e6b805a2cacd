// libFuzzer entry point for rivet-fontgen's readers: PCF and BDF bytes must
// give a font or an error, never a crash, runaway memory or a sanitizer
// report; a font read must also make a header.
#include <cstdint>
#include <vector>

#include "rivet/fontgen/font.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> bytes(data, data + size);
    const auto font = rivet::fontgen::parse(bytes, "fuzz");
    if (font) (void)rivet::fontgen::emit_header(*font.value, "fuzz", {U'A', U'?', 0xe9}, "fuzz");
    return 0;
}
