// Exact pixel coverage of every primitive (the rules in primitives.hpp and
// README.md), clipping, and sub-targets.
#include "rivet/gfx/primitives.hpp"

#include <gtest/gtest.h>

#include "ascii.hpp"

namespace {

using namespace rivet::gfx;
using test::ascii;
using test::on;
using rows = std::vector<std::string>;

template <class Draw>
rows drawn(Draw d) {
    test::ascii_target<13, 12> t;
    d(t);
    rows r = ascii(t);
    // Only as many rows as the tests spell out: trailing empty rows go.
    while (!r.empty() && r.back().find('#') == std::string::npos) r.pop_back();
    for (auto& row : r) row = row.substr(0, row.find_last_of('#') + 1);
    return r;
}

TEST(coverage, filled_circle_of_diameter5_has_pixel_centres_within_radius) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, circle{{1, 1}, 5}, fill(on));
              }),
              (rows{"", "..###", ".#####", ".#####", ".#####", "..###"}));
}

TEST(coverage, one_pixel_circle_of_diameter5_is_the_disc_minus_diameter3) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, circle{{1, 1}, 5}, stroke(on));
              }),
              (rows{"", "..###", ".#...#", ".#...#", ".#...#", "..###"}));
}

TEST(coverage, even_diameter_circle_is_symmetric) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, circle{{1, 1}, 6}, fill(on));
              }),
              (rows{"", "..####", ".######", ".######", ".######", ".######", "..####"}));
}

TEST(coverage, centred_stroke_of_width2_grows_one_out_and_one_in) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, circle{{1, 1}, 10}, stroke(on, 2));
              }),
              (rows{"....####", "..########", ".###....###", ".##......##", "##........##",
                    "##........##", "##........##", "##........##", ".##......##", ".###....###",
                    "..########", "....####"}));
}

TEST(coverage, ellipse) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, ellipse{{{1, 1}, {9, 5}}}, fill(on));
              }),
              (rows{"", "...#####", ".#########", ".#########", ".#########", "...#####"}));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, ellipse{{{1, 1}, {9, 5}}}, stroke(on));
              }),
              (rows{"", "...#####", ".##.....##", ".#.......#", ".##.....##", "...#####"}));
}

TEST(coverage, rectangle_stroke_alignments) {
    const rectangle r{{2, 2}, {8, 6}};
    EXPECT_EQ(drawn([&](auto& t) { draw(t, r, stroke(on, 2, stroke_alignment::inside)); }),
              (rows{"", "", "..########", "..########", "..##....##", "..##....##", "..########",
                    "..########"}));
    EXPECT_EQ(drawn([&](auto& t) { draw(t, r, stroke(on, 2)); }),
              (rows{"", ".##########", ".##########", ".##......##", ".##......##", ".##......##",
                    ".##......##", ".##########", ".##########"}));
    EXPECT_EQ(
        drawn([&](auto& t) { draw(t, r, stroke(on, 2, stroke_alignment::outside)); }),
        (rows{"############", "############", "##........##", "##........##", "##........##",
              "##........##", "##........##", "##........##", "############", "############"}));
}

TEST(coverage, fill_and_stroke_do_not_overlap) {
    test::ascii_target<8, 8> fill_only, both;
    draw(fill_only, rectangle{{1, 1}, {6, 6}}, fill(on));
    draw(both, rectangle{{1, 1}, {6, 6}},
         fill_and_stroke(binary_color::off(), on, 1, stroke_alignment::inside));
    EXPECT_EQ(ascii(both), (rows{"........", ".######.", ".#....#.", ".#....#.", ".#....#.",
                                 ".#....#.", ".######.", "........"}));
    EXPECT_NE(ascii(fill_only), ascii(both));
}

TEST(coverage, rounded_rectangle_corners_are_quarter_circles) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, rounded_rectangle{{{1, 1}, {12, 8}}, 3}, stroke(on));
              }),
              (rows{"", "..##########", ".##........##", ".#..........#", ".#..........#",
                    ".#..........#", ".#..........#", ".##........##", "..##########"}));
}

TEST(coverage, lines_are_bresenham_with_both_ends) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, line{{1, 1}, {11, 4}}, stroke(on));
              }),
              (rows{"", ".##", "...####", ".......###", "..........##"}));
    // The same pixels drawn from the other end.
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, line{{2, 1}, {5, 10}}, stroke(on));
              }),
              (rows{"", "..#", "..#", "...#", "...#", "...#", "....#", "....#", "....#", ".....#",
                    ".....#"}));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, line{{5, 5}, {5, 5}}, stroke(on));
              }),
              (rows{"", "", "", "", "", ".....#"}));
}

TEST(coverage, thick_lines_repeat_across_the_minor_axis) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, line{{1, 2}, {11, 6}}, stroke(on, 3));
              }),
              (rows{"", ".##", ".####", ".#######", "...#######", ".....#######", "........####",
                    "..........##"}));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, line{{1, 2}, {6, 2}}, stroke(on, 2));
              }),
              (rows{"", "", ".######", ".######"}));
}

