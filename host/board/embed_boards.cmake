# Writes builtin_boards.hpp: each boards/<name>/board.json as a string, so
# the rivet binary knows every board without looking for data files.
# Called with -DBOARDS_DIR=... -DOUTPUT=...
file(GLOB jsons "${BOARDS_DIR}/*/board.json")
list(SORT jsons)
set(body "")
foreach(json IN LISTS jsons)
    get_filename_component(dir "${json}" DIRECTORY)
    get_filename_component(name "${dir}" NAME)
    file(READ "${json}" text)
    string(APPEND body "    {\"${name}\", R\"rivet_json(${text})rivet_json\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from boards/*/board.json by host/board/embed_boards.cmake.
#pragma once
#include <string_view>
#include <utility>
namespace rivet::board {
inline constexpr std::pair<std::string_view, std::string_view> builtin_board_texts[] = {
${body}};
}  // namespace rivet::board
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
