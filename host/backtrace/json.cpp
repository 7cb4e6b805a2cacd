#include <rivet/backtrace/json.hpp>

namespace rivet::backtrace {

const char* ending_name(ending how) {
    switch (how) {
        case ending::reset_handler:
            return "reset_handler";
        case ending::chain_end:
            return "chain_end";
        case ending::thread_start:
            return "thread_start";
        case ending::process_stack:
            return "process_stack";
        case ending::stopped:
            break;
    }
    return "stopped";
}

nlohmann::json to_json(const trace& t) {
    using json = nlohmann::json;
    json frames = json::array();
    // One entry per location, numbered as the text numbers them.
    for (const auto& f : t.frames) {
        bool first = true;
        for (const auto& loc : f.locations) {
            json entry = {{"index", frames.size()},
                          {"pc", f.pc},
                          {"function", loc.function.empty() ? json(nullptr) : json(loc.function)},
                          {"file", loc.file.empty() ? json(nullptr) : json(loc.file)},
                          {"line", loc.line == 0 ? json(nullptr) : json(loc.line)},
                          {"inlined", loc.inlined},
                          {"exception_entry", nullptr}};
            if (first && f.exception_entry) {
                entry["exception_entry"] = {
                    {"exc_return", f.exc_return},
                    {"mode", (f.exc_return & 0x8u) ? "thread" : "handler"},
                    {"stack", (f.exc_return & 0x4u) ? "psp" : "msp"},
                    {"frame", (f.exc_return & 0x10u) ? "basic" : "fpu_extended"},
                    {"stacked_at", f.stacked_at ? json(*f.stacked_at) : json(nullptr)}};
            }
            first = false;
            frames.push_back(std::move(entry));
        }
    }
    json thread = nullptr;
    if (t.thread) {
        const auto& th = *t.thread;
        auto optional = [](const std::optional<std::uint32_t>& v) {
            return v ? json(*v) : json(nullptr);
        };
        thread = {
            {"rtos", th.rtos},
            {"control_block", th.control_block},
            {"name", th.name.empty() ? json(nullptr) : json(th.name)},
            {"entry", optional(th.entry)},
            {"entry_function", th.entry_function.empty() ? json(nullptr) : json(th.entry_function)},
            {"saved_sp", optional(th.saved_sp)},
            {"stack_base", optional(th.stack_base)}};
    }
    return {{"frames", std::move(frames)},
            {"end", ending_name(t.end)},
            {"reason", t.stopped_because.empty() ? json(nullptr) : json(t.stopped_because)},
            {"frames_left_out", t.frames_left_out},
            {"frames_left_out_is_lower_bound", t.left_out_is_lower_bound},
            {"thread", std::move(thread)}};
}

}  // namespace rivet::backtrace
