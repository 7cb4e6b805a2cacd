#include "rivet/svd/emitter.hpp"
namespace rivet::svd {
std::vector<GeneratedFile> emit_cmsis(const Device&) { return {}; }
}
