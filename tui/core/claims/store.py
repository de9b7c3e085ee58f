"""The claim index on disk: one SQLite file (articles, links, near pairs, linked sentences'
texts) and one `.npz` of whole-article vectors, under `.newstag/claims/v<N>/`.

SQLite because each use wants a different slice: the reader asks for one article's twins (an
indexed query, ~1 ms whatever the corpus size), a changed article replaces only its own rows
(one transaction), and the claims view reads everything. A full build writes a new file and
renames it over the old one; everything here is derived data, rebuilt when missing or damaged.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from .claim_index import ClaimIndex, Entry
from .clusters import Node, node_pair
from .corpus import ArticleSents
from .linker import Params
from .model import Link, Span, Twin
from .vectors import Idf

DB = "claims.sqlite"
VECTORS = "vectors.npz"
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(article TEXT PRIMARY KEY, sha TEXT, source TEXT, day TEXT, mtime INTEGER,
                     size INTEGER, title TEXT);
CREATE TABLE links(a TEXT, a_s INTEGER, a_e INTEGER, b TEXT, b_s INTEGER, b_e INTEGER, sim REAL);
CREATE INDEX links_a ON links(a);
CREATE INDEX links_b ON links(b);
CREATE TABLE sims(a TEXT, a_s INTEGER, a_e INTEGER, b TEXT, b_s INTEGER, b_e INTEGER, sim REAL);
CREATE INDEX sims_a ON sims(a);
CREATE INDEX sims_b ON sims(b);
CREATE TABLE texts(article TEXT, start INTEGER, end INTEGER, text TEXT,
                   PRIMARY KEY(article, start, end));
"""
FORMAT = "1"


class StoreError(Exception):
    """The stored index is missing, from another version, or damaged: rebuild it."""


def _row(lk: Link) -> tuple[str, int, int, str, int, int, float]:
    return (lk.a, lk.a_span[0], lk.a_span[1], lk.b, lk.b_span[0], lk.b_span[1], lk.similarity)


def _link(r: tuple[Any, ...]) -> Link:
    return Link(r[0], (int(r[1]), int(r[2])), r[3], (int(r[4]), int(r[5])), float(r[6]))


def _pair_row(k: frozenset[Node], v: float) -> tuple[Any, ...]:
    x, y = sorted(k)
    return (*x, *y, v)


def _entry_row(article: str, e: Any) -> tuple[Any, ...]:
    return (article, e.sha, e.source, e.day, e.stamp[0], e.stamp[1], e.title)


def write_full(idx: Any, folder: Path) -> None:
    """The whole index as a new file, renamed over the old one."""
    folder.mkdir(parents=True, exist_ok=True)
    write_vectors(idx, folder)
    tmp = folder / f".{DB}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO meta VALUES (?, ?)",
                        [("format", FORMAT), ("params", json.dumps(asdict(idx.params)))])
        con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [_entry_row(k, e) for k, e in idx.entries.items()])
        con.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [_row(lk) for lk in idx.links])
        con.executemany("INSERT INTO sims VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [_pair_row(k, v) for k, v in idx.sims.items()])
        con.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                        [(a, s, e, t) for (a, s, e), t in idx.texts.items()])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, folder / DB)


def write_vectors(idx: Any, folder: Path) -> None:
    """Article vectors, their order and the article IDF (what linking one more article needs)."""
    m = idx.matrix
    tmp = folder / f".{VECTORS}.{os.getpid()}.tmp.npz"
    empty = np.zeros(0, np.int32)
    np.savez(tmp, data=m.data if m is not None else np.zeros(0, np.float32),
             indices=m.indices if m is not None else empty,
             indptr=m.indptr if m is not None else np.zeros(1, np.int32),
             shape=np.array(m.shape if m is not None else (0, 0), dtype=np.int64),
             order=np.array(idx.order, dtype=str), df=idx.art_idf.df,
             n_docs=np.array([idx.art_idf.n_docs]))
    os.replace(tmp, folder / VECTORS)


def _connect(folder: Path) -> sqlite3.Connection:
    path = folder / DB
    if not path.is_file():
        raise StoreError(f"{path}: no claim index yet")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {exc}") from None


