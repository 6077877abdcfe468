"""What a value measures: the predicate and the subject a number or a date belongs to.

Two reports' values contradict each other only when they measure the same attribute of the same
subject: "Garrard threw for 329 yards" and "Manning threw for 364 yards" share a unit and a verb
but not a subject; a poll's "margin of error of 4.5 percent" and "83.3 percent of Greeks" share a
unit but not what they are a share of; "26 miles north of Santa Rosa" and "one mile north of The
Geysers" are distances from two places. The measure is read from the dependency parse:

- the *predicate*: the verb the value hangs on ("threw for 329 yards" → throw, "5 people died" →
  die, "killed 5" → kill), else the noun it measures ("a death toll of 5" → toll, "a margin of
  error of 4.5 percent" → margin, "Hiller, 43," → age);
- the *subject*: who or what the predicate is about, the verb's subject through relative clauses
  ("Garrard, who completed 28 passes for 329 yards": Garrard) and conjoined verbs, or the noun a
  number is in apposition to (an age);
- the *reference*: the place a distance is measured from ("north of Santa Rosa") or the whole a
  share is of ("percent of Greeks");
- *conversion*: a money amount in parentheses right after an amount in another currency ("€110
  billion ($143 billion)") is the same amount converted, at a rate the outlet chose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rashomon.analysis.durations import duration_days
from rashomon.analysis.nlp import doc_ents, doc_text
from rashomon.records import Measure

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_VERBAL = {"VERB", "AUX"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
# Relative and personal pronouns say nothing about who the subject is on their own.
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_PRONOUNS = _RELATIVE | {"he", "she", "it", "they", "him", "her", "them", "i", "we", "you", "this",
                         "these", "those", "one", "his", "its", "their", "our", "my", "your"}
# Pronouns that stand for one person: a value's subject is kept as the pronoun, and
# rashomon.value_conflicts reads it as the one person named just before it, if only one is.
PERSONAL = frozenset({"he", "she"})
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west", "away", "outside", "off",
               "northeastern", "northwestern", "southeastern", "southwestern", "northern",
               "southern", "eastern", "western"}
_SCOPE_PREPOSITIONS = frozenset({"in", "during", "over", "through", "throughout", "since", "within"})
# Words that make a noun one part of its kind: "the first half", "the second semifinal" (an
# ordinal picks one of several).
_PARTIAL = frozenset({"first", "last", "final", "opening", "early", "late", "previous", "straight",
                      "consecutive", "unanswered", "more", "other", "additional", "further",
                      "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                      "tenth"})
# Kinds of play a count may be made "on" ("six touchdowns on offense", "three on punt
# returns", "100 yards on 20 carries"): two kinds are two counts.
_PLAYS = frozenset(
    "offense defense return runback reception catch carry rush pass attempt shot play "
    "possession drive kick punt kickoff throw serve".split()
)
# Means of payment an amount may be one part of ("$281 million in cash and the rest in stock").
_MEANS = frozenset("cash stock share equity debt loan bond credit".split())
# Parts of an event or of a record a count may cover ("in the first half", "over 105 games").
_PERIODS = frozenset(
    "season half quarter period career game run stretch round inning minute span series match "
    "stint spell session overtime".split()
)
# Words of time a date may modify without dating another thing ("Thursday night").
_TIMES = frozenset(
    "night morning afternoon evening noon midnight weekend time day week month year hour date era "
    "period decade century spring summer autumn fall winter holiday".split()
)
# Particles that make a verb another act ("check out" / "check in", "give up" / "give"); other
# particles leave the act as it is ("hand over" is handing).
OWN_PARTICLES = frozenset({"out", "off", "up", "down", "back", "away"})
# An age: "43" (in apposition), "26-year-old", "Sixty-year-old", "age 61"; a number in words
# only with "year(s) old" after it.
AGE = re.compile(r"(?:aged?\s+)?(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)(?P<old>[- ]years?[- ]old)?", re.I)
_MONEY = re.compile(r"(?:[$€£¥₩₽]|\b(?:dollars?|euros?|pounds?|yen|yuan|won|rubles?|roubles?)\b)", re.I)


def measure_of(span: Span) -> Measure:
    """The measure of the value whose tokens are ``span``."""
    inside = range(span.start, span.end)
    outward = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    token = outward[-1] if outward else span.root
    predicate: Token | None = None
    noun_predicate: Token | None = None
    measured = False  # the value is the noun predicate's "of" phrase ("a record of 2,116 points")
    subject: Token | None = None
    first = token
    # The noun the number counts or measures ("329 yards", "5 people"), then up the tree.
    dated = span.label_ in {"DATE", "TIME"}
    for _ in range(3):
        if token.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"} | (
            {"poss"} if dated else set()
        ) and (
            token.head.i not in inside and token.head.pos_ in _NOMINAL | {"ADJ"}
        ):
            token = token.head
        else:
            break
    noun = token  # what the number counts; ``token`` climbs on from here
    reference = _reference(noun) or _direction_reference(span)
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS), None)
    age = AGE.fullmatch(span.text.strip())
    if age and (age["n"].isdigit() or age["old"]) and (
        age["old"] or span.label_ == "DATE" and first.dep_ in {"appos", "amod", "npadvmod"}
    ):
        # "Yvonne Hiller, 43,", "a 26-year-old actress", "Smith, age 61,": an age of the noun
        # it stands by; "Smith, aged 61,": of the noun "aged" stands by.
        head = first.head
        if head.lemma_ == "age" and head.pos_ in {"VERB", "ADJ"} and head.dep_ in {"amod", "acl"}:
            head = head.head
        # People's ages only: "IE6, 7, 8" is no age of IE6.
        if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ == "PERSON"):
            return Measure(predicate="age", subject=_text(head), subject_start=head.idx,
                           subject_end=head.idx + len(head.text))
    told = None if dated else _participle(noun)
    if told is not None:
        # "one of 99 Mafia members seized on Tuesday", "the 235,000 comments received": a
        # participle on the counted noun says what the number counts them as (seized, not
        # the "hanged" of the sentence's main verb); the noun is its object, not its subject.
        return Measure(
            predicate=told.lemma_.lower(), predicate_start=told.idx,
            scope=_scope(told, noun, span, dated=False),
            reference=_text(reference) if reference is not None else None,
            conversion=_conversion(span),
        )
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            if token.pos_ in _VERBAL:
                predicate = token
            break
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod",
                          "advmod", "acomp", "ccomp", "xcomp", "conj", "appos"} and head.pos_ in _VERBAL:
            predicate = head
            break
        if token.dep_ == "pobj":
            token = head  # the preposition
            continue
        if token.dep_ == "prep":
            host = _closed_relative(token) if dated and head.pos_ in _VERBAL else None
            if host is not None:
                noun = host  # the parse hung the date on the verb; it dates the noun
                break
            if head.pos_ in _VERBAL:
                predicate = head
                break
            if head.pos_ in {"NOUN", "PROPN"} and noun_predicate is None:
                noun_predicate = head  # "a toll of 5", "a margin of error of 4.5 percent"
                measured = token.lower_ == "of"
            token = head
            continue
        if head.pos_ in {"NOUN", "PROPN"} and noun_predicate is None and token.dep_ in {
            "compound", "amod", "nmod", "poss"
        }:
            noun_predicate = head
        if head.pos_ in _VERBAL:
            predicate = head
            break
        token = head
    # A measure joined to its number by a hyphen describes the noun it modifies: "a 41-yard
    # touchdown pass" is one pass's length, not the yards thrown for.
    after = span.doc[span.end : span.end + 2]
    joined = (
        not dated and len(after) == 2 and after[0].text in {"-", "\u2013"} and not span[-1].whitespace_
        and noun.i > after[1].i
    )
    dated_noun = (dated or joined) and noun.i not in inside and noun.lemma_.lower() not in _PERIODS | _TIMES
    # A value inside a phrase about another thing, itself a verb's adjunct: "After Nixon's
    # election in 1968, LaRue worked …" dates the election, not the work.
    adjunct = noun_predicate is not None and predicate is not None and noun_predicate.dep_ == "pobj"
    # The measure of a thing someone else owns: "broke Rodney Buford's school scoring record
    # of 2,116 points" gives Buford's record, not a count of the one who broke it ("handed
    # over to the leader's sister on Jan. 18" still dates the handing over).
    adjunct = adjunct or measured and noun_predicate is not None and predicate is not None and any(
        c.dep_ == "poss" and c.lower_ not in _PRONOUNS for c in noun_predicate.children
    )
    if owner is not None:
        subject = owner  # "Ford's 2,290 points"
    elif adjunct and noun_predicate is not None:
        subject = next(
            (c for c in noun_predicate.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS), None
        )
    elif predicate is not None:
        subject = _subject(predicate, value=span)
    if dated_noun:
        # A date that modifies a noun dates that thing: "received the 2000 National Caring
        # Award" is the award's year, "for the March 11, 2005, rampage" the rampage's date,
        # "Saturday's semifinals" the semifinals' day; none of them is the verb's.
        name, start = noun.lemma_.lower(), noun.idx
        subject = None
    elif noun_predicate is not None and (
        adjunct or noun_predicate.lemma_.lower() in {"toll", "margin", "magnitude", "rate"}
    ):
        name = noun_predicate.lemma_.lower()
        start = noun_predicate.idx
    elif predicate is not None:
        name, start = predicate.lemma_.lower(), predicate.idx
        particle = next(
            (c.lower_ for c in predicate.children
             # "checked out of": the parse may take the particle for a preposition
             if c.dep_ == "prt" or c.dep_ == "prep" and c.i == predicate.i + 1 and c.lower_ in {"out", "off"}),
            None,
        )
        if particle in OWN_PARTICLES:
            name = f"{name} {particle}"  # "checked out of the clinic" is no check-in
    elif noun_predicate is not None:
        name, start = noun_predicate.lemma_.lower(), noun_predicate.idx
    else:
        name, start = None, None
    return Measure(
        # A dated thing is its own object: "the 2000 award" and "received the award in 2000"
        # compare, "the 2000 award" and "the medal in 2006" do not.
        object=noun.lemma_.lower() if dated_noun else None if adjunct else _object(predicate, noun, span),
        # A length on a plural noun is several things' ("the seven-year offers were in the
        # $140 million range"), no one thing's ("an eight-year offer from the Red Sox"). A
        # date on one ("Saturday's semifinals") still dates each of them.
        scope=_scope(predicate, noun, span, dated=dated) + (
            ["several"] if dated_noun and noun.tag_ in {"NNS", "NNPS"} and duration_days(span.text) else []
        ),
        predicate=name,
        predicate_start=start,
        subject=_text(subject) if subject is not None else None,
        subject_start=subject.idx if subject is not None else None,
        subject_end=subject.idx + len(subject.text) if subject is not None else None,
        subject_proper=subject is not None and _proper(subject),
        reference=_text(reference) if reference is not None else None,
        conversion=_conversion(span),
    )


def _participle(noun: Token) -> Token | None:
    """A past participle right after a counted noun, in a reduced relative clause ("99 members
    seized on Tuesday", "5 people killed in the blast"), that has no subject of its own."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in noun.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i <= noun.i + 2 and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in child.children
        ):
            return child
    return None


