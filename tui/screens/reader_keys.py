"""The reader's keys, in one place: the screen binds them and the help screen lists them.

Keys follow DESIGN.md's table; every binding has an id (remap with `App.set_keymap`) and a
tooltip. Label keys (`1`-`9` and each label's own key) are added per label set by the screen.
"""

from __future__ import annotations

from textual.binding import Binding

SENTENCE = Binding.Group("Sentence", compact=True)
ARTICLE = Binding.Group("Article", compact=True)
TAGGED = Binding.Group("Tagged", compact=True)
SUGGESTED = Binding.Group("Suggestion", compact=True)
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
    Binding("equals_sign", "show_twins", "Twins", id="reader.twins", show=False,
            tooltip="The same claim in other articles: pick twins to give this sentence's labels"),
    Binding("plus", "accept_suggestion", "Accept", id="reader.accept-suggestion", show=False,
            tooltip="Accept the suggested label on this sentence (a tag noting where it came "
            "from)"),
    Binding("minus", "dismiss_suggestion", "Dismiss", id="reader.dismiss-suggestion",
            show=False, tooltip="Dismiss the suggestion on this sentence (it does not come back)"),
    Binding("right_curly_bracket", "go_next_suggestion", "Next", id="reader.next-suggestion",
            group=SUGGESTED, show=False, tooltip="Next sentence with a suggested label"),
    Binding("left_curly_bracket", "go_previous_suggestion", "Previous",
            id="reader.previous-suggestion", group=SUGGESTED, show=False,
            tooltip="Previous sentence with a suggested label"),
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
    ("] / [", "next / previous tagged sentence"),
    (". / ,", "next / previous search match (after opening a search hit); past the last one, "
     "again: the next article in the results"),
    ("=", "the same claim in other articles (≈N in the margin): pick twins to tag alike"),
    ("+ / -, } / {", "accept / dismiss the suggested label (dim s?); next / previous one"),
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
    ("/", "search every article and tag"),
    ("?", "this help"),
    ("ctrl+p", "command palette: go to article, Orphans, Review disagreements, Commit tags…, "
     "help"),
    ("q", "quit (every tag is already saved)"),
]
