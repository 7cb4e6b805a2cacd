// The structural half of `rivet svd check`: every element against the
// CMSIS-SVD schema's parent/child rules, from the XML so that each problem
// names its file and line.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "rivet/svd/check.hpp"
#include "schema.hpp"
#include "xml_util.hpp"

namespace rivet::svd {

const std::map<std::string_view, svd_tags, std::less<>>& svd_schema() {
    static const svd_tags dim = {"dim", "dimIncrement", "dimIndex", "dimName", "dimArrayIndex"};
    static const svd_tags props = {"size", "access", "protection", "resetValue", "resetMask"};
    auto with = [](svd_tags a, const svd_tags& b) {
        a.insert(b.begin(), b.end());
        return a;
    };
    static const std::map<std::string_view, svd_tags, std::less<>> rules = {
        {"device", with({"vendor", "vendorID", "name", "series", "version", "description",
                         "licenseText", "cpu", "headerSystemFilename", "headerDefinitionsPrefix",
                         "addressUnitBits", "width", "peripherals", "vendorExtensions"},
                        props)},
        {"cpu",
         {"name", "revision", "endian", "mpuPresent", "fpuPresent", "fpuDP", "dspPresent",
          "icachePresent", "dcachePresent", "itcmPresent", "dtcmPresent", "vtorPresent",
          "nvicPrioBits", "vendorSystickConfig", "deviceNumInterrupts", "sauNumRegions",
          "sauRegionsConfig"}},
        {"sauRegionsConfig", {"region"}},
        {"region", {"base", "limit", "access"}},
        {"peripherals", {"peripheral"}},
        {"peripheral",
         with(with({"name", "version", "description", "alternatePeripheral", "groupName",
                    "prependToName", "appendToName", "headerStructName", "disableCondition",
                    "baseAddress", "addressBlock", "interrupt", "registers"},
                   props),
              dim)},
        {"addressBlock", {"offset", "size", "usage", "protection"}},
        {"interrupt", {"name", "description", "value"}},
        {"registers", {"cluster", "register"}},
        {"cluster", with(with({"name", "description", "alternateCluster", "headerStructName",
                               "addressOffset", "register", "cluster"},
                              props),
                         dim)},
        {"register", with(with({"name", "displayName", "description", "alternateGroup",
                                "alternateRegister", "addressOffset", "dataType",
                                "modifiedWriteValues", "writeConstraint", "readAction", "fields"},
                               props),
                          dim)},
        {"fields", {"field"}},
        {"field",
         with({"name", "description", "bitOffset", "bitWidth", "lsb", "msb", "bitRange", "access",
               "modifiedWriteValues", "writeConstraint", "readAction", "enumeratedValues"},
              dim)},
        {"writeConstraint", {"writeAsRead", "useEnumeratedValues", "range"}},
        {"range", {"minimum", "maximum"}},
        {"enumeratedValues", {"name", "headerEnumName", "usage", "enumeratedValue"}},
        {"enumeratedValue", {"name", "description", "value", "isDefault"}},
        {"dimArrayIndex", {"headerEnumName", "enumeratedValue"}},
    };
    return rules;
}

namespace {

bool known(std::string_view tag) {
    if (svd_schema().contains(tag)) return true;
    for (const auto& [parent, children] : svd_schema()) {
        if (children.contains(tag)) return true;
    }
    return false;
}

class structure_checker {
public:
    explicit structure_checker(const svd_document& doc) : doc_(doc) {}

    std::vector<problem> run() {
        const pugi::xml_node device = doc_.xml.child("device");
        // Recursion is bounded: documents nested deeper than
        // max_element_depth are rejected when they are loaded.
        walk(device);
        return std::move(out_);
    }

private:
    void walk(const pugi::xml_node& parent) {
        const std::string_view ptag = parent.name();
        if (ptag == "vendorExtensions") return;
        const auto rule = svd_schema().find(ptag);
        for (pugi::xml_node c : parent.children()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view tag = c.name();
            if (!known(tag)) {
                add(problem::severity_level::warning, c,
                    "unknown element <" + std::string(tag) + "> in <" + std::string(ptag) + ">");
            } else if (rule == svd_schema().end() || !rule->second.contains(tag)) {
                add(problem::severity_level::error, c,
                    "<" + std::string(tag) + "> does not belong in <" + std::string(ptag) + ">");
                continue;  // what is inside is in the wrong place already
            }
            walk(c);
        }
    }

    void add(problem::severity_level s, const pugi::xml_node& n, std::string msg) {
        out_.push_back({s, doc_.where(n), std::move(msg)});
    }

    const svd_document& doc_;
    std::vector<problem> out_;
};

}  // namespace

std::vector<problem> check_structure(const svd_document& doc) {
    return structure_checker(doc).run();
}

}  // namespace rivet::svd
