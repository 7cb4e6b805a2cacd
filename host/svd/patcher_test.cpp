// Patcher tests: each svdtools command on a small SVD, matching rules,
// _include merging and error messages that name the patch path.
#include "rivet/svd/patcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unordered_set>

#include <rivet/support/error.hpp>

#include "excerpt.hpp"
#include "patcher_test_support.hpp"
#include "xml_util.hpp"

namespace rivet::svd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;
using test::error_of;
using test::example_svd;
using test::field;
using test::patched;
using test::peripheral;
using test::reg;

TEST(svd_patch, device_level_commands) {
    const svd_document d = patched(R"(
_delete: [GPIOB]
_modify:
  name: NEWDEV
  cpu: {name: CM4, fpuPresent: "true"}
  USART1: {description: Serial, name: UART_ONE}
_add:
  TIM1:
    description: Timer
    baseAddress: 0x40010000
    interrupts: {TIM1_UP: {value: 25}}
    registers: {CNT: {addressOffset: 0x24, fields: {CNT: {bitOffset: 0, bitWidth: 16}}}}
_derive:
  TIM2: {_from: TIM1, baseAddress: 0x40011000}
)");
    EXPECT_FALSE(peripheral(d, "GPIOB"));
    EXPECT_EQ(text_of(d.xml.child("device"), "name"), "NEWDEV");
    EXPECT_EQ(text_of(d.xml.child("device").child("cpu"), "name"), "CM4");
    pugi::xml_node u = peripheral(d, "UART_ONE");
    ASSERT_TRUE(u);
    EXPECT_EQ(text_of(u, "description"), "Serial");
    // The rename follows derivedFrom references.
    EXPECT_STREQ(peripheral(d, "USART2").attribute("derivedFrom").value(), "UART_ONE");
    pugi::xml_node t = peripheral(d, "TIM1");
    ASSERT_TRUE(t);
    EXPECT_EQ(text_of(t.child("interrupt"), "value"), "25");
    EXPECT_TRUE(field(reg(t, "CNT"), "CNT"));
    pugi::xml_node t2 = peripheral(d, "TIM2");
    EXPECT_STREQ(t2.attribute("derivedFrom").value(), "TIM1");
    EXPECT_EQ(text_of(t2, "baseAddress"), "0x40011000");
}

TEST(svd_patch, derive_and_rebase_peripherals) {
    const svd_document d = patched("_rebase:\n  USART2: USART1\n");
    EXPECT_FALSE(peripheral(d, "USART2").attribute("derivedFrom"));
    EXPECT_TRUE(reg(peripheral(d, "USART2"), "CR"));
    EXPECT_STREQ(peripheral(d, "USART1").attribute("derivedFrom").value(), "USART2");
    EXPECT_FALSE(peripheral(d, "USART1").child("registers"));
    EXPECT_EQ(text_of(peripheral(d, "USART1"), "baseAddress"), "0x40001000");
    const svd_document d2 = patched("_derive:\n  USART1: GPIOA\n");
    EXPECT_STREQ(peripheral(d2, "USART1").attribute("derivedFrom").value(), "GPIOA");
    EXPECT_STREQ(peripheral(d2, "USART2").attribute("derivedFrom").value(), "GPIOA");
}

TEST(svd_patch, strip_modify_add_delete_registers_and_fields) {
    const svd_document d = patched(R"(
GPIOA:
  _strip: GPIOA_
  _modify:
    ODR: {description: Output}
  _add:
    BSRR: {addressOffset: 0x18, description: Set/reset}
  MODER:
    _delete: [MODER2]
    _add: {LOCK: {bitOffset: 31, bitWidth: 1, access: read-only}}
  ODR:
    _merge: {OD: "OD_*"}
    _split: [WIDE]
)");
    pugi::xml_node p = peripheral(d, "GPIOA");
    pugi::xml_node moder = reg(p, "MODER");
    ASSERT_TRUE(moder);
    EXPECT_EQ(text_of(moder, "displayName"), "MODER");
    EXPECT_FALSE(field(moder, "MODER2"));
    EXPECT_EQ(text_of(field(moder, "LOCK"), "access"), "read-only");
    pugi::xml_node odr = reg(p, "ODR");
    EXPECT_EQ(text_of(odr, "description"), "Output");
    pugi::xml_node od = field(odr, "OD");
    ASSERT_TRUE(od);
    EXPECT_EQ(text_of(od, "bitOffset"), "0");
    EXPECT_EQ(text_of(od, "bitWidth"), "8");
    EXPECT_EQ(text_of(field(odr, "WIDE2"), "bitOffset"), "10");
    EXPECT_FALSE(field(odr, "WIDE"));
    EXPECT_TRUE(reg(p, "BSRR"));
}

