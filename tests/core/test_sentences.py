"""Segmentation cases from DESIGN.md and the seeds, each checked as exact offsets into the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import sentences as seg

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def split(text: str) -> list[str]:
    spans = seg.segment(text)
    out = [text[s.start : s.end] for s in spans]
    for s, t in zip(spans, out, strict=True):  # text[start:end] == sentence, everywhere
        assert t == text[s.start : s.end] and t == t.strip() and t
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations
        (
            "The U.S. and the U.N. met today. Then they left.",
            ["The U.S. and the U.N. met today.", "Then they left."],
        ),
        (
            "Mr. Smith went to Washington. He met Mrs. Jones.",
            ["Mr. Smith went to Washington.", "He met Mrs. Jones."],
        ),
        (
            "It happened on Sept. 12, 2023 in Moscow. Later it rained.",
            ["It happened on Sept. 12, 2023 in Moscow.", "Later it rained."],
        ),
        (
            "Dr. Jekyll met Gen. Lee and Lt. Col. Smith. They talked.",
            ["Dr. Jekyll met Gen. Lee and Lt. Col. Smith.", "They talked."],
        ),
        (
            "The U.S.-South Korea alliance is strong. It will hold.",
            ["The U.S.-South Korea alliance is strong.", "It will hold."],
        ),
        # quotes
        (
            'He said, "We will win. They will lose." Then he left.',
            ['He said, "We will win.', 'They will lose."', "Then he left."],
        ),
        ("He said, “We will win.” Then he left.", ["He said, “We will win.”", "Then he left."]),
        (
            "She asked, 'Is it over?' He didn't answer.",
            ["She asked, 'Is it over?'", "He didn't answer."],
        ),
        # parentheses
        (
            "Kim (who arrived by train) met Putin. They talked.",
            ["Kim (who arrived by train) met Putin.", "They talked."],
        ),
        (
            "The deal (worth $1.5 bn. in total) was signed. It was big.",
            ["The deal (worth $1.5 bn. in total) was signed.", "It was big."],
        ),
        # decimals and money
        (
            "Growth was 3.5 percent in Q2. That is high.",
            ["Growth was 3.5 percent in Q2.", "That is high."],
        ),
        ("It cost $3.50. Cheap!", ["It cost $3.50.", "Cheap!"]),
        # times and dates
        (
            "The talks began at 10:30 a.m. on Monday. They ended at 5 p.m. Tuesday.",
            ["The talks began at 10:30 a.m. on Monday.", "They ended at 5 p.m. Tuesday."],
        ),
        (
            "It starts at 9 a.m. GMT on Friday. Fine.",
            ["It starts at 9 a.m. GMT on Friday.", "Fine."],
        ),
        ("He arrived at 5 p.m. He left at 6.", ["He arrived at 5 p.m.", "He left at 6."]),
        (
            "The meeting is on 12.09.2023 at noon. Nobody came.",
            ["The meeting is on 12.09.2023 at noon.", "Nobody came."],
        ),
        (
            "Jan. 5, 2024 was a Friday. Feb. 6 was not.",
            ["Jan. 5, 2024 was a Friday.", "Feb. 6 was not."],
        ),
        ("See Vol. 3 of the report. It is long.", ["See Vol. 3 of the report.", "It is long."]),
        # blank lines always break, single wrapped newlines do not
        (
            "A heading without a stop\n\nand a paragraph that starts in lower case.",
            ["A heading without a stop", "and a paragraph that starts in lower case."],
        ),
        (
            "He said that the U.N.\n\nSecurity Council met.",
            ["He said that the U.N.", "Security Council met."],
        ),
        (
            "One sentence that was hard wrapped by the scraper at a fixed width of\n"
            "seventy characters or so, like old newswire copy used to be. Another.",
            [
                "One sentence that was hard wrapped by the scraper at a fixed width of\n"
                "seventy characters or so, like old newswire copy used to be.",
                "Another.",
            ],
        ),
        ("Line one\r\n\r\nLine two, with CRLF.\r\n", ["Line one", "Line two, with CRLF."]),
        (
            "Lines\n \t \nwith only spaces are blank too.",
            ["Lines", "with only spaces are blank too."],
        ),
        (
            "Share this article\nShareable URL\nPrev Post",
            ["Share this article", "Shareable URL", "Prev Post"],
        ),
    ],
)
def test_cases(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def _seed_sentences(stem: str) -> list[str]:
    return split((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("stem", "sentence"),
    [
        # U.S. and U.N. inside and at the end of sentences
        (
            "002_ac2d878c38bad475",
            "Although no specific steps were disclosed during their discussions, experts believe "
            "that North Korea and Russia, both involved in confrontations with the West, may be "
            "pushing to exceed the "
            "limits set by U.N. Security Council resolutions.",
        ),
        (
            "002_ac2d878c38bad475",
            "While some experts argue that such cooperation might lead to severe consequences, "
            "with warnings from U.S. and South Korean officials about violating U.N. resolutions, "
            "others believe that "
            "North Korea may primarily seek economic aid and food assistance from Russia.",
        ),
        (
            "003_420c701de47a1b0c",
            "U.S. officials expressed concerns over potential arms discussions between North Korea "
            "and Russia, urging North Korea to adhere to its commitments regarding arms sales.",
        ),
        (
            "004_0413e7c0cc1f7413",
            "The U.S., South Korea, and their partners have warned that Russia and North Korea "
            "will face consequences if they engage in deals that violate U.N. Security Council "
            "resolutions prohibiting "
            "weapons trade with North Korea.",
        ),
        (
            "004_0413e7c0cc1f7413",
            "Speaking at the U.N. General Assembly, South Korean President Yoon Suk Yeol denounced "
            "any attempt by a permanent Security Council member to undermine international norms, "
            "describing it as both "
            "dangerous and paradoxical.",
        ),
        (
            "004_0413e7c0cc1f7413",
            "Kim aims to modernize his weapons arsenals to gain more concessions from the U.S. and "
            "South Korea.",
        ),
        # quotations, including one that holds two sentences and one that starts with a parenthesis
        (
            "001_e98dd6f0637d58e7",
            "Putin said, “That’s what we are here for,” when asked if Russia would help North "
            "Korea "
            "launch a satellite.",
        ),
        (
            "001_e98dd6f0637d58e7",
            "He said, “(Kim has) shown a keen interest in rocket technology.",
        ),
        ("001_e98dd6f0637d58e7", "He is also pursuing development in space science.”"),
        (
            "001_e98dd6f0637d58e7",
            "The office said that Russia and North Korea have been warned that they “will have to "
            "pay a price” if they enter into such an agreement.",
        ),
        (
            "002_ac2d878c38bad475",
            "He met with Putin at Russia’s primary space launch center and extended “full and "
            "unconditional support” to the Russian president.",
        ),
        # a date line and an update stamp stay whole
        ("000_698a1ff201fa72f9", "Update: 2023-09-16 08:05 GMT"),
        ("003_420c701de47a1b0c", "September 12, 2023"),
    ],
)
def test_seed_cases(stem: str, sentence: str) -> None:
    assert sentence in _seed_sentences(stem)


def test_seed_sentence_counts_are_stable() -> None:
    counts = {
        p.stem[:3]: len(split(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))
    }
    assert counts == {"000": 15, "001": 22, "002": 17, "003": 25, "004": 26}


def test_a_long_line_is_cut_into_pieces_only_where_a_sentence_surely_ends() -> None:
    """Huge lines are segmented piece by piece (bounded work); the cuts change nothing."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = " ".join(((text + " ") * 2).split())
    block = seg.Span(0, len(text))
    assert len(seg.pieces(text, block)) >= 4
    assert all(p.end - p.start <= seg.PIECE_MAX for p in seg.pieces(text, block))
    whole = [(text[a:b]) for a, b in seg.sbd_rules.sentences(text)]
    assert split(text) == whole


