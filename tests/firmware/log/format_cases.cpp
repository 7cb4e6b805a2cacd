// The shared format-string cases (contracts/test/log_format_cases.hpp) run
// through the grammar on the target, at run time: the firmware's build of
// the parser must give the answers the host's build gives.
#include <rivet/log/log.hpp>

#include "log_format_cases.hpp"

namespace cases = rivet::contracts::log::format::test;

// The table must be answerable at compile time too (as the firmware's format
// check uses the grammar).
static_assert(cases::all_pass());

int main() {
    unsigned failed = 0;
    unsigned count = 0;
    for (const auto& c : cases::format_cases) {
        // Through a volatile copy, so the compiler cannot fold the run away.
        const cases::format_case* volatile at = &c;
        ++count;
        if (!cases::passes(*at)) {
            ++failed;
            RIVET_ERROR("format case {} failed: {}", count, c.format);
        }
    }
    RIVET_INFO("format cases: {} run, {} failed", count, failed);
    return failed == 0 ? 0 : 1;
}
