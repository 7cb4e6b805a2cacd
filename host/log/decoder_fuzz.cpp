// libFuzzer target: any byte stream through the frame decoder and any
// section through the metadata parser; neither may crash or hang.
#include <rivet/log/decoder.hpp>
#include <rivet/log/printer.hpp>
#include <rivet/support/error.hpp>

#include "test_metadata.hpp"

namespace {

const rivet::log::metadata& fixed_metadata() {
    using rivet::log::level;
    static const auto meta = [] {
        rivet::log::testing::section_builder s;
        s.call(level::info, "a={} b={:#x} s={:?}", "ius");
        s.call(level::warn, "{} {} {:?} {}", "bcfd");
        s.call(level::error, "{} {:x} {:?} {}", "yaio(5:({}))ep");
        s.string("interned");
        s.add(rivet::contracts::log::entry_kind::enum_names, 0, 0,
              {"Color", "0", "red", "1", "green"});
        s.call(level::info, "{} {}", "Se");
        return rivet::log::metadata::parse(s.bytes, "fuzz");
    }();
    return meta;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> input(data, size);
    rivet::log::stream_decoder decoder(fixed_metadata(), [](const rivet::log::record& r) {
        (void)rivet::log::render(r, {.json = true});
        (void)rivet::log::render(r, {});
    });
    decoder.feed(input);
    decoder.finish();
    try {
        (void)rivet::log::metadata::parse(input, "fuzz");
    } catch (const rivet::error&) {
    }
    return 0;
}
