"""Claims: one per main clause, with who did what to whom, when, where and how many.

The content of "KCNA reported that Putin gave Kim a car" is "Putin gave Kim a car": the claim's
actor is Putin, not KCNA (KCNA is its attribution). Hedges ("plans to", "is believed to",
"reportedly", modal verbs) and negation are recorded, not dropped. Times, places and quantities
inside the reporting cue ("… KCNA reported on Tuesday") describe the report, not the claim, and
are left out of its slots.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rashomon.analysis.attribution import SELF_VERBS, Cue, attribute_sentences, closing_cue, find_cues, interrupts, outermost
from rashomon.sources import SourceRegistry
from rashomon.analysis.nlp import sentence_spans
from rashomon.records import Article, Attribution, Claim, Slot

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs and adjectives whose complement is the claim, weakened ("plans to visit").
HEDGE_HEADS = frozenset(
    "plan expect believe seem appear intend aim hope want set likely unlikely possible "
    "probable unclear uncertain unknown think suspect say report rumor rumour estimate "
    "consider suppose allege presume".split()
)
# Hedges only in the passive ("is said to have", "is reported to be").
PASSIVE_HEDGES = frozenset({"say", "report", "allege", "rumor", "rumour", "estimate", "consider"})
# Verb forms written as clitics, whose lemma the tagger leaves as written.
CLITICS = {"s": "be", "re": "be", "m": "be", "ve": "have", "ll": "will", "d": "would"}
HEDGE_ADVERBS = frozenset(
    "reportedly allegedly possibly probably apparently likely perhaps potentially purportedly "
    "supposedly seemingly presumably maybe".split()
)
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can"})
# "give X to Y", "hand over X to Y": the "to" phrase is the recipient.
TRANSFER_VERBS = frozenset(
    "give hand present send deliver sell transfer offer supply convey donate ship export "
    "provide pass lend award grant return gift bestow entrust".split()
)
# "present X with Y": X is the recipient and Y the object.
WITH_VERBS = frozenset({"present", "provide", "supply", "furnish", "reward", "equip", "gift"})
MIN_WORDS = 4  # fewer words than this: debris ("Read in Korean"), never a claim
_OPENING, _CLOSING = "“\"", "”\""


def extract_claims(doc: Doc, *, article: Article, registry: SourceRegistry) -> list[Claim]:
    """One claim per main clause of each sentence with a content verb."""
    attributions = attribute_sentences(doc, article=article, registry=registry)
    cues = find_cues(doc, article=article, registry=registry)
    cue_verbs = {c.verb: c for c in cues}
    sentences = sentence_spans(doc) if not article.sentences else [
        doc.char_span(s.start, s.end, alignment_mode="expand") or doc[0:0] for s in article.sentences
    ]
    quoted = [(q.start, q.end) for q in article.quotes if q.kind == "direct"]
    claims: list[Claim] = []
    for index, sent in enumerate(sentences):
        attribution = attributions[index] if index < len(attributions) else None
        cue_spans = [
            (c.attribution.start, c.attribution.end)
            for c in cues
            if c.sentence == index and c.attribution.start is not None
        ]
        for lo, hi in _segments(sent):
            for head, tokens in _main_clauses(doc, lo, hi, cue_verbs, whole=_quoted(doc[lo:hi], quoted)):
                claim = _claim(
                    doc, head, tokens, article=article, index=index, cue_verbs=cue_verbs,
                    cue_spans=cue_spans,
                    attribution=_clause_attribution(doc, head, tokens, cue_verbs, attribution, sent),
                )
                if claim is not None:
                    claims.append(claim)
    for n, claim in enumerate(claims, start=1):
        claim.id = f"{article.id}:c{n}"
    return claims


def _clause_attribution(
    doc: Doc, head: Token, tokens: list[Token], cue_verbs: dict[int, Cue], sentence: Attribution | None, sent
) -> Attribution | None:
    """The attribution of one clause: its own cue (the one governing its head first), else the
    sentence's when that was carried from another sentence, else the outlet's own (self)."""
    ids = {t.i for t in tokens}
    # A cue closing the sentence after a comma frames every clause before it, cues and all
    # ("Heller told the judge that she checked in, but …, reports AP": AP's).
    closing = next(
        (c for c in cue_verbs.values() if sentence is not None and c.attribution is sentence and closing_cue(c, doc)),
        None,
    )
    if closing is not None and closing.verb > max((t.i for t in tokens if not t.is_punct), default=closing.verb):
        return sentence
    own = [cue_verbs[i] for i in sorted(ids) if i in cue_verbs]
    # (a speech act inside reported content is content; a cue closing the sentence is none)
    own = [c for c in own if not c.weak or closing_cue(c, doc)] or own
    own = outermost(own, doc)  # "X said …, the newspaper reported": the newspaper's
    # A cue inside a relative clause tells what that clause says of its noun, not the clause
    # the noun stands in ("The patch fixes a flaw that Microsoft says has been used",
    # "Seacom had problems on Saturday, which it said were caused by a cable fault", "… will
    # replace Matt Smith, who announced in June that he was leaving"). On the development
    # split of gold/findings this took 4 attributions and lost none; with "who said" left to
    # speak for its sentence, 2.
    # (a cue set off by commas that the parse took for a relative clause interrupts the
    # clause it reports: "Mr. Gigante, the indictment asserted, wanted …")
    own = [c for c in own if c.verb == head.i or doc[c.verb].dep_ != "relcl" or interrupts(doc[c.verb])]
    if own:
        # (the cue that heads the clause before one hung on it: "Although the rep wouldn't reveal
        # why, a source said that …" is the source's)
        governing = [c for c in own if c.verb == head.i] or [c for c in own if doc[c.verb].head.i == head.i]
        return (governing or own)[0].attribution
    if sentence is None or sentence.start is None:
        return sentence
    inside = sent.start_char <= sentence.start < sent.end_char
    # A cue after the clause ("A bomb killed two, and police had no suspects, officials
    # said") covers everything before it; a cue before it ("X said A, while B") does not.
    clause_end = max(t.idx + len(t.text) for t in tokens)
    trailing = sentence.start >= clause_end
    # An opening "According to X," covers every clause after it; so does a transcript's
    # speaker label ("President Barack Obama: Before I introduce …").
    opening = ((sentence.phrase or "").lower().startswith("according to") or (sentence.phrase or "").endswith(":")) and not (
        sent.text[: sentence.start - sent.start_char].strip(" \t\n\"“‘'(")
    ) if inside else False
    # A cue between two joined clauses ("The stove was running, police said, and a heater had been
    # turned on") is set in after the first and covers the second too.
    clause_start = min(t.idx for t in tokens)
    between = sent.text[sentence.end - sent.start_char : clause_start - sent.start_char] if inside else ""
    parenthetical = inside and sentence.end <= clause_start and bool(
        re.fullmatch(r"\s*,\s*(and|but)\s*", between)
    ) and sent.text[: sentence.start - sent.start_char].rstrip().endswith(",")
    covered = trailing or opening or parenthetical or _goes_on(doc, head, cue_verbs, sentence)
    return Attribution("self", None) if inside and not covered else sentence


def _goes_on(doc: Doc, head: Token, cue_verbs: dict[int, Cue], sentence: Attribution) -> bool:
    """Whether a clause joined to a cue goes on with the speaker's account, its subject the
    same pronoun as the cue's ("He said the bank was evacuated and he saw people leaving")."""
    cue = next((c for c in cue_verbs.values() if c.attribution is sentence), None)
    if cue is None or cue.subject is None or head.dep_ != "conj" or head.head.i != cue.verb:
        return False
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    speaker = doc[cue.subject[0] : cue.subject[1]]
    return (
        subject is not None and subject.lower_ in {"he", "she"} and len(speaker) == 1
        and speaker[0].lower_ == subject.lower_
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in (*doc[cue.verb].children, *head.children))
    )


