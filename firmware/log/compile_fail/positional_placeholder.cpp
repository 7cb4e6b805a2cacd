#include <rivet/log/log.hpp>
void f() { RIVET_INFO("{0}", 3); }
