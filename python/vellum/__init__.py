"""Render Vellum figure specs from Python and show them in notebooks.

``render`` returns the bytes of each requested format; ``Figure`` wraps one render with Jupyter's display hooks.
Both run the ``vellum`` binary with the spec on standard input and each data table written once to a
temporary file that the binary reads directly.
"""

from ._run import BinaryNotFound, VellumError, VellumWarning, binary, render
from ._figure import Figure

__all__ = ["render", "Figure", "VellumError", "VellumWarning", "BinaryNotFound", "binary"]
__version__ = "0.1.0"
