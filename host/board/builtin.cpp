#include <rivet/board/description.hpp>

#include "builtin_boards.hpp"  // generated: the boards/ folder as text

namespace rivet::board {

std::optional<description> find_builtin(std::string_view name) {
    for (const auto& [board_name, text] : builtin_board_texts) {
        if (board_name == name)
            return parse(text, std::string("built-in board ") + std::string(name));
    }
    return std::nullopt;
}

std::vector<std::string> builtin_names() {
    std::vector<std::string> names;
    for (const auto& [board_name, text] : builtin_board_texts) names.emplace_back(board_name);
    return names;
}

}  // namespace rivet::board
