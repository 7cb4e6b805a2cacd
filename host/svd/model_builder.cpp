// The Device model from a resolved SVD document: register properties
// inherited device -> peripheral -> cluster -> register, arrays of
// peripherals and fields unrolled (dim.cpp).
#include <map>
#include <optional>

#include "dim.hpp"
#include "rivet/svd/parser.hpp"
#include "xml_util.hpp"

namespace rivet::svd {

bool readable(svd_access a) {
    return a != svd_access::write_only && a != svd_access::write_once;
}
bool writable(svd_access a) {
    return a != svd_access::read_only;
}

namespace {

struct register_props {
    std::optional<std::uint32_t> size;
    std::optional<svd_access> access;
    std::optional<std::string> protection;
    std::optional<std::uint64_t> reset_value, reset_mask;
};

class builder : node_reader {
public:
    explicit builder(const svd_document& doc) : node_reader(doc) {}

    svd_device build() {
        const pugi::xml_node d = doc_.xml.child("device");
        svd_device dev;
        dev.source = doc_.path;
        dev.name = required(d, "name");
        dev.vendor = text_of(d, "vendor");
        dev.series = text_of(d, "series");
        dev.version = text_of(d, "version");
        dev.description = text_of(d, "description");
        dev.license_text = text_of(d, "licenseText");
        dev.address_unit_bits =
            static_cast<std::uint32_t>(opt_int(d, "addressUnitBits").value_or(8));
        dev.width = static_cast<std::uint32_t>(opt_int(d, "width").value_or(32));
        if (pugi::xml_node c = d.child("cpu")) dev.cpu = cpu(c);
        const register_props props = read_props(d, register_props{});
        // Peripheral arrays become separate instances, each with its own
        // registers: a few lines of SVD can ask for millions of them.
        std::size_t items = 0;
        for (pugi::xml_node p : d.child("peripherals").children("peripheral")) {
            svd_peripheral per = peripheral(p, props);
            items += std::size_t{per.dim.is_array() ? per.dim.dim : 1} *
                     (1 + count_items(per.registers, per.clusters));
            if (items > max_items) {
                fail(p, "the device unrolls into more than " + std::to_string(max_items) +
                            " peripherals, clusters, registers and fields");
            }
            // Counted before the copies are made.
            if (dev.peripherals.size() + (per.dim.is_array() ? per.dim.dim : 1) > max_peripherals) {
                fail(p, "the device unrolls into more than " + std::to_string(max_peripherals) +
                            " peripherals");
            }
            append_peripheral_instances(std::move(per), dev.peripherals);
        }
        return dev;
    }

private:
    // The largest corpus device (stm32u575) has about 44,000 of them.
    static constexpr std::size_t max_items = 500'000;
    // Each peripheral becomes a header of its own; the corpus devices have
    // at most a few hundred.
    static constexpr std::size_t max_peripherals = 4096;

    static std::size_t count_items(const std::vector<svd_register>& regs,
                                   const std::vector<svd_cluster>& clusters) {
        std::size_t n = regs.size() + clusters.size();
        for (const svd_register& r : regs) n += r.fields.size();
        for (const svd_cluster& c : clusters) n += count_items(c.registers, c.clusters);
        return n;
    }

    svd_access access(const pugi::xml_node& c) const {
        std::string t = trimmed(c.text().get());
        if (t == "read-writeonce") t = "read-writeOnce";
        if (t == "writeonce") t = "writeOnce";
        if (t == "read-only") return svd_access::read_only;
        if (t == "write-only") return svd_access::write_only;
        if (t == "read-write" || t == "read-writeOnce" || t.empty()) {
            return t == "read-writeOnce" ? svd_access::read_write_once : svd_access::read_write;
        }
        if (t == "writeOnce") return svd_access::write_once;
        fail(c, "unknown access '" + t + "'");
    }