def _segments(sent) -> list[tuple[int, int]]:
    """Token ranges of the sentence split at line breaks (a parse may join two paragraphs)."""
    parts, lo = [], sent.start
    for token in sent:
        if token.is_space and "\n" in token.text:
            if token.i > lo:
                parts.append((lo, token.i))
            lo = token.i + 1
    if sent.end > lo:
        parts.append((lo, sent.end))
    return parts


def _quoted(segment, quoted: list[tuple[int, int]]) -> bool:
    """Whether most of a sentence's words lie inside direct quotations."""
    words = [t for t in segment if not t.is_punct and not t.is_space]
    inside = sum(any(s <= t.idx < e for s, e in quoted) for t in words)
    # Half of the words: a quoted sentence with its speech tag ("…,” mused another) is quoted;
    # a sentence that only introduces a quotation (“The source quoted one resident as saying:
    # …”) is split as any other. Read on the seeds and the examples' quotations.
    return bool(words) and inside / len(words) >= 0.5


def _main_clauses(
    doc: Doc, lo: int, hi: int, cue_verbs: dict[int, Cue], *, whole: bool = False
) -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of each main clause: the root, and conjoined or semicolon-joined verbs
    with a subject of their own. A ``whole`` sentence (a quoted one) is one clause: "They may
    keep us in the dark, but we're not blind" is one statement of its speaker, and "we're not
    blind" alone would misquote it."""
    roots = [t for t in doc[lo:hi] if (t.head.i == t.i or not lo <= t.head.i < hi) and not t.is_space]
    # The sentence root first, then verbs: a parse across a line break hangs stray pieces on
    # the other paragraph.
    roots.sort(key=lambda t: (t.head.i != t.i, t.pos_ not in {"VERB", "AUX"}, t.is_punct, t.i))
    if not roots:
        return []
    root = roots[0]
    if whole:
        return [(root, [t for t in doc[lo:hi]])]
    root = _verb_under_subject(root) or root
    heads = [root]
    for child in root.children:
        if child.dep_ in {"conj", "parataxis"} and child.pos_ in {"VERB", "AUX"} and lo <= child.i < hi:
            cue = cue_verbs.get(child.i)
            if cue is not None and cue.content == root.i:
                continue  # a trailing cue ("…, KCNA reported") is part of the clause it reports
            if any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in child.children):
                heads.append(child)
    clauses = []
    others = set()
    for h in heads[1:]:
        others |= {t.i for t in h.subtree}
        cc = [t for t in root.children if t.dep_ in {"cc", "punct"} and t.i == h.left_edge.i - 1]
        others |= {t.i for t in cc}
    clauses.append((root, [t for t in doc[lo:hi] if t.i not in others]))
    for h in heads[1:]:
        clauses.append((h, [t for t in h.subtree if lo <= t.i < hi]))
    return clauses


