// Inputs built to exhaust the stack, the time or the memory of the SVD parser
// and the patcher: each must be a clear error naming the file (and line),
// reached quickly.
#include <sys/resource.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <rivet/support/error.hpp>

#include "patcher_test_support.hpp"
#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"

namespace rivet::svd {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

std::string error_of_svd(const std::string& text, const std::string& name) {
    try {
        (void)parse_svd_string(text, name);
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::bad_input) << e.what();
        return e.what();
    }
    return "";
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// A device with one peripheral P whose <registers> hold `registers`; the
// registers element is on line 8.
std::string device_with_registers(const std::string& registers) {
    return "<?xml version=\"1.0\"?>\n<device>\n<name>D</name>\n<peripherals>\n<peripheral>\n"
           "<name>P</name>\n<baseAddress>0</baseAddress>\n<registers>\n" +
           registers + "</registers>\n</peripheral>\n</peripherals>\n</device>\n";
}

TEST(svd_limits, deep_nesting_is_an_error_naming_the_line) {
    // 20000 clusters, one per line from line 9: the <name> of the 96th is the
    // first element more than 100 levels deep.
    const std::string svd = device_with_registers(
        repeat("<cluster><name>C</name><addressOffset>0</addressOffset>\n", 20000) +
        repeat("</cluster>", 20000) + "\n");
    EXPECT_EQ(error_of_svd(svd, "deep.svd"),
              "deep.svd:104: elements nested deeper than 100 levels");
}

TEST(svd_limits, a_peripheral_array_of_tens_of_thousands_is_an_error) {
    // Each instance becomes a header of its own: 65536 of them took the
    // generator minutes (found by the parser fuzzer).
    const std::string svd =
        "<device>\n<name>D</name>\n<peripherals>\n<peripheral><name>P%s</name><dim>65536</dim>"
        "<dimIncrement>0x100</dimIncrement><baseAddress>0</baseAddress>\n<registers><register>"
        "<name>R</name><addressOffset>0</addressOffset></register></registers></peripheral>\n"
        "</peripherals></device>\n";
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(error_of_svd(svd, "wide.svd"),
              "wide.svd:4: the device unrolls into more than 4096 peripherals");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(svd_limits, long_derived_from_chain_is_an_error) {
    // Each peripheral derives from the next one, so resolving the first walks
    // the whole chain.
    std::string peripherals;
    for (int i = 0; i < 20000; ++i) {
        peripherals += "<peripheral derivedFrom=\"P" + std::to_string(i + 1) + "\"><name>P" +
                       std::to_string(i) + "</name><baseAddress>0</baseAddress></peripheral>\n";
    }
    peripherals += "<peripheral><name>P20000</name><baseAddress>0</baseAddress></peripheral>\n";
    const std::string svd =
        "<device>\n<name>D</name>\n<peripherals>\n" + peripherals + "</peripherals></device>\n";
    EXPECT_EQ(error_of_svd(svd, "chain.svd"),
              "chain.svd:68: derivedFrom chain longer than 64 elements");
}

// Clusters C1..C40, each holding two clusters A and B derived from the one
// before: 2^40 copies of C0 once resolved; C0 first or last.
std::string doubling_clusters(bool c0_first, int c0_registers) {
    const std::string c0 =
        "<cluster><name>C0</name><addressOffset>0</addressOffset>" +
        repeat("<register><name>R</name><addressOffset>0</addressOffset></register>",
               c0_registers) +
        "</cluster>\n";
    std::string out = c0_first ? c0 : "";
    for (int i = 1; i <= 40; ++i) {
        const int k = c0_first ? i : 41 - i;
        const std::string base = "C" + std::to_string(k - 1);
        out += "<cluster><name>C" + std::to_string(k) + "</name><addressOffset>0</addressOffset>";
        for (const char* name : {"A", "B"})
            out += "<cluster derivedFrom=\"" + base + "\"><name>" + name + "</name></cluster>";
        out += "</cluster>\n";
    }
    return c0_first ? out : out + c0;
}

TEST(svd_limits, derivations_of_derivations_are_bounded) {
    EXPECT_THAT(error_of_svd(device_with_registers(doubling_clusters(true, 1)), "copies.svd"),
                HasSubstr("resolving derivedFrom copies more than 1500000 nodes"));

    // C0 last: copies carry derivedFrom still to resolve, each looking its
    // base up among ever more siblings (the fuzzer found a variant that ran
    // for minutes).
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THAT(
        error_of_svd(device_with_registers(doubling_clusters(false, 50)), "lookups.svd"),
        HasSubstr("resolving derivedFrom looks up names among more than 10000000 elements"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(svd_limits, deriving_from_an_enclosing_cluster_is_bounded) {
    // A derives from the cluster that holds it: each copy of C holds another
    // A to resolve, one level deeper (the fuzzer found it: a stack overflow).
    const std::string svd = device_with_registers(
        "<cluster><name>C</name><addressOffset>0</addressOffset>"
        "<register><name>R</name><addressOffset>0</addressOffset></register>"
        "<cluster derivedFrom=\"C\"><name>A</name></cluster></cluster>\n");
    EXPECT_EQ(error_of_svd(svd, "inside.svd"),
              "inside.svd:9: resolving derivedFrom nests elements deeper than 100 levels");
}

TEST(svd_limits, arrays_unroll_within_bounds) {
    const std::string regs =
        repeat("<register><name>R</name><addressOffset>0</addressOffset></register>\n", 10);
    const std::string svd =
        "<device>\n<name>D</name>\n<peripherals>\n<peripheral>\n<name>P%s</name>\n<dim>65536</dim>"
        "<dimIncrement>0x100</dimIncrement>\n<baseAddress>0</baseAddress>\n<registers>\n" +
        regs + "</registers></peripheral></peripherals></device>\n";
    EXPECT_EQ(error_of_svd(svd, "wide.svd"),
              "wide.svd:4: the device unrolls into more than 500000 peripherals, clusters, "
              "registers and fields");
    const std::string fields = device_with_registers(
        "<register><name>R</name><addressOffset>0</addressOffset><fields>\n"
        "<field><name>F%s</name><dim>65</dim><dimIncrement>1</dimIncrement>"
        "<bitOffset>0</bitOffset><bitWidth>1</bitWidth></field>\n</fields></register>\n");
    EXPECT_EQ(error_of_svd(fields, "fields.svd"), "fields.svd:10: field array with dim > 64");
}

// ------------------------------------------------------------------ patches

class svd_patch_limits : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("rivet_svd_limits_" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return (dir_ / name).string();
    }
    static std::string apply_error(const std::string& yaml_path) {
        svd_document doc;
        load_svd_string(doc, test::example_svd, "dev.svd");
        try {
            apply_patch_file(doc, yaml_path, {});
        } catch (const error& e) {
            EXPECT_EQ(e.kind(), error_kind::bad_input) << e.what();
            return e.what();
        }
        return "";
    }

    fs::path dir_;
};

TEST_F(svd_patch_limits, include_cycle_is_an_error_naming_the_chain) {
    const std::string self = write("self.yaml", "_include: [self.yaml]\n");
    EXPECT_EQ(apply_error(self), self + ": _include cycle: " + self + " -> " + self);

    const std::string a = write("a.yaml", "_include: [sub/b.yaml]\n");
    const std::string b = (dir_ / "sub" / "b.yaml").string();
    fs::create_directories(dir_ / "sub");
    write("sub/b.yaml", "GPIOA:\n  _include: [../a.yaml]\n");
    EXPECT_EQ(apply_error(a), b + ": _include cycle: " + a + " -> " + b + " -> " + a);
}

TEST_F(svd_patch_limits, includes_read_many_times_are_bounded) {
    // Every level includes both files of the next: 2^30 reads of the last.
    for (int k = 0; k < 30; ++k) {
        const std::string next = std::to_string(k + 1);
        for (const char* side : {"a", "b"}) {
            write(side + std::to_string(k) + ".yaml",
                  "_include: [a" + next + ".yaml, b" + next + ".yaml]\n");
        }
    }
    write("a30.yaml", "_delete: [NOPE]\n");
    write("b30.yaml", "_delete: [NOPE]\n");
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THAT(apply_error((dir_ / "a0.yaml").string()), HasSubstr("_include reads more than"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(svd_patch_limits_yaml, alias_bomb_is_rejected_quickly_in_little_memory) {
    // Ten levels of nine aliases each: 9^10 nodes once unfolded.
    std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    std::string prev = "a";
    for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i", "j"}) {
        yaml += std::string(name) + ": &" + name + " [" + repeat("*" + prev + ", ", 8) + "*" +
                prev + "]\n";
        prev = name;
    }
    yaml += "GPIOA:\n  GPIOA_MODER:\n    MODER0: *j\n";
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THAT(test::error_of(yaml),
                HasSubstr("dev.yaml:1: the patch unfolds into more than 250000 YAML nodes"));
    const auto took = std::chrono::steady_clock::now() - start;
#if defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(took, std::chrono::seconds(5));  // instrumented: slower, same bound
#else
    EXPECT_LT(took, std::chrono::seconds(1));
#endif
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    EXPECT_LT(usage.ru_maxrss, 1024L * 1024) << "peak RSS in KiB";  // 1 GiB; 6 GB before
}

TEST(svd_patch_limits_yaml, expanded_arrays_stay_within_bounds) {
    EXPECT_EQ(
        test::error_of("GPIOA:\n  _modify:\n    GPIOA_ODR: {dim: 4000000000, dimIncrement: 4}\n"
                       "  _expand_array:\n    GPIOA_ODR: {}\n"),
        "dev.yaml: GPIOA._expand_array.GPIOA_ODR: dim 4000000000 out of range");
    EXPECT_EQ(
        test::error_of("GPIOA:\n  GPIOA_ODR:\n    _modify:\n      WIDE: {bitWidth: 4000000000}\n"
                       "    _split: [WIDE]\n"),
        "dev.yaml: GPIOA.GPIOA_ODR._split.WIDE: field WIDE is 4000000000 bits wide");
}

TEST(svd_patch_limits_yaml, deep_yaml_is_an_error) {
    EXPECT_THAT(test::error_of("GPIOA:\n  X: " + repeat("[", 150) + repeat("]", 150) + "\n"),
                HasSubstr("dev.yaml:2: YAML nested deeper than 100 levels"));
    // Nested maps under a register's fields become nested elements: the
    // patched SVD may not grow deeper than any SVD is read.
    std::string deep = "x";
    for (int i = 0; i < 95; ++i) deep = "{a: " + deep + "}";
    EXPECT_EQ(test::error_of("GPIOA:\n  _modify:\n    GPIOA_MODER:\n      fields: " + deep + "\n"),
              "dev.yaml: the patched SVD nests elements deeper than 100 levels");
}

}  // namespace
}  // namespace rivet::svd
