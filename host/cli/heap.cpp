#include "heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace rivet::cli {

namespace {

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
// Address space only: a page is backed when first touched.
constexpr int heap_reserve = 256 << 20;

}  // namespace

// Debian's kernels give a process huge pages only where it asks
// (transparent_hugepage=madvise). In 4 KiB pages, every first touch of fresh
// heap is a page fault, and a third of `rivet svd patch stm32f405`'s time
// went to those (3,100 of them; 1,700 in huge pages, 60 -> 40 ms). glibc
// gives allocations above 128 KiB their own mappings and grows the heap a
// little at a time, each growth a new mapping without the advice; so every
// allocation is kept in the heap, the heap is grown once by the reserve, and
// the advice is given for all of it.
void use_huge_pages_for_heap() {
    if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 || mallopt(M_TOP_PAD, heap_reserve) == 0 ||
        mallopt(M_TRIM_THRESHOLD, 2 * heap_reserve) == 0) {
        return;
    }
    // A block larger than any free space left makes glibc grow the heap
    // (by the block and the reserve) now, from the block's address on.
    void* probe = std::malloc(std::size_t{1} << 20);
    const auto first = reinterpret_cast<std::uintptr_t>(probe);
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // Only a block from the brk heap, just grown by the reserve, tells where
    // that heap is (a sanitizer's allocator maps its own memory elsewhere).
    if (probe != nullptr && first < top &&
        top - first <= static_cast<std::uintptr_t>(heap_reserve) + 2 * huge_page) {
        const std::uintptr_t begin = (first + huge_page - 1) & ~(huge_page - 1);
        const std::uintptr_t end = top & ~(huge_page - 1);
        if (begin < end) {
            madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
        }
    }
    std::free(probe);
}

}  // namespace rivet::cli