TEST(svd_patch, enums_ranges_and_write_semantics) {
    const svd_document d = patched(R"(
GPIOA:
  GPIOA_MODER:
    MODER?:
      Input: [0, Input mode]
      Output: [1, Output mode]
      Other: [-1, Anything else]
  GPIOA_ODR:
    OD_LO: [0, 9]
    OD_HI:
      _read:
        Low: [0, Low]
      _W1C:
        Clear: [1, Clear]
)");
    pugi::xml_node p = peripheral(d, "GPIOA");
    pugi::xml_node moder = reg(p, "GPIOA_MODER");
    pugi::xml_node ev0 = field(moder, "MODER0").child("enumeratedValues");
    EXPECT_EQ(text_of(ev0, "name"), "MODER0");
    // Later fields refer to the first one's enumeration.
    EXPECT_STREQ(field(moder, "MODER1").child("enumeratedValues").attribute("derivedFrom").value(),
                 "MODER0");
    bool has_default = false;
    for (pugi::xml_node v : ev0.children("enumeratedValue"))
        has_default |= text_of(v, "isDefault") == "true";
    EXPECT_TRUE(has_default);
    pugi::xml_node odr = reg(p, "GPIOA_ODR");
    EXPECT_EQ(text_of(field(odr, "OD_LO").child("writeConstraint").child("range"), "maximum"), "9");
    pugi::xml_node hi = field(odr, "OD_HI");
    EXPECT_EQ(text_of(hi, "modifiedWriteValues"), "oneToClear");
    int reads = 0, writes = 0;
    for (pugi::xml_node ev : hi.children("enumeratedValues")) {
        reads += text_of(ev, "usage") == "read" ? 1 : 0;
        writes += text_of(ev, "usage") == "write" ? 1 : 0;
    }
    EXPECT_EQ(reads, 1);
    EXPECT_EQ(writes, 1);
    // Adding a second read-write enumeration to a field is an error unless replaced.
    EXPECT_THAT(
        error_of(
            "GPIOA:\n  GPIOA_MODER:\n    MODER0: {A: [0, a]}\n    MODER0,MODER1: {B: [1, b]}\n"),
        HasSubstr("already has"));
    EXPECT_EQ(error_of("GPIOA:\n  GPIOA_MODER:\n    MODER0: {A: [0, a]}\n"
                       "    MODER0,MODER1: {_replace_enum: {B: [1, b]}}\n"),
              "");
}

TEST(svd_patch, arrays_and_clusters) {
    const svd_document d = patched(R"(
GPIOA:
  _strip: GPIOA_
  MODER:
    _array:
      MODER*: {}
  _cluster:
    CH%s:
      description: Channel
      CH?CR: {}
      CH?SR: {}
)");
    pugi::xml_node p = peripheral(d, "GPIOA");
    pugi::xml_node m = field(reg(p, "MODER"), "MODER%s");
    ASSERT_TRUE(m);
    EXPECT_EQ(text_of(m, "dim"), "3");
    EXPECT_EQ(text_of(m, "dimIncrement"), "0x2");
    EXPECT_EQ(text_of(m, "dimIndex"), "0,1,2");
    pugi::xml_node c = reg(p, "CH%s");
    ASSERT_TRUE(c);
    EXPECT_STREQ(c.name(), "cluster");
    EXPECT_EQ(text_of(c, "dim"), "2");
    EXPECT_EQ(text_of(c, "dimIncrement"), "0x10");
    EXPECT_EQ(text_of(c, "dimIndex"), "1,2");
    EXPECT_EQ(text_of(c, "addressOffset"), "0x10");
    std::vector<std::string> names;
    for (pugi::xml_node r : c.children("register"))
        names.push_back(text_of(r, "name") + "@" + text_of(r, "addressOffset"));
    EXPECT_EQ(names, (std::vector<std::string>{"CHCR@0x0", "CHSR@0x4"}));
    EXPECT_FALSE(reg(p, "CH2CR"));

    const svd_document d2 = patched("GPIOA:\n  _array:\n    GPIOA_CH?CR: {}\n");
    pugi::xml_node a = reg(peripheral(d2, "GPIOA"), "GPIOA_CH%sCR");
    ASSERT_TRUE(a);
    EXPECT_EQ(text_of(a, "dimIndex"), "1,2");
    EXPECT_EQ(text_of(a, "dimIncrement"), "0x10");
    EXPECT_THAT(error_of("GPIOA:\n  _array:\n    GPIOA_*: {}\n"), HasSubstr("cannot be collected"));
}