TEST(coverage, triangle_fill_and_stroke) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, triangle{{1, 1}, {10, 3}, {4, 9}}, fill(on));
              }),
              (rows{"", ".#", "..####", "..#########", "...#######", "...######", "...#####",
                    "....###", "....##", "....#"}));
    // Vertex order does not matter.
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, triangle{{4, 9}, {10, 3}, {1, 1}}, fill(on));
              }),
              drawn([](auto& t) {
                  draw(t, triangle{{1, 1}, {10, 3}, {4, 9}}, fill(on));
              }));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, triangle{{1, 1}, {10, 3}, {4, 9}}, stroke(on));
              }),
              (rows{"", ".###", ".#..####", "..#.....###", "..#......#", "...#....#", "...#...#",
                    "...#..#", "....##", "....#"}));
}

TEST(coverage, arcs_and_sectors_keep_pixels_within_the_angles) {
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, arc{{1, 1}, 10, 0, 90}, stroke(on));
              }),
              (rows{"", "", "", "", "", "", "..........#", "..........#", ".........#",
                    "........##", "......##"}));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, sector{{1, 1}, 10, 180, 90}, fill(on));
              }),
              (rows{"", "....##", "..####", "..####", ".#####", ".#####"}));
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, sector{{1, 1}, 10, 180, 90}, stroke(on));
              }),
              (rows{"", "....##", "..##.#", "..#..#", ".#...#", ".#####"}));
    // A full sweep is the whole ring, whatever the start.
    EXPECT_EQ(drawn([](auto& t) {
                  draw(t, arc{{1, 1}, 10, 37, -360}, stroke(on));
              }),
              drawn([](auto& t) {
                  draw(t, circle{{1, 1}, 10}, stroke(on));
              }));
}

TEST(coverage, polyline_joins_its_points) {
    const point pts[] = {{0, 0}, {4, 0}, {4, 3}, {8, 3}};
    EXPECT_EQ(drawn([&](auto& t) { draw(t, polyline{pts}, stroke(on)); }),
              (rows{"#####", "....#", "....#", "....#####"}));
}

// Clipping: a shape partly off the target covers exactly the pixels the
// same shape covers on a larger target, inside the smaller one.
TEST(clipping, shapes_off_the_edge_keep_their_visible_pixels) {
    test::ascii_target<24, 24> big;
    test::ascii_target<12, 12> small;
    auto shapes = [](auto& t, point o) {
        draw(t, circle{{o.x - 3, o.y - 3}, 9}, fill(on));
        draw(t, line{{o.x - 5, o.y + 9}, {o.x + 20, o.y + 2}}, stroke(on, 3));
        draw(t, triangle{{o.x + 8, o.y - 6}, {o.x + 16, o.y + 4}, {o.x + 6, o.y + 14}}, stroke(on));
        draw(t, arc{{o.x + 2, o.y + 2}, 14, 45, 200}, stroke(on, 2));
    };
    shapes(big, {6, 6});
    shapes(small, {0, 0});
    for (coordinate y = 0; y < 12; ++y)
        for (coordinate x = 0; x < 12; ++x)
            ASSERT_EQ(small.get_pixel({x, y}), big.get_pixel({x + 6, y + 6})) << x << "," << y;
}

TEST(sub_targets, translated_moves_the_origin) {
    test::ascii_target<6, 4> t;
    auto moved = translate(t, {2, 1});
    EXPECT_EQ(moved.bounding_box(), (rectangle{{-2, -1}, {6, 4}}));
    draw(moved, rectangle{{0, 0}, {2, 2}}, fill(on));
    draw_pixel(moved, {-2, -1}, on);
    draw_pixel(moved, {4, 3}, on);  // off the parent: dropped
    EXPECT_EQ(ascii(t), (rows{"#.....", "..##..", "..##..", "......"}));
}

TEST(sub_targets, cropped_clips_to_its_area) {
    test::ascii_target<8, 6> t;
    auto area = crop(t, {{2, 1}, {4, 3}});
    EXPECT_EQ(area.bounding_box(), (rectangle{{0, 0}, {4, 3}}));
    clear(area, on);
    draw(area, line{{-5, 1}, {20, 1}}, stroke(binary_color::off()));
    EXPECT_EQ(ascii(t),
              (rows{"........", "..####..", "........", "..####..", "........", "........"}));
    // An area partly off the parent keeps its origin.
    auto corner = crop(t, {{6, 4}, {5, 5}});
    EXPECT_EQ(corner.bounding_box(), (rectangle{{0, 0}, {2, 2}}));
}

// Drawing works in constant evaluation: shapes can be checked by the compiler.
constexpr bool circle_at_compile_time() {
    test::ascii_target<5, 5> t;
    draw(t, circle{{0, 0}, 5}, stroke(on));
    return t.get_pixel({2, 0}) == on && t.get_pixel({0, 0}) == binary_color::off() &&
           t.get_pixel({2, 2}) == binary_color::off();
}
static_assert(circle_at_compile_time());

}  // namespace
