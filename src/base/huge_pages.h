// HugePageAllocator: a std allocator for the large tables that the learned
// stages read at random (model weights, per-thread memo tables). A block of
// at least kHugePageMinBytes is 2 MiB aligned, its size rounded up to 2 MiB,
// and marked MADV_HUGEPAGE, so that the kernel's transparent huge pages
// ("madvise" mode, Debian's default) back it with 2 MiB pages: a random read
// then needs no 4 KiB page-table walk (the tables together are ~15 MB, more
// than the TLB covers in 4 KiB pages). Smaller blocks are 64-byte aligned
// (cache-line rows). Where the kernel gives no huge pages the hint is a
// no-op; contents and results never depend on it.
//
// Stateless: any thread may allocate and free; the container owns its block.
#ifndef WHOSAID_SRC_BASE_HUGE_PAGES_H_
#define WHOSAID_SRC_BASE_HUGE_PAGES_H_

#include <cstddef>
#include <new>

namespace whosaid {

// Blocks from this size on get 2 MiB pages. Rounding up costs address
// space and up to 1.75 MiB of memory per block; the model and per-thread
// tables of this size are few (~15), so a few MB in all.
inline constexpr size_t kHugePageMinBytes = size_t{256} << 10;
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// The raw block functions behind HugePageAllocator: `bytes` must be the
// same in both calls (the path is chosen by size). Allocation failure
// throws std::bad_alloc, as operator new does.
void* AllocateTable(size_t bytes);
void FreeTable(void* p, size_t bytes);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT
  T* allocate(size_t n) {
    return static_cast<T*>(AllocateTable(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) { FreeTable(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_HUGE_PAGES_H_
