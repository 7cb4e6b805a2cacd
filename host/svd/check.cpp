// Semantic checks for `rivet svd check`.
#include "rivet/svd/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace rivet::svd {

namespace {

class Checker {
public:
    explicit Checker(const Device& d) : dev_(d) {}

    std::vector<Problem> run() {
        std::set<std::string> names;
        std::map<std::int64_t, std::string> irqs;
        for (const Peripheral& p : dev_.peripherals) {
            if (!names.insert(p.name).second)
                add(Problem::Severity::error, p.line, "duplicate peripheral " + p.name);
            for (const Interrupt& i : p.interrupts) {
                auto [it, fresh] = irqs.emplace(i.value, i.name);
                if (!fresh && it->second != i.name) {
                    add(Problem::Severity::warning, p.line,
                        fmt::format("{}: interrupt {} has number {} like {}", p.name, i.name,
                                    i.value, it->second));
                }
            }
            scope(p.name, p.registers, p.clusters, p.line);
        }
        return std::move(out_);
    }

private:
    void add(Problem::Severity s, int line, std::string msg) {
        out_.push_back(
            {s, line > 0 ? fmt::format("{}:{}", dev_.source, line) : dev_.source, std::move(msg)});
    }

    void scope(const std::string& path, const std::vector<Register>& regs,
               const std::vector<Cluster>& clusters, int line) {
        std::set<std::string> names;
        struct Span {
            std::uint64_t lo, hi;
            const Register* r;
        };
        std::vector<Span> spans;
        for (const Register& r : regs) {
            if (!names.insert(r.name).second)
                add(Problem::Severity::error, r.line, "duplicate register " + path + "." + r.name);
            reg(path + "." + r.name, r);
            const std::uint64_t bytes = (r.size + 7) / 8;
            const std::uint32_t n = r.dim.is_array() ? r.dim.dim : 1;
            for (std::uint32_t i = 0; i < n; ++i) {
                const std::uint64_t lo = r.offset + (r.dim.is_array() ? r.dim.increment * i : 0);
                spans.push_back({lo, lo + bytes, &r});
            }
        }
        std::stable_sort(spans.begin(), spans.end(),
                         [](const Span& a, const Span& b) { return a.lo < b.lo; });
        std::set<std::pair<const Register*, const Register*>> reported;
        for (std::size_t i = 1; i < spans.size(); ++i) {
            const Span& b = spans[i];
            for (std::size_t j = i; j-- > 0;) {
                const Span& a = spans[j];
                if (a.hi <= b.lo && b.lo - a.lo > 64) break;  // far enough back
                if (b.lo >= a.hi || a.r == b.r) continue;
                if (!a.r->alternate_register.empty() || !b.r->alternate_register.empty() ||
                    !a.r->alternate_group.empty() || !b.r->alternate_group.empty()) {
                    continue;
                }
                if (!reported.insert({a.r, b.r}).second) continue;
                add(Problem::Severity::warning, b.r->line,
                    fmt::format("{}: registers {} and {} overlap at offset 0x{:X} without "
                                "alternateRegister",
                                path, a.r->name, b.r->name, b.lo));
            }
        }
        for (const Cluster& c : clusters) {
            if (!names.insert(c.name).second)
                add(Problem::Severity::error, c.line, "duplicate cluster " + path + "." + c.name);
            scope(path + "." + c.name, c.registers, c.clusters, c.line);
        }
        (void)line;
    }

    void reg(const std::string& path, const Register& r) {
        if (r.size < 64 && (r.reset_value >> r.size) != 0) {
            add(Problem::Severity::warning, r.line, path + ": resetValue wider than the register");
        }
        std::uint64_t used = 0;
        std::set<std::string> names;
        for (const Field& f : r.fields) {
            const std::string fp = path + "." + f.name;
            if (!names.insert(f.name).second)
                add(Problem::Severity::error, f.line, "duplicate field " + fp);
            if (f.lsb + f.width > r.size) {
                add(Problem::Severity::error, f.line,
                    fmt::format("{}: bits {}..{} outside the {}-bit register", fp, f.lsb,
                                f.lsb + f.width - 1, r.size));
                continue;
            }
            const std::uint64_t m = (f.width >= 64 ? ~0ull : ((1ull << f.width) - 1)) << f.lsb;
            if ((used & m) != 0)
                add(Problem::Severity::warning, f.line, fp + ": overlaps another field");
            used |= m;
            int reads = 0, writes = 0;
            for (const Enumeration& e : f.enums) {
                reads += e.usage != Usage::write ? 1 : 0;
                writes += e.usage != Usage::read ? 1 : 0;
                std::set<std::string> vn;
                for (const EnumValue& v : e.values) {
                    if (!vn.insert(v.name).second)
                        add(Problem::Severity::warning, f.line,
                            fp + ": duplicate enumerated value " + v.name);
                    if (v.value && f.width < 64 && (*v.value >> f.width) != 0) {
                        add(Problem::Severity::warning, f.line,
                            fmt::format("{}: enumerated value {} = {} does not fit {} bits", fp,
                                        v.name, *v.value, f.width));
                    }
                }
            }
            if (reads > 1 || writes > 1)
                add(Problem::Severity::error, f.line,
                    fp + ": more than one enumeratedValues per usage");
            if (f.write_constraint && f.write_constraint->maximum && f.width < 64 &&
                (*f.write_constraint->maximum >> f.width) != 0) {
                add(Problem::Severity::warning, f.line,
                    fp + ": writeConstraint range exceeds the field");
            }
        }
    }

    const Device& dev_;
    std::vector<Problem> out_;
};

}  // namespace

std::vector<Problem> check_device(const Device& device) {
    return Checker(device).run();
}

}  // namespace rivet::svd