    svd_modified_write modified_write(const pugi::xml_node& c) const {
        static const std::map<std::string, svd_modified_write, std::less<>> m = {
            {"oneToClear", svd_modified_write::one_to_clear},
            {"oneToSet", svd_modified_write::one_to_set},
            {"oneToToggle", svd_modified_write::one_to_toggle},
            {"zeroToClear", svd_modified_write::zero_to_clear},
            {"zeroToSet", svd_modified_write::zero_to_set},
            {"zeroToToggle", svd_modified_write::zero_to_toggle},
            {"clear", svd_modified_write::clear},
            {"set", svd_modified_write::set},
            {"modify", svd_modified_write::modify}};
        const std::string t = trimmed(c.text().get());
        auto it = m.find(t);
        if (it == m.end()) fail(c, "unknown modifiedWriteValues '" + t + "'");
        return it->second;
    }

    svd_read_action read_action(const pugi::xml_node& c) const {
        const std::string t = trimmed(c.text().get());
        if (t == "clear") return svd_read_action::clear;
        if (t == "set") return svd_read_action::set;
        if (t == "modify") return svd_read_action::modify;
        if (t == "modifyExternal") return svd_read_action::modify_exception;
        fail(c, "unknown readAction '" + t + "'");
    }

    register_props read_props(const pugi::xml_node& n, register_props p) const {
        if (auto v = opt_int(n, "size")) p.size = static_cast<std::uint32_t>(*v);
        if (pugi::xml_node a = n.child("access")) p.access = access(a);
        if (pugi::xml_node a = n.child("protection")) p.protection = trimmed(a.text().get());
        if (auto v = opt_int(n, "resetValue")) p.reset_value = *v;
        if (auto v = opt_int(n, "resetMask")) p.reset_mask = *v;
        return p;
    }

    svd_dim dim(const pugi::xml_node& n) const {
        svd_dim d;
        auto v = opt_int(n, "dim");
        if (!v) return d;
        if (*v == 0 || *v > max_dim) fail(n, "dim out of range");
        // A field array unrolls into separate fields of one register of at
        // most 64 bits.
        if (is_element(n, "field") && *v > 64) fail(n, "field array with dim > 64");
        d.dim = static_cast<std::uint32_t>(*v);
        d.increment = req_int(n, "dimIncrement");
        d.dim_name = text_of(n, "dimName");
        bool ok = true;
        d.index = expand_dim_index(text_of(n, "dimIndex"), d.dim, ok);
        if (!ok)
            fail(n, "dimIndex '" + text_of(n, "dimIndex") +
                        "' does not give dim=" + std::to_string(d.dim) + " entries");
        const std::string name = text_of(n, "name");
        if (name.find("%s") == std::string::npos)
            fail(n, "array " + name + " has no %s in its name");
        return d;
    }

    std::optional<svd_write_constraint> write_constraint(const pugi::xml_node& n) const {
        const pugi::xml_node c = n.child("writeConstraint");
        if (!c) return std::nullopt;
        svd_write_constraint w;
        w.write_as_read = opt_bool(c, "writeAsRead", false);
        w.use_enumerated_values = opt_bool(c, "useEnumeratedValues", false);
        if (pugi::xml_node r = c.child("range")) {
            w.minimum = req_int(r, "minimum");
            w.maximum = req_int(r, "maximum");
        }
        return w;
    }

    svd_cpu cpu(const pugi::xml_node& c) const {
        svd_cpu cpu;
        cpu.name = text_of(c, "name");
        cpu.revision = text_of(c, "revision");
        cpu.endian = text_of(c, "endian");
        cpu.mpu_present = opt_bool(c, "mpuPresent", false);
        cpu.fpu_present = opt_bool(c, "fpuPresent", false);
        cpu.fpu_dp = opt_bool(c, "fpuDP", false);
        cpu.dsp_present = opt_bool(c, "dspPresent", false);
        cpu.icache_present = opt_bool(c, "icachePresent", false);
        cpu.dcache_present = opt_bool(c, "dcachePresent", false);
        cpu.itcm_present = opt_bool(c, "itcmPresent", false);
        cpu.dtcm_present = opt_bool(c, "dtcmPresent", false);
        cpu.vtor_present = opt_bool(c, "vtorPresent", true);
        cpu.nvic_prio_bits = static_cast<std::uint32_t>(opt_int(c, "nvicPrioBits").value_or(4));
        cpu.vendor_systick_config = opt_bool(c, "vendorSystickConfig", false);
        cpu.device_num_interrupts =
            static_cast<std::uint32_t>(opt_int(c, "deviceNumInterrupts").value_or(0));
        cpu.sau_num_regions = static_cast<std::uint32_t>(opt_int(c, "sauNumRegions").value_or(0));
        return cpu;
    }

