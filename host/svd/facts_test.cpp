// Facts-only SVDs: the reduced file makes the same register headers as the
// vendor's (comments aside), holds none of its prose, and -P keeps the
// interrupt table whole.
#include "rivet/svd/facts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <rivet/support/error.hpp>

#include "rivet/svd/emitter.hpp"
#include "rivet/svd/patcher.hpp"

namespace rivet::svd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The generated headers without comments (where descriptions go) and blank
// lines (a description's comment may stand on a line of its own).
std::vector<generated_file> code_of(svd_document& doc) {
    resolve_derived(doc, true);
    std::vector<generated_file> files = emit_cpp(build_model(doc), emit_options{});
    for (generated_file& f : files) {
        std::istringstream lines(f.text);
        std::string code;
        for (std::string line; std::getline(lines, line);) {
            line = line.substr(0, line.find("//"));
            line.erase(line.find_last_not_of(" \t") + 1);
            if (!line.empty()) code += line + "\n";
        }
        f.text = code;
    }
    return files;
}

svd_document reloaded(const svd_document& doc) {
    svd_document again;
    load_svd_string(again, facts_to_string(doc, facts_origin{RIVET_TEST_SVD, "", "test"}),
                    "facts.svd");
    return again;
}

TEST(svd_facts, make_the_same_code_without_the_prose) {
    svd_document vendor, facts;
    load_svd_file(vendor, RIVET_TEST_SVD);
    load_svd_file(facts, RIVET_TEST_SVD);
    reduce_to_facts(facts, {});
    const std::string text = facts_to_string(facts, facts_origin{RIVET_TEST_SVD, "", "test"});
    for (const char* prose : {"<description>", "Serial port", "<vendor>", "Rivet</", "<version>"})
        EXPECT_THAT(text, Not(HasSubstr(prose)));
    for (const char* fact : {"<enumeratedValue>", "<writeConstraint>", "<resetValue>", "<dim>",
                             "<interrupt>", "<bitRange>", "<modifiedWriteValues>", "<access>"})
        EXPECT_THAT(text, HasSubstr(fact));
    svd_document again = reloaded(facts);
    const std::vector<generated_file> expected = code_of(vendor), actual = code_of(again);
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(actual[i].path, expected[i].path);
        EXPECT_EQ(actual[i].text, expected[i].text) << expected[i].path;
    }
}

TEST(svd_facts, header_names_the_source_its_hash_and_the_command) {
    const auto dir = std::filesystem::path(testing::TempDir()) / "svd_facts_header";
    std::filesystem::create_directories(dir);
    const std::string svd = (dir / "abc.svd").string();
    std::ofstream(svd, std::ios::binary) << "abc";
    svd_document doc;
    load_svd_file(doc, RIVET_TEST_SVD);
    reduce_to_facts(doc, {});
    const std::string text =
        facts_to_string(doc, facts_origin{svd, "", "rivet svd facts abc.svd -P UART0"});
    // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    EXPECT_THAT(text,
                HasSubstr("Source: " + svd +
                          " (SHA-256 "
                          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)"));
    EXPECT_THAT(text, HasSubstr("Made by: rivet svd facts abc.svd -P UART0\n"));
    EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!--", 0), 0u);
    try {
        (void)facts_to_string(doc, facts_origin{svd, "", "rivet svd facts --svd-root x"});
        FAIL() << "a \"--\" inside an XML comment was accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::usage);
    }
}

const char* const derived_device = R"(<device><name>D</name><peripherals>
<peripheral><name>A</name><baseAddress>0x1000</baseAddress>
  <interrupt><name>A_IRQ</name><description>A's interrupt</description><value>1</value></interrupt>
  <registers><register><name>R</name><addressOffset>0</addressOffset><size>32</size>
    <fields><field><name>F</name><bitOffset>0</bitOffset><bitWidth>4</bitWidth></field></fields>
  </register></registers></peripheral>
<peripheral derivedFrom="A"><name>B</name><baseAddress>0x2000</baseAddress>
  <interrupt><name>B_IRQ</name><value>2</value></interrupt></peripheral>
<peripheral><name>C</name><baseAddress>0x3000</baseAddress>
  <interrupt><name>C_IRQ</name><value>3</value></interrupt>
  <registers><register derivedFrom="A.R"><name>S</name><addressOffset>4</addressOffset></register>
  </registers></peripheral>
<peripheral><name>E</name><baseAddress>0x4000</baseAddress>
  <interrupt><name>E_IRQ</name><value>4</value></interrupt>
  <registers><register><name>T</name><addressOffset>0</addressOffset><size>32</size></register>
  </registers></peripheral>
</peripherals></device>)";

const svd_peripheral& find(const svd_device& d, const std::string& name) {
    for (const svd_peripheral& p : d.peripherals) {
        if (p.name == name) return p;
    }
    throw std::runtime_error("no peripheral " + name);
}

TEST(svd_facts, chosen_peripherals_keep_what_they_derive_from_and_every_interrupt) {
    svd_document doc;
    load_svd_string(doc, derived_device, "d.svd");
    reduce_to_facts(doc, {"B"});
    svd_document again = reloaded(doc);
    resolve_derived(again, true);
    const svd_device d = build_model(again);
    ASSERT_EQ(d.peripherals.size(), 4u);
    EXPECT_FALSE(find(d, "A").registers.empty());  // B's registers are A's
    EXPECT_FALSE(find(d, "B").registers.empty());
    EXPECT_TRUE(find(d, "E").registers.empty());
    EXPECT_EQ(find(d, "E").base_address, 0x4000u);
    std::vector<std::int64_t> interrupts;
    for (const svd_peripheral& p : d.peripherals) {
        for (const svd_interrupt& i : p.interrupts) interrupts.push_back(i.value);
    }
    EXPECT_THAT(interrupts, ::testing::UnorderedElementsAre(1, 2, 3, 4));

    // A dotted reference ("A.R") keeps the peripheral it names too.
    svd_document dotted;
    load_svd_string(dotted, derived_device, "d.svd");
    reduce_to_facts(dotted, {"C"});
    svd_document dotted_again = reloaded(dotted);
    resolve_derived(dotted_again, true);
    EXPECT_FALSE(find(build_model(dotted_again), "A").registers.empty());
}

TEST(svd_facts, an_unknown_peripheral_is_a_usage_error) {
    svd_document doc;
    load_svd_string(doc, derived_device, "d.svd");
    try {
        reduce_to_facts(doc, {"A", "NOPE"});
        FAIL() << "unknown peripheral accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::usage);
        EXPECT_STREQ(e.what(), "d.svd: no peripheral NOPE (-P)");
    }
}

}  // namespace
}  // namespace rivet::svd