TEST(svd_patch, matching_rules) {
    // comma alternatives, [] classes, ? and optional specs
    const svd_document d = patched(R"(
GPIOA:
  GPIOA_MODER:
    _modify:
      "MODER[02],NOPE": {description: picked}
      "?~ABSENT": {description: never}
  "?~NOTHING":
    X: {A: [0, a]}
)");
    pugi::xml_node moder = reg(peripheral(d, "GPIOA"), "GPIOA_MODER");
    EXPECT_EQ(text_of(field(moder, "MODER0"), "description"), "picked");
    EXPECT_EQ(text_of(field(moder, "MODER1"), "description"), "");
    EXPECT_EQ(text_of(field(moder, "MODER2"), "description"), "picked");
    EXPECT_THAT(error_of("GPIOA:\n  NOREG:\n    X: {A: [0, a]}\n"),
                HasSubstr("dev.yaml: GPIOA.NOREG: no such register"));
    EXPECT_THAT(error_of("GPIOA:\n  GPIOA_MODER:\n    NOFIELD: {A: [0, a]}\n"),
                HasSubstr("GPIOA.GPIOA_MODER.NOFIELD: no such field"));
    EXPECT_THAT(error_of("NOPERIPH:\n  R: {}\n"), HasSubstr("NOPERIPH: no such peripheral"));
    // A derived peripheral takes only interrupt edits: GPIOB's registers are GPIOA's.
    EXPECT_EQ(error_of("GPIOB:\n  X: {}\n"), "");
    EXPECT_THAT(error_of("GPIOA: [1, 2"), HasSubstr("bad YAML"));
}

TEST(svd_patch, includes_merge_with_the_includer_winning) {
    const fs::path dir = fs::temp_directory_path() / "rivet_svd_patch_test";
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "sub" / "a.yaml")
        << "GPIOA:\n  _strip: GPIOA_\n  MODER:\n    _delete: [MODER1]\n"
           "  _modify:\n    ODR: {description: from-a}\n"
           "_include: [b.yaml]\n";
    std::ofstream(dir / "sub" / "b.yaml") << "_delete: [GPIOB]\n";
    std::ofstream(dir / "dev.yaml")
        << "_include: [sub/a.yaml]\nGPIOA:\n  _modify:\n    ODR: {description: mine}\n"
           "  MODER:\n    _delete: [MODER2]\n";
    svd_document doc;
    load_svd_string(doc, example_svd, "dev.svd");
    apply_patch_file(doc, (dir / "dev.yaml").string(), {});
    pugi::xml_node p = peripheral(doc, "GPIOA");
    EXPECT_EQ(text_of(reg(p, "ODR"), "description"), "mine");
    EXPECT_FALSE(field(reg(p, "MODER"), "MODER1"));  // lists concatenate
    EXPECT_FALSE(field(reg(p, "MODER"), "MODER2"));
    EXPECT_TRUE(field(reg(p, "MODER"), "MODER0"));
    EXPECT_FALSE(peripheral(doc, "GPIOB"));  // nested include, relative to a.yaml
    std::ofstream(dir / "bad.yaml") << "_include: [missing.yaml]\n";
    EXPECT_THROW(apply_patch_file(doc, (dir / "bad.yaml").string(), {}), error);
    fs::remove_all(dir);
}

TEST(svd_patch, copy_from_this_and_another_svd) {
    const fs::path dir = fs::temp_directory_path() / "rivet_svd_copy_test";
    fs::create_directories(dir);
    std::ofstream(dir / "other.svd")
        << "<device><name>O</name><peripherals><peripheral><name>RNG</name>"
           "<baseAddress>0x50000000</baseAddress><registers><register><name>DR</name>"
           "<addressOffset>8</addressOffset></register></registers></peripheral>"
           "</peripherals></device>";
    std::ofstream(dir / "dev.yaml")
        << "_svd: dev.svd\n_copy:\n  RNG:\n    from: other.svd:RNG\n  USART3:\n    from: USART1\n";
    EXPECT_EQ(patch_svd_path((dir / "dev.yaml").string(), {}), (dir / "dev.svd").string());
    EXPECT_EQ(patch_svd_path((dir / "dev.yaml").string(), {"/root/svds"}), "/root/svds/dev.svd");
    svd_document doc;
    load_svd_string(doc, example_svd, "dev.svd");
    apply_patch_file(doc, (dir / "dev.yaml").string(), {});
    EXPECT_TRUE(reg(peripheral(doc, "RNG"), "DR"));
    EXPECT_TRUE(reg(peripheral(doc, "USART3"), "CR"));
    EXPECT_THAT(svd_to_string(doc), HasSubstr("<name>RNG</name>"));
    fs::remove_all(dir);
}

TEST(svd_patch, the_file_written_is_the_text) {
    svd_document doc;
    load_svd_string(doc, example_svd, "dev.svd");
    const fs::path out = fs::temp_directory_path() / "rivet_svd_write_test.svd";
    write_svd_file(doc, out.string());
    EXPECT_EQ(read_text_file(out.string()), svd_to_string(doc));
    fs::remove(out);
    try {
        write_svd_file(doc, "/nonexistent-dir/x.svd");
        ADD_FAILURE() << "wrote into a directory that does not exist";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::io);
        EXPECT_STREQ(e.what(), "/nonexistent-dir/x.svd: cannot write");
    }
}

