"""Attribution, one row per rule: paragraphs → the quote → who said it (None: unattributed).

A regression is one failing row, with its sentence in the test id. Paragraphs are separated by
blank lines; the quote is named by a fragment of its words; each row names the sieve that must
fire. The sentences are written for these tests (none is drawn from a dev set).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from bot.models import Article, ExtractedArticle, Paragraph
from bot.quotes.attribution.sieves import SIEVES
from bot.quotes.extract import Extractor


class Row(NamedTuple):
    """Paragraphs, a fragment of the quote, who said it (None: unattributed), and the sieve
    that must name them (None when nobody is named)."""

    text: str
    fragment: str
    speaker: str | None
    sieve: str | None


ROWS: list[Row] = [
    # --- reporting verbs, before and after the quote
    Row(
        '"We will appeal," said managing director Alasdair Quinn.',
        "We will appeal",
        "Alasdair Quinn",
        "inverted_post_cue",
    ),
    Row(
        '"We will appeal," Alasdair Quinn said on Monday.',
        "We will appeal",
        "Alasdair Quinn",
        "post_cue",
    ),
    # --- the one a paper quotes speaks, not the paper
    Row(
        "The Dayton Herald quoted Paul Lenz, the union’s president, as saying: “Nobody "
        "listens to us.”",
        "Nobody listens",
        "Paul Lenz",
        "quoted_as",
    ),
    Row(
        "“We will strike in May,” the Herald quoted Karin Vogt as telling members.",
        "strike in May",
        "Karin Vogt",
        "quoted_as",
    ),
    Row(
        "The Herald quoted a union official as saying: “Nobody listens to us.”",
        "Nobody listens",
        None,
        None,
    ),
    Row(
        "Musk suggested that Jess Phillips “deserves to be in prison”.",
        "deserves",
        "Musk",
        "pre_cue",
    ),
    # --- name boundaries: openers, common words, initials, datelines
    Row(
        "Finally Demi Burnett said: “It was always going to be me.”",
        "always going",
        "Demi Burnett",
        "pre_cue",
    ),
    Row(
        "Chicken is on the menu again. “We sell out every night,” he said.",
        "We sell out",
        None,
        None,
    ),
    Row(
        ("OTTAWA — Justin Trudeau spoke on Monday.\n\n“We will not back down,” he said."),
        "back down",
        "Justin Trudeau",
        "post_cue",
    ),
    # --- a name the page's charset mangled is no name (it would be a wrong one)
    Row(
        '"This r�gime has had its day," said councillor Zo� Br�l� on Monday.',
        "had its day",
        None,
        None,
    ),
    # --- a first name before a surname that is also an organisation word
    Row(
        (
            "Marcus Green’s shop opened in June.\n\n"
            "“It did not take long to find customers,” quipped Green, who lives upstairs."
        ),
        "take long",
        "Marcus Green",
        "inverted_post_cue",
    ),
    Row(
        ("Canada Post is on strike.\n\n“We will not deliver,” Post said."),
        "not deliver",
        None,
        None,
    ),
    # --- organisations and people
    Row(
        (
            "The minister spoke first. A spokesperson for the Department of Health said: “We "
            "are reviewing the figures.”"
        ),
        "reviewing the figures",
        "Department of Health",
        "pre_cue",
    ),
    Row(
        (
            "The company's chief executive, Graham Pell, said sales had fallen. “It has been "
            "a hard year,” he said."
        ),
        "hard year",
        "Graham Pell",
        "post_cue",
    ),
    Row(
        ("Fenwick Voices campaigned for years.\n\n“We are not done,” she said."),
        "not done",
        None,
        None,
    ),
    Row(
        (
            "Ortiz, the treasurer of Peru’s Andina Technologies, was detained in March.\n\n"
            "“We respect the independence of the courts,” the agency said in a statement."
        ),
        "independence of the courts",
        None,
        None,
    ),
    Row(
        "“Few printers will take orders under 500 copies,” says Novak’s partner, Hugo Brandt.",
        "Few printers",
        "Hugo Brandt",
        "inverted_post_cue",
    ),
    Row(
        "“The schedule is built for that,” says the director of planning for NTA, Rosa Imrie.",
        "built for that",
        "Rosa Imrie",
        "inverted_post_cue",
    ),
    Row(
        (
            "Ruth Kemp with the Halifax Water Commission says there are several causes.\n\n"
            "“The oldest pipes fail first.”"
        ),
        "oldest pipes",
        "Ruth Kemp",
        "after_report",
    ),
    Row(
        "“The fears centre on interest rates,” Wei Zhang of CMC said in a note.",
        "fears centre",
        "Wei Zhang",
        "long_subject",
    ),
    # --- role nouns, appositives and long subjects
    Row(
        (
            "The US technology billionaire Elon Musk has weighed in. The businessman called "
            "it “a disgrace”."
        ),
        "a disgrace",
        "Elon Musk",
        "pre_cue",
    ),
    Row(
        (
            "“It is a fair result for the members” Unifor Local 444 president Dale Munro "
            "said Sunday."
        ),
        "fair result",
        "Dale Munro",
        "long_subject",
    ),
    Row(
        (
            "“I have studied Airbus as a model,” Henrik Vogel, the startup’s founder and the "
            "engineer behind its glider, said inside his hangar."
        ),
        "studied Airbus",
        "Henrik Vogel",
        "appositive_post_cue",
    ),
    Row(
        (
            "Sen. Tammy Rourke, D-Ore., a member of the finance committee, said Harris has "
            "“a rare gift for listening”."
        ),
        "rare gift",
        "Tammy Rourke",
        "pre_cue",
    ),
    Row(
        (
            "Outrage followed after Alan Whitby, Britain’s envoy to Chile, told journalists "
            "that Ruiz has “a very solid defence”."
        ),
        "solid defence",
        "Alan Whitby",
        "pre_cue",
    ),
    Row(
        "The premier said she was “deeply troubled” by remarks Mayor Ken Sim made.",
        "deeply troubled",
        None,
        None,
    ),
    # --- who is not the speaker
    Row(
        "The Comedy Bang star then joked to Tariq, “That you might want to check.”",
        "want to check",
        None,
        None,
    ),
    Row(
        '"Icy roads are a hazard," says a report titled Winter Roads: Driving in Snow.',
        "Icy roads",
        None,
        None,
    ),
    Row(
        (
            "James Bullard gave an interview noting that hikes could “endanger a strong "
            "economy,” according to CNBC."
        ),
        "endanger",
        "James Bullard",
        "according_to_after",
    ),
    Row("Travellers are advised to “take extra care near the border”.", "extra care", None, None),
    # --- a bare surname shared by a firm and the person it is named after is the person's
    Row(
        (
            "The kennel was built by Studio Varnholt, in Sausalito.\n\n"
            "Greta Ilse Varnholt, lead designer at the firm, chose cork for the floor.\n\n"
            "“It stays warm in winter,” says Varnholt."
        ),
        "stays warm",
        "Greta Ilse Varnholt",
        "inverted_post_cue",
    ),
    # --- a company whose name is a common word: a name where it speaks and is named mid-sentence
    Row(
        (
            "The union reached a deal with Shell on Friday.\n\n"
            "Shell said in a statement: “We look forward to having everyone back at work.”"
        ),
        "look forward",
        "Shell",
        "pre_cue",
    ),
    Row(
        (
            "Shell said it would sell a shell company.\n\n"
            "Shell said in a statement: “We look forward to having everyone back at work.”"
        ),
        "look forward",
        None,  # written in lower case too: a common word, not surely a name
        None,
    ),
    Row(
        (
            "Parents complained to Facebook about the app on Monday.\n\n"
            "In a statement, Facebook said it is “reviewing every report”."
        ),
        "reviewing every",
        "Facebook",
        "pre_cue",
    ),
    Row(
        (
            "Facebook said it would review the app.\n\n"
            "Senator Ilse Brandt answered a question on Facebook writing, “I will vote no.”"
        ),
        "vote no",
        None,  # "on Facebook" is where she wrote, not who: never the firm
        None,
    ),
    # --- a statement issued, and a statement as the subject: its author's words
    Row(
        "Mayor Ilse Brandt issued the following statement:\n\n“We will rebuild the bridge.”",
        "rebuild the bridge",
        "Ilse Brandt",
        "after_report",
    ),
    Row(
        "Mayor Ilse Brandt issued a statement, “We will rebuild the bridge.”",
        "rebuild the bridge",
        "Ilse Brandt",
        "pre_cue",
    ),
    Row(
        "The Ontario Hydro statement said that “the outage is over.”",
        "outage is over",
        "Ontario Hydro",
        "pre_cue",
    ),
    Row(
        "Ilse Brandt said Mayor Tom Quill’s tweet saying crime had fallen meant that “the police "
        "are winning.”",
        "police are winning",
        "Ilse Brandt",  # the tweet's "saying" has no subject of its own: Brandt reports
        "pre_cue",
    ),
    # --- "the agency said": the organisation the sentence before is about, never a person's firm
    Row(
        (
            "The Northline Ferry Authority cancelled every crossing on Friday.\n\n"
            "“We will review every vessel,” the agency said in a statement."
        ),
        "review every vessel",
        "Northline Ferry Authority",
        "post_cue",
    ),
    Row(  # "that" opens a clause ("that one of them had"), not a noun phrase ("noted that fact")
        (
            "Helen Ostrowski met the volunteers on Monday.\n\n"
            "Ostrowski noted that one of them had “walked all night” to be there."
        ),
        "walked all night",
        "Helen Ostrowski",
        "pre_cue",
    ),
    Row(  # a verb in a relative clause gives way to the reporting verb before it
        (
            "Pastor Derek Amundsen spoke at the vigil.\n\n"
            "Amundsen said the town lost a voice that said “kindness is the bravest thing we "
            "have.”"
        ),
        "kindness is the bravest thing",
        "Derek Amundsen",
        "pre_cue",
    ),
    Row(  # a reporting verb of complaint
        (
            "Mayor Ruth Kessler toured the flooded streets on Monday.\n\n"
            "Kessler groused that the province “never answers the phone” when it rains."
        ),
        "never answers the phone",
        "Ruth Kessler",
        "pre_cue",
    ),
    Row(  # an initialism is shown as written, never "U S Forest Service"
        (
            "The U.S. Forest Service closed the trail on Friday.\n\n"
            "“No hiker goes up before Monday,” the U.S. Forest Service said."
        ),
        "No hiker goes up",
        "U.S. Forest Service",
        "long_subject",
    ),
    Row(
        (
            "Meng Wanzhou, Huawei’s finance chief, was arrested in Vancouver.\n\n"
            "“We are confident in the courts,” the company said."
        ),
        "confident in the courts",
        None,
        None,
    ),
    # --- a document's words: "read" reports them only after a noun for the document
    Row(
        (
            "Transport Minister Delphine Arcand cancelled the hearings on Friday.\n\n"
            "“Staff were threatened at two of them,” her statement read."
        ),
        "Staff were threatened",
        "Delphine Arcand",
        "long_subject",
    ),
    # --- pronouns: the gender must fit; the subject of the last sentence is in focus
    Row(
        ("Dorie Greenspan has written books with Pierre Herme.\n\n“I loved doing that,” she says."),
        "loved doing",
        "Dorie Greenspan",
        "post_cue",
    ),
    Row(
        ("Jerry Sabine hopes Ottawa will act.\n\n“This is a way to show off,” he said."),
        "show off",
        "Jerry Sabine",
        "post_cue",
    ),
    Row(
        (
            "Labour MP Priya Anand — a former barrister — went on Sky later.\n\n"
            "“Neither pushed, nor pressured,” she said."
        ),
        "Neither pushed",
        "Priya Anand",
        "post_cue",
    ),
    Row(
        (
            "Vice-Premier Wang Ling spoke in Davos. Wang said China still offers “vast "
            "market opportunities”."
        ),
        "vast market",
        "Wang Ling",
        "pre_cue",
    ),
    Row(  # "when she" after a clause about Lopez: the main clause's subject, not its object
        "Senator Anna Kerr spoke first.\n\nGovernor Maria Lopez went after Kerr at the debate, "
        "when she called the senator “reckless.”",
        "reckless",
        "Maria Lopez",
        "pre_cue",
    ),
    # --- a first name no hand-typed list holds still makes a person a pronoun can reach
    Row(
        (
            "Cecil Ramsay wrote a book about rail workers.\n\n"
            "“The country was not built as a melting pot,” he writes."
        ),
        "melting pot",
        "Cecil Ramsay",
        "post_cue",
    ),
    # --- a surname that is also a month or a modal verb, after a title
    Row(
        (
            "The budget was a blow to Dana May.\n\n"
            "After the vote, Ms. May admitted the scale of the defeat. “I have always "
            "believed in a careful plan,” she told MPs."
        ),
        "careful plan",
        "Dana May",
        "post_cue",
    ),
    # --- a definite description as the speaker: the person the story is about
    Row(
        (
            "Henrik Vogel knows he is entering new territory.\n\n"
            "“I don’t know any airline that makes money,” the tall, soft-spoken engineer said."
        ),
        "airline",
        "Henrik Vogel",
        "described",
    ),
    Row(
        (
            "Caleb Jones recorded his first NHL goal.\n\n"
            '"We played well tonight," said the rookie defenceman.'
        ),
        "played well",
        "Caleb Jones",
        "described",
    ),
    Row(
        (
            "Caleb Jones and Mark Scheifele both scored.\n\n"
            '"We played well tonight," said the rookie defenceman.'
        ),
        "played well",
        None,
        None,
    ),
    # --- background paragraphs between a speaker and her pronoun
    Row(
        (
            "Helen Ward leads the parents' council.\n\n"
            "The town has grown for years.\n\n"
            "Trailers fill the playgrounds.\n\n"
            "Class sizes keep rising.\n\n"
            "“We know how serious it is,” she said."
        ),
        "how serious",
        "Helen Ward",
        "post_cue",
    ),
    Row(
        (
            "Helen Ward leads the parents' council.\n\n"
            "The town has grown for years.\n\n"
            "Trailers fill the playgrounds.\n\n"
            "Councillors received a letter from Nora Diaz about trailers.\n\n"
            "“We know how serious it is,” she said."
        ),
        "how serious",
        None,
        None,
    ),
    # --- reporting verbs beyond "say": scold, echo, mention
    Row(
        "“You would never do that with a man,” scolded Elyse.",
        "never do that",
        "Elyse",
        "inverted_post_cue",
    ),
    Row(
        (
            "Robert McMillen is a barber.\n\n"
            "“Confidence is the most attractive thing,” echoes McMillen."
        ),
        "Confidence",
        "Robert McMillen",
        "inverted_post_cue",
    ),
    # --- "it" is an organisation the article named, even one written in capitals
    Row(
        (
            "ATB declined to answer most questions. “We must respect the privacy of our "
            "customers,” it said in a statement."
        ),
        "privacy",
        "ATB",
        "post_cue",
    ),
    # --- a quote after a sentence about one person, with no verb of its own
    Row(
        (
            "Omar Diallo won a seat on council.\n\n"
            "Mr. Diallo calls himself the most radical member. “Why would I flatter the "
            "landlords?”"
        ),
        "flatter",
        "Omar Diallo",
        "previous_subject",
    ),
    Row(
        "Police arrested the driver on Tuesday. “Why would I flatter the landlords?”",
        "flatter",
        None,
        None,
    ),
    # --- a sentence about one man's reaction, its subject no person, just before "he": him
    Row(
        (
            "Donald Trump mocked the prime minister on Tuesday.\n\n"
            "It is a comment that Andrew Scheer found concerning.\n\n"
            "“We would never accept that,” he said."
        ),
        "never accept",
        "Andrew Scheer",
        "post_cue",
    ),
    # --- … but two men named there: two more people it could mean, so nobody
    Row(
        (
            "Donald Trump mocked the prime minister on Tuesday.\n\n"
            "It is a comment that Andrew Scheer and Jim Carr found concerning.\n\n"
            "“We would never accept that,” he said."
        ),
        "never accept",
        None,
        None,
    ),
    # --- … unless the sentence before brings a new person in, with a post: a vox-pop
    Row(
        (
            "Ana Duarte said the clinic had doubled its hours.\n\n"
            "The change also helped retired teacher Rosa Lindqvist, 71, who walks there every "
            "morning. “I finally sleep through the night,” she says."
        ),
        "sleep through",
        "Rosa Lindqvist",
        "post_cue",
    ),
    Row(
        (
            "Donald Trump mocked the prime minister on Tuesday. He then called Andrew Scheer.\n\n"
            "“We would never accept that,” he said."
        ),
        "never accept",
        "Donald Trump",
        "post_cue",
    ),
    # --- the main clause after an opening phrase with commas of its own
    Row(
        (
            "Maria Lopez resigned.\n\n"
            "Speaking in Lyon, France, on Friday morning, Pierre Garnier denied the report. "
            "“The claims are untrue,” he said."
        ),
        "claims are untrue",
        "Pierre Garnier",
        "post_cue",
    ),
    # --- the subject after its verb, past the words that qualify it
    Row(
        (
            "Sales are “very encouraging,” says Lung Health senior analyst Dina Roy, who "
            "runs the study."
        ),
        "very encouraging",
        "Dina Roy",
        "inverted_post_cue",
    ),
    Row(
        "“Our customers are walking away,” said dairy and grain farmer Tom Birch.",
        "walking away",
        "Tom Birch",
        "inverted_post_cue",
    ),
    Row(
        (
            "Rita Okafor released a statement.\n\n"
            "“I was truly saddened,” she was quoted as saying in the release."
        ),
        "saddened",
        "Rita Okafor",
        "post_cue",
    ),
    # --- a capitalised title at the start of a sentence is no opener
    Row(
        (
            "Foreign Affairs Minister Anita Lund says Norway will ask for mercy, calling the "
            "sentence “cruel.”"
        ),
        "cruel",
        "Anita Lund",
        "pre_cue",
    ),
    # --- name particles: "van der", "de la"
    Row(
        (
            "Sutopo Purwo Nugroho gave the toll.\n\n"
            "Ben van der Pluijm, a geologist, said a slope may have collapsed.\n\n"
            "“Instability of the slope can create a rock slide,” he said."
        ),
        "Instability",
        "Ben van der Pluijm",
        "post_cue",
    ),
    # --- a role set off by the name it describes, then the verb
    Row(
        (
            "Laura Pike wrote a blog post.\n\n"
            "Director, threat research at security company Vireo, Sam Okoro, agreed with "
            "this analysis.\n\n"
            "“We believe it is the same crew,” he confirmed."
        ),
        "same crew",
        "Sam Okoro",
        "post_cue",
    ),
    # --- a subject qualified by appositives that name places, parties and other people
    Row(
        "Maria Lopez, a 61-year-old nurse from Greenville, South Carolina, says the mayor will "
        "“walk away with it.”",
        "walk away",
        "Maria Lopez",
        "pre_cue",
    ),
    Row(
        "Ed Brannigan, 34, of Lansing, Mich., said he still hoped for a “miracle.”",
        "miracle",
        "Ed Brannigan",
        "pre_cue",
    ),
    Row(
        "Sen. Dana Whitcomb, R-Wis., said in a statement, “The agency failed its own staff.”",
        "failed its own",
        "Dana Whitcomb",
        "pre_cue",
    ),
    Row(
        "On Tuesday in Berea, OH, Gov. Paul Renner (R-OH), said, “We are going all the way.”",
        "all the way",
        "Paul Renner",
        "pre_cue",
    ),
    Row(
        "Vardan, a spokesman for Senate Leader Carla Moss, said the bill was “dead on arrival.”",
        "dead on arrival",
        "Vardan",
        "pre_cue",
    ),
    Row(
        "He fought for every delegate, in what Nora Blaine, treasurer for Ana Ruiz's "
        "campaign, called “trench warfare.”",
        "trench warfare",
        "Nora Blaine",
        "pre_cue",
    ),
    Row(
        "“This was a serious breach of trust,” the Republican National Committee said.",
        "breach of trust",
        "Republican National Committee",
        "long_subject",
    ),
    Row(
        "“It is an expensive model,” said Will Marlow, a professor at Rider University.",
        "expensive model",
        "Will Marlow",
        "inverted_post_cue",
    ),
    Row(
        "“Both of them scare me,” Tom Ashby, 30, of Dayton, Ohio, who was among those "
        "polled, said in an interview.",
        "scare me",
        "Tom Ashby",
        "appositive_post_cue",
    ),
    Row(
        "Former secretary of state Ruth Calder:“We learned that from the department.”",
        "learned that",
        "Ruth Calder",
        "name_colon",
    ),
    Row(
        "Rep. Alan Brophy (R-S.C.): “Who told you that?”",
        "Who told you",
        "Alan Brophy",
        "name_colon",
    ),
    Row(
        "“The first line of defence is the community,” said former secretary of state "
        "Ruth Calder, who praised the mayor.",
        "first line",
        "Ruth Calder",
        "inverted_post_cue",
    ),
    Row(
        "Volunteers for the Nadia Okafor campaign knocked on doors.\n\n"
        "In Columbia, Okafor stepped up her attacks, saying, “We have to win this.”",
        "have to win",
        "Nadia Okafor",
        "pre_cue",
    ),
    Row(
        "Glenn Beck hosts a radio show.\n\n"
        "“What made him change so fundamentally?” Beck questioned.",
        "change so",
        "Glenn Beck",
        "post_cue",
    ),
    Row(
        "Tennis great Billie Jean King remembered Ali.\n\n"
        "King says Ali “talked the talk and walked the walk.”",
        "talked the talk",
        "Billie Jean King",
        "pre_cue",
    ),
    Row(
        "Hillary Clinton immediately posted a Twitter comment of her own, saying, "
        "“We’re so excited to meet our second grandchild!”",
        "so excited",
        "Hillary Clinton",
        "pre_cue",
    ),
    Row(
        "“Nothing has changed in the last day,” White House press secretary Dana Pruitt said.",
        "Nothing has changed",
        "Dana Pruitt",
        "post_cue",
    ),
    Row(
        "Ruth Calder spoke on Monday.\n\n"
        "“Dan is a longtime friend of mine,” said Calder ally Jim Bravo.",
        "longtime friend",
        "Jim Bravo",
        "inverted_post_cue",
    ),
    Row(
        "Vermont Sen. Ada Fenwick also sent out a fundraising call, asking supporters to "
        "“give $3 to our campaign now.”",
        "give $3",
        "Ada Fenwick",
        "pre_cue",
    ),
    Row(
        "Jo Marsh — a teacher from Mount Pleasant — says he chose late, and that the "
        "governor’s endorsement was “a big deal.”",
        "big deal",
        "Jo Marsh",
        "pre_cue",
    ),
    Row(
        "Ted Cruz took the stage.\n\n"
        "When asked about his rival, Cruz gingerly said that was “an assessment for the voters.”",
        "assessment for",
        "Ted Cruz",
        "pre_cue",
    ),
    Row(
        "Rita Vance announced her run in June.\n\n"
        "The break was complete when Vance in her announcement speech called the plan “a fraud.”",
        "a fraud",
        "Rita Vance",
        "pre_cue",
    ),
    Row(
        "Donald Trump held a press conference.\n\n"
        "“A very good reporter, this guy,” Trump, the party’s frontrunner nationally and the "
        "current polling leader in South Carolina and Nevada by a very wide margin after "
        "winning the New Hampshire primary last week, said when the reporter asked him.",
        "very good reporter",
        "Donald Trump",
        "appositive_post_cue",
    ),
    Row(
        "Francois Hollande spoke in Paris.\n\n"
        "“France will always be France,” an angry Hollande retaliated.",
        "always be France",
        "Francois Hollande",
        "long_subject",
    ),
    Row(
        "Speaker of the House Rep. Dan Marsh (R-WI) said “these images have no place here.”",
        "no place here",
        "Dan Marsh",
        "pre_cue",
    ),
    Row(  # a state after a comma tags the town: not "South Carolina" (PolNeAR class)
        "Lena Ortiz of Aiken, South Carolina says she thinks the mayor wins if he keeps "
        "“knocking on doors.”",
        "knocking on doors",
        "Lena Ortiz",
        "pre_cue",
    ),
    Row(  # the verb is the subordinate clause's, its subject no name: not the main subject
        "Governor Reyes is telling voters he is strong enough after a farmer in Ames, Iowa, "
        "told him she worries he is “too gentle” for the job.",
        "too gentle",
        None,
        None,
    ),
    Row(  # a cue inside "when …," leads into the quote the outer verb reports
        "Mayor Dana Holt said that when Ms. Rivera complained about the tower from her seat "
        "on the council, “she was speaking for the whole street.”",
        "whole street",
        "Dana Holt",
        "outer_speaker",
    ),
    Row(  # … but "as X said, “…”" is X's, and a cue the comma follows governs the quote
        "As Holt said, “the tower will not be built.” When the vote came she stood and "
        "announced, “We won.”",
        "We won",
        None,
        None,
    ),
    Row(  # a full stop typed with no space still ends the sentence ("Ms. Rivera.Mayor")
        "“It is a sad day,” said Ms. Rivera.Mayor Dana Holt disagreed with the ruling. "
        "“It was a fair one.”",
        "sad day",
        "Rivera",
        "inverted_post_cue",
    ),
    Row(  # … so the next quote follows Holt's sentence, not Rivera's quote
        "“It is a sad day,” said Ms. Rivera.Mayor Dana Holt disagreed with the ruling. "
        "“It was a fair one.”",
        "fair one",
        "Dana Holt",
        "previous_subject",
    ),
    # --- a reporting verb that is a noun here, or in a clause that opens the sentence
    Row(
        "In March, Dunn's Virginia state director, Kyle Pruitt, reached out to donors, "
        "writing in an email: “We need this by Friday.”",
        "by Friday",
        "Kyle Pruitt",
        "pre_cue",
    ),
    Row(
        "An internal fight has erupted at the Republican National Committee, as the head of "
        "the RNC’s rules committee has accused its leaders of a “serious breach of trust.”",
        "breach of trust",
        None,
        None,
    ),
    Row(
        "When Gina Holt suggested that the county would sue, Omar Reyes was blunt: "
        "“If they sue us, they will lose.”",
        "they will lose",
        "Omar Reyes",
        "colon",
    ),
    Row(
        "When Gina Holt suggested that the county would sue, Omar Reyes shot back: "
        "“If they sue us, they will lose.”",
        "they will lose",
        "Omar Reyes",
        "pre_cue",  # "shot back" reports speech (particle_cues.txt)
    ),
    Row(
        "“We will cooperate fully,” FBI General Counsel Martin A. Greer wrote on Tuesday.",
        "cooperate fully",
        "Martin A Greer",
        "post_cue",
    ),
    # --- a negated auxiliary between the subject and its verb
    Row(
        (
            "Anna Cole batted first.\n\n"
            "When asked which was tougher, pitching or putting, Greg Hollis didn’t hesitate.\n\n"
            "“It’s putting for sure,” he said."
        ),
        "putting for sure",
        "Greg Hollis",
        "post_cue",
    ),
    # --- nobody fitting in focus: the one fitting person just named, object or not
    Row(
        (
            "Ashley wrote in about beards. I asked barber Robert McMillen about the trend.\n\n"
            "“The big beard has died off a bit,” he explains."
        ),
        "died off",
        "Robert McMillen",
        "post_cue",
    ),
    # --- a name whose first word is a common word is a person once quoted by name
    Row(
        (
            "“My shot is something I need to fix,” Magic Johnson said.\n\n"
            "He was wearing new shoes.\n\n"
            "Johnson has it covered. He said he feels “a lot quicker” after the gym."
        ),
        "a lot quicker",
        "Magic Johnson",
        "pre_cue",
    ),
    # --- a phrase a person owns, or said "in her words", or was "talking about"
    Row(
        "Jeff Bezos’s company sells books. To avoid Bezos’s “day two”, the team works fast.",
        "day two",
        "Jeff Bezos",
        "possessor",
    ),
    Row(
        "Carol Finch keeps three cats. The attic had, in her words, become “unbearable.”",
        "unbearable",
        "Carol Finch",
        "in_their_words",
    ),
    Row(
        (
            "Zainab stirred things up, talking about how she rescued Tariq “from boredom” on "
            "the first night."
        ),
        "from boredom",
        "Zainab",
        "pre_cue",
    ),
    # --- continuations
    Row('"Start with the facts," he said. "Then ask."', "Then ask", None, None),
    Row(
        (
            "Keir Starmer spoke outside Downing Street. “A line has been crossed,” he said. "
            "“We will act.”"
        ),
        "We will act",
        "Keir Starmer",
        "previous_quote",
    ),
    Row(
        (
            "For her part, Amy Shaw said she found work in March.\n\n"
            "“It feels right. It feels safe.”"
        ),
        "feels safe",
        "Amy Shaw",
        "after_report",
    ),
    Row(
        "“Are there prizes?” Brittany Lincicome asked before her drive.",
        "prizes",
        "Brittany Lincicome",
        "post_cue",
    ),
    # --- the other sieves, one row each
    Row(
        "Sen. Ana Ruiz said Harris had called on members to be “closely coordinated”.",
        "closely coordinated",
        "Ana Ruiz",
        "outer_speaker",
    ),
    Row(
        "The vote is “too close to call,” as Nadia Kaur said on Monday, and nobody knows.",
        "too close to call",
        "Nadia Kaur",
        "as_said",
    ),
    Row(
        "Fans agree - club historian Arthur Dent: “It was the best season we ever had.”",
        "best season",
        "Arthur Dent",
        "name_colon",
    ),
    Row(
        "Kaur was asked by host Bill Dunn, “Will you run again next year?”",
        "run again",
        "Bill Dunn",
        "passive_agent",
    ),
    Row(
        "Ana Lopez said she was sure Harris would continue to be “a voice for the workers”.",
        "a voice for the workers",
        "Ana Lopez",
        "pre_cue",
    ),
    Row(
        "Ames and Brody issued a statement calling the deal “a good start for both sides”.",
        "a good start",
        None,
        None,
    ),
    Row(
        "Turnout was low, Otto Kline said, adding, “People have given up on us.”",
        "given up",
        "Otto Kline",
        "pre_cue",
    ),
    Row(
        "“We will stay,” said Patricia Moran of Cheyenne.",
        "We will stay",
        "Patricia Moran",
        "inverted_post_cue",
    ),
    Row(
        "“It was a long night,” said Air Force 1st Lt. Tyler Brandt.",
        "long night",
        "Tyler Brandt",
        "inverted_post_cue",
    ),
    Row(
        "“The numbers are in,” veteran analyst Charlie Cook wrote this week.",
        "numbers are in",
        "Charlie Cook",
        "post_cue",
    ),
    Row(
        "“We waited for hours,” said Montclair State University political scientist Brigid "
        "Harrison.",
        "waited for hours",
        "Brigid Harrison",
        "inverted_post_cue",
    ),
    Row(
        "“The ice is gone,” Westfield Junior Curling Club president Orla Brennick told reporters.",
        "ice is gone",
        "Orla Brennick",
        "post_cue",
    ),
    Row(
        "“Tuition will rise again,” University of the Northern Plains economist Idris Vantongeren "
        "said.",
        "Tuition will rise",
        "Idris Vantongeren",
        "post_cue",
    ),
    Row(
        "“The cuts will hurt families,” Department of Health and Human Services spokesman Tom "
        "Calloway said.",
        "cuts will hurt",
        "Tom Calloway",
        "post_cue",
    ),
    Row(
        "According to coach Lena Marsh, the team is “ready for anything”.",
        "ready for anything",
        "Lena Marsh",
        "according_to",
    ),
    Row(
        "There were claims by developer Nina Castro that the site was “completely abandoned”.",
        "abandoned",
        "Nina Castro",
        "claim_by",
    ),
    Row(
        "Added coach Lena Marsh: “We earned this one.”",
        "earned this",
        "Lena Marsh",
        "inverted_pre_cue",
    ),
    Row(
        "President Obama spoke at noon.\n\n“We will not retreat,” Obama said.",
        "not retreat",
        "Obama",
        "post_cue",
    ),
    Row(
        "Trump cards win games.\n\n“We fold,” Trump said.",
        "We fold",
        None,
        None,
    ),
    Row(
        "“Nobody beats Frank Stone on jobs,” the new ad says.\n\n“We will win,” Stone said.",
        "We will win",
        "Stone",
        "post_cue",
    ),
    Row(
        (
            "President Ada Corwin spoke on Monday.\n\nCorwin (AFP) – Democrat Ann Kerr took "
            "a swipe at Sam Lowe, saying that “bombastic comments” do harm."
        ),
        "bombastic",
        "Ann Kerr",
        "pre_cue",
    ),
    Row(
        "Nora Quinn, who lives outside the state capital, Helena, says the plan is “a disaster”.",
        "disaster",
        "Nora Quinn",
        "pre_cue",
    ),
    Row(
        "Ivan Petrov -- who lost the race to Ann Kerr -- said the result was “a fluke”.",
        "fluke",
        "Ivan Petrov",
        "pre_cue",
    ),
    Row(
        "Of Kerr, Ivan Petrov, who has backed Sam Lowe, said: “She is a fine senator.”",
        "fine senator",
        "Ivan Petrov",
        "pre_cue",
    ),
    Row(
        "Rita Vance runs the bakery. “Nobody asked us,” Vance points out.",
        "Nobody asked",
        "Rita Vance",
        "post_cue",
    ),
    Row(
        "After the debate, Rita Vance shot back, “I have run this bakery for years.”",
        "run this bakery",
        "Rita Vance",
        "pre_cue",
    ),
    Row(
        "“We will not close,” said retired neurosurgeon Rita Vance.",
        "will not close",
        "Rita Vance",
        "inverted_post_cue",
    ),
    Row(
        "“We will win,” the presumptive nominee, Rita Vance, tweeted after the vote.",
        "will win",
        "Rita Vance",
        "post_cue",
    ),
    Row(
        "The mayor has been “very worried about it,” said a source close to the council.",
        "very worried",
        None,
        None,
    ),
    Row(
        "“Get out of my office,” Rita Vance barked at the inspector.",
        "Get out",
        "Rita Vance",
        "post_cue",
    ),
    Row(
        "“Only one,” Rita Vance answers when asked how many bakeries she owns.",
        "Only one",
        "Rita Vance",
        "post_cue",
    ),
    Row(
        "Said Rita Vance, who has run the bakery since 1998, “We will not close.”",
        "will not close",
        "Rita Vance",
        "inverted_pre_cue",
    ),
    Row(
        ("Rita Vance runs the bakery.\n\nSaid Vance:\n\n“We will not close.”"),
        "will not close",
        "Rita Vance",
        "after_report",
    ),
    Row(
        ("Stated Rita Vance:\n\n“We will not close.”"),
        "will not close",
        "Rita Vance",
        "after_report",
    ),
    Row(
        (
            "Voters were split. 67-year-old Omar Reyes, a retired welder who backed Sam Lowe "
            "and Ann Kerr, said:\n\n“Neither side listens to us.”"
        ),
        "Neither side",
        "Omar Reyes",
        "after_report",
    ),
    Row(
        "The 67-year-old Omar Reyes, a retired welder, said “nobody listens” any more.",
        "nobody listens",
        "Omar Reyes",
        "pre_cue",
    ),
    Row(
        "“It will be a hard winter” for tenants, said Omar Reyes, a housing advocate.",
        "hard winter",
        "Omar Reyes",
        "trailing",
    ),
    Row(
        "“Nobody expected it” that soon, says Omar Reyes.",
        "Nobody expected",
        "Omar Reyes",
        "trailing",
    ),
    Row(
        "“It will be a hard winter” for tenants, said Omar Reyes, who rents in Leith.",
        "hard winter",
        "Omar Reyes",
        "trailing",
    ),
    Row(
        "The deal is “a step backwards” for tenants, housing advocate Omar Reyes said.",
        "step backwards",
        "Omar Reyes",
        "trailing",
    ),
    Row(
        "Vance, the fire chief, is more direct: “Leave your homes now.”",
        "Leave your homes",
        "Vance",
        "colon",
    ),
    Row(
        ("Ella Stone said: “We tried everything.\n\n“Nothing worked for us.”"),
        "Nothing worked",
        "Ella Stone",
        "continuation",
    ),
    Row(
        "The crowd left early. “We will rebuild.” Lena Marsh said the team was ready.",
        "rebuild",
        "Lena Marsh",
        "next_sentence",
    ),
    Row(
        ("The mayor, Ivan Petrov, said:\n\n“The bridge will reopen in May.”"),
        "bridge will reopen",
        "Ivan Petrov",
        "after_report",
    ),
    Row(
        ("Ella Stone spoke first. “We tried everything,” she said.\n\n“Nothing worked for us.”"),
        "Nothing worked",
        "Ella Stone",
        "paragraph_run",
    ),
    Row(
        ("Ivan Petrov lost his job in May. He sold his car in June.\n\n“It has been a hard year.”"),
        "hard year",
        "Ivan Petrov",
        "paragraph_subject",
    ),
    # --- the speaker goes on: a quote the narrator finishes, after a named quote
    Row(
        "“Tenants are tired,” Nora Quinn told reporters. “They want repairs now” and lower rents.",
        "want repairs",
        "Nora Quinn",
        "previous_quote",
    ),
    Row(
        "“Tenants are tired,” Nora Quinn told reporters. “They want the repairs done before "
        "winter” as much as Omar Reyes does.",
        "repairs done",
        None,
        None,
    ),
    # --- a quote nested in a quote with the same marks: the outer quote goes on past it
    Row(
        "“We had dozens of bids for a “small business” site this week, and more are coming,” "
        "said Mara Lindqvist, the registrar's chief.",
        "more are coming",
        "Mara Lindqvist",
        "inverted_post_cue",
    ),
    # --- double quote marks typed as two single ones: ''…'' (archives' plain text), ‘‘…’’
    Row(
        "The plan will hurt growth, said Mara Lindqvist, a pollster.\n\n"
        "''It gets harder to sell every week,'' Ms. Lindqvist said.",
        "harder to sell",
        "Mara Lindqvist",
        "post_cue",
    ),
    Row(
        "Ivo Brandt, the council leader, said: ''We have waited long enough for this bridge.\n\n"
        "''And we will not wait another decade.''",
        "another decade",
        "Ivo Brandt",
        "continuation",
    ),
    Row(
        "The mayor called it ``a disgrace'' on Monday, and Councillor Petra Olsen said, "
        "``We will appeal to the province.''",
        "appeal to the province",
        "Petra Olsen",
        "pre_cue",
    ),
    Row(
        'In calling the plan "reckless," the senator went further than his party.\n\n'
        "''We cannot afford it,'' said Senator Hal Brody. ''Not this year, not next year.''",
        "cannot afford",
        "Hal Brody",
        "inverted_post_cue",
    ),
    Row(
        "“We print anything by anyone,’’ says Tomas Herrera, the shop’s founder.",
        "We print anything",
        "Tomas Herrera",
        "inverted_post_cue",
    ),
    # --- … or a sentence the narrator leads in to the quote with, nobody else in it
    Row(
        "“Rents will rise again next year,” said Mara Olsen, a housing analyst. For now, "
        "“there is simply no way out of this.”",
        "no way out",
        "Mara Olsen",
        "previous_quote",
    ),
    Row(
        "“Rents will rise again next year,” said Mara Olsen, a housing analyst. For Tom "
        "Reyes, “there is simply no way out of this, and never was.”",
        "no way out",
        None,
        None,
    ),
    # --- a dotted initialism inside a name does not end the sentence
    Row(
        "“Trade is up,” said Ann Lee, an economist at the U.S. Chamber of Commerce. “Jobs follow.”",
        "Jobs follow",
        "Ann Lee",
        "previous_quote",
    ),
    Row(
        "“If you are listening, find the files that are missing.” Ivan Petrov said.",
        "find the files",
        "Ivan Petrov",
        "post_cue",
    ),
    Row(
        "Sen. Ada Corwin (D-Vt.) has said that she would “fight the bill line by line”.",
        "fight the bill",
        "Ada Corwin",
        "pre_cue",
    ),
    Row(
        "It was a year ago that Omar Reyes, who's thinking about running for mayor, said it "
        "was “impossible to win without the unions”.",
        "impossible to win",
        "Omar Reyes",
        "pre_cue",
    ),
    Row(
        "“We will fight this,” Rep. Omar Reyes’s chief of staff, Nora Quinn, told reporters.",
        "fight this",
        "Nora Quinn",
        "post_cue",
    ),
]


def extract(text: str) -> ExtractedArticle:
    """Extract a small article made of the given paragraphs."""
    paragraphs: list[Paragraph] = []
    position = 0
    for index, para in enumerate(text.split("\n\n")):
        paragraphs.append(
            Paragraph(index=index, start=position, end=position + len(para), text=para)
        )
        position += len(para) + 2
    article = Article(id="row", body="\n\n".join(text.split("\n\n")), paragraphs=tuple(paragraphs))
    # Each rule on its own: whether a rule may name someone alone is the calibration's
    # business (tests/test_calibration.py).
    return Extractor(calibrated=False).extract(article)


@pytest.mark.parametrize("row", ROWS, ids=[r.text[:60] for r in ROWS])
def test_attribution(row: Row) -> None:
    found = extract(row.text)
    quotes = [q for q in found.quotes if row.fragment in q.text]
    assert len(quotes) == 1, f"{row.fragment!r} in {[q.text for q in found.quotes]}"
    assert (quotes[0].speaker, quotes[0].sieve) == (row.speaker, row.sieve)


def test_two_speakers_before_an_organisations_role_name_nobody() -> None:
    """ "Dana Whitfield and Westfield … president Orla Brennick told": the words are both
    of theirs, so the shipped extractor names neither (an "and" before an organisation's name
    joins two subjects unless an "of" or "for" comes before it in that name)."""
    text = (
        "“The rink will close,” Dana Whitfield and Westfield Junior Curling Club president "
        "Orla Brennick told reporters."
    )
    article = extract(text).article
    quotes = [q for q in Extractor().extract(article).quotes if "rink will close" in q.text]
    assert [q.speaker for q in quotes] == [None]


def test_every_sieve_has_a_row() -> None:
    """A sieve no row exercises is a rule nobody checks (one that only ever finds speech
    with nobody named has its row among the fragments below)."""
    covered = {row.sieve for row in ROWS}
    naming = [s.name for s in SIEVES if not s.speech_only]
    assert [name for name in naming if name not in covered] == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The minister worried about the “optics” of the deal.", "optics"),
        ("He was “legally drunk” at the time of the crash.", "legally drunk"),
        ("She appeared on “Meet the Press” on Sunday.", "Meet the Press"),
        ("Fans of “Game of Thrones” queued overnight.", "Game of Thrones"),
        ("The film “The Kid Who Would Be King” opens today.", "The Kid Who Would Be King"),
        ("Crowds chanted “Make America Great Again” outside.", "Make America Great Again"),
        ("Singh will check “elected” off his list.", "elected"),
        ("Ann Smith stars tonight. Smith’s “Hamlet” opens today.", "Hamlet"),
        (  # one word, mentioned, not used, whatever verb the sentence holds
            "Lindqvist, who used the word “nugatory” twice in the essay, said the ruling was "
            "wrong.",
            "nugatory",
        ),
        ("Critics said “Hollow Crown” lost its way.", "Hollow Crown"),  # a title, verb or not
    ],
)
def test_scare_quotes_and_titles_are_terms_not_quotes(text: str, term: str) -> None:
    found = extract(text)
    assert term in [t.text for t in found.terms]
    assert term not in [q.text for q in found.quotes]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "He washed out after failing to meet “expectations and standards,” a Marine "
            "spokeswoman said.",
            "expectations and standards",
        ),
        (
            "It is on his watch that what the Conservatives call “illegal border crossers” "
            "became a problem.",
            "illegal border crossers",
        ),
        (
            "He had “wanted to be a pilot since he was five,” a childhood friend told The Sun.",
            "wanted to be a pilot since he was five",
        ),
        (  # a reporting verb in a relative clause: the ad's words, nobody named
            "The council is running a radio ad that urges drivers to “slow down near schools” "
            "this month.",
            "slow down near schools",
        ),
        (  # the verb out of every naming sieve's reach (verb_in_sentence)
            "Lindqvist listed her aims, among them making landlords pay their “fair share” "
            "of repairs, her office said.",
            "fair share",
        ),
    ],
)
def test_a_fragment_with_a_reporting_verb_is_speech_even_with_no_name(
    text: str, fragment: str
) -> None:
    found = extract(text)
    quotes = [q for q in found.quotes if q.text == fragment]
    assert len(quotes) == 1 and quotes[0].speaker is None and quotes[0].cue is not None
    assert fragment not in [t.text for t in found.terms]


def test_a_reported_fragment_is_speech() -> None:
    found = extract("In January, Musk called her a “rape genocide apologist”.")
    (quote,) = found.quotes
    assert quote.text == "rape genocide apologist" and quote.speaker == "Musk"


def test_a_long_unattributed_fragment_is_speech_not_a_term() -> None:
    found = extract(
        "Bale thinks the Prime Minister “could get a deal if she is prepared to soften "
        "Brexit and get Labour MPs on board”."
    )
    assert [q.text for q in found.quotes] == [
        "could get a deal if she is prepared to soften Brexit and get Labour MPs on board"
    ]
    assert found.terms == ()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (  # a finite verb: the fragment asserts something
            "Good information can still win, but usually only when “the truth is better than "
            "the rumour.”",
            "the truth is better than the rumour.",
        ),
        (
            "The marchers came to the square because they wanted to show that “nobody can "
            "send us home.”",
            "nobody can send us home.",
        ),
        (  # no verb, but what a "that" reports
            "Residents of the valley have a plan. Their answer was that “fewer cars, more "
            "trains” would fix the town.",
            "fewer cars, more trains",
        ),
    ],
)
def test_a_short_fragment_that_asserts_is_speech_even_with_no_name(
    text: str, fragment: str
) -> None:
    found = extract(text)
    assert fragment in [q.text for q in found.quotes]
    assert fragment not in [t.text for t in found.terms]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("He was “being presidential” at the rally, his fans thought.", "being presidential"),
        ("The town is split between “the haves and have nots” again.", "the haves and have nots"),
    ],
)
def test_a_verb_form_without_tense_does_not_make_a_term_speech(text: str, term: str) -> None:
    assert term in [t.text for t in extract(text).terms]


def test_as_he_puts_it_marks_his_words() -> None:
    found = extract(
        "That is because, as he puts it, “the best thing we have going for us” is the river."
    )
    (quote,) = found.quotes
    assert quote.text == "the best thing we have going for us" and quote.cue is not None


def test_two_single_marks_are_no_quote_where_the_article_has_double_ones() -> None:
    """''…'' is wiki markup for italics (a title) in an article that quotes with “…”."""
    found = extract(
        "The film ''Summer Rain'' opened on Friday.\n\n“It was a hit,” said director Anna Berg."
    )
    assert [q.text for q in found.quotes] == ["It was a hit"]


def test_a_cue_inside_a_subordinate_clause_gives_way_to_the_verb_before_it() -> None:
    """ "X said that when Y complained …, “…”": the quote is the clause the subordinate one
    leads into, so the shipped extractor (only trusted sieves name anyone) names X through
    the reporting verb itself, not Y through the subordinate clause's verb."""
    text = (
        "Mayor Dana Holt said that when Ms. Rivera complained about the tower from her seat "
        "on the council, “she was speaking for the whole street.”"
    )
    article = Article(
        id="row", body=text, paragraphs=(Paragraph(index=0, start=0, end=len(text), text=text),)
    )
    (quote,) = Extractor().extract(article).quotes
    assert quote.speaker == "Dana Holt"
