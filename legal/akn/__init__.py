"""Akoma Ntoso 3.0 export of a version of an act (docs/akn.md): build_akn(source) gives
the XML of a legal.selectors.akn.AknSource."""

from .document import NoWorkUri, build_akn
from .xml import AKN_NS, CONTENT_TYPE

LANGUAGES = ("ru", "kk")  # official texts exist only in these

__all__ = ["AKN_NS", "CONTENT_TYPE", "LANGUAGES", "NoWorkUri", "build_akn"]
