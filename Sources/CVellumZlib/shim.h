#ifndef CVELLUM_ZLIB_SHIM_H
#define CVELLUM_ZLIB_SHIM_H
#include <zlib.h>
#endif
