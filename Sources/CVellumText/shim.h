#ifndef CVELLUM_TEXT_SHIM_H
#define CVELLUM_TEXT_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H
#include <hb.h>
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <fontconfig/fontconfig.h>

/* FT_HAS_KERNING and friends are macros, which Swift cannot import. */
static inline int cvellum_ft_is_scalable(FT_Face face) { return FT_IS_SCALABLE(face) ? 1 : 0; }

/* The face's line ascender and descender in font units, as matplotlib 3.11 sizes a line of text: the OS/2 table's
   typographic values, else the hhea table's; 0 when the face has neither. */
static inline int cvellum_ft_line_metrics(FT_Face face, long *ascender, long *descender) {
  TT_OS2 *os2 = (TT_OS2 *)FT_Get_Sfnt_Table(face, FT_SFNT_OS2);
  if (os2 && os2->version != 0xFFFF) {
    *ascender = os2->sTypoAscender;
    *descender = os2->sTypoDescender;
    return 1;
  }
  TT_HoriHeader *hhea = (TT_HoriHeader *)FT_Get_Sfnt_Table(face, FT_SFNT_HHEA);
  if (hhea) {
    *ascender = hhea->Ascender;
    *descender = hhea->Descender;
    return 1;
  }
  return 0;
}
#endif