def test_a_run_without_any_boundary_is_cut_at_spaces_and_kept_whole() -> None:
    text = "word " * 3000 + "end"
    spans = seg.segment(text)
    assert len(spans) > 1
    assert "".join(text[s.start : s.end] + " " for s in spans).split() == text.split()
    nospace = "x" * (3 * seg.MAX_CHUNK)
    assert "".join(nospace[s.start : s.end] for s in seg.segment(nospace)) == nospace


def test_blocks_and_units() -> None:
    text = (
        "\n\nTitle line here\n\nPara one, first line that is long enough to be "
        "prose\nwrapped.\n\n\n\nEnd"
    )
    assert [text[b.start : b.end] for b in seg.blocks(text)] == [
        "Title line here",
        "Para one, first line that is long enough to be prose\nwrapped.",
        "End",
    ]
    assert seg.blocks("") == [] and seg.blocks(" \n\t\n ") == []


def test_segment_tuples_match_spans() -> None:
    text = "One. Two? Three!"
    assert (
        seg.segment_tuples(text)
        == [(s.start, s.end) for s in seg.segment(text)]
        == [(0, 4), (5, 9), (10, 16)]
    )


def _long_text(sep: str) -> str:
    paras = [" ".join(p.split()) for s in sorted(SEEDS.glob("*.txt"))
             for p in s.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    return sep.join(paras * 12)


@pytest.mark.parametrize("sep", ["\n", "\r\n", " "])
def test_a_huge_block_is_segmented_piece_by_piece_with_the_whole_result(sep: str) -> None:
    from tui.core.articles import parse

    text = _long_text(sep)
    art = parse(text, "big")
    block = max(art.blocks, key=lambda b: b.end - b.start)
    assert block.end - block.start > 10 * seg.PIECE_MAX
    pieces = art.pieces(block)
    assert all(p.end - p.start <= seg.PIECE_MAX for p in pieces)
    lazy = [(s.start, s.end) for b in art.blocks for i in range(len(art.pieces(b)))
            for s in art.piece_sentences(b, i)]
    assert lazy == seg.segment_tuples(text)
    mid = pieces[len(pieces) // 2].start
    window = [(s.start, s.end) for s in art.sentences_in(mid - 500, mid + 500)]
    assert window == [sp for sp in lazy if sp[1] > mid - 500 and sp[0] < mid + 500]
    assert not art.segmented
