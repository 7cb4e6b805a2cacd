// The core layer's interrupts on a real (emulated) core: handlers bound by
// name (RIVET_BIND_INTERRUPTS) to two device interrupts that nothing but
// software raises (RIVET_TEST_LOW, RIVET_TEST_HIGH), SysTick and PendSV;
// NVIC priorities, pending and enabling; critical sections and, on ARMv7-M,
// BASEPRI masks. The handlers append a letter each to a trace, and each
// step asserts the trace exactly, so the order of preemption is checked.
#include RIVET_TEST_BSP_HEADER

#include <rivet/cortex_m/critical_section.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace board = rivet::bsp::RIVET_TEST_BSP;
namespace nvic = rivet::cortex_m::nvic;
using irq = board::irq;
using device = rivet::cortex_m::device<irq>;

namespace {

constexpr irq low = irq::RIVET_TEST_LOW;
constexpr irq high = irq::RIVET_TEST_HIGH;
constexpr unsigned lowest_priority = rivet::cortex_m::priority_levels<irq> - 1;

// What the handlers did, in order.
std::array<char, 16> trace{};
volatile std::size_t traced = 0;
void record(char what) {
    if (traced < trace.size()) trace[traced] = what;
    traced = traced + 1;
}

enum class plan : unsigned char { none, low_pends_high, high_pends_low };
volatile plan current = plan::none;
volatile bool low_was_active = false;

void on_low() {
    record('L');
    if constexpr (!device::armv6m) low_was_active = nvic::is_active<low>();
    if (current == plan::low_pends_high) {
        nvic::pend<high>();  // more urgent: runs before this line ends
        record('l');
    }
}
void on_high() {
    record('H');
    if (current == plan::high_pends_low) {
        nvic::pend<low>();  // less urgent: waits for this handler to return
        record('h');
    }
}
void on_tick() {
    record('T');
}
void on_pendsv() {
    record('P');
}

int failures = 0;

void expect_trace(const char* step, std::string_view wanted) {
    asm volatile("dsb\n isb" ::: "memory");
    const std::string_view seen(trace.data(), traced < trace.size() ? traced : trace.size());
    if (seen != wanted) {
        RIVET_ERROR("{}: handlers ran as \"{}\", expected \"{}\"", step, seen, wanted);
        ++failures;
    } else {
        RIVET_INFO("{}: {}", step, seen);
    }
    traced = 0;
}

void check(bool ok, const char* what) {
    if (!ok) {
        RIVET_ERROR("{}: FAILED", what);
        ++failures;
    }
}

// A template, so that it is not compiled for ARMv6-M, which has no BASEPRI.
template <class Irq>
void mask_by_priority() {
    {
        const rivet::cortex_m::priority_mask<Irq, lowest_priority> masked;
        nvic::pend<low>();
        record('m');
        nvic::pend<high>();  // above the mask: taken at once
        record('M');
    }
    expect_trace("BASEPRI masks low, not high", "mHML");
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<low, on_low>, rivet::cortex_m::bind<high, on_high>,
                      rivet::cortex_m::bind<irq::sys_tick, on_tick>,
                      rivet::cortex_m::bind<irq::pend_sv, on_pendsv>);

int main() {
    // The table the bindings built: bound slots point to their handlers,
    // the others keep their weak defaults.
    constexpr auto n_low = static_cast<std::size_t>(rivet::cortex_m::number_of(low));
    constexpr auto n_high = static_cast<std::size_t>(rivet::cortex_m::number_of(high));
    check(rivet_vector_table.interrupts[n_low] == on_low, "vector of the low interrupt");
    check(rivet_vector_table.interrupts[n_high] == on_high, "vector of the high interrupt");
    check(rivet_vector_table.exceptions[14] == on_tick, "SysTick vector");
    check(rivet_vector_table.exceptions[13] == on_pendsv, "PendSV vector");
    check(rivet_vector_table.exceptions[10] == rivet_svcall_handler, "SVCall keeps its default");
    constexpr std::size_t unbound = [] {
        std::size_t n = 0;
        while (n == n_low || n == n_high) ++n;
        return n;
    }();
    check(
        rivet_vector_table.interrupts[unbound] == rivet::runtime::weak_interrupt_handlers[unbound],
        "an unbound interrupt keeps its weak default");

    nvic::set_priority<low, lowest_priority>();
    nvic::set_priority<high, 1>();
    nvic::set_priority<irq::pend_sv, lowest_priority>();
    check(nvic::priority<low>() == lowest_priority && nvic::priority<high>() == 1,
          "priorities read back");
    check(nvic::priority<irq::pend_sv>() == lowest_priority, "PendSV priority reads back");
    nvic::clear_pending<low>();
    nvic::clear_pending<high>();
    nvic::enable<low>();
    nvic::enable<high>();
    check(nvic::is_enabled<low>() && nvic::is_enabled<high>(), "both enabled");

    nvic::pend<low>();
    expect_trace("pended low", "L");
    if constexpr (!device::armv6m) check(low_was_active, "the low interrupt active in its handler");

    current = plan::low_pends_high;
    nvic::pend<low>();
    expect_trace("high preempts low", "LHl");

    current = plan::high_pends_low;
    nvic::pend<high>();
    expect_trace("low waits for high", "HhL");
    current = plan::none;

    {
        const rivet::cortex_m::critical_section masked;
        nvic::pend<low>();
        nvic::pend<high>();
        record('c');
        check(nvic::is_pending<low>() && nvic::is_pending<high>(), "pending while masked");
    }
    expect_trace("critical section, then most urgent first", "cHL");

    {
        const rivet::cortex_m::critical_section outer;
        { const rivet::cortex_m::critical_section inner; }
        nvic::pend<low>();
        record('n');
    }
    expect_trace("nested critical sections", "nL");

    if constexpr (!device::armv6m) mask_by_priority<irq>();

    nvic::pend<irq::sys_tick>();
    expect_trace("SysTick pended", "T");
    nvic::pend<irq::pend_sv>();
    expect_trace("PendSV pended", "P");

    nvic::disable<low>();
    check(!nvic::is_enabled<low>(), "disabled");
    nvic::pend<low>();
    expect_trace("disabled interrupt pended", "");
    check(nvic::is_pending<low>(), "pending while disabled");
    nvic::clear_pending<low>();
    check(!nvic::is_pending<low>(), "pending cleared");
    nvic::enable<low>();
    expect_trace("enabled after clearing", "");

    if (failures == 0) RIVET_INFO("interrupts ok");
    return failures;
}
