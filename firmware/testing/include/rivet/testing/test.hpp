// On-target test cases: RIVET_TEST(name) { ... } registers a case at link
// time (a descriptor in the rivet_tests section, no heap, no constructor),
// which `rivet test FW.elf` runs one at a time, resetting the target between
// cases. Assertions are the logging ones (RIVET_ASSERT, RIVET_ASSERT_EQ, ...),
// which print both sides. Guide: docs/guide/testing.md.
//
//   RIVET_TEST(adds_up) { RIVET_ASSERT_EQ(1 + 1, 2); }
//   RIVET_TEST(rejects_overflow, should_fail) { checked_add(0xffffffffu, 1u); }
//   RIVET_TEST(needs_a_sensor, ignore) { ... }
//   RIVET_TEST_SETUP() { ... }     // before every case (at most one per firmware)
//   RIVET_TEST_TEARDOWN() { ... }  // after every case that returns
#pragma once

#include <rivet/contracts/testing.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>
#include <type_traits>

namespace rivet::testing {

// What may follow a case's name in RIVET_TEST.
enum class attribute : std::uint32_t {
    should_fail =
        contracts::testing::flag_should_fail,  // passes only if it fails (panics, exits non-zero)
    ignore = contracts::testing::flag_ignore,  // runs only with --include-ignored
};

using test_case = contracts::testing::basic_case<const char*, void (*)()>;
static_assert(contracts::testing::has_contract_layout<test_case>(),
              "rivet testing: the case layout differs from contracts/testing.hpp");

namespace detail {

// The flags of a case's attributes, checked at compile time.
template <auto... Attributes>
consteval std::uint32_t flags_of() {
    static_assert(
        (std::is_same_v<decltype(Attributes), attribute> && ...),
        "RIVET_TEST(name, ...): only attributes may follow the name: should_fail, ignore");
    if constexpr (sizeof...(Attributes) == 0) {
        return 0;
    } else {
        std::uint32_t flags = 0;
        bool repeated = false;
        for (auto a : {static_cast<std::uint32_t>(Attributes)...}) {
            repeated = repeated || (flags & a) != 0;
            flags |= a;
        }
        return repeated ? ~0u : flags;
    }
}

}  // namespace detail
}  // namespace rivet::testing

// The case's function, its descriptor in the rivet_tests section (external
// linkage: two cases of one name in a firmware do not link), then the body.
#define RIVET_TEST(NAME, ...)                                                            \
    static void rivet_test_body_##NAME();                                                \
    static_assert(                                                                       \
        [] {                                                                             \
            using enum ::rivet::testing::attribute;                                      \
            return ::rivet::testing::detail::flags_of<__VA_ARGS__>();                    \
        }() != ~0u,                                                                      \
        "RIVET_TEST(" #NAME ", ...): an attribute is given twice");                      \
    extern const ::rivet::testing::test_case rivet_test_case_##NAME;                     \
    [[gnu::section("rivet_tests"),                                                       \
      gnu::used]] constinit const ::rivet::testing::test_case rivet_test_case_##NAME = { \
        #NAME, &rivet_test_body_##NAME, [] {                                             \
            using enum ::rivet::testing::attribute;                                      \
            return ::rivet::testing::detail::flags_of<__VA_ARGS__>();                    \
        }()};                                                                            \
    static void rivet_test_body_##NAME()

// Runs before every case (defines rivet_test_setup; a second one in the
// same firmware does not link).
#define RIVET_TEST_SETUP() extern "C" void rivet_test_setup()
// Runs after every case that returns (a failed case ends where it failed;
// the target is reset before the next one).
#define RIVET_TEST_TEARDOWN() extern "C" void rivet_test_teardown()
