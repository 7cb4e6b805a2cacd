// A trace as data: the JSON form of a backtrace that `rivet run --json`
// prints inside a fault or stop report (the shape is in docs/faults.md).
#pragma once

#include <rivet/backtrace/backtrace.hpp>

#include <nlohmann/json.hpp>

namespace rivet::backtrace {

// {"frames": [...], "end": "...", "reason": "...", "frames_left_out": N, "thread": {...}}
nlohmann::json to_json(const trace& t);

// "reset_handler", "chain_end", "thread_start", "process_stack", "stopped".
const char* ending_name(ending how);

}  // namespace rivet::backtrace
