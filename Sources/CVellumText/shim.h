#ifndef CVELLUM_TEXT_SHIM_H
#define CVELLUM_TEXT_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include <hb.h>
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <fontconfig/fontconfig.h>

/* FT_HAS_KERNING and friends are macros, which Swift cannot import. */
static inline int cvellum_ft_is_scalable(FT_Face face) { return FT_IS_SCALABLE(face) ? 1 : 0; }
#endif
