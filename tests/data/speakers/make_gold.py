#!/usr/bin/env python3
"""Builds gold.jsonl from the short news-style articles below (written for
this project; all people and places in them are invented or used fictively).

Each quote is given by its content text, the speaker mention as written (with
the occurrence index when the string repeats) and the expected canonical
speaker name. Offsets are computed here, in code points, PolNeAR style.
Usage: python3 tests/data/speakers/make_gold.py > tests/data/speakers/gold.jsonl
"""
import json
import re

ARTICLES = [
    ("harbour", """Gen. Tomas Brandt, the alliance's chief of logistics, spoke to reporters on Friday in Gdansk.
“Supplies are moving faster than we expected,” Brandt said. The general added that “the northern roads are open again.”
Mayor Lucy Hart was less optimistic. “Nothing has arrived in the old town,” she said.""",
     [("Supplies are moving faster than we expected,", "Brandt", 1, "Tomas Brandt"),
      ("the northern roads are open again.", "The general", 0, "Tomas Brandt"),
      ("Nothing has arrived in the old town,", "she", 0, "Lucy Hart")]),
    ("budget", """Finance Minister Carla Nunes presented the budget to parliament on Tuesday.
“This is a budget for growth,” Nunes told lawmakers. She said the deficit would fall to 2 percent by 2026.
Opposition leader Martin Quade called the plan reckless. “The numbers simply do not add up,” he said.
The minister dismissed the criticism. “We have been careful with every line,” she said.""",
     [("This is a budget for growth,", "Nunes", 1, "Carla Nunes"),
      ("the deficit would fall to 2 percent by 2026", "She", 0, "Carla Nunes"),
      ("The numbers simply do not add up,", "he", 0, "Martin Quade"),
      ("We have been careful with every line,", "she", 0, "Carla Nunes")]),
    ("court", """A federal judge on Monday blocked the new mining permits. Judge Helen Okoro, who has handled the case since 2021, wrote that the agency “ignored its own scientists.”
Paul Wexler, a lawyer for the mining company, said the firm would appeal. “The ruling is wrong on the law,” Wexler said.
Okoro gave the agency 60 days to respond.""",
     [("ignored its own scientists.", "who", 0, "Helen Okoro"),
      ("the firm would appeal", "Paul Wexler", 0, "Paul Wexler"),
      ("The ruling is wrong on the law,", "Wexler", 1, "Paul Wexler")]),
    ("storm", """The storm knocked out power to 40,000 homes, according to Governor Rosa Delgado.
“Crews will work through the night,” the governor said at a briefing in Port Allen. Delgado said schools would stay closed on Thursday.
Ed Marsh, a spokesman for the power company, said most customers would be reconnected by the weekend. “We are bringing in crews from three states,” the spokesman said.""",
     [("Crews will work through the night,", "the governor", 0, "Rosa Delgado"),
      ("schools would stay closed on Thursday", "Delgado", 1, "Rosa Delgado"),
      ("most customers would be reconnected by the weekend", "Ed Marsh", 0, "Ed Marsh"),
      ("We are bringing in crews from three states,", "the spokesman", 0, "Ed Marsh")]),
    ("talks", """Foreign Minister Ivan Petrenko met his counterpart, Anna Lindqvist, in Vienna on Wednesday.
“The talks were frank and useful,” Petrenko said afterwards. Lindqvist was more cautious. “We still disagree on the border,” she said.
He said a second round could take place next month.""",
     [("The talks were frank and useful,", "Petrenko", 1, "Ivan Petrenko"),
      ("We still disagree on the border,", "she", 0, "Anna Lindqvist"),
      ("a second round could take place next month", "He", 0, "Ivan Petrenko")]),
    ("factory", """The carmaker will close its plant in Linden next year, cutting 1,200 jobs.
Chief Executive Sarah Bloom said the decision was painful. “We looked at every alternative,” Bloom said.
Union leader Frank Doyle said workers felt betrayed. “They promised us this plant had a future,” Doyle said. The union chief said members would vote on a strike next week.""",
     [("the decision was painful", "Chief Executive Sarah Bloom", 0, "Sarah Bloom"),
      ("We looked at every alternative,", "Bloom", 1, "Sarah Bloom"),
      ("They promised us this plant had a future,", "Doyle", 1, "Frank Doyle"),
      ("members would vote on a strike next week", "The union chief", 0, "Frank Doyle")]),
    ("election", """Sen. Mark Ellison announced on Sunday that he will not seek a fourth term.
“It is time for a new generation,” the senator told supporters in Dayton. Ellison, who was first elected in 2006, said he would return to teaching.
His likely successor, Rep. Diane Fowler, praised him. “He served this state with honour,” Fowler said.""",
     [("It is time for a new generation,", "the senator", 0, "Mark Ellison"),
      ("he would return to teaching", "who", 0, "Mark Ellison"),
      ("He served this state with honour,", "Fowler", 1, "Diane Fowler")]),
    ("hospital", """Dr. Amira Haddad, the director of St. Clement Hospital, warned that beds were running out.
“We have never seen numbers like this,” Haddad said. She said 30 patients were waiting in the corridors.
Health Minister Owen Price promised extra funding. “Help is on the way,” the minister said.""",
     [("We have never seen numbers like this,", "Haddad", 1, "Amira Haddad"),
      ("30 patients were waiting in the corridors", "She", 0, "Amira Haddad"),
      ("Help is on the way,", "the minister", 0, "Owen Price")]),
    ("football", """Coach Luis Moreno defended his team after the 3-0 defeat.
“We made too many mistakes in the first half,” Moreno said. He added that two players were injured.
Captain Jonas Berg agreed. “We have to be better than this,” Berg said.""",
     [("We made too many mistakes in the first half,", "Moreno", 1, "Luis Moreno"),
      ("two players were injured", "He", 0, "Luis Moreno"),
      ("We have to be better than this,", "Berg", 1, "Jonas Berg")]),
    ("water", """The city council voted to raise water prices by 8 percent.
Councilwoman Grace Mbeki opposed the increase. “Families are already struggling,” Mbeki said.
Mayor Tom Reyes said the money was needed for new pipes. “The system is older than most of us,” he said.""",
     [("Families are already struggling,", "Mbeki", 1, "Grace Mbeki"),
      ("the money was needed for new pipes", "Mayor Tom Reyes", 0, "Tom Reyes"),
      ("The system is older than most of us,", "he", 0, "Tom Reyes")]),
    # A state in a role phrase picks the person a party-state tag ties to
    # it, and a party noun after a state names that person, not the state;
    # an institution named like a place keeps its name.
    ("flood", """Sen. Ruth Alder (D-Vt.) and Sen. Owen Pike (R-Fla.) toured the flooded valley on Monday.
“We need the money now,” the Vermont senator said. Pike was more cautious.
“Congress has to see a plan first,” the Florida Republican said.
“The request will be reviewed this week,” White House officials said.""",
     [("We need the money now,", "the Vermont senator", 0, "Ruth Alder"),
      ("Congress has to see a plan first,", "the Florida Republican", 0, "Owen Pike"),
      ("The request will be reviewed this week,", "White House officials", 0, "White House")]),
    ("library", """Former senator Helen Marsh and her husband, Victor Marsh, opened the new library in Eastbrook on Saturday.
“Every child here deserves a place to read,” Mrs. Marsh told the crowd. Mr. Marsh, a retired judge, said the town had raised the money in two years.
“We started with a bake sale,” he said. Mrs. Marsh added that the library would stay open late on weekdays.""",
     [("Every child here deserves a place to read,", "Mrs. Marsh", 0, "Helen Marsh"),
      ("the town had raised the money in two years", "Mr. Marsh, a retired judge,", 0, "Victor Marsh"),
      ("We started with a bake sale,", "he", 0, "Victor Marsh"),
      ("the library would stay open late on weekdays", "Mrs. Marsh", 1, "Helen Marsh")]),
    ("county-flood", """Marlow County Sheriff Dana Whitfield said on Sunday that the flooded road north of the town would stay closed until Friday.
“We will not open it while the bridge is under water,” Whitfield said. She added that two families had been moved to the school gym.
Police in Marlow said that no one had been hurt.
Frank Holland, who runs the hardware store on Main Street, said sales of sandbags had tripled. “People are buying everything we have,” Holland said.
A study in the Northern Water Review said last year that the bridge stood too low. Federal engineers in Reno said they would inspect it next month.
The sheriff said the county would pay for the repairs.""",
     [("that the flooded road north of the town would stay closed until Friday", "Marlow County Sheriff Dana Whitfield", 0, "Dana Whitfield"),
      ("We will not open it while the bridge is under water,", "Whitfield", 1, "Dana Whitfield"),
      ("that two families had been moved to the school gym", "She", 0, "Dana Whitfield"),
      ("that no one had been hurt", "Police in Marlow", 0, None),
      ("sales of sandbags had tripled", "Frank Holland, who runs the hardware store on Main Street,", 0, "Frank Holland"),
      ("People are buying everything we have,", "Holland", 1, "Frank Holland"),
      ("that the bridge stood too low", "A study in the Northern Water Review", 0, "Northern Water Review"),
      ("they would inspect it next month", "Federal engineers in Reno", 0, None),
      ("the county would pay for the repairs", "The sheriff", 0, "Dana Whitfield")]),
    # A relative introduced by kinship does not take the bare surname; the
    # possessor of critics is not their name (written after the rules for
    # them, 2026-12-07: a regression article, not an independent measure).
    ("farm-bill", """Gov. Alan Pryce signed the farm bill on Monday in Salem. His wife, Claire Pryce, who chairs the state food bank, stood beside him.
“This bill keeps family farms alive,” Pryce said. The governor added that the state would pay for new grain silos.
Claire Pryce said the food bank would buy more from local growers. “Our shelves will be fuller this winter,” she said.
Pryce’s critics said the bill favoured large growers. Tom Reyes, the governor’s spokesman, said the criticism was unfair. “Small farms get most of the money,” Reyes said.
Mr. Pryce later said he would visit the silos in May.""",
     [("This bill keeps family farms alive,", "Pryce", 2, "Alan Pryce"),
      ("the state would pay for new grain silos", "The governor", 0, "Alan Pryce"),
      ("the food bank would buy more from local growers", "Claire Pryce", 1, "Claire Pryce"),
      ("Our shelves will be fuller this winter,", "she", 0, "Claire Pryce"),
      ("the bill favoured large growers", "Pryce’s critics", 0, None),
      ("the criticism was unfair", "Tom Reyes, the governor’s spokesman,", 0, "Tom Reyes"),
      ("Small farms get most of the money,", "Reyes", 1, "Tom Reyes"),
      ("he would visit the silos in May", "Mr. Pryce", 0, "Alan Pryce")]),
    ("water-bill", """The state Senate passed the water bill on Thursday after a long debate. Senate Democrats said the bill would protect rivers. Senate Republicans said it would raise costs for farmers.
Sen. Paula J. Renner, who wrote the bill, said the vote was a turning point. “We listened to every county,” Renner said.
The Senate Finance Committee approved the bill in May. The Senate will vote on a second bill next week, the committee said.
Mayor Ted Lang and council member Rosa Vidal wrote that the city supported the bill. They added that the rivers had been neglected for years.
The governor will sign it on Monday, according to the Linden Valley Gazette-Ledger.""",
     [("the bill would protect rivers", "Senate Democrats", 0, "Senate Democrats"),
      ("it would raise costs for farmers", "Senate Republicans", 0, "Senate Republicans"),
      ("the vote was a turning point", "Sen. Paula J. Renner, who wrote the bill,", 0, "Paula J. Renner"),
      ("We listened to every county,", "Renner", 1, "Paula J. Renner"),
      ("The Senate will vote on a second bill next week", "the committee", 0, "Senate Finance Committee"),
      ("the city supported the bill", "Mayor Ted Lang and council member Rosa Vidal", 0, "Ted Lang and Rosa Vidal"),
      ("the rivers had been neglected for years", "They", 0, "Ted Lang and Rosa Vidal"),
      ("The governor will sign it on Monday", "the Linden Valley Gazette-Ledger", 0, "Linden Valley Gazette-Ledger")]),
]


def find(text, needle, nth, whole_word=True):
    """Start of the nth occurrence of needle (as a whole word)."""
    pat = (r"(?<!\w)" + re.escape(needle) + r"(?!\w)") if whole_word else re.escape(needle)
    hits = [m.start() for m in re.finditer(pat, text)]
    if len(hits) <= nth:
        raise SystemExit(f"not found: {needle!r} #{nth}")
    return hits[nth]


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