# Finite verb forms: a verb in one of these hung on a noun by the parse is the sentence's own.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _verb_under_subject(root: Token) -> Token | None:
    """The verb of a sentence the parser rooted on its subject noun and hung the verb on as a
    modifier ("The actress, 33, reportedly headed to a facility": 'headed' an acl of
    'actress'). Only a finite verb after the noun, not a true relative clause ("officers who
    responded") nor a reduced one ("an investigation initiated by Kefauver": a participle)."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in root.rights:
        if child.dep_ not in {"acl", "advcl", "amod", "relcl"} or child.pos_ != "VERB" or child.tag_ not in _FINITE:
            continue
        if any(g.dep_ in {"nsubj", "nsubjpass", "mark"} or g.tag_ in {"WDT", "WP", "WRB"} for g in child.lefts):
            continue  # a clause of its own ("who carried signs", "when the jury found")
        return child
    return None


def _content(head: Token, cue_verbs: dict[int, Cue]) -> tuple[Token | None, list[Token], bool]:
    """The content verb under ``head`` (through reporting cues, hedges and "it is … that"),
    the chain of verbs passed, and whether a hedge was passed."""
    chain: list[Token] = []
    hedged = False
    token = head
    for _ in range(6):
        lemma = token.lemma_.lower()
        cue = cue_verbs.get(token.i)
        if (cue is not None and cue.content != token.i) or (cue is None and lemma in SELF_VERBS):
            target = cue.content if cue is not None else None
            if target is None:
                return None, chain, hedged  # attribution only, the content lies elsewhere
            if lemma in HEDGE_HEADS and any(c.dep_ == "auxpass" for c in token.children):
                hedged = True  # hearsay passed on ("is believed to have", "is said to be")
            token = token.doc[target]
            continue
        chain.append(token)
        comp = next((c for c in token.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}), None)
        adj = next((c for c in token.children if c.dep_ == "acomp" and c.lemma_.lower() in HEDGE_HEADS), None)
        expletive = any(c.dep_ in {"expl"} or (c.dep_ == "nsubj" and c.lower_ == "it") for c in token.children)
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if comp is not None and lemma in HEDGE_HEADS and (lemma not in PASSIVE_HEDGES or passive):
            hedged, token = True, comp
            continue
        if adj is not None:
            inner = next((c for c in list(adj.children) + list(token.children) if c.dep_ in {"xcomp", "ccomp"}), None)
            if inner is not None:
                hedged, token = True, inner
                continue
        if expletive and comp is not None and comp.dep_ == "ccomp":
            token = comp
            continue
        break
    # A predicate the tagger took for an adjective or noun ("Washington was concerned", "those
    # detained face five years") still has a subject of its own.
    predicate = token.pos_ in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    if not predicate:
        return None, chain, hedged
    if not chain or chain[-1].i != token.i:
        chain.append(token)
    return token, chain, hedged


def _claim(
    doc: Doc,
    head: Token,
    tokens: list[Token],
    *,
    article: Article,
    index: int,
    cue_verbs: dict[int, Cue],
    cue_spans: list[tuple[int, int]],
    attribution: Attribution | None,
) -> Claim | None:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < MIN_WORDS:
        return None
    verb, chain, hedged = _content(head, cue_verbs)
    if verb is None:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    end = max([end] + [t.idx + len(t.text) for t in tokens if t.is_punct and t.idx >= start])
    text = article.text
    # A claim that ends a quotation opens it too: “They shouldn’t have …,” said one person.
    if start > 0 and text[start - 1] in _OPENING and any(c in text[start:end] for c in _CLOSING):
        start -= 1

    def outside_cue(s: int, e: int) -> bool:
        return start <= s and e <= end and not any(cs <= s and e <= ce for cs, ce in cue_spans)

    slots: list[Slot] = []

    def add(name: str, span: tuple[int, int] | None, value: str | None = None) -> None:
        if span is None:
            return
        s, e = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
        slots.append(Slot(name, text[s:e], s, e, value))

    subject, passive_subject = _subjects(verb, chain)
    lo_seg, hi_seg = tokens[0].i, tokens[-1].i + 1
    if subject is not None and not lo_seg <= subject.i < hi_seg:
        subject = next((c for c in subject.children if lo_seg <= c.i < verb.i and c.dep_ == "appos"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    lemma = verb.lemma_.lower()
    if not lemma.isalpha():
        lemma = CLITICS.get(verb.lower_.strip("'’"), lemma)
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    dative = next((c for c in verb.children if c.dep_ == "dative"), None)
    if dative is not None and dative.pos_ == "ADP":
        dative = next((c for c in dative.children if c.dep_ == "pobj"), None)
    preps: dict[str, Token | None] = {}
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ not in preps:
            preps[c.lower_] = next((g for g in c.children if g.dep_ == "pobj"), None)
    obj = dobj or next((c for c in verb.children if c.dep_ in {"attr", "acomp"}), None)
    recipient = dative
    if lemma in WITH_VERBS and dobj is not None and preps.get("with") is not None:
        recipient, obj = dobj, preps["with"]
    elif recipient is None and lemma in TRANSFER_VERBS and preps.get("to") is not None:
        recipient = preps["to"]

    actor_span = _np(subject) if subject is not None else (_np(agent_obj) if agent_obj is not None else None)
    add("actor", actor_span)
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    action_end = particle.i + 1 if particle is not None and particle.i == verb.i + 1 else verb.i + 1
    add("action", (verb.i, action_end), lemma + (f" {particle.lower_}" if particle is not None else ""))
    object_token = passive_subject if passive_subject is not None else obj
    if object_token is not None:
        add("object", _np(object_token, with_conj=_stray_conj(verb, object_token)))
    if recipient is not None:
        add("recipient", _np(recipient, with_conj=_stray_conj(verb, recipient)))
    for t in article.times:
        if outside_cue(t.start, t.end):
            slots.append(Slot("time", text[t.start : t.end], t.start, t.end, t.value))
    actor_chars = _chars(doc, actor_span)
    for m in article.mentions:
        if m.label in {"GPE", "LOC", "FAC"} and outside_cue(m.start, m.end) and (m.start, m.end) != actor_chars:
            slots.append(Slot("place", text[m.start : m.end], m.start, m.end, m.text))
    for q in article.quantities:
        if outside_cue(q.start, q.end):
            slots.append(Slot("quantity", text[q.start : q.end], q.start, q.end, _number(q.value)))

    negated = any(c.dep_ == "neg" for t in chain for c in t.children)
    hedged = hedged or any(
        (c.dep_ == "aux" and c.lemma_.lower() in HEDGE_MODALS)
        or (c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS)
        or (c.dep_ == "mark" and c.lower_ == "whether")
        for t in chain
        for c in t.children
    ) or any(t.lower_ in HEDGE_ADVERBS and t.dep_ == "advmod" and t.head.i == head.i for t in tokens)
    return Claim(
        id="", article=article.id, sentence=index, start=start, end=end, text=text[start:end],
        slots=slots, attribution=attribution, negated=negated, hedged=hedged,
    )


def _subjects(verb: Token, chain: list[Token]) -> tuple[Token | None, Token | None]:
    """(actor subject, passive subject) of the content verb. A verb without a subject of its
    own takes the subject of the hedge above it ("Pyongyang is believed to have supplied":
    Pyongyang supplied) or of the verb it is conjoined to."""
    own = {c.dep_: c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    if own:
        return own.get("nsubj"), own.get("nsubjpass")
    misparsed = _verb_under_subject(verb.head) if verb.head.dep_ == "ROOT" else None
    if misparsed is not None and misparsed.i == verb.i:
        return verb.head, None  # the noun the parse made the root is the verb's subject
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    # (the verb above may be a hearsay cue the chain passed over: "is said to have supplied")
    above = [t for t in reversed(chain[:-1])] + ([verb.head] if verb.dep_ in {"conj", "xcomp"} else [])
    for token in above:
        raised = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if raised is not None:
            return (None, raised) if passive else (raised, None)
    return None, None


def _chars(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    return doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)


def _stray_conj(verb: Token, argument: Token) -> Token | None:
    """A noun conjoined to the verb by a parse slip ("handed over to A and B": B attached to
    'handed') belongs to the argument right before it."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"} and child.i > argument.i:
            between = [c for c in verb.children if argument.i < c.i < child.i and c.dep_ not in {"cc", "punct"}]
            if not between or all(c.i <= argument.right_edge.i for c in between):
                return child
    return None


