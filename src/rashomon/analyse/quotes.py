"""Quotations: direct, partial and indirect speech, with their speakers.

``quote_spans`` finds quoted text by its marks (straight and curly, nested single quotes,
quotations that run over several sentences or paragraphs). ``extract_quotes`` turns those spans
and the reporting cues found by ``rashomon.analyse.attribution`` into ``Quote`` records: the
quoted text (offsets inside the marks), its kind, and the speaker as the article names them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rashomon.records import Article, Attribution, Quote
from rashomon.analyse.nlp import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rashomon.analyse.attribution import Cue, SourceRegistry

_OPEN_AFTER = set(" \t\n([{—–-/:")
_SPEECH_WORDS = {"said", "says", "saying", "added", "asked", "told", "stated", "wrote", "mused"}
# Verbs whose complement clause is indirect speech (cues such as "learned" or "according to"
# attribute content but are not speech).
_SPEECH_VERBS = frozenset(
    "say tell report claim add note announce state write explain insist warn argue reply "
    "respond comment assert declare allege acknowledge admit stress emphasize emphasise remark "
    "reveal disclose suggest predict conclude indicate confirm muse".split()
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level quotation in ``text``, inside the marks (see
    ``_quote_spans``); cached per text, since every analysis step asks for them."""
    return list(_quote_spans(text))


@functools.lru_cache(maxsize=256)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every top-level quotation in ``text``, inside the marks.

    A paragraph that opens a quotation without closing it ends it at the paragraph's end, unless
    the next paragraph opens with a quote mark: then the quotation goes on (the newspaper
    convention for quotations over several paragraphs). Single quotes count only inside double
    quotes, where they nest; an apostrophe between letters is never a mark."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, offset after the mark); kind "d" or "s"
    paragraphs = text.split("\n")
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        skip_first = False
        if stack:
            stripped = paragraph.lstrip()
            if stripped[:1] in {"“", '"'}:
                skip_first = True  # the quotation goes on from the previous paragraph
                stack = stack[:1]
            else:
                spans.append((stack[0][1], offset - 1))
                stack = []
        first_mark = len(paragraph) - len(paragraph.lstrip())
        for i, ch in enumerate(paragraph):
            pos = offset + i
            if skip_first and i == first_mark:
                continue
            before = paragraph[i - 1] if i else " "
            after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
            if ch == "“" or (ch == '"' and (before in _OPEN_AFTER or before in "“‘") and not after.isspace()):
                stack.append(("d", pos + 1))
            elif ch in {"”", '"'}:
                while stack and stack[-1][0] == "s":
                    stack.pop()
                if stack:
                    kind, start = stack.pop()
                    if not stack:
                        spans.append((start, pos))
            elif ch in {"‘", "'"} and stack and (before in _OPEN_AFTER or before in "“\"") and after.isalnum():
                stack.append(("s", pos + 1))
            elif ch in {"’", "'"} and len(stack) > 1 and not before.isspace() and not after.isalnum():
                stack.pop()  # closes the nested quotation (single, or double closed with ’)
        offset += len(paragraph) + 1
        if stack and number == len(paragraphs) - 1:
            spans.append((stack[0][1], len(text)))
    return tuple((s, _trim_end(text, s, e)) for s, e in spans if _trim_end(text, s, e) > s)


def _trim_end(text: str, start: int, end: int) -> int:
    """End of a quotation without trailing spaces and the comma that belongs to the sentence
    (“…,” she said)."""
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return end


