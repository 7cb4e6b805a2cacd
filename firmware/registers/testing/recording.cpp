// The recording seam's definitions, forwarding to the recorder in scope.
#include "rivet/registers/recording.hpp"

#include <cstdio>
#include <cstdlib>

#include "rivet/registers/register.hpp"

namespace rivet::registers::testing {

namespace {
recorder* active = nullptr;

std::uint32_t width_mask(unsigned width) {
    return width >= 4 ? 0xFFFFFFFFu : (1u << (8 * width)) - 1;
}
}  // namespace

void PrintTo(const access& a, std::ostream* out) {
    char text[64];
    (void)std::snprintf(text, sizeof text, "%s%u 0x%08llx %s 0x%08x",
                        a.what == access::kind::load ? "load" : "store", a.width_bytes * 8,
                        static_cast<unsigned long long>(a.address),
                        a.what == access::kind::load ? "->" : "=", a.value);
    *out << text;
}

std::ostream& operator<<(std::ostream& out, const access& a) {
    PrintTo(a, &out);
    return out;
}

recorder::recorder() : previous_(active) {
    active = this;
}
recorder::~recorder() {
    active = previous_;
}

recorder* recorder::current() {
    return active;
}

std::vector<access> recorder::stores() const {
    std::vector<access> out;
    for (const access& a : log_) {
        if (a.what == access::kind::store) out.push_back(a);
    }
    return out;
}

std::vector<access> recorder::accesses_to(std::uintptr_t address) const {
    std::vector<access> out;
    for (const access& a : log_) {
        if (a.address == address) out.push_back(a);
    }
    return out;
}

std::uint32_t recorder::value(std::uintptr_t address) const {
    auto found = memory_.find(address);
    return found == memory_.end() ? 0 : found->second;
}

std::uint32_t recorder::do_load(std::uintptr_t address, unsigned width) {
    std::uint32_t v = value(address);
    if (auto hook = load_hooks_.find(address); hook != load_hooks_.end()) v = hook->second(v);
    v &= width_mask(width);
    log_.push_back(load(address, width, v));
    return v;
}

void recorder::do_store(std::uintptr_t address, unsigned width, std::uint32_t v) {
    v &= width_mask(width);
    log_.push_back(store(address, width, v));
    memory_[address] = v;
    if (auto hook = store_hooks_.find(address); hook != store_hooks_.end()) hook->second(*this, v);
}

}  // namespace rivet::registers::testing

namespace rivet::registers::recording {

using testing::recorder;

// A HAL touching registers with no recorder in scope is a test bug: say
// where, and stop.
static recorder& require(std::uintptr_t address) {
    recorder* r = recorder::current();
    if (r == nullptr) {
        (void)std::fprintf(
            stderr, "register access at 0x%08llx with no rivet::registers::testing::recorder\n",
            static_cast<unsigned long long>(address));
        std::abort();
    }
    return *r;
}

std::uint32_t load(std::uintptr_t address, unsigned width_bytes) {
    return require(address).do_load(address, width_bytes);
}

void store(std::uintptr_t address, unsigned width_bytes, std::uint32_t value) {
    require(address).do_store(address, width_bytes, value);
}

}  // namespace rivet::registers::recording
