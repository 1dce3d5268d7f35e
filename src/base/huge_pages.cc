#include "src/base/huge_pages.h"

#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace whosaid {

void* AllocateTable(size_t bytes) {
  if (bytes < kHugePageMinBytes) {
    return ::operator new (bytes, std::align_val_t{64});
  }
  const size_t rounded = (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  void* p = std::aligned_alloc(kHugePageBytes, rounded);
  if (p == nullptr) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
  // A hint: on failure (no THP in this kernel) the block keeps 4 KiB pages.
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeTable(void* p, size_t bytes) {
  if (p == nullptr) return;
  if (bytes < kHugePageMinBytes) {
    // The unsized aligned delete: clang declares the sized one only with
    // -fsized-deallocation.
    ::operator delete (p, std::align_val_t{64});
    return;
  }
  std::free(p);
}

}  // namespace whosaid