def _np(token: Token, *, with_conj: Token | None = None) -> tuple[int, int]:
    """Token span of an argument: its subtree without relative clauses, dates or trailing
    commas to the right of the head; extended over a stray conjunct."""
    lo, hi = token.left_edge.i, token.i + 1
    misparsed = _verb_under_subject(token) if token.dep_ == "ROOT" else None  # its own verb
    for child in token.rights:
        if child.dep_ == "relcl" or _adjunct(child) or (misparsed is not None and child.i == misparsed.i):
            break
        hi = child.right_edge.i + 1
    if with_conj is not None:
        end = with_conj.i + 1
        for child in with_conj.rights:
            if _adjunct(child):
                break
            if child.dep_ == "punct":
                break
            end = child.right_edge.i + 1
        hi = max(hi, end)
    doc = token.doc
    while hi - 1 > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in {")", "]"} or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and doc[lo].is_punct and doc[lo].text not in {"(", "["}:
        lo += 1
    return lo, hi


def _adjunct(child: Token) -> bool:
    """A time ("on Jan. 18") or location ("in Moscow") phrase the parse hung on a noun: it
    belongs to the time and place slots, not to the argument."""
    if child.dep_ not in {"prep", "npadvmod"}:
        return False
    types = {t.ent_type_ for t in child.subtree}
    return bool(types & {"DATE", "TIME"}) or (
        child.lower_ in {"in", "at", "near", "inside", "outside"} and bool(types & {"GPE", "LOC", "FAC"})
    )


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else repr(float(value))
