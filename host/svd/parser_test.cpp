// Parser tests: derivation, arrays, clusters, inherited properties and
// error messages that name file:line.
#include "rivet/svd/parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>

#include <rivet/support/error.hpp>

#include "derive.hpp"
#include "rivet/svd/check.hpp"

namespace rivet::svd {
namespace {

using ::testing::HasSubstr;

std::string device(const std::string& peripherals, const std::string& defaults = "") {
    return "<?xml version=\"1.0\"?>\n<device>\n<name>DEV</name>\n" + defaults + "<peripherals>\n" +
           peripherals + "</peripherals>\n</device>\n";
}

const svd_peripheral& periph(const svd_device& d, const std::string& name) {
    for (const svd_peripheral& p : d.peripherals) {
        if (p.name == name) return p;
    }
    throw std::runtime_error("no peripheral " + name);
}

TEST(svd_integer, parses_all_forms) {
    std::uint64_t v = 0;
    EXPECT_TRUE(parse_svd_integer("42", v));
    EXPECT_EQ(v, 42u);
    EXPECT_TRUE(parse_svd_integer(" 0x1F ", v));
    EXPECT_EQ(v, 0x1Fu);
    EXPECT_TRUE(parse_svd_integer("#1x1", v));
    EXPECT_EQ(v, 0b101u);
    EXPECT_TRUE(parse_svd_integer("4k", v));
    EXPECT_EQ(v, 4096u);
    EXPECT_FALSE(parse_svd_integer("0xZZ", v));
    EXPECT_FALSE(parse_svd_integer("", v));
}

TEST(svd_dim_index, ranges_and_lists) {
    bool ok = false;
    EXPECT_EQ(expand_dim_index("2-4", 3, ok), (std::vector<std::string>{"2", "3", "4"}));
    EXPECT_TRUE(ok);
    EXPECT_EQ(expand_dim_index("A-C", 3, ok), (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_TRUE(ok);
    EXPECT_EQ(expand_dim_index("x, y", 2, ok), (std::vector<std::string>{"x", "y"}));
    EXPECT_TRUE(ok);
    EXPECT_EQ(expand_dim_index("", 2, ok), (std::vector<std::string>{"0", "1"}));
    (void)expand_dim_index("0-3", 2, ok);
    EXPECT_FALSE(ok);
}

TEST(svd_parser, inherits_register_properties_down_the_tree) {
    const svd_device d = parse_svd_string(
        device(R"(<peripheral><name>P</name><baseAddress>0x1000</baseAddress><size>16</size>
<registers>
  <register><name>A</name><addressOffset>0</addressOffset></register>
  <cluster><name>C</name><addressOffset>0x10</addressOffset><access>read-only</access><resetValue>0x5</resetValue>
    <register><name>B</name><addressOffset>0</addressOffset></register>
    <register><name>W</name><addressOffset>2</addressOffset><size>8</size><access>write-only</access></register>
  </cluster>
</registers></peripheral>
)",
               "<size>32</size><access>read-write</access><resetValue>0x1</"
               "resetValue><resetMask>0xFF</resetMask>\n"),
        "t.svd");
    const svd_peripheral& p = periph(d, "P");
    ASSERT_EQ(p.registers.size(), 1u);
    EXPECT_EQ(p.registers[0].size, 16u);  // peripheral overrides device
    EXPECT_EQ(p.registers[0].access, svd_access::read_write);
    EXPECT_EQ(p.registers[0].reset_value, 1u);
    EXPECT_EQ(p.registers[0].reset_mask, 0xFFu);
    ASSERT_EQ(p.clusters.size(), 1u);
    const svd_cluster& c = p.clusters[0];
    EXPECT_EQ(c.registers[0].access, svd_access::read_only);  // from the cluster
    EXPECT_EQ(c.registers[0].reset_value, 5u);
    EXPECT_EQ(c.registers[1].size, 8u);
    EXPECT_EQ(c.registers[1].access, svd_access::write_only);
}

TEST(svd_parser, resolves_derived_peripherals_registers_fields_and_enums) {
    const svd_device d = parse_svd_string(device(R"(
<peripheral><name>A</name><description>base</description><baseAddress>0x1000</baseAddress>
  <interrupt><name>A_IRQ</name><value>3</value></interrupt>
  <registers>
    <register><name>CR</name><addressOffset>0</addressOffset><resetValue>0x10</resetValue>
      <fields>
        <field><name>MODE</name><bitOffset>0</bitOffset><bitWidth>2</bitWidth>
          <enumeratedValues><name>ModeE</name>
            <enumeratedValue><name>Off</name><value>0</value></enumeratedValue>
            <enumeratedValue><name>On</name><value>1</value></enumeratedValue>
          </enumeratedValues></field>
        <field derivedFrom="MODE"><name>MODE2</name><bitOffset>4</bitOffset></field>
        <field><name>OTHER</name><bitOffset>8</bitOffset><bitWidth>2</bitWidth>
          <enumeratedValues derivedFrom="ModeE"/></field>
      </fields></register>
    <register derivedFrom="CR"><name>CR2</name><addressOffset>4</addressOffset></register>
  </registers></peripheral>
<peripheral derivedFrom="A"><name>B</name><baseAddress>0x2000</baseAddress></peripheral>
<peripheral derivedFrom="A"><name>C</name><baseAddress>0x3000</baseAddress>
  <registers><register><name>EXTRA</name><addressOffset>8</addressOffset></register></registers></peripheral>
)"),
                                          "t.svd");
    const svd_peripheral& a = periph(d, "A");
    const svd_register& cr = a.registers[0];
    ASSERT_EQ(cr.fields.size(), 3u);
    EXPECT_EQ(cr.fields[1].lsb, 4u);    // own position kept
    EXPECT_EQ(cr.fields[1].width, 2u);  // width inherited
    ASSERT_EQ(cr.fields[1].enums.size(), 1u);
    EXPECT_EQ(cr.fields[2].enums.at(0).values.size(), 2u);
    EXPECT_EQ(cr.fields[2].enums[0].values[1].name, "On");
    const svd_register& cr2 = a.registers[1];
    EXPECT_EQ(cr2.offset, 4u);
    EXPECT_EQ(cr2.reset_value, 0x10u);
    EXPECT_EQ(cr2.fields.size(), 3u);

    const svd_peripheral& b = periph(d, "B");
    EXPECT_EQ(b.derived_from, "A");  // shares A's register block
    EXPECT_EQ(b.base_address, 0x2000u);
    EXPECT_EQ(b.description, "base");
    EXPECT_TRUE(b.interrupts.empty());  // interrupts are not inherited
    EXPECT_EQ(b.registers.size(), 2u);

    const svd_peripheral& c = periph(d, "C");
    EXPECT_EQ(c.derived_from, "");  // adds a register: its own type
    EXPECT_EQ(c.registers.size(), 3u);
}

// The patcher's _copy from another SVD resolves only the peripherals the
// copied one reads; each must come out as resolving the whole file makes it.
TEST(svd_derive, resolving_only_the_peripherals_needed_gives_the_same_result) {
    const std::string text = device(R"(
<peripheral><name>A</name><baseAddress>0x1000</baseAddress>
  <registers>
    <register><name>CR</name><addressOffset>0</addressOffset>
      <fields>
        <field><name>MODE</name><bitOffset>0</bitOffset><bitWidth>2</bitWidth>
          <enumeratedValues><name>ModeE</name>
            <enumeratedValue><name>Off</name><value>0</value></enumeratedValue>
          </enumeratedValues></field>
        <field derivedFrom="MODE"><name>MODE2</name><bitOffset>4</bitOffset></field>
      </fields></register>
    <register derivedFrom="CR"><name>CR2</name><addressOffset>4</addressOffset></register>
  </registers></peripheral>
<peripheral derivedFrom="A"><name>B</name><baseAddress>0x2000</baseAddress></peripheral>
<peripheral><name>D</name><baseAddress>0x3000</baseAddress>
  <registers><register derivedFrom="B.CR2"><name>X</name><addressOffset>0</addressOffset>
  </register></registers></peripheral>
<peripheral><name>E</name><baseAddress>0x4000</baseAddress>
  <registers><register><name>Y</name><addressOffset>0</addressOffset><fields>
    <field derivedFrom="A.CR.MODE"><name>F</name><bitOffset>8</bitOffset></field>
  </fields></register></registers></peripheral>
<peripheral><name>G</name><baseAddress>0x5000</baseAddress>
  <registers><register><name>Z</name><addressOffset>0</addressOffset><fields>
    <field><name>F</name><bitOffset>0</bitOffset><bitWidth>2</bitWidth>
      <enumeratedValues derivedFrom="ModeE"/></field>
  </fields></register></registers></peripheral>
)");
    auto xml_of = [](svd_document& doc, const std::string& name) {
        for (pugi::xml_node p : doc.xml.child("device").child("peripherals").children()) {
            if (std::string(p.child_value("name")) != name) continue;
            std::ostringstream o;
            p.print(o);
            return o.str();
        }
        return std::string();
    };
    const std::map<std::string, std::set<std::string>> closures = {
        {"A", {"A"}}, {"B", {"A", "B"}}, {"D", {"A", "B", "D"}}, {"E", {"A", "E"}}};
    for (const auto& [name, closure] : closures) {
        SCOPED_TRACE(name);
        svd_document full, part;
        load_svd_string(full, text, "t.svd");
        load_svd_string(part, text, "t.svd");
        resolve_derived(full, false);
        std::unordered_set<std::string> needed;
        ASSERT_TRUE(derive::peripherals_needed(part, name, needed));
        EXPECT_EQ(std::set<std::string>(needed.begin(), needed.end()), closure);
        derive::resolver(part, false, &needed).run();
        EXPECT_EQ(xml_of(part, name), xml_of(full, name));
        EXPECT_EQ(xml_of(part, name).find("derivedFrom"), std::string::npos);
    }
    // An enumeratedValues reference without a dot may be found anywhere in
    // the device: then everything has to be resolved.
    svd_document doc;
    load_svd_string(doc, text, "t.svd");
    std::unordered_set<std::string> needed;
    EXPECT_FALSE(derive::peripherals_needed(doc, "G", needed));
}

TEST(svd_parser, keeps_arrays_and_expands_field_arrays) {
    const svd_device d = parse_svd_string(device(R"(
<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
  <register><dim>4</dim><dimIncrement>4</dimIncrement><name>R[%s]</name><addressOffset>0</addressOffset>
    <fields><field><dim>3</dim><dimIncrement>4</dimIncrement><dimIndex>1-3</dimIndex><name>F%s</name><bitOffset>0</bitOffset><bitWidth>2</bitWidth></field></fields>
  </register>
  <cluster><dim>2</dim><dimIncrement>0x20</dimIncrement><dimIndex>A,B</dimIndex><name>CH%s</name><addressOffset>0x40</addressOffset>
    <register><name>X</name><addressOffset>0</addressOffset></register></cluster>
</registers></peripheral>
<peripheral><dim>2</dim><dimIncrement>0x100</dimIncrement><name>GPIO%s</name><baseAddress>0x5000</baseAddress></peripheral>
)"),
                                          "t.svd");
    const svd_register& r = periph(d, "P").registers[0];
    EXPECT_EQ(r.dim.dim, 4u);
    EXPECT_EQ(r.dim.index, (std::vector<std::string>{"0", "1", "2", "3"}));
    ASSERT_EQ(r.fields.size(), 3u);
    EXPECT_EQ(r.fields[2].name, "F3");
    EXPECT_EQ(r.fields[2].lsb, 8u);
    EXPECT_EQ(r.fields[2].array_pattern, "F%s");
    EXPECT_EQ(periph(d, "P").clusters[0].dim.index, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(periph(d, "GPIO1").base_address, 0x5100u);
}

TEST(svd_parser, reads_svd13_details) {
    const svd_device d = parse_svd_string(
        device(R"(
<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
  <register><name>SR</name><addressOffset>0</addressOffset><modifiedWriteValues>oneToClear</modifiedWriteValues><readAction>clear</readAction>
    <fields>
      <field><name>F</name><bitRange>[7:4]</bitRange><access>read-writeOnce</access>
        <writeConstraint><range><minimum>1</minimum><maximum>9</maximum></range></writeConstraint>
        <enumeratedValues><usage>read</usage>
          <enumeratedValue><name>A</name><value>1</value></enumeratedValue>
          <enumeratedValue><name>Rest</name><isDefault>true</isDefault></enumeratedValue></enumeratedValues>
        <enumeratedValues><usage>write</usage>
          <enumeratedValue><name>W</name><value>#0010</value></enumeratedValue></enumeratedValues>
      </field>
      <field><name>G</name><lsb>8</lsb><msb>8</msb><modifiedWriteValues>zeroToSet</modifiedWriteValues></field>
    </fields></register>
</registers></peripheral>)",
               "<cpu><name>CM33</name><fpuPresent>1</fpuPresent><nvicPrioBits>3</nvicPrioBits>"
               "<sauNumRegions>8</sauNumRegions></cpu>\n"),
        "t.svd");
    ASSERT_TRUE(d.cpu.has_value());
    EXPECT_EQ(d.cpu->name, "CM33");
    EXPECT_TRUE(d.cpu->fpu_present);
    EXPECT_EQ(d.cpu->nvic_prio_bits, 3u);
    EXPECT_EQ(d.cpu->sau_num_regions, 8u);
    const svd_register& r = periph(d, "P").registers[0];
    EXPECT_EQ(r.read_action, svd_read_action::clear);
    const svd_field& f = r.fields[0];
    EXPECT_EQ(f.lsb, 4u);
    EXPECT_EQ(f.width, 4u);
    EXPECT_EQ(f.access, svd_access::read_write_once);
    EXPECT_EQ(f.modified_write, svd_modified_write::one_to_clear);  // inherited from the register
    ASSERT_TRUE(f.write_constraint.has_value());
    EXPECT_EQ(*f.write_constraint->maximum, 9u);
    ASSERT_EQ(f.enums.size(), 2u);
    EXPECT_EQ(f.enums[0].usage, svd_usage::read);
    EXPECT_TRUE(f.enums[0].values[1].is_default);
    EXPECT_EQ(*f.enums[1].values[0].value, 2u);
    EXPECT_EQ(r.fields[1].modified_write, svd_modified_write::zero_to_set);
}

TEST(svd_parser, errors_name_file_and_line) {
    try {
        (void)parse_svd_string(
            device("<peripheral><name>P</name>\n<baseAddress>0</baseAddress><registers>\n"
                   "<register><name>R</name>\n<addressOffset>zz</addressOffset></register>\n"
                   "</registers></peripheral>\n"),
            "bad.svd");
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::bad_input);
        EXPECT_THAT(e.what(), HasSubstr("bad.svd:8"));
        EXPECT_THAT(e.what(), HasSubstr("addressOffset"));
    }
    try {
        (void)parse_svd_string(
            "<device><name>X</name>\n<peripherals>\n<peripheral derivedFrom=\"NOPE\">"
            "<name>P</name><baseAddress>0</baseAddress></peripheral></peripherals></device>",
            "d.svd");
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_THAT(e.what(), HasSubstr("d.svd:3"));
        EXPECT_THAT(e.what(), HasSubstr("NOPE"));
    }
    EXPECT_THROW((void)parse_svd_string("<device><name>", "x.svd"), error);
    EXPECT_THROW((void)parse_svd_string("<notadevice/>", "x.svd"), error);
    try {
        (void)parse_svd_file("/nonexistent/x.svd");
        FAIL() << "no error";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::no_input);
    }
}

TEST(svd_parser, derivation_cycle_is_an_error) {
    EXPECT_THROW((void)parse_svd_string(device(R"(
<peripheral derivedFrom="B"><name>A</name><baseAddress>0</baseAddress></peripheral>
<peripheral derivedFrom="A"><name>B</name><baseAddress>0</baseAddress></peripheral>)"),
                                        "c.svd"),
                 error);
}

TEST(svd_check, reports_overlaps_and_bad_fields) {
    const svd_device d = parse_svd_string(device(R"(
<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
  <register><name>A</name><addressOffset>0</addressOffset><size>8</size><fields>
    <field><name>X</name><bitOffset>0</bitOffset><bitWidth>4</bitWidth></field>
    <field><name>Y</name><bitOffset>2</bitOffset><bitWidth>4</bitWidth></field>
    <field><name>Z</name><bitOffset>6</bitOffset><bitWidth>4</bitWidth></field>
  </fields></register>
  <register><name>B</name><addressOffset>0</addressOffset></register>
  <register><name>C</name><addressOffset>0</addressOffset><alternateRegister>B</alternateRegister></register>
</registers></peripheral>)"),
                                          "k.svd");
    const auto problems = check_device(d);
    std::string all;
    for (const problem& p : problems) all += p.where + ": " + p.message + "\n";
    EXPECT_THAT(all, HasSubstr("P.A.Y: overlaps another field"));
    EXPECT_THAT(all, HasSubstr("P.A.Z: bits 6..9 outside the 8-bit register"));
    EXPECT_THAT(all, HasSubstr("registers A and B overlap"));
    EXPECT_THAT(all, ::testing::Not(HasSubstr("A and C")));
    EXPECT_THAT(all, HasSubstr("k.svd:"));
}

TEST(svd_check, reports_elements_in_the_wrong_place) {
    svd_document doc;
    load_svd_string(doc, device(R"(<peripheral><name>P</name><baseAddress>0</baseAddress>
<registers><register><name>R</name><addressOffset>0</addressOffset><fields>
<field><name>F</name><bitOffset>0</bitOffset>
<register><name>X</name><addressOffset>4</addressOffset></register>
</field>
<field><name>G</name><bitOffset>1</bitOffset><bitWdth>1</bitWdth></field>
</fields></register></registers>
<vendorExtensions><anything><register/></anything></vendorExtensions>
</peripheral>
)"),
                    "w.svd");
    std::vector<std::string> found;
    for (const problem& p : check_structure(doc)) {
        found.push_back(p.where + (p.severity == problem::severity_level::error ? " E " : " W ") +
                        p.message);
    }
    EXPECT_EQ(found, (std::vector<std::string>{
                         "w.svd:8 E <register> does not belong in <field>",
                         "w.svd:10 W unknown element <bitWdth> in <field>",
                         "w.svd:12 E <vendorExtensions> does not belong in <peripheral>",
                     }));
}

}  // namespace
}  // namespace rivet::svd
