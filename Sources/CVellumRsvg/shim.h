#ifndef CVELLUM_RSVG_SHIM_H
#define CVELLUM_RSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <zlib.h>
#endif
