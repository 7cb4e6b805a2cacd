#include <rivet/log/log.hpp>
void f() { RIVET_INFO("{:#}", 3); }
