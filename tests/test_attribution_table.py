"""Attribution, one row per rule: paragraphs → the quote → who said it (None: unattributed).

A regression is one failing row, with its sentence in the test id. Paragraphs are separated by
blank lines; the quote is named by a fragment of its words.
"""

from __future__ import annotations

import pytest

from bot.models import Article, ExtractedArticle, Paragraph
from bot.quotes.extract import Extractor

ROWS: list[tuple[str, str, str | None]] = [
    # --- reporting verbs, before and after the quote
    (
        '"We will appeal," said managing director Alasdair Quinn.',
        "We will appeal",
        "Alasdair Quinn",
    ),
    ('"We will appeal," Alasdair Quinn said on Monday.', "We will appeal", "Alasdair Quinn"),
    ("Musk suggested that Jess Phillips “deserves to be in prison”.", "deserves", "Musk"),
    # --- name boundaries: openers, common words, initials, datelines
    ("Finally Demi Burnett said: “It was always going to be me.”", "always going", "Demi Burnett"),
    (
        "Chicken is on the menu again. “We sell out every night,” he said.",
        "We sell out",
        None,
    ),
    (
        "OTTAWA — Justin Trudeau spoke on Monday.\n\n“We will not back down,” he said.",
        "back down",
        "Justin Trudeau",
    ),
    # --- a name the page's charset mangled is no name (it would be a wrong one)
    (
        '"This r\ufffdgime has had its day," said councillor Zo\ufffd Br\ufffdl\ufffd on Monday.',
        "had its day",
        None,
    ),
    # --- a first name before a surname that is also an organisation word
    (
        "Damon Green’s future looked bright.\n\n"
        "“It didn’t take me long to get a job,” quipped Green, who lives nearby.",
        "take me long",
        "Damon Green",
    ),
    (
        "Canada Post is on strike.\n\n“We will not deliver,” Post said.",
        "not deliver",
        None,
    ),
    # --- organisations and people
    (
        "The minister spoke first. A spokesperson for the Department of Health said: "
        "“We are reviewing the figures.”",
        "reviewing the figures",
        "Department of Health",
    ),
    (
        "The company's chief executive, Graham Pell, said sales had fallen. "
        "“It has been a hard year,” he said.",
        "hard year",
        "Graham Pell",
    ),
    (
        "Fenwick Voices campaigned for years.\n\n“We are not done,” she said.",
        "not done",
        None,
    ),
    (
        "Meng, the finance chief of China’s Huawei Technologies, was arrested in December.\n\n"
        "“We share the commitment to the rule of law,” the agency said in a statement.",
        "rule of law",
        None,
    ),
    (
        "“Most places will not print fewer than 1,000 copies,” says Campbell’s partner, "
        "Jason Louth.",
        "Most places",
        "Jason Louth",
    ),
    (
        "“The system is designed for that,” says the director of operations for EHS, Jeff Fraser.",
        "designed for that",
        "Jeff Fraser",
    ),
    (
        "Tim Guest with the Nova Scotia Health Authority says there are many reasons.\n\n"
        "“The emergency department cares for the sickest first.”",
        "sickest first",
        "Tim Guest",
    ),
    (
        "“The worries surround the tariffs,” Jingyi Pan of IG said in a commentary.",
        "worries surround",
        "Jingyi Pan",
    ),
    # --- role nouns, appositives and long subjects
    (
        "The US technology billionaire Elon Musk has weighed in. "
        "The businessman called it “a disgrace”.",
        "a disgrace",
        "Elon Musk",
    ),
    (
        "“It is a positive thing for the workers” UFCW Local 832 president Jeff Traeger "
        "said Saturday.",
        "positive thing",
        "Jeff Traeger",
    ),
    (
        "“I have needed Tesla as a role model,” Guenther Schuh, the company’s founder and "
        "the mastermind behind its van, said inside his factory.",
        "role model",
        "Guenther Schuh",
    ),
    (
        "Sen. Debbie Stabenow, D-Mich., a member of the leadership team, said Schumer has "
        "“an uncanny way to be able to listen”.",
        "uncanny way",
        "Debbie Stabenow",
    ),
    (
        "Controversy erupted after John McCallum, Canada’s ambassador to China, told reporters "
        "that Meng has “quite a strong case”.",
        "strong case",
        "John McCallum",
    ),
    (
        "The prime minister said he was “deeply concerned” about comments Premier Doug Ford made.",
        "deeply concerned",
        None,
    ),
    # --- who is not the speaker
    (
        "The Billy on the Street star then quipped to Colton, “That you should look into.”",
        "look into",
        None,
    ),
    (
        '"Harsh winter is a reality," says a document titled White Paper: Railroading in Winter.',
        "Harsh winter",
        None,
    ),
    (
        "James Bullard gave an interview noting that hikes could “endanger a strong economy,” "
        "according to CNBC.",
        "endanger",
        "James Bullard",
    ),
    ("Canadians are advised to “exercise a high degree of caution”.", "high degree", None),
    # --- pronouns: the gender must fit; the subject of the last sentence is in focus
    (
        "Dorie Greenspan has written books with Pierre Herme.\n\n“I loved doing that,” she says.",
        "loved doing",
        "Dorie Greenspan",
    ),
    (
        "Jerry Sabine hopes Ottawa will act.\n\n“This is a way to show off,” he said.",
        "show off",
        "Jerry Sabine",
    ),
    (
        "Liberal MP Marco Mendicino — a former prosecutor — went on CBC later.\n\n"
        "“Neither directed, nor pressured,” he said.",
        "Neither directed",
        "Marco Mendicino",
    ),
    (
        "Vice-President Wang Qishan spoke in Davos. Wang said China still has "
        "“enormous market potential”.",
        "enormous market",
        "Wang Qishan",
    ),
    # --- a first name no hand-typed list holds still makes a person a pronoun can reach
    (
        "Cecil Foster wrote a book about train porters.\n\n"
        "“Canada was not intended to be a multicultural society,” he writes.",
        "multicultural",
        "Cecil Foster",
    ),
    # --- a surname that is also a month or a modal verb, after a title
    (
        "The vote was a blow to Theresa May.\n\n"
        "After the vote, Ms. May acknowledged the scale of the defeat. “I have always "
        "believed in an orderly exit,” she told MPs.",
        "orderly exit",
        "Theresa May",
    ),
    # --- a definite description as the speaker: the person the story is about
    (
        "Guenther Schuh knows he is entering uncharted waters.\n\n"
        "“I don’t know any carmaker that makes money,” the lanky, bespectacled professor said.",
        "carmaker",
        "Guenther Schuh",
    ),
    (
        "Caleb Jones recorded his first NHL goal.\n\n"
        '"We played well tonight," said the rookie defenceman.',
        "played well",
        "Caleb Jones",
    ),
    (
        "Caleb Jones and Mark Scheifele both scored.\n\n"
        '"We played well tonight," said the rookie defenceman.',
        "played well",
        None,
    ),
    # --- background paragraphs between a speaker and her pronoun
    (
        "Sarah Baxter chairs the board of trustees.\n\n"
        "The district has grown for a decade.\n\nPortables fill the school yards.\n\n"
        "Class sizes are rising across the region.\n\n"
        "“We absolutely realize how huge it is,” she said.",
        "how huge",
        "Sarah Baxter",
    ),
    (
        "Sarah Baxter chairs the board of trustees.\n\n"
        "The district has grown for a decade.\n\nPortables fill the school yards.\n\n"
        "Trustees received a letter from Laura Chen about portables.\n\n"
        "“We absolutely realize how huge it is,” she said.",
        "how huge",
        None,
    ),
    # --- reporting verbs beyond "say": scold, echo, mention
    (
        "“You would never do that with a man,” scolded Elyse.",
        "never do that",
        "Elyse",
    ),
    (
        "Robert McMillen is a barber.\n\n"
        "“Confidence is the most attractive thing,” echoes McMillen.",
        "Confidence",
        "Robert McMillen",
    ),
    # --- "it" is an organisation the article named, even one written in capitals
    (
        "EDC declined to answer most questions. “We are obligated to respect the "
        "confidentiality of clients,” it said in a statement.",
        "confidentiality",
        "EDC",
    ),
    # --- a quote after a sentence about one person, with no verb of its own
    (
        "Pete Fry won a seat on council.\n\n"
        "Mr. Fry describes himself as the most left-leaning member. “Why would I pander "
        "to the millionaires?”",
        "pander",
        "Pete Fry",
    ),
    (
        "Police arrested the driver on Tuesday. “Why would I pander to the millionaires?”",
        "pander",
        None,
    ),
    # --- a second man named just before "he": two people it could mean, so nobody
    (
        "Donald Trump mocked the prime minister on Tuesday.\n\n"
        "It is a comment that Andrew Scheer found concerning.\n\n"
        "“We would never accept that,” he said.",
        "never accept",
        None,
    ),
    (
        "Donald Trump mocked the prime minister on Tuesday. He then called Andrew Scheer.\n\n"
        "“We would never accept that,” he said.",
        "never accept",
        "Donald Trump",
    ),
    # --- the main clause after an opening phrase with commas of its own
    (
        "Jody Wilson-Raybould resigned.\n\n"
        "Speaking in Vaughan, Ont., on Thursday morning, Justin Trudeau denied the story. "
        "“The allegations are false,” he said.",
        "allegations",
        "Justin Trudeau",
    ),
    # --- the subject after its verb, past the words that qualify it
    (
        "Results are “very exciting,” says Heart and Stroke senior manager Erin Kim, who "
        "leads the project.",
        "very exciting",
        "Erin Kim",
    ),
    ("“Our allies are laughing at us,” said oil and gas worker Mike Wipf.", "allies", "Mike Wipf"),
    (
        "Doug McCallum released a statement.\n\n“I was deeply dismayed,” he was quoted as "
        "saying in the press release.",
        "dismayed",
        "Doug McCallum",
    ),
    # --- a capitalised title at the start of a sentence is no opener
    (
        "Foreign Affairs Minister Chrystia Freeland says Canada will plead for clemency, "
        "calling capital punishment “inhumane.”",
        "inhumane",
        "Chrystia Freeland",
    ),
    # --- name particles: "van der", "de la"
    (
        "Sutopo Purwo Nugroho gave the toll.\n\n"
        "Ben van der Pluijm, a geologist, said a slope may have collapsed.\n\n"
        "“Instability of the slope can create a rock slide,” he said.",
        "Instability",
        "Ben van der Pluijm",
    ),
    # --- a role set off by the name it describes, then the verb
    (
        "Jason Schultz wrote a post.\n\n"
        "Director, security response at cybersecurity firm Symantec, Kevin Haley, agreed "
        "with this finding.\n\n“We believe it is the same group,” he confirmed.",
        "same group",
        "Kevin Haley",
    ),
    # --- a negated auxiliary between the subject and its verb
    (
        "Stacy Lewis played first.\n\n"
        "When asked what was harder, being on the mound or on the green, Mark Mulder didn’t "
        "hesitate.\n\n“It’s this for sure,” he said.",
        "for sure",
        "Mark Mulder",
    ),
    # --- nobody fitting in focus: the one fitting person just named, object or not
    (
        "Ashley wrote in about beards. I asked barber Robert McMillen about the trend.\n\n"
        "“The big beard has died off a bit,” he explains.",
        "died off",
        "Robert McMillen",
    ),
    # --- a name whose first word is a common word is a person once quoted by name
    (
        "“My feel is something I have to figure out,” Tiger Woods said.\n\n"
        "He was using a Scotty Cameron Newport putter.\n\n"
        "Woods has it covered. He said he feels “a lot stronger” after the gym.",
        "a lot stronger",
        "Tiger Woods",
    ),
    # --- a phrase a person owns, or said "in her words", or was "talking about"
    (
        "Elon Musk’s company makes cars. To head off Musk’s “production hell”, Schuh tests early.",
        "production hell",
        "Elon Musk",
    ),
    (
        "Wendy Golden lives with two dogs. The shrine had, in her words, become “unhealthy.”",
        "unhealthy",
        "Wendy Golden",
    ),
    (
        "Onyeka shook things up, talking about how she saved Colton “from drowning” on "
        "the first night.",
        "from drowning",
        "Onyeka",
    ),
    # --- continuations
    ('"Start with the facts," he said. "Then ask."', "Then ask", None),
    (
        "Keir Starmer spoke outside Downing Street. “A line has been crossed,” he said. "
        "“We will act.”",
        "We will act",
        "Keir Starmer",
    ),
    (
        "For his part, Dennis Brooks said he obtained housing in October.\n\n"
        "“It feels good. It feels warm.”",
        "feels warm",
        "Dennis Brooks",
    ),
    (
        "“Are there prizes?” Brittany Lincicome asked before her drive.",
        "prizes",
        "Brittany Lincicome",
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
    return Extractor().extract(article)


@pytest.mark.parametrize(("text", "fragment", "speaker"), ROWS, ids=[r[0][:60] for r in ROWS])
def test_attribution(text: str, fragment: str, speaker: str | None) -> None:
    found = extract(text)
    quotes = [q for q in found.quotes if fragment in q.text]
    assert len(quotes) == 1, f"{fragment!r} in {[q.text for q in found.quotes]}"
    assert quotes[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The minister worried about the “optics” of the deal.", "optics"),
        ("He was “legally drunk”, police said later.", "legally drunk"),
        ("She appeared on “Meet the Press” on Sunday.", "Meet the Press"),
        ("Fans of “Game of Thrones” queued overnight.", "Game of Thrones"),
        ("The film “The Kid Who Would Be King” opens today.", "The Kid Who Would Be King"),
        ("Crowds chanted “Make America Great Again” outside.", "Make America Great Again"),
        ("Singh will check “elected” off his list.", "elected"),
        ("Ann Smith stars tonight. Smith’s “Hamlet” opens today.", "Hamlet"),
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
