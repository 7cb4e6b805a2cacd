// The project generator on a small templates folder of the test's own: what
// it writes where, the placeholders, and each input it refuses.
#include <rivet/project/generator.hpp>
#include <rivet/support/error.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using rivet::project::installation;

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const fs::path& path, std::string_view text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

class project_generator : public ::testing::Test {
protected:
    void SetUp() override {
        base_ = fs::temp_directory_path() /
                ("rivet-project-test-" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(base_);
        root_ = base_ / "share" / "rivet";
        write(root_ / "cmake" / "RivetConfig.cmake", "# package\n");
        write(root_ / "templates" / "project" / "CMakeLists.txt.in",
              "project(@NAME@)\nrivet_add_firmware(@NAME@ BOARD @BOARD@ LIBRARIES "
              "rivet_bsp_@BSP@@LIBRARIES@)\n# @RIVET_CMAKE_DIR@\n");
        write(root_ / "templates" / "project" / "gitignore", "build/\n");
        write(root_ / "templates" / "project" / "vscode" / "tasks.json.in", "\"@RIVET@\"\n");
        write(root_ / "templates" / "blink" / "src" / "main.cpp", "// blink on @BOARD@\n");
        write(root_ / "templates" / "async" / "src" / "main.cpp", "// async\n");
        write(root_ / "templates" / "async" / "libraries", "rivet_async\n");
        write(root_ / "templates" / "async" / "boards", "mps2-an385\nmicrobit\n");
        write(root_ / "templates" / "boards" / "netduinoplus2.hpp", "// another board\n");
        write(root_ / "templates" / "boards" / "mps2-an385.hpp", "// the board\n");
        write(base_ / "bin" / "rivet", "");
    }
    void TearDown() override { fs::remove_all(base_); }

    installation found() {
        auto from = rivet::project::find_installation(base_ / "bin" / "rivet");
        EXPECT_TRUE(from.has_value());
        return *from;
    }
    rivet::project::request request(std::string name, std::string board = "mps2-an385",
                                    std::string template_name = "blink") {
        return {std::move(name), std::move(board), std::move(template_name), base_ / "out"};
    }

    fs::path base_;
    fs::path root_;
};

TEST_F(project_generator, finds_the_installation_beside_bin) {
    EXPECT_EQ(found().root, fs::weakly_canonical(root_));
    EXPECT_FALSE(rivet::project::find_installation(base_ / "elsewhere" / "x" / "rivet"));
}

TEST_F(project_generator, lists_the_templates_without_the_common_and_board_folders) {
    EXPECT_EQ(rivet::project::template_names(found()),
              (std::vector<std::string>{"async", "blink"}));
}

TEST_F(project_generator, writes_dot_files_and_strips_in) {
    auto files = rivet::project::create(request("blinky"), found());
    std::vector<fs::path> expected{".gitignore", ".vscode/tasks.json", "CMakeLists.txt",
                                   "src/board.hpp", "src/main.cpp"};
    EXPECT_EQ(files, expected);
    EXPECT_EQ(read(base_ / "out" / ".gitignore"), "build/\n");
    EXPECT_EQ(read(base_ / "out" / "src" / "board.hpp"), "// the board\n");
    EXPECT_EQ(read(base_ / "out" / "src" / "main.cpp"), "// blink on mps2-an385\n");
}

TEST_F(project_generator, fills_in_name_board_and_package_paths) {
    rivet::project::create(request("my-app", "mps2-an385", "async"), found());
    EXPECT_EQ(read(base_ / "out" / "CMakeLists.txt"),
              "project(my-app)\nrivet_add_firmware(my-app BOARD mps2-an385 LIBRARIES "
              "rivet_bsp_mps2_an385 rivet_async)\n# " +
                  (found().root / "cmake").string() + "\n");
    EXPECT_EQ(read(base_ / "out" / ".vscode" / "tasks.json"),
              "\"" + fs::weakly_canonical(base_ / "bin" / "rivet").string() + "\"\n");
    EXPECT_EQ(read(base_ / "out" / "src" / "main.cpp"), "// async\n");
}

void expect_usage_error(const std::function<void()>& action, std::string_view words) {
    try {
        action();
        FAIL() << "no error, expected one saying " << words;
    } catch (const rivet::error& e) {
        EXPECT_EQ(e.kind(), rivet::error_kind::usage);
        EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
}

TEST_F(project_generator, refuses_bad_names) {
    for (const auto* name : {"", "1st", "my app", "a/b", "../up", "x;y"}) {
        expect_usage_error([&] { rivet::project::create(request(name), found()); },
                           "bad project name");
    }
    EXPECT_FALSE(fs::exists(base_ / "out"));
}

TEST_F(project_generator, refuses_a_board_without_a_board_file) {
    expect_usage_error([&] { rivet::project::create(request("p", "lm3s6965evb"), found()); },
                       "no project template for board 'lm3s6965evb'");
}

TEST_F(project_generator, refuses_an_unknown_template_naming_the_known_ones) {
    expect_usage_error([&] { rivet::project::create(request("p", "mps2-an385", "rtos"), found()); },
                       "unknown template 'rtos' (templates: async, blink)");
}

TEST_F(project_generator, refuses_a_board_the_template_does_not_run_on) {
    expect_usage_error(
        [&] { rivet::project::create(request("p", "netduinoplus2", "async"), found()); },
        "the async template runs on mps2-an385, microbit, not on 'netduinoplus2'");
}

TEST_F(project_generator, refuses_a_folder_that_is_not_empty) {
    write(base_ / "out" / "notes.txt", "mine\n");
    expect_usage_error([&] { rivet::project::create(request("p"), found()); },
                       "exists and is not an empty folder");
    EXPECT_EQ(read(base_ / "out" / "notes.txt"), "mine\n");
    EXPECT_FALSE(fs::exists(base_ / "out" / "CMakeLists.txt"));
}

TEST_F(project_generator, writes_into_an_empty_folder) {
    fs::create_directories(base_ / "out");
    EXPECT_FALSE(rivet::project::create(request("p"), found()).empty());
}

TEST(project_substitute, names_an_unknown_placeholder_with_its_line) {
    try {
        rivet::project::substitute("a\n@NAME@ @OTHER@\n", {{"NAME", "x"}}, "templates/t");
        FAIL();
    } catch (const rivet::error& e) {
        EXPECT_EQ(e.kind(), rivet::error_kind::bad_input);
        EXPECT_STREQ(e.what(), "templates/t:2: unknown placeholder @OTHER@");
    }
}

TEST(project_substitute, leaves_a_lone_at_sign_alone) {
    EXPECT_EQ(rivet::project::substitute("a@b @ c@@ @x@", {}, "t"), "a@b @ c@@ @x@");
}

}  // namespace
