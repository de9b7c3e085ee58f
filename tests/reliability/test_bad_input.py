"""Bad input reaches the splitter and the reader: shown, or skipped with one line naming the file;
never a hang, never a traceback (empty, binary, non-UTF-8, NUL, lone surrogates, a 200,000-
character line without punctuation, right-to-left text, CRLF)."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE, library_ready, make_app, wait_for, workspace

from tui.core import sentences
from tui.core.articles import parse
from tui.core.sbd_rules import sentences as unit_sentences
from tui.screens.reader import ReaderScreen

RTL = ("مرحبا بالعالم. هذا اختبار؟ نعم! قال الوزير: «لن نتراجع.»\n\n"
       "שלום עולם. זה מבחן! \u202eעוד משפט.\u202c סוף.\n")
TEXTS = {
    "lone surrogates": "A \ud800 sentence. Another \udfff one? \ud83d Yes.",
    "right to left": RTL,
    "NUL and controls": "Head\x00line\n\nA sentence\x00 with NUL. And \x1b[31mred\x1b[0m.",
    "200,000 characters without punctuation": "word " * 40_000,
    "one 200,000-character word": "x" * 200_000,
    "CRLF": "Title\r\n\r\nOne sentence.\r\nTwo, on the next line.\r\n",
    "only punctuation": '" . … ! ? ( ) ]',
    "empty": "",
}


@pytest.mark.parametrize("name", TEXTS)
def test_the_splitter_takes_any_text_with_exact_offsets(name: str) -> None:
    text = TEXTS[name]
    spans = sentences.segment(text)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())  # every non-space char, once
    for s in spans:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        assert s.end - s.start <= max(sentences.PIECE_MAX, 1)
    art = parse(text, "x")  # the reader's article, sentences and all
    assert [(s.start, s.end) for s in art.sentences()] == [(s.start, s.end) for s in spans]


def test_lone_surrogates_become_one_char_stand_ins_for_the_splitter_only() -> None:
    text = TEXTS["lone surrogates"]
    assert [text[a:b] for a, b in unit_sentences(text)] == [
        "A \ud800 sentence.", "Another \udfff one?", "\ud83d Yes."]


def test_right_to_left_text_splits_at_its_own_stops() -> None:
    got = [RTL[s.start : s.end] for s in sentences.segment(RTL)]
    assert got[0] == "مرحبا بالعالم." and "هذا اختبار؟" in got
    assert "שלום עולם." in got


BAD_FILES: dict[str, bytes] = {
    "900_empty": b"",
    "901_blank": b" \n\t\n",
    "902_binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    "903_latin1": "Caf\u00e9 owners protest\n\nThe caf\u00e9 closed. It opened again.\n"
    .encode("latin-1"),
    "904_nul": b"Headline with a NUL\n\nA sentence\x00 with NUL. Another one.\n",
    "905_long": ("A headline over a long line\n\n" + "word " * 40_000).encode(),
    "906_rtl": RTL.encode(),
    "907_utf16_surrogate": b"\xff\xfe" + "Lone ".encode("utf-16-le") + b"\x00\xd8" * 3,
    "908_crlf": TEXTS["CRLF"].encode(),
}


async def test_the_reader_shows_or_skips_every_bad_file_with_one_line(tmp_path, notices) -> None:
    ws = workspace(tmp_path)
    for stem, data in BAD_FILES.items():
        (ws.corpus / f"{stem}.txt").write_bytes(data)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        opened, skipped = [], []
        for stem in BAD_FILES:
            before = len(notices)
            if app.open_article(stem):
                await wait_for(pilot, lambda s=stem: isinstance(app.screen, ReaderScreen)
                               and app.screen.article is not None and app.screen.article.id == s)
                view = app.screen.view
                assert view.cursor is not None or not view.article.text.strip()
                await pilot.press("G", "k", "j", "h", "l", "H", "L", "escape", "g")
                await pilot.press("escape")
                await wait_for(pilot, lambda: not isinstance(app.screen, ReaderScreen))
                opened.append(stem)
            else:
                await pilot.pause()  # notifications arrive as messages
                new = notices.messages()[before:]
                assert len(new) == 1 and stem in new[0] and "\n" not in new[0], (stem, new)
                skipped.append(stem)
        assert set(opened) >= {"903_latin1", "904_nul", "905_long", "906_rtl", "908_crlf"}
        assert set(skipped) >= {"902_binary"}
