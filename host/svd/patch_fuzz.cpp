// libFuzzer target: arbitrary bytes as a patch YAML applied to a small fixed
// SVD. Includes are refused (no base directory), so only the reader and the
// commands run.
#include <cstddef>
#include <cstdint>
#include <string>

#include <rivet/support/error.hpp>

#include "rivet/svd/check.hpp"
#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"

namespace {
constexpr const char* example_svd = R"(<device><name>F</name><peripherals>
<peripheral><name>P0</name><baseAddress>0x40000000</baseAddress><registers>
<register><name>CR</name><addressOffset>0</addressOffset><fields>
<field><name>EN</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth></field>
<field><name>MODE0</name><bitOffset>2</bitOffset><bitWidth>2</bitWidth></field>
<field><name>MODE1</name><bitOffset>4</bitOffset><bitWidth>2</bitWidth></field>
</fields></register>
<register><name>SR</name><addressOffset>4</addressOffset></register>
</registers></peripheral>
<peripheral derivedFrom="P0"><name>P1</name><baseAddress>0x40001000</baseAddress></peripheral>
</peripherals></device>)";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        rivet::svd::svd_document doc;
        rivet::svd::load_svd_string(doc, example_svd, "fuzz.svd");
        const std::string yaml(reinterpret_cast<const char*>(data), size);
        rivet::svd::apply_patch_string(doc, yaml, "fuzz.yaml", "/nonexistent-rivet-fuzz", {});
        (void)rivet::svd::svd_to_string(doc);
        (void)rivet::svd::check_structure(doc);
        rivet::svd::resolve_derived(doc, true);
        (void)rivet::svd::build_model(doc);
    } catch (const rivet::error&) {
    }
    return 0;
}