def extract_quotes(doc: Doc, *, article: Article, registry: SourceRegistry) -> list[Quote]:
    """Direct, partial and indirect quotations of ``article`` with their speakers."""
    from rashomon.analyse.attribution import attribute_sentences, find_cues, nearest_cue

    text = article.text
    cues = find_cues(doc, article=article, registry=registry)
    sentence_attr = attribute_sentences(doc, article=article, registry=registry)
    sentences = _sentence_bounds(doc, article)
    spans = quote_spans(text)
    found: list[Quote] = []
    for start, end in spans:
        first = _sentence_index(sentences, start)
        last = _sentence_index(sentences, end - 1)
        kind = _kind(text, start, sentences[first][0], multi=last > first)
        words = len(text[start:end].split())
        cue = nearest_cue(doc, cues, spans, (start, end), sentences, text=text)
        if kind == "partial" and (words < 2 or words == 2 and cue is None):
            continue  # scare quotes
        if kind == "direct" and words < 2 and cue is None:
            continue
        quote = Quote(
            id="", article=article.id, text=text[start:end], start=start, end=end,
            sentence=first, kind=kind,
        )
        if cue is not None:
            _set_speaker(quote, cue, doc, text)
        elif (
            sentence_attr
            and sentence_attr[first] is not None
            and sentence_attr[first].type != "self"
            and not any(c.sentence == first for c in cues)
        ):
            carried = sentence_attr[first]
            quote.speaker = carried.name
            quote.attribution = Attribution(carried.type, carried.name, carried.phrase, carried.start, carried.end)
        found.append(quote)
    for cue in cues:
        quote = _indirect(doc, cue, spans, article)
        if quote is not None:
            found.append(quote)
    found.sort(key=lambda q: (q.start, q.end))
    for n, quote in enumerate(found, start=1):
        quote.id = f"{article.id}:q{n}"
    return found


def _kind(text: str, start: int, sentence_start: int, *, multi: bool) -> str:
    """``direct`` when the quotation stands as a statement of its own, ``partial`` when it is a
    phrase inside the writer's sentence."""
    if multi:
        return "direct"
    line_start = text.rfind("\n", 0, start - 1) + 1
    prefix = text[max(sentence_start, line_start) : start - 1].rstrip()
    if not prefix or prefix[-1] in ":,":
        return "direct"
    last_word = prefix.split()[-1].lower()
    return "direct" if last_word in _SPEECH_WORDS else "partial"


def _set_speaker(quote: Quote, cue: Cue, doc: Doc, text: str) -> None:
    attribution = cue.attribution
    local = None
    if cue.subject is not None:
        lo, hi = cue.subject
        quote.speaker_start, quote.speaker_end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        local = text[quote.speaker_start : quote.speaker_end]
    if attribution.type == "anonymous_source" and local and doc[cue.subject[0]].pos_ != "PRON":
        quote.speaker = local  # anonymous speakers stay as the article words them
    else:
        quote.speaker = attribution.name or local
    quote.attribution = Attribution(
        attribution.type, attribution.name, attribution.phrase, attribution.start, attribution.end
    )


def _indirect(doc: Doc, cue: Cue, spans: list[tuple[int, int]], article: Article) -> Quote | None:
    """Indirect speech: the complement clause of a speech verb, when it quotes nothing."""
    verb = doc[cue.verb]
    if cue.content is None or verb.lemma_.lower() not in _SPEECH_VERBS:
        return None
    content = doc[cue.content]
    if content.i == verb.i:
        return None
    # Every complement of the verb (a parse may split one clause into two ccomps).
    comps = [c for c in content.head.children if c.dep_ == "ccomp"] or [content]
    lo = min(c.left_edge.i for c in comps)
    hi = max(c.right_edge.i for c in comps) + 1
    if lo <= verb.i < hi:
        return None
    tokens = list(doc[lo:hi])
    if tokens and tokens[0].lower_ in {"that", "whether"} and tokens[0].tag_ in {"IN", "WDT"}:
        tokens = tokens[1:]  # the complementizer is not part of what was said
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if any(s - 1 < end and e + 1 > start for s, e in spans):
        return None
    quote = Quote(
        id="", article=article.id, text=article.text[start:end], start=start, end=end,
        sentence=cue.sentence, kind="indirect",
    )
    _set_speaker(quote, cue, doc, article.text)
    return quote


def _sentence_bounds(doc: Doc, article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return [(s.start_char, s.end_char) for s in sentence_spans(doc)]


def _sentence_index(bounds: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(bounds):
        if start <= offset < end:
            return index
    for index, (start, _end) in reversed(list(enumerate(bounds))):
        if start <= offset:
            return index
    return 0
