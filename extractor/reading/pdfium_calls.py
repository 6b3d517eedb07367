"""Fast-call signatures for the pdfium functions the reader calls once per character or per path
segment.

pypdfium2's bindings return typed pointers, which cost a conversion per call and cannot be used
as dictionary keys; these re-declare the same exported functions with plain addresses (ints) for
handles. Only this module knows that; callers pass `handle(...)` of a pypdfium2 object. pdfium is
not thread-safe: callers hold `PDFIUM_LOCK` around every use of a document.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from ctypes import POINTER, c_float, c_int, c_void_p
from typing import Any

import pypdfium2.raw as pdfium_c

# One lock for every pdfium call in this process (documents, pages, rendering).
PDFIUM_LOCK = threading.RLock()


def handle(pointer: Any) -> int:
    """Return the address held by a pypdfium2 raw handle (0 for NULL)."""
    return ctypes.cast(pointer, c_void_p).value or 0


def _redeclare(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """Return the exported pdfium `function` called with these argument and result types."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(handle(function))


count_chars = _redeclare(pdfium_c.FPDFText_CountChars, c_int, c_void_p)
get_unicode = _redeclare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, c_void_p, c_int)
get_text = _redeclare(pdfium_c.FPDFText_GetText, c_int, c_void_p, c_int, c_int, c_void_p)
# Returns 0, not None, for a character pdfium generated, so results fill an integer array.
text_object = _redeclare(pdfium_c.FPDFText_GetTextObject, ctypes.c_size_t, c_void_p, c_int)
loose_char_box = _redeclare(pdfium_c.FPDFText_GetLooseCharBox, c_int, c_void_p, c_int, c_void_p)
char_matrix = _redeclare(pdfium_c.FPDFText_GetMatrix, c_int, c_void_p, c_int, c_void_p)
font_size = _redeclare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, c_void_p, c_int)
has_unicode_map_error = _redeclare(pdfium_c.FPDFText_HasUnicodeMapError, c_int, c_void_p, c_int)
text_object_font = _redeclare(pdfium_c.FPDFTextObj_GetFont, c_void_p, c_void_p)
font_base_name = _redeclare(
    pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, c_void_p, c_void_p, ctypes.c_size_t
)
font_descent = _redeclare(pdfium_c.FPDFFont_GetDescent, c_int, c_void_p, c_float, c_void_p)
font_is_embedded = _redeclare(pdfium_c.FPDFFont_GetIsEmbedded, c_int, c_void_p)
font_weight = _redeclare(pdfium_c.FPDFFont_GetWeight, c_int, c_void_p)

count_objects = _redeclare(pdfium_c.FPDFPage_CountObjects, c_int, c_void_p)
page_object = _redeclare(pdfium_c.FPDFPage_GetObject, c_void_p, c_void_p, c_int)
form_count_objects = _redeclare(pdfium_c.FPDFFormObj_CountObjects, c_int, c_void_p)
form_object = _redeclare(pdfium_c.FPDFFormObj_GetObject, c_void_p, c_void_p, ctypes.c_ulong)
object_type = _redeclare(pdfium_c.FPDFPageObj_GetType, c_int, c_void_p)
object_matrix = _redeclare(pdfium_c.FPDFPageObj_GetMatrix, c_int, c_void_p, c_void_p)
object_bounds = _redeclare(
    pdfium_c.FPDFPageObj_GetBounds,
    c_int,
    c_void_p,
    POINTER(c_float),
    POINTER(c_float),
    POINTER(c_float),
    POINTER(c_float),
)
count_segments = _redeclare(pdfium_c.FPDFPath_CountSegments, c_int, c_void_p)
path_segment = _redeclare(pdfium_c.FPDFPath_GetPathSegment, c_void_p, c_void_p, c_int)
segment_point = _redeclare(
    pdfium_c.FPDFPathSegment_GetPoint, c_int, c_void_p, POINTER(c_float), POINTER(c_float)
)
segment_type = _redeclare(pdfium_c.FPDFPathSegment_GetType, c_int, c_void_p)
segment_closes = _redeclare(pdfium_c.FPDFPathSegment_GetClose, c_int, c_void_p)

PAGEOBJ_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
PAGEOBJ_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
PAGEOBJ_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
PAGEOBJ_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
SEGMENT_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
SEGMENT_BEZIERTO = pdfium_c.FPDF_SEGMENT_BEZIERTO
FS_RECTF = pdfium_c.FS_RECTF
FS_MATRIX = pdfium_c.FS_MATRIX
