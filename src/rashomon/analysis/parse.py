"""The analysis stage: parse clean articles with spaCy and fill sentences, entities, dates,
numbers, quotes and claims."""

from __future__ import annotations

import dataclasses

import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rashomon.heap import collector_paused
from rashomon.records import Article, Mention, RunWarning, Sentence
from rashomon.settings import AnalysisSettings
from rashomon.analysis.nlp import doc_ents, sentence_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from rashomon.sources import SourceRegistry

log = logging.getLogger(__name__)

PARAGRAPH_COMPONENT = "rashomon_paragraphs"


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_starts(doc: Doc) -> Doc:
        # A paragraph break always starts a sentence: spaCy's parser alone misses many of them
        # (field notes: 558 instead of 833 sentences on joined paragraphs).
        for i, token in enumerate(doc[1:], start=1):
            previous = doc[i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = not token.is_space or token.is_sent_start
            elif token.is_title and (
                re.fullmatch(r"[A-Z]\.", previous.text) or previous.text in TITLE_ABBREVIATIONS
            ):
                # An initial or a rank goes on with a name ("200 W. American Blvd.",
                # "said Sgt. Marty Earley"), it ends no sentence.
                token.is_sent_start = False
            elif token.is_lower and token.is_alpha and previous.text.endswith("."):
                # A sentence starts with a capital: "… at 200 W. American Blvd. with her husband".
                token.is_sent_start = False
        return doc


# Ranks and titles written with a full stop that spaCy's English tokenizer splits off
# ("Capt." → "Capt" "."), so that the parser ends a sentence there: "Philadelphia Homicide
# Capt." | "James Clark said." loses the speaker and his rank.
TITLE_ABBREVIATIONS = (
    "Capt. Cpt. Cpl. Sgt. Lt. Col. Maj. Det. Insp. Supt. Cmdr. Atty. Pvt. Spc. Hon. Amb. Brig. "
    "Ofc. Dep. Msgr.".split()
)


def pipeline(settings: AnalysisSettings) -> Language:
    """The pinned spaCy pipeline with the paragraph-boundary component before the parser, and
    the bulk tagger (rashomon.analysis.tags) in place of the attribute ruler and lemmatizer."""
    # Importing spaCy (and torch with it) and loading the model make objects by the million;
    # the garbage collector's passes over them found nothing: 0.33 of 1.9 CPU s.
    with collector_paused():
        return _pipeline(settings)


def _pipeline(settings: AnalysisSettings) -> Language:
    from spacy.symbols import ORTH

    from rashomon.analysis.nlp import nlp_for

    from rashomon.analysis.tags import use_bulk_tagger

    nlp = nlp_for(settings)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:  # once per loaded model
        _register_paragraph_component()
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        for abbreviation in TITLE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    use_bulk_tagger(nlp)
    return nlp


def fill_sentences_and_mentions(article: Article, doc: Doc) -> Article:
    """Set an article's sentences and entity mentions from its parsed document."""
    sentence_of_token: dict[int, int] = {}
    article.sentences = []
    for index, sent in enumerate(sentence_spans(doc)):
        text = sent.text
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        end = sent.start_char + len(text.rstrip())
        article.sentences.append(Sentence(index=index, start=start, end=end, text=article.text[start:end]))
        for i in range(sent.start, sent.end):  # (token indices: no Token objects made)
            sentence_of_token[i] = index
    article.mentions = [
        Mention(
            text=ent.text,
            label=ent.label_,
            start=ent.start_char,
            end=ent.end_char,
            sentence=sentence_of_token.get(ent.start, 0),
        )
        for ent in doc_ents(doc)
    ]
    return article


def parse_text(
    text: str, *, article_id: str = "t", settings: AnalysisSettings | None = None
) -> tuple[Doc, Article]:
    """Parse one text with the pipeline's spaCy model: its document, and an article with
    sentences and mentions filled (for exploring and testing a single text)."""
    doc = pipeline(settings or AnalysisSettings())(text)
    article = Article(id=article_id, path=f"{article_id}.txt", text=text)
    return doc, fill_sentences_and_mentions(article, doc)


def fill_from_doc(article: Article, doc: Doc, *, registry: SourceRegistry) -> Article:
    """Fill an article's analysis from its parsed document (offsets are into article.text)."""
    from rashomon.analysis.claims import extract_claims
    from rashomon.analysis.dates import extract_times
    from rashomon.analysis.quantities import extract_quantities
    from rashomon.analysis.quotes import extract_quotes

    fill_sentences_and_mentions(article, doc)
    article.times = extract_times(doc, article=article)
    article.quantities = extract_quantities(doc, article=article)
    article.quotes = extract_quotes(doc, article=article, registry=registry)
    article.claims = extract_claims(doc, article=article, registry=registry)
    return article


def _unanalyzed_copy(article: Article) -> Article:
    """A copy of ``article`` whose analysis lists are its own (and empty), so that filling it
    changes nothing the caller holds."""
    return dataclasses.replace(article, sentences=[], mentions=[], times=[], quantities=[], quotes=[], claims=[])


def analyze_articles(
    articles: Iterable[Article],
    *,
    settings: AnalysisSettings,
    registry: SourceRegistry,
    warnings: list[RunWarning] | None = None,
) -> Iterator[Article]:
    """Parse articles in batches and yield each one analyzed: a new record, the one given left
    as it was (a per-article stage maps an article to an article). An article whose analysis
    fails is logged, counted in ``warnings`` with the reason, and passed on with what could be
    filled: it never stops the batch."""
    nlp = pipeline(settings)
    pending = [_unanalyzed_copy(a) for a in articles]
    texts = (a.text for a in pending)
    docs = nlp.pipe(texts, batch_size=settings.batch_size)
    for article, doc in zip(pending, docs, strict=True):
        try:
            yield fill_from_doc(article, doc, registry=registry)
        except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
            message = (
                f"{article.path}: analysis failed ({type(exc).__name__}: {exc}); "
                "its remaining analysis is left empty"
            )
            log.warning(message, exc_info=log.isEnabledFor(logging.DEBUG))
            if warnings is not None:
                warnings.append(RunWarning("analyze", article.id, message))
            yield article
