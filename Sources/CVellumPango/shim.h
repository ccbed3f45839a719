#ifndef CVELLUM_PANGO_SHIM_H
#define CVELLUM_PANGO_SHIM_H
/* Pango is librsvg's text engine; Vellum only hands its font map a fontconfig configuration. */
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#endif
