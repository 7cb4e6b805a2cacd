// libFuzzer target: arbitrary bytes as an SVD file through load, the
// structure check, derivedFrom resolution, model building, the checker and
// the C++ emitter. Any rivet::error is an expected rejection; anything else
// is a bug. Seeds: fuzz/parser (the test device and inputs that once crashed
// or ran away).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <rivet/support/error.hpp>

#include "rivet/svd/check.hpp"
#include "rivet/svd/emitter.hpp"
#include "rivet/svd/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        rivet::svd::svd_document doc;
        rivet::svd::load_svd_string(doc, text, "fuzz.svd");
        (void)rivet::svd::check_structure(doc);
        rivet::svd::resolve_derived(doc, true);
        const rivet::svd::svd_device dev = rivet::svd::build_model(doc);
        (void)rivet::svd::check_device(dev);
        (void)rivet::svd::emit_cpp(dev, {});
    } catch (const rivet::error&) {
    }
    return 0;
}
