// Only attributes follow a case's name; a stray value (here a timeout in
// milliseconds) is refused with the list of attributes.
#include <rivet/testing/test.hpp>
#ifdef RIVET_COMPILE_FAIL
RIVET_TEST(slow, 500) {}
#else
RIVET_TEST(slow, ignore) {}
#endif
