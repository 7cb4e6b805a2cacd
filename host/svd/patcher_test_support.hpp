// The small device and the helpers shared by the patcher tests. Internal to
// host/svd's tests.
#pragma once

#include <pugixml.hpp>

#include <string>

#include <rivet/support/error.hpp>

#include "rivet/svd/parser.hpp"
#include "rivet/svd/patcher.hpp"
#include "xml_util.hpp"

namespace rivet::svd::test {

constexpr const char* example_svd = R"(<?xml version="1.0"?>
<device><name>DEV</name><peripherals>
<peripheral><name>GPIOA</name><description>GPIO</description><baseAddress>0x40000000</baseAddress>
  <interrupt><name>EXTI0</name><value>6</value></interrupt>
  <registers>
    <register><name>GPIOA_MODER</name><displayName>GPIOA_MODER</displayName><addressOffset>0</addressOffset><fields>
      <field><name>MODER0</name><bitOffset>0</bitOffset><bitWidth>2</bitWidth></field>
      <field><name>MODER1</name><bitOffset>2</bitOffset><bitWidth>2</bitWidth></field>
      <field><name>MODER2</name><bitOffset>4</bitOffset><bitWidth>2</bitWidth></field>
    </fields></register>
    <register><name>GPIOA_ODR</name><addressOffset>4</addressOffset><fields>
      <field><name>OD_LO</name><bitOffset>0</bitOffset><bitWidth>4</bitWidth></field>
      <field><name>OD_HI</name><bitOffset>4</bitOffset><bitWidth>4</bitWidth></field>
      <field><name>WIDE</name><bitOffset>8</bitOffset><bitWidth>3</bitWidth></field>
    </fields></register>
    <register><name>GPIOA_CH1CR</name><addressOffset>0x10</addressOffset><fields><field><name>EN</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth></field></fields></register>
    <register><name>GPIOA_CH1SR</name><addressOffset>0x14</addressOffset></register>
    <register><name>GPIOA_CH2CR</name><addressOffset>0x20</addressOffset><fields><field><name>EN</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth></field></fields></register>
    <register><name>GPIOA_CH2SR</name><addressOffset>0x24</addressOffset></register>
  </registers></peripheral>
<peripheral derivedFrom="GPIOA"><name>GPIOB</name><baseAddress>0x40000400</baseAddress></peripheral>
<peripheral><name>USART1</name><baseAddress>0x40001000</baseAddress><registers>
  <register><name>CR</name><addressOffset>0</addressOffset><fields>
    <field><name>UE</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth></field>
  </fields></register></registers></peripheral>
<peripheral derivedFrom="USART1"><name>USART2</name><baseAddress>0x40002000</baseAddress></peripheral>
</peripherals></device>
)";

inline svd_document patched(const std::string& yaml, const std::string& dir = "/nonexistent") {
    svd_document doc;
    load_svd_string(doc, example_svd, "dev.svd");
    apply_patch_string(doc, yaml, "dev.yaml", dir, {});
    return doc;
}

inline pugi::xml_node peripheral(const svd_document& d, const std::string& name) {
    for (pugi::xml_node p : d.xml.child("device").child("peripherals").children("peripheral")) {
        if (text_of(p, "name") == name) return p;
    }
    return {};
}

inline pugi::xml_node reg(pugi::xml_node p, const std::string& name) {
    for (pugi::xml_node r : p.child("registers").children()) {
        if (text_of(r, "name") == name) return r;
    }
    return {};
}

inline pugi::xml_node field(pugi::xml_node r, const std::string& name) {
    for (pugi::xml_node f : r.child("fields").children("field")) {
        if (text_of(f, "name") == name) return f;
    }
    return {};
}

inline std::string error_of(const std::string& yaml) {
    try {
        (void)patched(yaml);
    } catch (const error& e) {
        return e.what();
    }
    return "";
}

}  // namespace rivet::svd::test
