/* A plain C reading of a one-column CSV of decimals (the histogram job's samples.csv): rows found with memchr, each
 * number read digit by digit and divided once by its power of ten, into freshly allocated memory and then into
 * memory already touched. The floor Vellum's parse is compared with in bench/RESULTS.md (third pass). Not part of
 * `make bench`.
 *
 *     cc -O2 -o /tmp/parse_floor bench/probes/parse_floor.c && /tmp/parse_floor .build-bench/scale/samples.csv
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static const double powers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

static double parse(const char *text, const int32_t *starts, long rows, double *out) {
  double start = now();
  for (long row = 0; row < rows; row++) {
    const char *s = text + starts[row];
    int negative = *s == '-';
    s += negative;
    uint64_t digits = 0;
    while ((unsigned)(*s - '0') < 10) digits = digits * 10 + (uint64_t)(*s++ - '0');
    int fraction = 0;
    if (*s == '.') {
      const char *point = ++s;
      while ((unsigned)(*s - '0') < 10 && s - point < 15) digits = digits * 10 + (uint64_t)(*s++ - '0');
      fraction = (int)(s - point);
    }
    double value = (double)digits / powers[fraction];
    out[row] = negative ? -value : value;
  }
  return now() - start;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  FILE *file = fopen(argv[1], "rb");
  if (!file) return 1;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *text = malloc(size + 64);
  if (fread(text, 1, size, file) != (size_t)size) return 1;
  text[size] = 0;
  int32_t *starts = calloc(size / 2 + 1, sizeof(int32_t));
  long rows = 0;
  char *p = memchr(text, '\n', size) + 1, *end = text + size;
  double start = now();
  while (p < end) {
    starts[rows++] = (int32_t)(p - text);
    char *newline = memchr(p, '\n', end - p);
    if (!newline) break;
    p = newline + 1;
  }
  double scan = now() - start;
  double *out = malloc(sizeof(double) * rows);
  double freshOutput = parse(text, starts, rows, out);
  double touchedOutput = parse(text, starts, rows, out);
  double sum = 0;
  for (long row = 0; row < rows; row++) sum += out[row];
  printf("%ld rows: rows found %.1f ns a row; parse %.1f ns a number into fresh memory, %.1f into touched (sum %g)\n",
         rows, scan / rows * 1e9, freshOutput / rows * 1e9, touchedOutput / rows * 1e9, sum);
  return 0;
}
