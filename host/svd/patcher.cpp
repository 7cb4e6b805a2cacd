#include "rivet/svd/patcher.hpp"
#include <sstream>
#include <rivet/support/error.hpp>
namespace rivet::svd {
std::string patch_svd_path(const std::string&, const PatchOptions&) { return ""; }
void apply_patch_file(SvdDocument&, const std::string& y, const PatchOptions&) { throw Error(ErrorKind::usage, y + ": todo"); }
void apply_patch_string(SvdDocument&, const std::string&, const std::string&, const std::string&, const PatchOptions&) {}
std::string svd_to_string(const SvdDocument& doc) { std::ostringstream o; doc.xml.save(o, "  "); return o.str(); }
}
