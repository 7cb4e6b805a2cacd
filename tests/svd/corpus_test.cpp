// The SVD corpus (shared/svd): every file parses and checks without errors,
// every stm32-rs device patch whose SVD is present applies, and every device
// generates headers. tests/svd/CMakeLists.txt compiles those headers.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include <rivet/support/error.hpp>

#include "rivet/svd/check.hpp"
#include "rivet/svd/emitter.hpp"
#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"

namespace rivet::svd {
namespace {

namespace fs = std::filesystem;

const fs::path corpus_dir = RIVET_SVD_CORPUS;

std::vector<fs::path> all_svds() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(corpus_dir)) {
        if (e.path().extension() == ".svd") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(svd_corpus, every_svd_parses_checks_and_generates) {
    const auto svds = all_svds();
    EXPECT_EQ(svds.size(), 23u);
    int known_errors = 0, misplaced = 0;
    for (const fs::path& p : svds) {
        SCOPED_TRACE(p.string());
        svd_document doc;
        ASSERT_NO_THROW(load_svd_file(doc, p.string()));
        for (const problem& pr : check_structure(doc)) {
            // e310x (community-written) puts enumeratedValues and a range in
            // registers and resetValue in fields.
            if (p.filename() == "e310x.svd" && pr.severity == problem::severity_level::error) {
                ++misplaced;
                continue;
            }
            ADD_FAILURE() << pr.where << ": " << pr.message;
        }
        svd_device dev;
        ASSERT_NO_THROW(dev = parse_svd_file(p.string()));
        EXPECT_FALSE(dev.peripherals.empty());
        for (const problem& pr : check_device(dev)) {
            if (pr.severity != problem::severity_level::error) continue;
            // The one real vendor mistake in the corpus: e310x PWMn.cfg.cmp2gang
            // is declared as bits 26..36 of a 32-bit register.
            if (p.filename() == "e310x.svd" &&
                pr.message.find("cmp2gang: bits 26..36 outside") != std::string::npos) {
                ++known_errors;
                continue;
            }
            ADD_FAILURE() << pr.where << ": " << pr.message;
        }
        const auto files = emit_cpp(dev, {});
        EXPECT_GE(files.size(), 2u);
    }
    EXPECT_EQ(known_errors, 3);  // PWM0..2
    EXPECT_EQ(misplaced, 11);
}

// Every device patch in stm32-rs-devices/ whose _svd is in stm32/ (the
// MANIFEST's ../svd/ -> ../stm32/ mapping, given here as --svd-root).
TEST(svd_corpus, every_stm32_device_patch_applies) {
    const patch_options opts{(corpus_dir / "stm32").string()};
    std::set<std::string> applied;
    for (const auto& e : fs::directory_iterator(corpus_dir / "stm32-rs-devices")) {
        if (e.path().extension() != ".yaml") continue;
        const std::string svd = patch_svd_path(e.path().string(), opts);
        if (svd.empty() || !fs::exists(svd)) continue;
        SCOPED_TRACE(e.path().string());
        svd_document doc;
        load_svd_file(doc, svd);
        try {
            apply_patch_file(doc, e.path().string(), opts);
            for (const problem& pr : check_structure(doc))
                ADD_FAILURE() << pr.where << ": " << pr.message;
            resolve_derived(doc, true);
            const svd_device dev = build_model(doc);
            EXPECT_FALSE(emit_cpp(dev, {}).empty());
            for (const problem& pr : check_device(dev)) {
                EXPECT_NE(pr.severity, problem::severity_level::error)
                    << pr.where << ": " << pr.message;
            }
            applied.insert(e.path().stem().string());
        } catch (const error& err) {
            ADD_FAILURE() << err.what();
        }
    }
    EXPECT_EQ(applied, (std::set<std::string>{"stm32f405", "stm32f407", "stm32f411", "stm32f429",
                                              "stm32f746", "stm32g071", "stm32g474", "stm32l0x3",
                                              "stm32l4x1", "stm32l4x5", "stm32u535", "stm32u575",
                                              "stm32wb55"}));
}

// As svdtools, a derived peripheral takes its patch's interrupt edits: DMA2
// derives from DMA1 and patches/dma/interrupt_names.yaml renames its
// interrupts.
TEST(svd_corpus, derived_peripheral_takes_interrupt_edits) {
    const patch_options opts{(corpus_dir / "stm32").string()};
    svd_document doc;
    load_svd_file(doc, (corpus_dir / "stm32" / "stm32l4x5.svd").string());
    apply_patch_file(doc, (corpus_dir / "stm32-rs-devices" / "stm32l4x5.yaml").string(), opts);
    std::set<std::string> names;
    for (pugi::xml_node p : doc.xml.child("device").child("peripherals").children("peripheral")) {
        if (std::string(p.child("name").text().get()) != "DMA2") continue;
        EXPECT_STREQ(p.attribute("derivedFrom").value(), "DMA1");
        for (pugi::xml_node i : p.children("interrupt")) names.insert(i.child("name").text().get());
    }
    EXPECT_EQ(names, (std::set<std::string>{"DMA2_CH1", "DMA2_CH2", "DMA2_CH3", "DMA2_CH4",
                                            "DMA2_CH5", "DMA2_CH6", "DMA2_CH7"}));
}

TEST(svd_corpus, patched_svd_round_trips_through_the_writer) {
    const patch_options opts{(corpus_dir / "stm32").string()};
    svd_document doc;
    load_svd_file(doc, (corpus_dir / "stm32" / "stm32f411.svd").string());
    apply_patch_file(doc, (corpus_dir / "stm32-rs-devices" / "stm32f411.yaml").string(), opts);
    resolve_derived(doc, false);  // --expand
    const std::string text = svd_to_string(doc);
    EXPECT_EQ(text.find("derivedFrom"), std::string::npos);
    const svd_device again = parse_svd_string(text, "roundtrip.svd");
    svd_document doc2;
    load_svd_file(doc2, (corpus_dir / "stm32" / "stm32f411.svd").string());
    apply_patch_file(doc2, (corpus_dir / "stm32-rs-devices" / "stm32f411.yaml").string(), opts);
    resolve_derived(doc2, false);
    const svd_device direct = build_model(doc2);
    ASSERT_EQ(again.peripherals.size(), direct.peripherals.size());
    for (std::size_t i = 0; i < again.peripherals.size(); ++i) {
        EXPECT_EQ(again.peripherals[i].name, direct.peripherals[i].name);
        EXPECT_EQ(again.peripherals[i].registers.size(), direct.peripherals[i].registers.size());
    }
}

}  // namespace
}  // namespace rivet::svd
