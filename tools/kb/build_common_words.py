#!/usr/bin/env python3
"""Builds resources/kb/common_words.txt: lower-case English words.

The analysis pipeline uses it to tell a capitalised sentence start ("Given", "Tensions",
"Observers") from a name: a capitalised word whose lower-case form is an ordinary
English word is only a name when other evidence says so.

Source: Debian package `wamerican` (SCOWL word lists by Kevin Atkinson), file
/usr/share/dict/american-english. Licence: SCOWL's permissive licence: "Permission to
use, copy, modify, distribute and sell these word lists ... for any purpose is hereby
granted without fee, provided that the above copyright notice appears in all copies"
(Copyright 2000-2011 by Kevin Atkinson; the notice is kept in resources/kb/README.md).

Usage: python3 tools/kb/build_common_words.py   (fetches the package with apt-get download)
"""
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "kb" / "common_words.txt"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", "wamerican"], cwd=tmp, check=True, capture_output=True)
        deb = next(pathlib.Path(tmp).glob("wamerican_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), "x"], cwd=tmp, check=True)
        words = (pathlib.Path(tmp) / "x/usr/share/dict/american-english").read_text(encoding="utf-8").split("\n")
    common = sorted({w for w in words if w and w.isascii() and w.isalpha() and w.islower()})
    OUT.write_text("# lower-case English words; source: Debian wamerican (SCOWL, Kevin Atkinson)\n"
                   + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(common)} words")


if __name__ == "__main__":
    main()
