"""Names written in Latin letters, compared with the stored reading (ふりがな).

Display names in meeting tools are often romaji — `Megumi Kato`, `YAMAGUCHI Misaki`,
`Ohno Shota`, `Syouta Oono` — while the registrant's reading is stored in hiragana. Both sides
are brought to one skeleton: the reading through pykakasi's Hepburn romanisation, then Hepburn
and kunrei spellings made one (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, sha/sya …), long vowels
written or not (Ōno, Ohno, Oono, Ouno → ono), m before b/p/m as n (Homma → honma), capitals,
spaces, hyphens and apostrophes dropped. Family name first or last are both tried by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_LATIN = re.compile(r"[A-Za-zĀ-ſ'’\-\.\s]+")
_SPELLINGS = (
    ("tch", "tty"),  # Hepburn's sokuon before ch (Hatchori) as kunrei writes it (Hattyori)
    ("shi", "si"),
    ("chi", "ti"),
    ("tsu", "tu"),
    ("sh", "sy"),
    ("ch", "ty"),
    ("fu", "hu"),
    ("ji", "zi"),
    ("j", "zy"),
    ("di", "zi"),
    ("du", "zu"),
)
_LONG = (
    (re.compile(r"o[ou]"), "o"),
    (re.compile(r"oh(?![aeiouy])"), "o"),  # Ohno, Ohta — not "oha"
    (re.compile(r"uu"), "u"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"ee"), "e"),
    (re.compile(r"ii"), "i"),
    (re.compile(r"m(?=[bpm])"), "n"),
)


def looks_romaji(text: str) -> bool:
    """Latin letters only (a display name typed in romaji), at least three of them."""
    return bool(_LATIN.fullmatch(text.strip())) and sum(c.isalpha() for c in text) >= 3


def romaji_skeleton(text: str) -> str:
    """The spelling-independent form of a romaji name (no spaces, one spelling system)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if "a" <= c <= "z")
    for old, new in _SPELLINGS:
        letters = letters.replace(old, new)
    for pattern, new in _LONG:
        letters = pattern.sub(new, letters)
    return letters


@lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi  # about 0.6 s to load its tables: only when a report has romaji names

    return pykakasi.kakasi()


@lru_cache(maxsize=4096)
def hepburn(reading: str) -> str:
    """A reading in kana (one word: family or given name) in Hepburn romaji."""
    return "".join(part["hepburn"] for part in _kakasi().convert(reading))


def reading_skeletons(reading: str) -> set[str]:
    """Skeletons of a stored reading 「かとう　めぐみ」: family name first and last."""
    words = [hepburn(w) for w in reading.replace("\u3000", " ").split() if w]
    if not words:
        return set()
    return {romaji_skeleton("".join(words)), romaji_skeleton("".join(reversed(words)))}
