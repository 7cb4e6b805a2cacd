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

std::vector<std::string> builtin_examples(std::string_view board) {
    std::vector<std::string> examples;
    for (const auto& [board_name, list] : builtin_board_examples) {
        if (board_name != board) continue;
        std::string_view rest = list;
        while (!rest.empty()) {
            const auto space = rest.find(' ');
            examples.emplace_back(rest.substr(0, space));
            rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
        }
    }
    return examples;
}

}  // namespace rivet::board
