"""Titles, sources and chrome on eight scraped pages shaped like the real ones of issue 9.

The pages are reconstructions (outlets and stories invented here, written before the rules were
run on them): each wraps a story in the site chrome real pages had above the headline (a slogan,
a breadcrumb, a timestamp line, a phone line) and more below. Prints, for the tree on
PYTHONPATH, each page's title (right or wrong), source, byline, dateline, and how many story
sentences were dimmed.

    PYTHONPATH=. python bench/chrome_pages.py
"""

from __future__ import annotations

from tui.core import articles

STORY = ("{lead}\n\nOfficials said more details would be released later in the day. \"We are "
         "doing everything we can,\" one of them said.\n\n")

PAGES: list[tuple[str, str, str, str]] = [  # (headline, source wanted, byline wanted, page)
    ("Port workers walk off the job over pay dispute", "Bayside Courier", "",
     "Bayside Courier\nThe heart of the bay since 1898\n\nPort workers walk off the job over pay "
     "dispute\n\n" + STORY.format(lead="Hundreds of port workers walked off the job on "
     "Thursday after talks on pay broke down, halting cargo at the city's main dispute-hit "
     "terminal.") + "Share this story\nFacebook\nTwitter\nEmail\n\n© 2023 Bayside Courier Ltd"),
    ("Drought pushes wheat prices to five-year high", "", "Elena Petrova",
     "Markets > Commodities > Grains\n\nDrought pushes wheat prices to five-year high\n\n"
     "By Elena Petrova\n\n" + STORY.format(lead="Wheat prices climbed to their highest level "
     "in five years on Monday as drought cut harvest forecasts across the main growing "
     "regions.") + "Most read\nNewsletter: Sign up to get our markets briefing in your inbox"),
    ("Teachers vote to strike next month", "Capital Evening Post", "",
     "Last updated 21 May 2024 at 16:05\n\nTeachers vote to strike next month\n\n"
     + STORY.format(lead="Teachers across the state voted on Tuesday to strike for two days "
     "next month, their union said, after months of failed negotiations over workloads and "
     "pay.") + "Copyright © 2024 Capital Evening Post. All rights reserved."),
    ("Hospital opens new emergency wing", "", "",
     "Call our newsroom on 02 9876 5432\nEmail: tips@example-news.com\n\nHospital opens new "
     "emergency wing\n\n" + STORY.format(lead="The regional hospital opened a new emergency "
     "wing on Friday, doubling the number of beds available for urgent cases.")
     + "Advertisement\nComments (12)\nLeave a comment"),
    ("Volcano erupts on remote island, flights cancelled", "AFP", "",
     "Breaking | World | Asia\n\nVolcano erupts on remote island, flights cancelled\n\n"
     "Published 2 hours ago\n\nJAKARTA (AFP) - " + STORY.format(lead="A volcano on a remote "
     "Indonesian island erupted on Sunday, sending ash high into the sky and forcing airlines "
     "to cancel flights.") + "Related coverage\nMore from Asia"),
    ("City council approves bike lanes on main street", "Northside News", "Jordan Lee",
     "Northside News\n\nCity council approves bike lanes on main street\n\nJordan Lee, Staff "
     "Writer\nJune 3, 2024\n\n" + STORY.format(lead="The city council approved protected bike "
     "lanes along the main street on Monday night, after a long debate over parking.")
     + "We use cookies to personalise content and ads. By using this site you accept our use "
     "of cookies.\nAccept all cookies"),
    ("Storm leaves thousands without power", "Reuters", "Ana Silva",
     "Storm leaves thousands without power\n\nSYDNEY, Feb 2 (Reuters) - " + STORY.format(
     lead="A storm left more than 30,000 homes without power across the city overnight, the "
     "electricity provider said.") + "(Reporting by Ana Silva; Editing by Tom Hay)"),
    ("Museum returns stolen artefacts to Peru", "Heritage Weekly", "",
     "Your weekly window on the past!\nHeritage Weekly\n\nMuseum returns stolen artefacts to "
     "Peru\n\n" + STORY.format(lead="A European museum returned 40 stolen artefacts to Peru "
     "on Wednesday, ending a decade-long dispute over their origin.")
     + "Share on Facebook\nShare on WhatsApp\nPrint this article"),
]


def main() -> None:
    right = 0
    for headline, source, byline, page in PAGES:
        art = articles.parse(page, "page")
        meta = art.meta
        ok = art.title == headline
        right += ok
        story = [s for s in art.sentences() if art.text[s.start : s.end].startswith(
            ("Officials said", '"We are', "Hundreds", "Wheat", "Teachers", "The regional",
             "A volcano", "The city", "A storm", "A European"))]
        dimmed = sum(s.chrome for s in story)
        print(f"{'RIGHT' if ok else 'WRONG'}  {art.title!r}")
        print(f"       source {meta.source!r} (want {source!r})  "
              f"byline {getattr(meta, 'byline', '')!r} (want {byline!r})  "
              f"dateline {meta.dateline!r}  story sentences dimmed: {dimmed}")
    print(f"\ntitles right: {right} of {len(PAGES)}")


if __name__ == "__main__":
    main()
