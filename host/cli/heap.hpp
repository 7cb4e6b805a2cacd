// The process heap in transparent huge pages, for the commands that build
// large documents in memory (`rivet svd`: a 2 MB SVD becomes tens of MB of
// pugixml nodes and strings).
#pragma once

namespace rivet::cli {

// A speed hint only: where the kernel or the allocator cannot honour it
// (no transparent huge pages, a sanitizer's allocator), nothing changes.
void use_huge_pages_for_heap();

}  // namespace rivet::cli