def _closed_relative(prep: Token) -> Token | None:
    """The noun a date's phrase follows when a relative clause set off by commas stands between
    them: "the break-in at the Watergate complex, which housed the committee, on June 17,
    1972" dates the break-in's place, not the verb the parse hangs it on ("served a sentence
    … for cooperating with prosecutors investigating …")."""
    doc = prep.doc
    if prep.i < 2 or doc[prep.i - 1].text != ",":
        return None
    for token in doc[prep.head.i + 1 : prep.i - 1]:
        if token.dep_ == "relcl" and token.right_edge.i == prep.i - 2 and token.head.pos_ in {"NOUN", "PROPN"} \
                and token.head.i > prep.head.i:
            return token.head
    return None


def _object(predicate: Token | None, noun: Token, value: Span) -> str | None:
    """The lemma of the predicate's direct object (else of its "as" or "on" complement), unless
    the value is (in) that object."""
    if predicate is None:
        return None
    obj = next((c for c in predicate.children if c.dep_ in {"dobj", "attr"}), None)
    if obj is None:
        # With no direct object, the role or body an act is "as" or "on" stands for it:
        # "served on the AMA board from 1995" / "served as president in 2003".
        prep = next((c for c in predicate.children if c.dep_ == "prep" and c.lower_ in {"as", "on"}), None)
        obj = next(
            (g for g in prep.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}
             and g.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}),
            None,
        ) if prep else None
    if obj is None or obj.i == noun.i or obj.left_edge.i <= value.start <= obj.right_edge.i:
        return None
    if obj.lower_ in _PRONOUNS or obj.lower_.endswith(("self", "selves")):
        # "sold one in 1957" / "which he sold in 1967", "checked herself in": a pronoun
        # says nothing of what the object is, so it tells no two objects apart.
        return None
    return obj.lemma_.lower()


