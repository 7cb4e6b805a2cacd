// An attribute named twice is a mistake (a copy-paste, or one meant to be
// another): RIVET_TEST refuses it.
#include <rivet/testing/test.hpp>
#ifdef RIVET_COMPILE_FAIL
RIVET_TEST(twice, should_fail, should_fail) {}
#else
RIVET_TEST(twice, should_fail, ignore) {}
#endif
