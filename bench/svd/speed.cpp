// rivet svd speed: parse + patch + generate for every device of the corpus,
// in process, one core. Prints a Markdown table (bench/svd/RESULTS.md).
//   svd_speed_bench CORPUS_DIR [OUT_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <rivet/support/error.hpp>

#include "rivet/svd/emitter.hpp"
#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

namespace {
double ms_since(clock_type::time_point t) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: svd_speed_bench CORPUS_DIR [OUT_DIR]\n");
        return 64;
    }
    const fs::path corpus = argv[1];
    if (!fs::is_directory(corpus)) {
        std::fprintf(stderr, "svd_speed_bench: %s: no such directory\n", argv[1]);
        return 66;
    }
    const fs::path out =
        argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "rivet_svd_speed";
    std::vector<fs::path> svds;
    for (const auto& e : fs::recursive_directory_iterator(corpus)) {
        if (e.path().extension() == ".svd") svds.push_back(e.path());
    }
    std::sort(svds.begin(), svds.end());
    std::printf(
        "| device | SVD size | patch | load ms | patch ms | model ms | emit+write ms | total ms | "
        "headers |\n");
    std::printf("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    double sum = 0;
    try {
        for (const fs::path& svd : svds) {
            const std::string dev = svd.stem().string();
            const fs::path patch = corpus / "stm32-rs-devices" / (dev + ".yaml");
            const bool patched = fs::exists(patch);
            const auto t0 = clock_type::now();
            rivet::svd::svd_document doc;
            rivet::svd::load_svd_file(doc, svd.string());
            const double load = ms_since(t0);
            auto t = clock_type::now();
            if (patched) {
                rivet::svd::apply_patch_file(doc, patch.string(), {(corpus / "stm32").string()});
            }
            const double patch_ms = ms_since(t);
            t = clock_type::now();
            rivet::svd::resolve_derived(doc, true);
            const rivet::svd::svd_device model = rivet::svd::build_model(doc);
            const double model_ms = ms_since(t);
            t = clock_type::now();
            const auto files = rivet::svd::emit_cpp(model, {});
            rivet::svd::write_files((out / dev).string(), files);
            const double emit_ms = ms_since(t);
            const double total = ms_since(t0);
            sum += total;
            std::printf("| %s | %.1f MB | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %zu |\n",
                        dev.c_str(), static_cast<double>(fs::file_size(svd)) / 1e6,
                        patched ? "stm32-rs" : "-", load, patch_ms, model_ms, emit_ms, total,
                        files.size());
        }
    } catch (const rivet::error& e) {
        std::fprintf(stderr, "svd_speed_bench: %s\n", e.what());
        return 65;
    }
    std::printf("| **all %zu** | | | | | | | **%.0f** | |\n", svds.size(), sum);
    return 0;
}