def _scope(predicate: Token | None, noun: Token, value: Span, *, dated: bool = False) -> list[str]:
    """Head words of the phrases that narrow what a value covers: "in the first half", "during
    a 15-2 run", "over three seasons", "in 54 games", "this season", "his first 17 passes".
    Only words for parts of an event or a record count: "injured in the riots" does not narrow
    the count of the injured."""
    words = set()
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in _PARTIAL:
            if dated and value.start <= child.i < value.end:
                continue  # "late Thursday", "early Friday": part of the time itself
            words.add(child.lower_)
    # "picked up the slack in the first half as he scored seven points": the scope of a clause
    # covers a clause of the same moment ("as", "while", "when") that it governs.
    verbs = [predicate] if predicate is not None else []
    if (
        predicate is not None and predicate.dep_ == "advcl" and predicate.head.pos_ in _VERBAL
        and any(c.dep_ == "mark" and c.lower_ in {"as", "while", "when"} for c in predicate.children)
    ):
        verbs.append(predicate.head)
    # "During the deciding 15-2 run, Echenique scored two …, grabbed 3 … and blocked two shots":
    # a phrase put before coordinated verbs covers each of them.
    first = predicate
    while first is not None and first.dep_ == "conj" and first.head.pos_ in _VERBAL:
        first = first.head
    fronted = first if first is not None and first is not predicate else None
    # "hit .358 with 13 homers and 43 RBIs in 54 games": a phrase on the last of coordinated
    # nouns covers each of them; "Playing in a combined 157 games …, Teixeira had 33 homers":
    # a participle clause without its own subject sets the scope of the clause it opens.
    nouns = [noun]
    while nouns[-1].dep_ == "conj" and nouns[-1].head.pos_ in _NOMINAL and len(nouns) < 4:
        nouns.append(nouns[-1].head)
    nouns += [c for n in list(nouns) for c in n.children if c.dep_ == "conj" and c.pos_ in _NOMINAL]
    for verb in list(verbs):
        verbs += [
            c for c in verb.children
            if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"}
            and not any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children)
        ]
    for head in nouns:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _SCOPE_PREPOSITIONS:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in _PERIODS and not value.start <= obj.i < value.end:
                    count = next((g.text for g in obj.children if g.dep_ == "nummod"), None)
                    words.add(obj.lemma_.lower() + (f":{count}" if count else ""))
    for head in [noun, *verbs]:
        for child in head.children:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" else None
            if obj is None or value.start <= obj.i < value.end:
                continue
            if child.lower_ == "on" and obj.lemma_.lower() in _PLAYS:
                words.add("on " + obj.lemma_.lower())
            if child.lower_ == "in" and obj.lemma_.lower() in _MEANS:
                words.add("in " + obj.lemma_.lower())  # "$281 million in cash": a part
    for verb in [*verbs, *([fronted] if fronted is not None else [])]:
        for child in verb.children:
            if verb is fronted and child.i > verb.i:
                continue
            if child.dep_ == "prep" and child.lower_ in _SCOPE_PREPOSITIONS:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is None or value.start <= obj.i < value.end or obj.i == noun.i:
                    continue
                if obj.lemma_.lower() in _PERIODS:
                    # "in 54 games" and "in 157 games" are two scopes: the count is kept.
                    count = next((g.text for g in obj.children if g.dep_ == "nummod"), None)
                    words.add(obj.lemma_.lower() + (f":{count}" if count else ""))
            if child.dep_ == "npadvmod" and child.lemma_.lower() in _PERIODS and not child.ent_type_:
                words.add(child.lemma_.lower())
    return sorted(words)


