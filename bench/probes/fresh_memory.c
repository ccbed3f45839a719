/* What fresh memory costs on this machine: 80 MB of anonymous pages touched once with 4 KB faults, with
 * transparent huge pages asked for (madvise), and mapped with MAP_POPULATE. Three rounds; the first huge-page round
 * may include the kernel's compaction. Not part of `make bench` (bench/RESULTS.md, third pass, quotes it).
 *
 *     cc -O2 -o /tmp/fresh_memory bench/probes/fresh_memory.c && /tmp/fresh_memory
 */
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static char *fresh(size_t size, int flags) {
  return mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

int main(void) {
  size_t size = 80 << 20;
  for (int round = 0; round < 3; round++) {
    char *small = fresh(size, 0);
    double start = now();
    for (size_t i = 0; i < size; i += 4096) small[i] = 1;
    double faults = now() - start;
    char *huge = fresh(size, 0);
    madvise(huge, size, MADV_HUGEPAGE);
    start = now();
    for (size_t i = 0; i < size; i += 4096) huge[i] = 1;
    double hugePages = now() - start;
    start = now();
    char *populated = fresh(size, MAP_POPULATE);
    double populate = now() - start;
    printf("4 KB faults %.1f ms, huge pages %.1f ms, MAP_POPULATE %.1f ms\n", faults * 1e3, hugePages * 1e3,
           populate * 1e3);
    munmap(small, size);
    munmap(huge, size);
    munmap(populated, size);
  }
  return 0;
}
