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
    # Eight more, written after the rules: kept apart so they stay a held-out check.
    ("Senate passes emergency drought relief bill", "Associated Press", "Mary Clare Jalonick",
     "Skip to main content\nU.S. News\nWorld News\nPolitics\nSports\n\nSenate passes "
     "emergency drought relief bill\n\nBy MARY CLARE JALONICK, Associated Press\nUpdated 4:12 "
     "PM EDT, March 14, 2024\n\nWASHINGTON (AP) — " + STORY.format(lead="The Senate passed an "
     "emergency drought relief bill on Thursday, sending billions of dollars to farmers hit by "
     "the driest year on record.") + "Copyright 2024 The Associated Press. All Rights Reserved."),
    ("Rail strike to go ahead after last-ditch talks fail", "BBC News", "Tom Burridge",
     "Rail strike to go ahead after last-ditch talks fail\n\nBy Tom Burridge\nBBC News, "
     "Transport correspondent\n\nImage source, Getty Images\nImage caption, Commuters face "
     "disruption on Friday\n\n" + STORY.format(lead="A national rail strike will go ahead on "
     "Friday after last-ditch talks between unions and train operators failed to reach a "
     "deal.") + "More on this story\nRelated Topics\nRail strikes"),
    ("Heatwave: Spain records hottest day in history", "", "",
     "Sat 14 Sep 2024 09.00 BST\nFirst published on Fri 13 Sep 2024 18.30 BST\n\nHeatwave: "
     "Spain records hottest day in history\n\n" + STORY.format(lead="Spain recorded its "
     "hottest day in history on Friday as a heatwave pushed temperatures above 47C in the "
     "south, the national weather agency said.") + "Sign up to First Edition, our free daily "
     "newsletter – every weekday morning at 7am BST\nMost viewed"),
    ("Local bakery wins national bread award", "", "",  # "admin" names no one
     "Posted by admin on March 3, 2024\n\nLocal bakery wins national bread award\n\n"
     + STORY.format(lead="A family-run bakery in the town has won a national award for its "
     "sourdough bread, beating more than 300 entries from across the country.")
     + "Previous article\nNext article\nLEAVE A REPLY\nPlease enter your comment!\nPlease "
     "enter your name here"),
    ("WHO WARNS OF RISING MEASLES CASES IN EUROPE", "", "",
     "WHO WARNS OF RISING MEASLES CASES IN EUROPE\n\n" + STORY.format(lead="The World Health "
     "Organization warned on Tuesday that measles cases in Europe had risen sharply this year, "
     "urging parents to vaccinate their children.") + "Share\nTweet\nPin\nEmail"),
    ("Gold price hits record as investors seek safety", "MarketWatch Daily", "",
     "Gold price hits record as investors seek safety - MarketWatch Daily\n\nLondon, 9:15 "
     "GMT\n\n" + STORY.format(lead="The price of gold hit a record high on Monday as investors "
     "sought safety from falling stock markets and a weaker dollar.")
     + "This article was produced by MarketWatch Daily staff."),
    ("Bridge reopens after two-year repair", "", "Kate Moss",
     "Home / Local / Transport\n\nBridge reopens after two-year repair\n\nWritten by Kate "
     "Moss\n12/03/2024\n\n" + STORY.format(lead="The town's main bridge reopened to traffic on "
     "Tuesday after a two-year repair that cost more than $40 million.")
     + "Tags: bridge, roads, council\nShare this:\nTwitter\nFacebook"),
    ("Scientists find new species of frog in Andes", "Science Today Network", "",
     "Science Today Network\nThe latest in science, every day\n\nScientists find new species "
     "of frog in Andes\n\n" + STORY.format(lead="Scientists have found a new species of frog "
     "in the Andes mountains of Ecuador, a tiny creature no bigger than a fingernail.")
     + "Listen to this article\nSubscribe to our podcast\nDownload our app"),
]


def main() -> None:
    right = 0
    for headline, source, byline, page in PAGES:
        art = articles.parse(page, "page")
        meta = art.meta
        ok = art.title == headline
        right += ok
        story = [s for s in art.sentences() if art.text[s.start : s.end] in STORY
                 or (len(art.text[s.start : s.end].split()) >= 12
                     and art.text[s.start : s.end].endswith("."))]
        dimmed = sum(s.chrome for s in story)
        print(f"{'RIGHT' if ok else 'WRONG'}  {art.title!r}")
        print(f"       source {meta.source!r} (want {source!r})  "
              f"byline {getattr(meta, 'byline', '')!r} (want {byline!r})  "
              f"dateline {meta.dateline!r}  story sentences dimmed: {dimmed}")
    print(f"\ntitles right: {right} of {len(PAGES)}")


if __name__ == "__main__":
    main()
