#!/usr/bin/env python3
"""Builds heldout.jsonl: a second speaker gold set, written after the
resolution rules were finished and never used to tune them (report it as the
held-out number). Articles written for this project; people and places are
invented. Same format as gold.jsonl (see make_gold.py). Only speakers that
name a person are scored (generic ones like "officials" have no name).
Usage: python3 tests/data/speakers/make_heldout.py > tests/data/speakers/heldout.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_gold import find  # noqa: E402

ARTICLES = [
    ("water", """The city council voted on Tuesday to raise water rates by 6 percent.
Councillor Beatriz Amado, who proposed the increase, said the pipes under the old town were failing. “We cannot keep patching a system built in 1920,” she said.
Councillor Hugo Brenner voted against it. He said families were already struggling. “This lands on the people who can least afford it,” Brenner said.
Amado said the council would review the rates again next year.""",
     [("the pipes under the old town were failing", "who", 0, "Beatriz Amado"),
      ("We cannot keep patching a system built in 1920,", "she", 0, "Beatriz Amado"),
      ("families were already struggling", "He", 0, "Hugo Brenner"),
      ("This lands on the people who can least afford it,", "Brenner", 1, "Hugo Brenner"),
      ("the council would review the rates again next year", "Amado", 1, "Beatriz Amado")]),
    ("airline", """Northline Airways will cut 300 flights this winter, its chief executive, Karin Solberg, told investors on Thursday.
“Demand has not come back the way we hoped,” Solberg said. The executive added that fuel costs had risen sharply.
Analyst Tom Reyes of Brightwater Capital said the cuts were overdue. “They should have done this a year ago,” he said.""",
     [("Northline Airways will cut 300 flights this winter", "Karin Solberg", 0, "Karin Solberg"),
      ("Demand has not come back the way we hoped,", "Solberg", 1, "Karin Solberg"),
      ("fuel costs had risen sharply", "The executive", 0, "Karin Solberg"),
      ("the cuts were overdue", "Analyst Tom Reyes", 0, "Tom Reyes"),
      ("They should have done this a year ago,", "he", 0, "Tom Reyes")]),
    ("trial", """Prosecutors said on Monday that the former mayor of Eastvale, Daniel Fourie, took bribes worth $200,000.
Fourie denied the charges. “I never took a cent,” the former mayor told the court.
His lawyer, Sofia Lindgren, said the case rested on a single witness. “That witness has changed his story three times,” Lindgren said.""",
     [("I never took a cent,", "the former mayor", 0, "Daniel Fourie"),
      ("the case rested on a single witness", "Sofia Lindgren", 0, "Sofia Lindgren"),
      ("That witness has changed his story three times,", "Lindgren", 1, "Sofia Lindgren")]),
    ("drought", """Farmers in the Meria valley have lost half their harvest, according to the regional agriculture office.
Olga Petrova, who grows wheat near Tarnik, said her wells had run dry in July. “I have never seen the river this low,” she said.
The agriculture minister, Jonas Kell, promised emergency aid. “Nobody will be left alone with this,” the minister said.""",
     [("her wells had run dry in July", "who", 0, "Olga Petrova"),
      ("I have never seen the river this low,", "she", 0, "Olga Petrova"),
      ("Nobody will be left alone with this,", "the minister", 0, "Jonas Kell")]),
    ("museum", """The National Museum will return twelve bronze statues to Benin City, its director, Dr. Peter Hale, announced on Friday.
“These objects were taken by force, and they belong at home,” Hale said.
Chief Adaeze Obi, who led the campaign for their return, welcomed the decision. She said it had taken 14 years. “Today our patience has been rewarded,” Obi said.""",
     [("The National Museum will return twelve bronze statues to Benin City", "Dr. Peter Hale", 0, "Peter Hale"),
      ("These objects were taken by force, and they belong at home,", "Hale", 1, "Peter Hale"),
      ("it had taken 14 years", "She", 0, "Adaeze Obi"),
      ("Today our patience has been rewarded,", "Obi", 1, "Adaeze Obi")]),
    ("strike", """Rail workers will strike for 48 hours next week, union leader Marco Ferri said on Wednesday.
“Our members have had no real raise in five years,” Ferri said. Transport Minister Elena Vos called the strike irresponsible.
The minister said talks could resume at any time. “My door is open,” she said. Ferri replied that the union had heard that before.""",
     [("Rail workers will strike for 48 hours next week", "Marco Ferri", 0, "Marco Ferri"),
      ("Our members have had no real raise in five years,", "Ferri", 1, "Marco Ferri"),
      ("talks could resume at any time", "The minister", 0, "Elena Vos"),
      ("My door is open,", "she", 0, "Elena Vos"),
      ("the union had heard that before", "Ferri", 2, "Marco Ferri")]),
]


def main():
    for aid, text, quotes in ARTICLES:
        out = []
        for content, speaker, nth, name in quotes:
            c = find(text, content, 0, whole_word=False)
            s = find(text, speaker, nth)
            out.append({"start": c, "end": c + len(content), "text": content, "parts": [],
                        "speaker": {"start": s, "end": s + len(speaker), "text": speaker},
                        "speaker_name": name, "cue": None,
                        "type": "direct" if text[c - 1:c] in "“\"" else "indirect"})
        print(json.dumps({"id": aid, "source": "whosaid-authored", "text": text, "quotes": out},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
