// What the runner says when the firmware faults: the exception, the fault
// status in words, the registers and a symbolic backtrace; and the backtrace
// alone, for a core stopped by a timeout, Ctrl-C or a panic. Each is read
// from the halted target into a value, which renders as the text `rivet run`
// prints and as the JSON object `rivet run --json` prints (docs/faults.md).
#pragma once

#include <rivet/backtrace/backtrace.hpp>
#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rivet::runner {

// The fault status registers of ARMv7-M (absent on ARMv6-M).
struct fault_status {
    std::uint32_t cfsr = 0;
    std::uint32_t hfsr = 0;
    std::uint32_t mmfar = 0;
    std::uint32_t bfar = 0;
};

// The fault status in words, one cause per entry: "precise bus fault at
// 0x1ffffff8", "divide by zero", ... Empty when nothing is set.
std::vector<std::string> describe_fault_status(const fault_status& status);

// A backtrace of the halted core, or why there is none.
struct backtrace_result {
    std::optional<backtrace::trace> trace;
    // The exception the core was handling when it was stopped (IPSR), for a
    // backtrace of a core stopped as it was; nullopt in thread mode.
    std::optional<std::uint32_t> active_exception;
    std::string note;         // what is wrong with the debug information, if anything
    std::string unavailable;  // without a trace: why
    // After a stack overflow that lost the exception frame, instead of a
    // trace: the functions that return addresses near the stack's bottom
    // point into, with how often.
    bool overflow_scan = false;
    std::vector<std::pair<std::string, unsigned>> near_stack_bottom;
    std::uint32_t scanned_bytes = 0;  // 0: the stack could not be read
};

// Everything the runner knows about a fault.
struct fault_report_data {
    std::uint32_t exception_number = 0;
    std::string exception;  // exception_name(exception_number)
    // A stack overflow: the main stack's bounds and the SP the core had.
    struct overflow {
        std::uint32_t bottom = 0;
        std::uint32_t top = 0;
        std::optional<std::uint32_t> sp;
    };
    std::optional<overflow> stack_overflow;
    bool armv6m = false;                 // no fault status registers
    std::optional<fault_status> status;  // ARMv7-M, when readable
    std::vector<std::string> causes;     // describe_fault_status(*status)
    // r0-r15 of the interrupted code, and where they come from.
    std::array<std::uint32_t, 16> registers{};
    std::optional<std::uint32_t> xpsr;  // the stacked xPSR, when the frame was read
    // "when the fault was taken", or where else they were read and why.
    std::string registers_source;
    backtrace_result backtrace;
    // Set when the target could not be read: the report stops at the exception.
    std::string incomplete;
};

// Reads the report of a core halted in rivet_fault_trap (the exception
// number in r0; Rivet's default handler also passes EXC_RETURN in r1 and the
// stacked frame's address in r2), or at the first instruction of a foreign
// firmware's fault handler (foreign_fault_handler; the number from IPSR).
// Names a stack overflow as such. Never throws: what cannot be read is said.
fault_report_data read_fault(probe::probe& target, const elf::file& firmware,
                             const board::description& board, std::uint32_t exception_number);

// The backtrace of the halted core as it is (timeout, Ctrl-C, a failing exit).
backtrace_result read_backtrace(probe::probe& target, const elf::file& firmware,
                                const board::description& board);

// The text `rivet run` prints; multi-line, without a final newline.
std::string to_text(const fault_report_data& fault);
std::string to_text(const backtrace_result& backtrace);

// The JSON objects `rivet run --json` prints (docs/faults.md):
// {"type": "fault", ...} and the "backtrace" member inside it.
nlohmann::json to_json(const fault_report_data& fault);
nlohmann::json to_json(const backtrace_result& backtrace);

// to_text(read_fault(...)) and to_text(read_backtrace(...)).
std::string fault_report(probe::probe& target, const elf::file& firmware,
                         const board::description& board, std::uint32_t exception_number);
std::string backtrace_report(probe::probe& target, const elf::file& firmware,
                             const board::description& board);

// Where to catch a fault of firmware that has no rivet_fault_trap (Rivet
// did not link it): its HardFault handler, from its vector table. With
// vendor startup files every unused vector shares that handler.
std::optional<std::uint32_t> foreign_fault_handler(const elf::file& firmware,
                                                   const board::description& board);

// The active exception number (IPSR) of the halted core; 0 in thread mode.
std::uint32_t active_exception(probe::probe& target);

}  // namespace rivet::runner