    svd_enumeration enumeration(const pugi::xml_node& n) const {
        svd_enumeration e;
        e.name = text_of(n, "name");
        const std::string u = text_of(n, "usage");
        if (u == "read") {
            e.usage = svd_usage::read;
        } else if (u == "write") {
            e.usage = svd_usage::write;
        } else if (u.empty() || u == "read-write") {
            e.usage = svd_usage::read_write;
        } else {
            fail(n, "unknown enumeratedValues usage '" + u + "'");
        }
        for (pugi::xml_node v : n.children("enumeratedValue")) {
            svd_enum_value ev;
            ev.name = required(v, "name");
            ev.description = text_of(v, "description");
            ev.is_default = opt_bool(v, "isDefault", false);
            if (v.child("value")) {
                ev.value =
                    req_int(v, "value");  // too wide: reported by check, skipped by the emitter
            } else if (!ev.is_default) {
                fail(v, "enumeratedValue " + ev.name + " has neither <value> nor <isDefault>");
            }
            e.values.push_back(std::move(ev));
        }
        return e;
    }

    svd_field field(const pugi::xml_node& n, const svd_register& r) const {
        svd_field f;
        f.line = doc_.line_of(n);
        f.name = required(n, "name");
        f.description = text_of(n, "description");
        if (n.child("bitOffset")) {
            f.lsb = static_cast<std::uint32_t>(req_int(n, "bitOffset"));
            f.width = static_cast<std::uint32_t>(opt_int(n, "bitWidth").value_or(1));
        } else if (n.child("lsb")) {
            f.lsb = static_cast<std::uint32_t>(req_int(n, "lsb"));
            const auto msb = static_cast<std::uint32_t>(req_int(n, "msb"));
            if (msb < f.lsb) fail(n, "field " + f.name + " has msb < lsb");
            f.width = msb - f.lsb + 1;
        } else if (pugi::xml_node br = n.child("bitRange")) {
            const std::string t = trimmed(br.text().get());
            std::uint64_t msb = 0, lsb = 0;
            const auto colon = t.find(':');
            if (t.size() < 5 || t.front() != '[' || t.back() != ']' || colon == std::string::npos ||
                !parse_svd_integer(t.substr(1, colon - 1), msb) ||
                !parse_svd_integer(t.substr(colon + 1, t.size() - colon - 2), lsb) || msb < lsb) {
                fail(br, "bad bitRange '" + t + "'");
            }
            f.lsb = static_cast<std::uint32_t>(lsb);
            f.width = static_cast<std::uint32_t>(msb - lsb + 1);
        } else {
            fail(n, "field " + f.name + " has no bit position");
        }
        if (f.width == 0 || f.width > 64 || f.lsb > 63)
            fail(n, "field " + f.name + " has a bad bit range");
        f.access = n.child("access") ? access(n.child("access")) : r.access;
        f.modified_write = n.child("modifiedWriteValues")
                               ? modified_write(n.child("modifiedWriteValues"))
                               : r.modified_write;
        f.read_action =
            n.child("readAction") ? read_action(n.child("readAction")) : svd_read_action::none;
        f.write_constraint = write_constraint(n);
        for (pugi::xml_node ev : n.children("enumeratedValues")) f.enums.push_back(enumeration(ev));
        f.dim = dim(n);
        return f;
    }

