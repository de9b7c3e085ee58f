"""Tags out to other tools and back in: one module per format, sharing the checks in `collect`.

Exports read the tag files through `TagStore`, check every tag against its article, and never
write a tag whose offsets no longer match its quote; imports anchor every incoming tag against
the article text the way a keyed-in tag is, and report what they could not place.
"""

from __future__ import annotations

EXPORT_FORMATS = ("csv", "jsonl", "doccano", "brat", "w3c", "labelstudio", "html", "markdown")
IMPORT_FORMATS = ("jsonl", "doccano", "w3c", "labelstudio")
