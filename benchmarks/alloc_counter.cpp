// Counting replacements of the global operator new and delete, for this benchmark program only:
// they let a benchmark report how many allocations its timed part made.
#include <cstdlib>
#include <new>

#include "stream.hpp"

namespace {

// Plain counters: the benchmarks run on one thread, and a locked increment would cost more than
// the steps being measured.
std::uint64_t allocations = 0;
std::uint64_t bytes = 0;

void* allocate(std::size_t size) {
  ++allocations;
  bytes += size;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}

void* allocate(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  bytes += size;
  return std::malloc(size == 0 ? 1 : size);
}

}  // namespace

namespace exemplar::bench {
std::uint64_t allocation_count() noexcept { return allocations; }
std::uint64_t allocated_bytes() noexcept { return bytes; }
}  // namespace exemplar::bench

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t& tag) noexcept { return allocate(size, tag); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return allocate(size, tag); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
