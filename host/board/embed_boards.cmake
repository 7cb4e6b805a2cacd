# Writes builtin_boards.hpp: each boards/<name>/board.json as a string, so
# the rivet binary knows every board without looking for data files, and
# the example firmwares of each (hello-<board> on every board, and the
# targets examples/<board>/CMakeLists.txt adds), for `rivet boards`.
# Called with -DBOARDS_DIR=... -DEXAMPLES_DIR=... -DOUTPUT=...
file(GLOB jsons "${BOARDS_DIR}/*/board.json")
list(SORT jsons)
set(body "")
set(examples_body "")
foreach(json IN LISTS jsons)
    get_filename_component(dir "${json}" DIRECTORY)
    get_filename_component(name "${dir}" NAME)
    file(READ "${json}" text)
    string(APPEND body "    {\"${name}\", R\"rivet_json(${text})rivet_json\"},\n")
    set(examples "hello-${name}")
    if(EXISTS "${EXAMPLES_DIR}/${name}/CMakeLists.txt")
        file(STRINGS "${EXAMPLES_DIR}/${name}/CMakeLists.txt" lines REGEX "rivet_add_firmware\\(")
        foreach(line IN LISTS lines)
            if(line MATCHES "rivet_add_firmware\\(([A-Za-z0-9_-]+) ")
                list(APPEND examples "${CMAKE_MATCH_1}")
            endif()
        endforeach()
    endif()
    list(JOIN examples " " examples)
    string(APPEND examples_body "    {\"${name}\", \"${examples}\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from boards/*/board.json by host/board/embed_boards.cmake.
#pragma once
#include <string_view>
#include <utility>
namespace rivet::board {
inline constexpr std::pair<std::string_view, std::string_view> builtin_board_texts[] = {
${body}};
// Each board's example firmwares (CMake targets of Rivet's firmware build).
inline constexpr std::pair<std::string_view, std::string_view> builtin_board_examples[] = {
${examples_body}};
}  // namespace rivet::board
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