def _subject(verb: Token, *, value: Span) -> Token | None:
    """The verb's subject, through relative pronouns and conjoined verbs; None for a pronoun
    or when the value itself is (in) the subject."""
    for _ in range(3):
        own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if own is not None:
            if value.start <= own.i < value.end or own.head.i in range(value.start, value.end):
                return None
            if value.start >= own.left_edge.i and value.end <= own.right_edge.i + 1:
                return None  # the value lies inside the subject phrase ("5 people died")
            if own.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if own.lower_ in PERSONAL:
                return own  # "He served 136 days": whom it stands for is read in context
            if own.lower_ in _PRONOUNS or own.like_num or own.pos_ == "NUM":
                return None
            return own
        if verb.dep_ in {"relcl", "acl"}:
            return verb.head  # "Garrard, who threw …", "a ceremony held on March 21"
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.pos_ in _VERBAL:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERBAL:
            # "He was released after serving four years": a gerund after a preposition has
            # the subject of the clause the preposition belongs to.
            verb = verb.head.head
            continue
        return None
    return None


def _reference(noun: Token) -> Token | None:
    """"26 miles north of Santa Rosa" → Santa Rosa; "83.3 percent of Greeks" → Greeks."""
    for child in noun.children:
        if child.dep_ in {"advmod", "amod", "prep", "npadvmod"} and child.lower_ in _DIRECTIONS:
            for grand in child.children:
                if grand.dep_ == "prep":
                    obj = next((g for g in grand.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        if child.dep_ == "prep" and child.lower_ in {"of", "from"} and noun.lemma_.lower() in {
            "percent", "%", "mile", "kilometer", "kilometre", "km", "yard", "foot", "meter", "metre"
        }:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _direction_reference(span: Span) -> Token | None:
    """"about 26 miles north of Santa Rosa", however the parse hangs "north": the object of
    the "of"/"from" after a direction word right after the value."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].i != span.root.i:
        i += 1  # the unit after the number ("26 miles")
    if i + 2 < len(doc) and doc[i].lower_ in _DIRECTIONS and doc[i + 1].lower_ in {"of", "from"}:
        obj = doc[i + 2]
        while obj.dep_ == "compound" and obj.head.i > obj.i:
            obj = obj.head
        return obj
    return None


def _conversion(span: Span) -> bool:
    """A money amount in parentheses right after another amount: the same sum converted."""
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 40) : span.start_char].rstrip()
    # The first amount's currency sign may be lost to a bad encoding ("a? 110-billion ($143
    # billion)"): any amount before the parenthesis will do.
    return before.endswith("(") and bool(re.search(r"\d", before[-25:-1])) and bool(
        _MONEY.search(span.text) or _MONEY.search(text[span.end_char : span.end_char + 10])
    )


def _proper(token: Token) -> bool:
    """A proper name by its tag, or a capitalised word that is a person's last name elsewhere
    in the text ("Manning threw for 364 yards," opening a fragment, tagged as a verb)."""
    if token.pos_ == "PROPN":
        return True
    return token.text[:1].isupper() and any(
        ent.label_ == "PERSON" and ent[-1].text == token.text for ent in doc_ents(token.doc)
    )


def _text(token: Token) -> str:
    """A subject's words: its compound and flat name parts ("Peyton Manning", "Santa Rosa")."""
    parts = [t for t in token.subtree if t.i <= token.i and (t.dep_ in {"compound", "flat"} or t.i == token.i)]
    lo = min(t.i for t in parts)
    return token.doc[lo : token.i + 1].text
