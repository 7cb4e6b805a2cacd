// Everything `rivet` writes to stdout, from whichever thread: the
// firmware's console and RTT text, log records, faults, backtraces, errors
// and the exit. As text by default; with --json every stdout line is one
// JSON object (docs/json-output.md). Firmware text is written as it
// arrives; a rendered line that arrives while the firmware's text is in
// the middle of a line waits for that line's end (at most a quarter of a
// second, then it goes on a line of its own), so neither cuts the other.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace rivet::cli::output {

// Chosen once, before anything is written.
void set_json(bool json);
[[nodiscard]] bool json();

// Bytes the firmware wrote to its console (text: as they are; JSON: one
// {"type":"console"} object per line, a partial line held until its end).
void console(std::string_view text);
// Bytes of an RTT channel that carries text.
void rtt_text(std::size_t channel, std::string_view name, std::string_view text);
// A rendered line (log record, report), ending in a newline: text only.
void line(std::string_view text);
// One JSON object on a line of its own (JSON mode).
void object(const nlohmann::json& value);
// Ends what is held (a console line without its newline); call at exit.
void flush();

// `rivet: error: MESSAGE` on stderr (one voice for every error), and in
// JSON mode {"type":"error","kind":KIND,"code":CODE,"message":...} and
// {"type":"exit","code":CODE} on stdout.
void error(std::string_view kind, int code, std::string_view message);
// `rivet: warning: MESSAGE` on stderr (and {"type":"warning"} in JSON).
void warning(std::string_view message);
// The last object of every run in JSON mode: {"type":"exit","code":CODE}.
void exit(int code);

}  // namespace rivet::cli::output
