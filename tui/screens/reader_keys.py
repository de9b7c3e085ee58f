"""The reader's keys, in one place: the screen binds them and the help screen lists them.

Keys follow DESIGN.md's table; every binding has an id (remap with `App.set_keymap`) and a
tooltip. Label keys (`1`-`9` and each label's own key) are added per label set by the screen.
"""

from __future__ import annotations

from textual.binding import Binding

SENTENCE = Binding.Group("Sentence", compact=True)
ARTICLE = Binding.Group("Article", compact=True)
TAGGED = Binding.Group("Tagged", compact=True)
MATCH = Binding.Group("Match", compact=True)

READER_BINDINGS: list[Binding] = [
    Binding("j,down", "go_next_sentence", "Next", tooltip="Next sentence (site chrome is skipped)",
            id="reader.next-sentence", group=SENTENCE),
    Binding("k,up", "go_previous_sentence", "Previous", tooltip="Previous sentence",
            id="reader.previous-sentence", group=SENTENCE),
    Binding("n", "open_next_article", "Next", tooltip="Next article in the library",
            id="reader.next-article", group=ARTICLE, show=False),
    Binding("p", "open_previous_article", "Previous", tooltip="Previous article in the library",
            id="reader.previous-article", group=ARTICLE, show=False),
    Binding("space,pagedown", "scroll_page_down", "Page down", show=False,
            tooltip="Scroll a screen down; the cursor goes to its first sentence",
            id="reader.page-down"),
    Binding("pageup", "scroll_page_up", "Page up", show=False,
            tooltip="Scroll a screen up; the cursor goes to its first sentence",
            id="reader.page-up"),
    Binding("g", "go_first_sentence", "First", show=False, tooltip="First sentence",
            id="reader.first-sentence"),
    Binding("G", "go_last_sentence", "Last", show=False, tooltip="Last sentence",
            id="reader.last-sentence"),
    Binding("v", "extend_selection", "Select", id="reader.select",
            tooltip="Start a selection of several sentences; press again to take in the next one"),
    Binding("x", "clear_tags", "Clear", id="reader.clear",
            tooltip="Remove every tag of yours from the sentence (or selection)"),
    Binding("a", "edit_note", "Note", id="reader.note",
            tooltip="Add or edit the note on your tag(s) here"),
    Binding("u", "undo_change", "Undo", id="reader.undo",
            tooltip="Undo the last tag change, in whichever article it was made"),
    Binding("ctrl+r", "redo_change", "Redo", id="reader.redo", tooltip="Redo what was undone"),
    Binding("right_square_bracket", "go_next_tagged", "Next", id="reader.next-tagged", group=TAGGED,
            tooltip="Next sentence with a tag (anyone's)"),
    Binding("left_square_bracket", "go_previous_tagged", "Previous", id="reader.previous-tagged",
            group=TAGGED, tooltip="Previous sentence with a tag (anyone's)"),
    Binding("full_stop", "go_next_match", "Next", id="reader.next-match", group=MATCH,
            tooltip="Next highlighted search term"),
    Binding("comma", "go_previous_match", "Previous", id="reader.previous-match", group=MATCH,
            tooltip="Previous highlighted search term"),
    Binding("ctrl+t", "toggle_chrome", "Chrome", show=False, id="reader.toggle-chrome",
            tooltip="Stop (or start again) skipping site chrome with the cursor"),
    Binding("escape", "go_back", "Back", id="reader.back",
            tooltip="Cancel the selection, else back (to the search results or the library)"),
]

# Keys a label may not take because the reader uses them beyond DESIGN.md's table.
EXTRA_READER_KEYS = frozenset({".", ","})

# What the help screen says, in DESIGN.md's order: (keys, what they do).
HELP_ROWS: list[tuple[str, str]] = [
    ("j / k, ↓ / ↑", "next / previous sentence (site chrome is skipped)"),
    ("n / p", "next / previous article"),
    ("space, pgdn / pgup", "page down / up"),
    ("g / G", "first / last sentence"),
    ("1–9, or a label's key", "toggle that label on the sentence (or the selection)"),
    ("v", "start a selection; again: take in the next sentence (j/k extend it too)"),
    ("x", "remove every tag of yours from the sentence (or selection)"),
    ("a", "add or edit the note on your tag(s) here"),
    ("u / ctrl+r", "undo / redo (across articles)"),
    ("] / [", "next / previous tagged sentence (anyone's), on into the next / previous "
     "article that has one"),
    (". / ,", "next / previous search match (after opening a search hit); past the last one, "
     "again: the next article in the results"),
    ("ctrl+t", "stop / start skipping site chrome"),
    ("/", "search"),
    ("escape", "cancel selection; back to the search results or the library; close"),
    ("?", "this help"),
    ("ctrl+p", "command palette: go to article, toggle a label, Orphans, Review disagreements, "
     "Commit tags…, help"),
    ("q", "quit"),
]

# The library's keys, shown first when help is opened there.
LIBRARY_HELP_ROWS: list[tuple[str, str]] = [
    ("j / k, ↓ / ↑", "next / previous article"),
    ("enter", "read the highlighted article"),
    ("g / G", "first / last article"),
    ("space, pgdn / pgup", "page down / up"),
    ("f", "filter: words, label:NAME, annotator:NAME, is:untagged / is:in-progress / is:done "
     "(your progress); enter keeps it, esc clears it"),
    ("s", "sort by file, title, date (newest first), source, progress (each press the next)"),
    ("d", "mark the article done, or not (saved in tags/<you>/done.txt, in git)"),
    ("n", "the next article you have not marked done"),
    ("a", "counts: sentences you tagged / sentences anyone tagged (each counted once)"),
    ("/", "search every article and tag"),
    ("?", "this help"),
    ("ctrl+p", "command palette: go to article, Orphans, Review disagreements, Commit tags…, "
     "help"),
    ("q", "quit (every tag is already saved)"),
]

# What the library's columns and marks mean (shown under its keys in `?`).
LIBRARY_LEGEND = ("Each label's column counts the sentences carrying that label: yours by "
                  "default, everyone's with a (a sentence two people tagged counts once). "
                  "Row marks: ✓ you marked it done · ! read with a warning (not UTF-8, say) · "
                  "⚠ unreadable.")
