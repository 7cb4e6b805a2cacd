#include <rivet/contracts/runner.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/runner/wait.hpp>

namespace rivet::runner {

traps start(probe::probe& target, const elf::file& firmware, const board::description& board,
            const run_options& options) {
    check_fits(firmware, board);
    load(target, firmware, options.verify);
    const auto ends = traps_of(firmware, board);
    if (ends.exit) target.set_breakpoint(*ends.exit);
    if (ends.fault) target.set_breakpoint(*ends.fault);
    reset(target, firmware, board);
    for (auto* service : options.services) service->attach(target);
    return ends;
}

run_outcome run(probe::probe& target, const elf::file& firmware, const board::description& board,
                const run_options& options) {
    const auto ends = start(target, firmware, board, options);
    const auto end = wait_for_end(target, ends, options);
    return interpret(target, firmware, board, ends, end, options);
}

run_outcome attach(probe::probe& target, const elf::file& firmware, const board::description& board,
                   const run_options& options) {
    const auto ends = traps_of(firmware, board);
    if (ends.exit) target.set_breakpoint(*ends.exit);
    if (ends.fault) target.set_breakpoint(*ends.fault);
    const auto end = wait_for_end(target, ends, options);
    auto outcome = interpret(target, firmware, board, ends, end, options);
    if (end.how != wait_result::ending::stopped) {
        // Removed by hand too: not every GDB server drops them on detach.
        if (ends.exit) target.clear_breakpoint(*ends.exit);
        if (ends.fault) target.clear_breakpoint(*ends.fault);
        target.detach();
    }
    return outcome;
}

}  // namespace rivet::runner