// The other SVD of a _copy is cut down to the copied peripheral and what it
// derives from when its text allows; where it does not (a comment among the
// peripherals), the whole file is parsed. Both give the same patched SVD.
TEST(svd_patch, copy_from_a_cut_down_svd_is_the_copy_from_the_whole_file) {
    const std::string base =
        "<peripheral><name>BASE</name><baseAddress>0x50000000</baseAddress>"
        "<registers><register><name>CR</name><addressOffset>0</addressOffset><fields>"
        "<field><name>EN</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth>"
        "<enumeratedValues><name>ENV</name><enumeratedValue><name>ON</name><value>1</value>"
        "</enumeratedValue></enumeratedValues></field></fields></register></registers>"
        "</peripheral>\n";
    const std::string copied =
        "<peripheral derivedFrom=\"BASE\"><name>RNG</name><baseAddress>0x50001000</baseAddress>"
        "</peripheral>\n";
    const std::string dotted =
        "<peripheral><name>USER</name><baseAddress>0x50002000</baseAddress><registers>"
        "<register><name>SR</name><addressOffset>4</addressOffset><fields><field>"
        "<name>F</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth>"
        "<enumeratedValues derivedFrom=\"BASE.CR.EN.ENV\"/></field></fields></register>"
        "</registers></peripheral>\n";
    const std::string other = "<peripheral><name>OTHER</name><baseAddress>0</baseAddress>";
    auto svd = [&](const std::string& between) {
        return "<?xml version=\"1.0\"?>\n<!-- a header comment -->\n<device><name>O</name>"
               "<peripherals>\n" +
               other + between + "</peripheral>\n" + base + copied + dotted +
               "</peripherals></device>\n";
    };
    const fs::path dir = fs::temp_directory_path() / "rivet_svd_excerpt_test";
    fs::create_directories(dir);
    std::ofstream(dir / "dev.yaml") << "_svd: dev.svd\n_copy:\n  RNG:\n    from: other.svd:RNG\n"
                                       "  USER:\n    from: other.svd:USER\n";
    auto patch_with = [&](const std::string& other_text) {
        std::ofstream(dir / "other.svd") << other_text;
        svd_document doc;
        load_svd_string(doc, example_svd, "dev.svd");
        apply_patch_file(doc, (dir / "dev.yaml").string(), {});
        return svd_to_string(doc);
    };
    const std::string cut = svd(""), whole = svd("<!-- </peripheral> -->");
    ASSERT_TRUE(outline_svd(cut));
    EXPECT_FALSE(outline_svd(whole));
    const std::string from_cut = patch_with(cut);
    EXPECT_EQ(from_cut, patch_with(whole));
    EXPECT_THAT(from_cut, HasSubstr("<name>RNG</name>"));
    EXPECT_THAT(from_cut, HasSubstr("<name>ON</name>"));  // BASE's registers, resolved
    EXPECT_THAT(from_cut, Not(HasSubstr("<name>OTHER</name>")));
    fs::remove_all(dir);
}

TEST(svd_patch, an_svd_is_cut_down_to_the_peripherals_kept) {
    const std::string text =
        "<device><peripherals>\n <peripheral><dim>2</dim><name> A </name></peripheral>\n"
        " <peripheral derivedFrom=\"A\"><name>B</name></peripheral>\n"
        " <peripheral><name>C</name></peripheral>\n</peripherals></device>";
    const std::optional<svd_outline> outline = outline_svd(text);
    ASSERT_TRUE(outline);
    EXPECT_EQ(outline->names, (std::unordered_set<std::string>{"A", "B", "C"}));
    EXPECT_EQ(svd_excerpt(text, *outline, {"C", "A"}),
              "<device><peripherals><peripheral><dim>2</dim><name> A </name></peripheral>"
              "<peripheral><name>C</name></peripheral></peripherals></device>");
    // What the scan cannot skip safely, or a name it cannot find first.
    for (const char* odd :
         {"<device><peripherals><peripheral><name>A</name><![CDATA[</peripheral>]]>"
          "</peripheral></peripherals></device>",
          "<device><peripherals><peripheral><registers/><name>A</name></peripheral>"
          "</peripherals></device>",
          "<device><peripherals><peripheral><name>A&amp;B</name></peripheral>"
          "</peripherals></device>",
          "<device><peripherals><peripheral/></peripherals></device>",
          "<device><peripherals><!-- --></peripherals></device>",
          "<device><peripherals><peripheral><name>A</name>"}) {
        EXPECT_FALSE(outline_svd(odd)) << odd;
    }
}

}  // namespace
}  // namespace rivet::svd
