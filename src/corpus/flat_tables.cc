#include "src/corpus/flat_tables.h"

#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace whosaid {

// Linux: anonymous mappings, zero-filled by the kernel; mremap moves the page
// table entries, so growing copies nothing and the old pages are never
// duplicated. Elsewhere: realloc (which may copy) and an explicit zero fill.
void* FlatMap64::ResizeSlots(void* p, size_t old_bytes, size_t new_bytes) {
#if defined(__linux__)
  void* q = p == nullptr ? mmap(nullptr, new_bytes, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                         : mremap(p, old_bytes, new_bytes, MREMAP_MAYMOVE);
  if (q == MAP_FAILED) throw std::bad_alloc();  // as std::vector would
  return q;
#else
  void* q = std::realloc(p, new_bytes);
  if (q == nullptr) throw std::bad_alloc();
  std::memset(static_cast<char*>(q) + old_bytes, 0, new_bytes - old_bytes);
  return q;
#endif
}

void FlatMap64::FreeSlots(void* p, size_t bytes) {
#if defined(__linux__)
  munmap(p, bytes);
#else
  (void)bytes;
  std::free(p);
#endif
}

}  // namespace whosaid
