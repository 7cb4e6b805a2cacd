// Semantic checks for `rivet svd check`.
#include "rivet/svd/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace rivet::svd {

namespace {

class checker {
public:
    explicit checker(const svd_device& d) : dev_(d) {}

    std::vector<problem> run() {
        std::set<std::string> names;
        std::map<std::int64_t, std::string> irqs;
        for (const svd_peripheral& p : dev_.peripherals) {
            if (!names.insert(p.name).second)
                add(problem::severity_level::error, p.line, "duplicate peripheral " + p.name);
            for (const svd_interrupt& i : p.interrupts) {
                auto [it, fresh] = irqs.emplace(i.value, i.name);
                if (!fresh && it->second != i.name) {
                    add(problem::severity_level::warning, p.line,
                        fmt::format("{}: interrupt {} has number {} like {}", p.name, i.name,
                                    i.value, it->second));
                }
            }
            scope(p.name, p.registers, p.clusters, p.line);
        }
        return std::move(out_);
    }

private:
    void add(problem::severity_level s, int line, std::string msg) {
        out_.push_back(
            {s, line > 0 ? fmt::format("{}:{}", dev_.source, line) : dev_.source, std::move(msg)});
    }

    void scope(const std::string& path, const std::vector<svd_register>& regs,
               const std::vector<svd_cluster>& clusters, int line) {
        std::set<std::string> names;
        struct span {
            std::uint64_t lo, hi;
            const svd_register* r;
        };
        std::vector<span> spans;
        for (const svd_register& r : regs) {
            if (!names.insert(r.name).second)
                add(problem::severity_level::error, r.line,
                    "duplicate register " + path + "." + r.name);
            reg(path + "." + r.name, r);
            const std::uint64_t bytes = (r.size + 7) / 8;
            const std::uint32_t n = r.dim.is_array() ? r.dim.dim : 1;
            for (std::uint32_t i = 0; i < n; ++i) {
                const std::uint64_t lo = r.offset + (r.dim.is_array() ? r.dim.increment * i : 0);
                spans.push_back({lo, lo + bytes, &r});
            }
        }
        std::stable_sort(spans.begin(), spans.end(),
                         [](const span& a, const span& b) { return a.lo < b.lo; });
        std::set<std::pair<const svd_register*, const svd_register*>> reported;
        for (std::size_t i = 1; i < spans.size(); ++i) {
            const span& b = spans[i];
            for (std::size_t j = i; j-- > 0;) {
                const span& a = spans[j];
                if (a.hi <= b.lo && b.lo - a.lo > 64) break;  // far enough back
                if (b.lo >= a.hi || a.r == b.r) continue;
                if (!a.r->alternate_register.empty() || !b.r->alternate_register.empty() ||
                    !a.r->alternate_group.empty() || !b.r->alternate_group.empty()) {
                    continue;
                }
                if (!reported.insert({a.r, b.r}).second) continue;
                add(problem::severity_level::warning, b.r->line,
                    fmt::format("{}: registers {} and {} overlap at offset 0x{:X} without "
                                "alternateRegister",
                                path, a.r->name, b.r->name, b.lo));
            }
        }
        for (const svd_cluster& c : clusters) {
            if (!names.insert(c.name).second)
                add(problem::severity_level::error, c.line,
                    "duplicate cluster " + path + "." + c.name);
            scope(path + "." + c.name, c.registers, c.clusters, c.line);
        }
        (void)line;
    }

    void reg(const std::string& path, const svd_register& r) {
        if (r.size < 64 && (r.reset_value >> r.size) != 0) {
            add(problem::severity_level::warning, r.line,
                path + ": resetValue wider than the register");
        }
        std::uint64_t used = 0;
        std::set<std::string> names;
        for (const svd_field& f : r.fields) {
            const std::string fp = path + "." + f.name;
            if (!names.insert(f.name).second)
                add(problem::severity_level::error, f.line, "duplicate field " + fp);
            if (f.lsb + f.width > r.size) {
                add(problem::severity_level::error, f.line,
                    fmt::format("{}: bits {}..{} outside the {}-bit register", fp, f.lsb,
                                f.lsb + f.width - 1, r.size));
                continue;
            }
            const std::uint64_t m = (f.width >= 64 ? ~0ull : ((1ull << f.width) - 1)) << f.lsb;
            if ((used & m) != 0)
                add(problem::severity_level::warning, f.line, fp + ": overlaps another field");
            used |= m;
            int reads = 0, writes = 0;
            for (const svd_enumeration& e : f.enums) {
                reads += e.usage != svd_usage::write ? 1 : 0;
                writes += e.usage != svd_usage::read ? 1 : 0;
                std::set<std::string> vn;
                for (const svd_enum_value& v : e.values) {
                    if (!vn.insert(v.name).second)
                        add(problem::severity_level::warning, f.line,
                            fp + ": duplicate enumerated value " + v.name);
                    if (v.value && f.width < 64 && (*v.value >> f.width) != 0) {
                        add(problem::severity_level::warning, f.line,
                            fmt::format("{}: enumerated value {} = {} does not fit {} bits", fp,
                                        v.name, *v.value, f.width));
                    }
                }
            }
            if (reads > 1 || writes > 1)
                add(problem::severity_level::error, f.line,
                    fp + ": more than one enumeratedValues per usage");
            if (f.write_constraint && f.write_constraint->maximum && f.width < 64 &&
                (*f.write_constraint->maximum >> f.width) != 0) {
                add(problem::severity_level::warning, f.line,
                    fp + ": writeConstraint range exceeds the field");
            }
        }
    }

    const svd_device& dev_;
    std::vector<problem> out_;
};

}  // namespace

std::vector<problem> check_device(const svd_device& device) {
    return checker(device).run();
}

}  // namespace rivet::svd