def read(folder: Path, full: bool) -> ClaimIndex:
    """The stored index: with `full`, every link, near pair and text; else only what linking
    one more article needs (entries, parameters, article vectors)."""
    from scipy import sparse  # type: ignore[import-untyped]


    con = _connect(folder)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        if meta.get("format") != FORMAT:
            raise StoreError(f"{folder / DB}: another format")
        idx = ClaimIndex(Params(**json.loads(meta["params"])))
        idx.entries = {r[0]: Entry(r[1], r[2], r[3], (int(r[4]), int(r[5])), r[6])
                       for r in con.execute("SELECT * FROM entries")}
        if full:
            idx.links = [_link(r) for r in con.execute("SELECT * FROM links")]
            idx.sims = {frozenset(((r[0], int(r[1]), int(r[2])), (r[3], int(r[4]), int(r[5])))):
                        float(r[6]) for r in con.execute("SELECT * FROM sims")}
            idx.texts = {(r[0], int(r[1]), int(r[2])): r[3]
                         for r in con.execute("SELECT * FROM texts")}
        with np.load(folder / VECTORS) as v:
            shape = tuple(int(x) for x in v["shape"])
            idx.matrix = sparse.csr_matrix((v["data"], v["indices"], v["indptr"]), shape=shape)
            idx.order = [str(x) for x in v["order"]]
            idx.art_idf = Idf(v["df"].copy(), int(v["n_docs"][0]))
    except (sqlite3.Error, KeyError, ValueError, TypeError, OSError) as exc:
        raise StoreError(f"{folder}: {exc}") from None
    finally:
        con.close()
    return idx


def replace_article(folder: Path, article: str, links: list[Link], near: Iterable[Link],
                    arts: dict[str, ArticleSents], entry: Any) -> None:
    """Replace one article's rows (its entry, links, near pairs, texts) in one transaction."""
    try:
        con = sqlite3.connect(folder / DB, timeout=10)
    except sqlite3.Error as exc:
        raise StoreError(str(exc)) from None
    try:
        with con:
            for table in ("links", "sims"):
                con.execute(f"DELETE FROM {table} WHERE a = ? OR b = ?", (article, article))
            con.execute("DELETE FROM texts WHERE article = ?", (article,))
            con.execute("DELETE FROM entries WHERE article = ?", (article,))
            if entry is not None:
                con.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                            _entry_row(article, entry))
            con.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [_row(lk) for lk in links])
            texts: dict[Node, str] = {}
            for lk in links:
                for n in node_pair(lk):
                    art = arts[n[0]]
                    texts[n] = next((s.text for s in art.sents
                                     if (s.start, s.end) == (n[1], n[2])), "")
            con.executemany("INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?)",
                            [(*n, t) for n, t in texts.items()])
            others = sorted({a for a in arts if a != article})
            nodes = set(texts)
            for other in others:
                nodes.update((other, int(s), int(e)) for s, e in con.execute(
                    "SELECT start, end FROM texts WHERE article = ?", (other,)))
            rows = []
            for lk in near:
                x, y = node_pair(lk)
                if x in nodes and y in nodes:
                    rows.append(_row(lk))
            con.executemany("INSERT INTO sims VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    except sqlite3.Error as exc:
        raise StoreError(str(exc)) from None
    finally:
        con.close()


def twins_for(folder: Path, article: str) -> dict[Span, list[Twin]]:
    """One article's twins straight from the store (an indexed query; no index loaded)."""
    con = _connect(folder)
    query = """
        SELECT l.{me}_s, l.{me}_e, l.{it}, l.{it}_s, l.{it}_e, l.sim, t.text, e.source
        FROM links l
        LEFT JOIN texts t ON t.article = l.{it} AND t.start = l.{it}_s AND t.end = l.{it}_e
        LEFT JOIN entries e ON e.article = l.{it}
        WHERE l.{me} = ?"""
    out: dict[Span, list[Twin]] = {}
    try:
        for me, it in (("a", "b"), ("b", "a")):
            for r in con.execute(query.format(me=me, it=it), (article,)):
                out.setdefault((int(r[0]), int(r[1])), []).append(
                    Twin(r[2], r[7] or "", int(r[3]), int(r[4]), r[6] or "", float(r[5])))
    except sqlite3.Error as exc:
        raise StoreError(str(exc)) from None
    finally:
        con.close()
    for twins in out.values():
        twins.sort(key=lambda t: (-t.similarity, t.article, t.start))
    return out
