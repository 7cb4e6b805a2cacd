#include <rivet/log/log.hpp>
void f(int x) { RIVET_ASSERT_EQ(x, 1, "x={:b}", 1.0); }