    svd_register reg(const pugi::xml_node& n, const register_props& inherited) const {
        svd_register r;
        r.line = doc_.line_of(n);
        r.name = required(n, "name");
        r.display_name = text_of(n, "displayName");
        r.description = text_of(n, "description");
        r.alternate_group = text_of(n, "alternateGroup");
        r.alternate_register = text_of(n, "alternateRegister");
        r.offset = req_int(n, "addressOffset");
        const register_props p = read_props(n, inherited);
        r.size = p.size.value_or(32);
        if (r.size == 0 || r.size > 64)
            fail(n, "register " + r.name + " has size " + std::to_string(r.size));
        r.access = p.access.value_or(svd_access::read_write);
        r.protection = p.protection.value_or("");
        const std::uint64_t size_mask = r.size >= 64 ? ~0ull : ((1ull << r.size) - 1);
        r.reset_value = p.reset_value.value_or(0) & size_mask;
        r.reset_mask = p.reset_mask.value_or(size_mask) & size_mask;
        r.data_type = text_of(n, "dataType");
        if (pugi::xml_node m = n.child("modifiedWriteValues")) r.modified_write = modified_write(m);
        if (pugi::xml_node m = n.child("readAction")) r.read_action = read_action(m);
        r.write_constraint = write_constraint(n);
        r.dim = dim(n);
        for (pugi::xml_node f : n.child("fields").children("field"))
            append_field_instances(field(f, r), r.fields);
        return r;
    }

    template <typename Scope>
    void children(const pugi::xml_node& n, const register_props& p, Scope& s) const {
        for (pugi::xml_node c : n.children()) {
            if (is_element(c, "register")) {
                s.registers.push_back(reg(c, p));
            } else if (is_element(c, "cluster")) {
                s.clusters.push_back(cluster(c, p));
            }
        }
    }

    svd_cluster cluster(const pugi::xml_node& n, const register_props& inherited) const {
        svd_cluster c;
        c.line = doc_.line_of(n);
        c.name = required(n, "name");
        c.description = text_of(n, "description");
        c.alternate_cluster = text_of(n, "alternateCluster");
        c.header_struct_name = text_of(n, "headerStructName");
        c.offset = req_int(n, "addressOffset");
        c.dim = dim(n);
        children(n, read_props(n, inherited), c);
        return c;
    }

    svd_peripheral peripheral(const pugi::xml_node& n, const register_props& inherited) const {
        svd_peripheral p;
        p.line = doc_.line_of(n);
        p.name = required(n, "name");
        p.version = text_of(n, "version");
        p.description = text_of(n, "description");
        p.group_name = text_of(n, "groupName");
        p.prepend_to_name = text_of(n, "prependToName");
        p.append_to_name = text_of(n, "appendToName");
        p.header_struct_name = text_of(n, "headerStructName");
        p.alternate_peripheral = text_of(n, "alternatePeripheral");
        p.derived_from = n.attribute("derivedFrom").value();
        p.base_address = req_int(n, "baseAddress");
        p.dim = dim(n);
        for (pugi::xml_node b : n.children("addressBlock")) {
            svd_address_block ab;
            ab.offset = opt_int(b, "offset").value_or(0);
            ab.size = opt_int(b, "size").value_or(0);
            ab.usage = text_of(b, "usage");
            p.address_blocks.push_back(ab);
        }
        for (pugi::xml_node i : n.children("interrupt")) {
            svd_interrupt irq;
            irq.name = required(i, "name");
            irq.description = text_of(i, "description");
            const std::string v = text_of(i, "value");
            std::uint64_t u = 0;
            if (!v.empty() && v[0] == '-' && parse_svd_integer(v.substr(1), u)) {
                irq.value = -static_cast<std::int64_t>(u);
            } else if (parse_svd_integer(v, u)) {
                irq.value = static_cast<std::int64_t>(u);
            } else {
                fail(i, "interrupt " + irq.name + " has a bad <value>");
            }
            p.interrupts.push_back(irq);
        }
        children(n.child("registers"), read_props(n, inherited), p);
        return p;
    }
};

}  // namespace

svd_device build_model(const svd_document& doc) {
    return builder(doc).build();
}

}  // namespace rivet::svd
