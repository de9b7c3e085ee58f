"""Every key of newstag, declared once: bindings, `?`, the footer and the palette come from here.

One row per action: its id (`<screen>.<verb-noun>`, what a user's keymap.yaml names), its default
keys (Textual key names, comma-separated), the Textual action it runs, the footer's short label,
the line `?` shows, and optionally a footer group and a palette entry. The screen whose BINDINGS
carry a row is the id's first part (`app` rows are the App's and work on every screen).

Adding a key is one line here, then the `action_<verb>_<noun>` method on that screen:

    Action("reader.twins", "equals_sign", "show_twins", "Twins",
           "the current sentence's twins: the same claim in other articles"),

`help=""` folds a row into the one above it in `?` (a pair: `j / k  next / previous sentence`);
`show=False` keeps it off the footer (it still works and `?` still lists it); `palette="..."`
offers it in ctrl+p under that name (with the key in force). Keys may not collide within a
screen or with the `app` rows (`tests/tui/test_actions.py` checks, and labels.py's READER_KEYS
must cover the reader's keys). No Textual here: `tui/bindings.py` turns rows into `Binding`s.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Action:
    id: str  # "<screen>.<verb-noun>": stable, what keymap.yaml names
    keys: str  # default keys, Textual names, comma-separated ("j,down")
    action: str  # the Textual action string run ("go_next_sentence", "settle(True)")
    label: str  # the footer's short description
    help: str  # the line in `?`; "" folds it into the row above (shown as a pair)
    tooltip: str = ""  # the footer's hover text; the help line when empty
    group: str = ""  # footer: consecutive shown rows of one group are drawn as one ("j/k Sentence")
    show: bool = True  # on the footer
    palette: str = ""  # the command palette's name for it; "" = not in the palette
    priority: bool = False  # Textual priority binding (checked before focused widgets)

    @property
    def screen(self) -> str:
        return self.id.partition(".")[0]

    @property
    def hover(self) -> str:
        return self.tooltip or self.help or self.label


A = Action
ACTIONS: tuple[Action, ...] = (
    # -- everywhere ------------------------------------------------------------------------
    A("app.search", "slash", "open_search", "Search", "search every article and tag",
      tooltip="Search every article and tag"),
    A("app.help", "question_mark", "show_help", "Help", "this help: keys and the label guidelines",
      tooltip="Keys and label guidelines", palette="Help: keys and label guidelines"),
    A("app.palette", "ctrl+p", "command_palette", "Palette",
      "command palette: go to article, toggle a label, Orphans, Review disagreements, "
      "Commit tags…, help", tooltip="Every command: go to article, labels, orphans, review, "
      "commit, help", show=False, priority=True),
    A("app.quit", "q", "quit", "Quit", "quit (every tag is already saved)",
      tooltip="Quit (every tag is already saved)"),
    # -- the library (bound on its article list) -------------------------------------------
    A("library.open", "enter", "select", "Open", "read the highlighted article",
      tooltip="Read the highlighted article"),
    A("library.down", "j,down", "cursor_down", "Down", "next / previous article",
      tooltip="Next article", group="Move"),
    A("library.up", "k,up", "cursor_up", "Up", "", tooltip="Previous article", group="Move"),
    A("library.first", "g,home", "first", "First", "first / last article", show=False,
      tooltip="First article"),
    A("library.last", "G,end", "last", "Last", "", show=False, tooltip="Last article"),
    A("library.page-down", "space,pagedown", "page_down", "Page down", "page down / up",
      show=False, tooltip="A screen further down"),
    A("library.page-up", "pageup", "page_up", "Page up", "", show=False,
      tooltip="A screen further up"),
    A("library.claims", "c", "open_claims", "Claims",
      "the claims view: each claim made by two or more articles, how each outlet told it",
      tooltip="Claims made by two or more articles, side by side",
      palette="Claims: the same claim across outlets"),
    A("library.filter", "f", "filter", "Filter",
      "filter: words, label:NAME, annotator:NAME, is:untagged / is:in-progress / is:done "
      "(your progress); enter keeps it, esc clears it",
      tooltip="Filter: words, label:NAME, annotator:NAME, is:untagged|in-progress|done"),
    A("library.sort", "s", "sort", "Sort",
      "sort by file, title, date (newest first), source, progress (each press: the next)"),
    A("library.done", "d", "toggle_done", "Done",
      "mark the article done, or not (saved in tags/<you>/done.txt, in git)"),
    A("library.next-undone", "n", "next_undone", "Next to do",
      "the next article you have not marked done"),
    A("library.counts-scope", "a", "toggle_scope", "Mine/all",
      "counts: sentences you tagged / sentences anyone tagged (each counted once)", show=False),
    # -- the reader --------------------------------------------------------------------------
    A("reader.next-sentence", "j,down", "go_next_sentence", "Next",
      "next / previous sentence (site chrome is skipped)",
      tooltip="Next sentence (site chrome is skipped)", group="Sentence"),
    A("reader.previous-sentence", "k,up", "go_previous_sentence", "Previous", "",
      tooltip="Previous sentence", group="Sentence"),
    A("reader.next-article", "n", "open_next_article", "Next", "next / previous article",
      tooltip="Next article in the library", group="Article", show=False),
    A("reader.previous-article", "p", "open_previous_article", "Previous", "",
      tooltip="Previous article in the library", group="Article", show=False),
    A("reader.page-down", "space,pagedown", "scroll_page_down", "Page down", "page down / up",
      tooltip="Scroll a screen down; the cursor goes to its first sentence", show=False),
    A("reader.page-up", "pageup", "scroll_page_up", "Page up", "",
      tooltip="Scroll a screen up; the cursor goes to its first sentence", show=False),
    A("reader.first-sentence", "g", "go_first_sentence", "First", "first / last sentence",
      tooltip="First sentence", show=False),
    A("reader.last-sentence", "G", "go_last_sentence", "Last", "", tooltip="Last sentence",
      show=False),
    A("reader.select", "v", "extend_selection", "Select",
      "start a selection; again: take in the next sentence (moving extends it too)",
      tooltip="Start a selection of several sentences; press again to take in the next one"),
    A("reader.narrow-end", "h", "move_selection_word(True, False)", "Narrow",
      "narrow / widen the selection's end by one word (starts on the current sentence)",
      tooltip="Narrow the selection's end by one word", group="Words", show=False),
    A("reader.widen-end", "l", "move_selection_word(True, True)", "Widen", "",
      tooltip="Widen the selection's end by one word", group="Words", show=False),
    A("reader.narrow-start", "H", "move_selection_word(False, False)", "Narrow start",
      "narrow / widen the selection's start by one word",
      tooltip="Narrow the selection's start by one word", show=False),
    A("reader.widen-start", "L", "move_selection_word(False, True)", "Widen start", "",
      tooltip="Widen the selection's start by one word", show=False),
    A("reader.clear", "x", "clear_tags", "Clear",
      "remove every tag of yours from the sentence (or selection)"),
    A("reader.note", "a", "edit_note", "Note", "add or edit the note on your tag(s) here"),
    A("reader.undo", "u", "undo_change", "Undo", "undo / redo (across articles)",
      tooltip="Undo the last tag change, in whichever article it was made"),
    A("reader.redo", "ctrl+r", "redo_change", "Redo", "", tooltip="Redo what was undone"),
    A("reader.next-tagged", "right_square_bracket", "go_next_tagged", "Next",
      "next / previous tagged sentence (anyone's), on into the next / previous article with one",
      tooltip="Next sentence with a tag (anyone's), on into the next article with one",
      group="Tagged"),
    A("reader.previous-tagged", "left_square_bracket", "go_previous_tagged", "Previous", "",
      tooltip="Previous sentence with a tag (anyone's)", group="Tagged"),
    A("reader.next-match", "full_stop", "go_next_match", "Next",
      "next / previous search match (after opening a search hit); past the last one, again: "
      "the next article in the results", tooltip="Next highlighted search term", group="Match"),
    A("reader.previous-match", "comma", "go_previous_match", "Previous", "",
      tooltip="Previous highlighted search term", group="Match"),
    A("reader.twins", "equals_sign", "show_twins", "Twins",
      "the same claim in other articles (≈N in the margin): pick twins to tag alike",
      tooltip="The sentence's twins: pick which get its labels (one undo step)", show=False,
      palette="Twins: the same claim in other articles"),
    A("reader.accept-suggestion", "plus", "accept_suggestion", "Accept",
      "accept / dismiss the suggested label (dim s?); go to the next / previous one",
      tooltip="Accept the suggested label: a tag whose note says where it came from",
      group="Suggestion", show=False),
    A("reader.dismiss-suggestion", "minus", "dismiss_suggestion", "Dismiss", "",
      tooltip="Dismiss the suggestion on this sentence (it does not come back)",
      group="Suggestion", show=False),
    A("reader.next-suggestion", "right_curly_bracket", "go_next_suggestion", "Next", "",
      tooltip="Next sentence with a suggested label", group="Suggested", show=False),
    A("reader.previous-suggestion", "left_curly_bracket", "go_previous_suggestion", "Previous",
      "", tooltip="Previous sentence with a suggested label", group="Suggested", show=False),
    A("reader.toggle-chrome", "ctrl+t", "toggle_chrome", "Chrome",
      "stop / start skipping site chrome", show=False,
      tooltip="Stop (or start again) skipping site chrome with the cursor",
      palette="Toggle skipping site chrome"),
    A("reader.back", "escape", "go_back", "Back",
      "cancel selection; back to the search results or the library; close",
      tooltip="Cancel the selection, else back (to the search results or the library)"),
    # -- search ------------------------------------------------------------------------------
    A("search.close", "escape", "close", "Close", "back to where you were",
      tooltip="Back to where you were"),
    A("search.open", "enter", "open_hit", "Open", "open the article at this sentence"),
    A("search.query", "slash", "focus_query", "Query", "edit the query"),
    A("search.hits", "down,tab", "focus_hits", "Hits", "move to the list of hits", show=False),
    A("search.next", "j", "cursor('down')", "Next", "next / previous hit", show=False),
    A("search.previous", "k", "cursor('up')", "Previous", "", show=False),
    A("search.select-hit", "space", "select_hit", "Select",
      "select this hit (to tag several at once)"),
    A("search.select-all", "asterisk", "select_all", "All",
      "select every hit shown (again: select none)"),
    A("search.undo-tag", "u", "undo_tag", "Undo",
      "undo / redo tagging done here (a bulk tagging is one step)"),
    A("search.redo-tag", "ctrl+r", "redo_tag", "Redo", "", show=False),
    # -- review disagreements ----------------------------------------------------------------
    A("review.next", "j,down", "next_item", "Next", "next / previous disagreement",
      tooltip="Next disagreement"),
    A("review.previous", "k,up", "previous_item", "Previous", "",
      tooltip="Previous disagreement"),
    A("review.yes", "y", "settle(True)", "Applies",
      "the label applies: tag the sentence as yours"),
    A("review.no", "n", "settle(False)", "Does not apply",
      "the label does not apply: your tags leave it out"),
    A("review.next-unsettled", "right_square_bracket", "next_unsettled", "Next unsettled",
      "skip to the next disagreement not settled"),
    A("review.undo", "u", "undo_verdict", "Undo", "take back the last verdict"),
    A("review.open", "o", "open_in_reader", "Open",
      "open the article in the reader at this sentence"),
    A("review.back", "escape", "close_review", "Back", "leave review mode"),
    # -- orphans -----------------------------------------------------------------------------
    A("orphans.reattach", "r", "reattach", "Re-attach to current sentence",
      "put the highlighted orphan on the reader's current sentence"),
    A("orphans.delete", "d,delete", "delete_orphan", "Delete (twice)",
      "delete the highlighted orphan; press twice to confirm"),
    A("orphans.close", "escape,q", "close_orphans", "Close", "back to where you were"),
    # -- the claims view -------------------------------------------------------------------
    A("claims.open", "enter", "open_claim", "Open",
      "open the sentence under the cursor in the reader (the claim's first on its title)"),
    A("claims.down", "j", "cursor_down", "Down", "next / previous claim (also ↓ / ↑)",
      group="Move"),
    A("claims.up", "k", "cursor_up", "Up", "", group="Move"),
    A("claims.left", "h", "cursor_left", "Left", "previous / next article (also ← / →)",
      group="Article", show=False),
    A("claims.right", "l", "cursor_right", "Right", "", group="Article", show=False),
    A("claims.whose", "t", "toggle_whose", "Mine / everyone's",
      "the cells show my labels / everyone's"),
    A("claims.close", "escape", "close_claims", "Back", "back to the library"),
    # -- small dialogs -----------------------------------------------------------------------
    A("help.close", "escape,question_mark,q", "close_help", "Close", "back to reading"),
    A("search-help.close", "escape,question_mark,q", "close_help", "Close",
      "back to the search"),
    A("search-bulk.yes", "y,enter", "answer(True)", "Yes", "tag every selected hit"),
    A("search-bulk.no", "n,escape", "answer(False)", "No", "tag nothing"),
    A("note-picker.cancel", "escape", "cancel_pick", "Cancel", "leave every note as it is"),
    A("note-picker.down", "j", "move(1)", "Down", "next / previous tag", show=False),
    A("note-picker.up", "k", "move(-1)", "Up", "", show=False),
    A("note.cancel", "escape", "cancel_note", "Cancel", "keep the note as it was"),
    A("problems.close", "escape,q", "close", "Close", "back to where you were"),
    A("commit.cancel", "escape", "cancel_commit", "Cancel", "commit nothing"),
    A("twins.pick", "space", "toggle", "Pick", "pick (or unpick) the highlighted twin",
      priority=True),
    A("twins.apply", "enter", "apply", "Apply",
      "give the picked twins this sentence's labels (one undo step)", priority=True),
    A("twins.down", "j,down", "down", "Down", "next / previous twin", show=False,
      priority=True),
    A("twins.up", "k,up", "up", "Up", "", show=False, priority=True),
    A("twins.close", "escape", "close", "Close", "close, tagging nothing"),
)
del A

BY_ID: dict[str, Action] = {a.id: a for a in ACTIONS}

# Screens whose label keys (`1`-`9` and each label's own key) are bound beside their rows;
# ids `<screen>.label-<n>` and `<screen>.label-key-<n>` (remappable like any other).
LABEL_SCREENS = ("reader", "search")


def for_screen(screen: str) -> list[Action]:
    """The rows a screen binds, in table order."""
    return [a for a in ACTIONS if a.screen == screen]
