"""Articles from the five seeds: headlines, metadata, site chrome and sentences, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import articles
from tui.core.segcache import SegmentCache
from tui.core.textfile import TextFileError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

TITLES = {
    "000_698a1ff201fa72f9": (
        "Concerns rise over potential banned weapons deal as Kim Jong Un visits Russia"
    ),
    "001_e98dd6f0637d58e7": "Kim Jong Un’s Russia visit sparks fears of arms deal",
    "002_ac2d878c38bad475": (
        "Kim Jong Un Deepens Ties with Putin in Russia Visit: Possible Arms Transfer Deal?"
    ),
    "003_420c701de47a1b0c": (
        "North Korean Leader Kim Jong Un Arrives in Russia Amid Arms Deal Speculations"
    ),
    "004_0413e7c0cc1f7413": (
        "Kim Jong-un Takes Action to Strengthen Relations with Russia Despite U.S. and "
        "Seoul’s Warnings of Weapons Deals"
    ),
}


def seed(stem: str) -> articles.Article:
    return articles.load(SEEDS / f"{stem}.txt")


def texts(art: articles.Article, chrome: bool | None = None) -> list[str]:
    return [
        art.text[s.start : s.end] for s in art.sentences() if chrome is None or s.chrome == chrome
    ]


@pytest.mark.parametrize("stem", sorted(TITLES))
def test_seed_title_is_the_headline(stem: str) -> None:
    art = seed(stem)
    assert art.title == TITLES[stem]
    assert art.id == stem
    titled = [s for s in art.sentences() if s.title]
    assert [art.text[s.start : s.end] for s in titled] == [TITLES[stem]]
    assert not any(s.chrome for s in titled)


def test_the_five_seeds_are_all_there() -> None:
    assert sorted(p.stem for p in SEEDS.glob("*.txt")) == sorted(TITLES)


@pytest.mark.parametrize(
    ("stem", "date", "source", "byline", "dateline"),
    [
        ("000_698a1ff201fa72f9", "2023-09-16 08:05 GMT", "", "", ""),
        ("001_e98dd6f0637d58e7", "", "", "", "Seoul"),
        # "by time news" names an outlet; the AP writer is credited at the bottom
        ("002_ac2d878c38bad475", "", "time news", "Kim Tong-hyung", "SEOUL, South Korea"),
        # "Photo Credit: AP" is who took the picture; the publisher signs the copyright line
        ("003_420c701de47a1b0c", "September 12, 2023", "inewszone Media", "", ""),
        ("004_0413e7c0cc1f7413", "", "", "", "SEOUL, South Korea"),
    ],
)
def test_seed_metadata(stem: str, date: str, source: str, byline: str, dateline: str) -> None:
    meta = seed(stem).meta
    assert (meta.date, meta.source, meta.byline, meta.dateline) == (date, source, byline, dateline)


def test_seed_003_site_date_phone_and_slogan_are_chrome_not_the_title() -> None:
    art = seed("003_420c701de47a1b0c")
    chrome = texts(art, chrome=True)
    assert chrome[:4] == [
        "June 22, 2024",
        "All your news, One Platform!",
        "0803 333 3333",
        "Generic filters",
    ]
    assert {
        "Photo Credit: AP",
        "Credit: AP",
        "Share to:",
        "Leave a Reply",
        "© Copyright 2021 inewszone Media",
        "Required fields are marked *",
    } <= set(chrome)
    assert art.meta.date == "September 12, 2023"  # the story's date, not the site's "today"
    body = texts(art, chrome=False)
    assert body[0] == TITLES["003_420c701de47a1b0c"]
    assert "Nevertheless, the world watches closely as these developments unfold." in body


def test_seed_004_slogan_and_links_to_other_articles_are_chrome() -> None:
    art = seed("004_0413e7c0cc1f7413")
    chrome = texts(art, chrome=True)
    assert chrome[0] == "Your Trusted Source for Up-to-date News from Around the World!"
    # The headlines after "Prev Post" / "Next Post" belong to other articles.
    assert (
        "Canada-India Relations Strained After Killing of Canadian Citizen Leads to Suspension of "
        "Visa "
        "Services" in chrome
    )
    assert "Negotiations Between Studios and Writers Guild of America to Resume This Week" in chrome
    assert {"Share this article", "Shareable URL", "Prev Post", "Next Post", "Read next"} <= set(
        chrome
    )
    body = texts(art, chrome=False)
    assert (
        body[-1]
        == "Kim aims to modernize his weapons arsenals to gain more concessions from the U.S. and "
        "South Korea."
    )


def test_seed_001_counter_and_advertisement_are_chrome_caption_is_not() -> None:
    art = seed("001_e98dd6f0637d58e7")
    assert texts(art, chrome=True) == ["0", "Advertisement"]
    assert texts(art, chrome=False).count("Kim Jong Un in Russia") == 2


@pytest.mark.parametrize("stem", sorted(TITLES))
def test_seed_sentences_are_exact_ordered_and_inside_blocks(stem: str) -> None:
    art = seed(stem)
    sents = art.sentences()
    assert [s.index for s in sents] == list(range(len(sents)))
    prev_end = 0
    for s in sents:
        text = art.text[s.start : s.end]
        assert text == text.strip() and text
        assert s.start >= prev_end
        prev_end = s.end
        block = art.blocks[s.block]
        assert block.start <= s.start < s.end <= block.end
        assert art.sentence_at(s.start) == s and art.sentence_at(s.end - 1) == s
        assert art.block_at(s.start) == block


@pytest.mark.parametrize("stem", sorted(TITLES))
def test_lazy_block_segmentation_agrees_with_the_whole(stem: str) -> None:
    lazy = seed(stem)
    by_block = [
        (s.start, s.end, s.chrome, s.title) for b in lazy.blocks for s in lazy.block_sentences(b)
    ]
    assert not lazy.segmented
    assert all(s.index == -1 for b in lazy.blocks for s in lazy.block_sentences(b))
    whole = [(s.start, s.end, s.chrome, s.title) for s in seed(stem).sentences()]
    assert by_block == whole


def test_sentences_come_from_the_cache_the_second_time(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "cache")
    path = SEEDS / "002_ac2d878c38bad475.txt"
    first = articles.load(path, cache)
    assert not first.load_cached()
    spans = [(s.start, s.end) for s in first.sentences()]
    second = articles.load(path, cache)
    assert second.load_cached() and second.segmented
    assert [(s.start, s.end) for s in second.sentences()] == spans
    assert second.sentences() == first.sentences()


def test_read_metadata_matches_parse_for_seeds() -> None:
    for stem in TITLES:
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        assert articles.read_metadata(text, stem) == articles.parse(text, stem).meta


def test_no_headline_falls_back_to_a_short_line_then_the_id() -> None:
    assert articles.parse("Kim in Russia\n\nHe came. He went.", "x").title == "Kim in Russia"
    assert articles.parse("0803 333 3333\n\n", "the-id").title == "the-id"


def test_offsets_are_code_points_with_crlf_and_emoji() -> None:
    text = (
        "Título 🚀 de la noticia aquí\r\n\r\nEl Sr. López llegó. Dijo “sí”.\r\nFin del texto "
        "aquí.\r\n"
    )
    art = articles.parse(text, "es")
    got = [text[s.start : s.end] for s in art.sentences()]
    assert got[0] == "Título 🚀 de la noticia aquí"
    assert all("\r" not in g and g == g.strip() for g in got)
    assert "Fin del texto aquí." in got[-1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(TextFileError) as exc:
        articles.load(path)
    assert message in str(exc.value) and str(path) in str(exc.value) and "\n" not in str(exc.value)


def test_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Caf\u00e9 owners protest new tax rules\n\nThe caf\u00e9 closed.".encode("cp1252")
    )
    art = articles.load(path)
    assert art.title == "Café owners protest new tax rules"
    assert art.warning and "not valid UTF-8" in art.warning
