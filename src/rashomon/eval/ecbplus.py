"""Story clustering scored on ECB+: 982 news documents, 86 gold stories (topic x ecb/ecbplus).

Within an ECB+ topic the ``ecb`` files report one event and the ``ecbplus`` files a different
event of the same kind, so the set punishes merging similar-but-different events. Sentence 0 of
every ``ecbplus`` document is its source URL, an artifact that would give the answer away: it
is dropped. All documents are clustered together, not topic by topic.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from rashomon.cluster import cluster_stories
from rashomon.errors import DatasetError
from rashomon.eval.scores import b_cubed, pairwise
from rashomon.records import Article, Mention, Sentence, TimeValue
from rashomon.settings import Settings

_FILE = re.compile(r"^(?P<topic>[^_]+)_(?P<n>\d+)(?P<kind>ecb|ecbplus)\.xml$")
# The tokens of an ECB+ file carry no spacing; the text is rebuilt the way an outlet prints it
# ("5.9", "200,000", "7:21 AM", "state-run", "U.S.", "AMD's"), not token by token ("5. 9").
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "n't", "'re",
                    "'ve", "'ll", "'d", "'m", "'S", "'", "\u201d", "\u2019"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#", "\u201c", "\u2018", "\u00a3", "\u20ac"}
_QUOTES = {"``": '"', "''": '"'}
_SAYING = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "stated",
           "declared", "explained", "recalled", "insisted", "warned", "announced", "replied"}
_CLITICS = {"s", "S", "t", "re", "ve", "ll", "d", "m"}
# Words after which " - " is a dash between clauses, not a hyphen inside a compound.
_DASH_BEFORE = {"the", "a", "an", "at", "as", "it", "he", "she", "they", "we", "i", "this",
                "that", "who", "which", "to", "for", "with", "not", "is", "was", "but", "or",
                "his", "her", "their", "its", "there", "if", "when", "so", "after", "before"}
_WEB_PARTS = {"com", "org", "net", "uk", "co", "html", "htm", "php", "asp", "aspx", "www", "gov",
              "edu", "ca", "au", "in", "ie", "nz"}


def _word(token: str) -> bool:
    return bool(token) and token[-1].isalnum()


def _glued(prev: str, token: str, nxt: str) -> tuple[bool, bool]:
    """Whether ``token`` joins ``prev`` without a space, and ``nxt`` joins ``token``."""
    digits = prev[-1:].isdigit() and nxt[:1].isdigit()
    if token == "." and prev and nxt:
        number = digits
        initials = len(prev) == 1 and prev.isalpha() and len(nxt) == 1 and nxt.isalpha()
        web = nxt.lower() in _WEB_PARTS or prev.lower() == "www"
        if number or initials or web:
            return True, True
    if token == ":" and digits or token == "," and digits and len(nxt) == 3 and nxt.isdigit():
        return True, True
    if token == ":" and nxt.startswith("//"):
        return True, True
    if token == "/" and (_word(prev) or prev.endswith("/")) and (nxt[:1].isalnum() or nxt == "/"):
        return True, True
    if token == "-" and _word(prev) and nxt[:1].isalnum() and nxt.lower() not in _DASH_BEFORE:
        return True, True
    if token == "-" and prev == "-":
        return True, False  # "Tuesday - - another huge blow": a dash printed "--"
    if token in {"\u2019", "'"} and _word(prev) and nxt in _CLITICS:
        return True, True
    return token in _NO_SPACE_BEFORE, token in _NO_SPACE_AFTER


def printed_text(tokens: Sequence[str]) -> str:
    """ECB+ tokens joined as printed: "5 . 9" -> "5.9", "U . S ." -> "U.S.", "state - run"."""
    out: list[str] = []
    glue_next = True
    quoting = False  # inside a plain '"' pair: the next '"' closes it
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in {'"', "``", "''"}:
            # A quotation mark opens before a word and closes after one, or after the comma or
            # stop that ends the quoted words, whatever its token says (ECB+ writes some
            # closing marks as ``).
            starts_words = bool(nxt) and (nxt[0].isalnum() or nxt[0] in "'‘(“$")
            opening = (
                token != "''" and not (quoting and token == '"') and starts_words
                and (
                    prev not in {",", ".", "?", "!", "…", "--"}
                    # 'Hefner told the AP on Thursday, "I think …': after a verb of saying
                    # and a comma, outside quoted words, a mark opens a quotation.
                    or prev == "," and not quoting
                    and any(t.lower() in _SAYING for t in tokens[max(0, i - 8) : i - 1])
                )
            )
            before, after = (False, True) if opening else (True, False)
            quoting = opening
        else:
            before, after = _glued(prev, token, nxt)
            if token == "\u201c":
                quoting = True
            elif token == "\u201d":
                quoting = False
        if out and not glue_next and not before:
            out.append(" ")
        out.append(_QUOTES.get(token, token))
        glue_next = after
    return "".join(out).strip()


@dataclass(frozen=True)
class EcbScores:
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    documents: int
    gold_stories: int
    predicted_stories: int
    analyze_seconds: float = 0.0
    cluster_seconds: float = 0.0
    # Gold stories whose documents are grouped the same way whether clustered alone or with
    # the whole corpus (a story's membership must not depend on unrelated articles).
    stable_stories: int = 0
    unstable: tuple[str, ...] = ()

    def summary(self) -> str:
        return (
            f"ECB+ story clustering, {self.documents} documents, {self.gold_stories} gold stories, "
            f"{self.predicted_stories} predicted\n"
            f"B3        P {self.b3_precision:.4f} R {self.b3_recall:.4f} F1 {self.b3_f1:.4f}\n"
            f"pairwise  P {self.pairwise_precision:.4f} R {self.pairwise_recall:.4f} "
            f"F1 {self.pairwise_f1:.4f}\n"
            f"stable    {self.stable_stories} of {self.gold_stories} gold stories grouped alike "
            f"alone and in the whole corpus"
            + (f" (not: {', '.join(self.unstable)})" if self.unstable else "")
            + f"\nanalysis {self.analyze_seconds:.1f} s, clustering {self.cluster_seconds:.1f} s"
        )


@dataclass(frozen=True)
class EcbDocument:
    id: str  # the file stem, e.g. "3_7ecbplus"
    story: str  # the gold story, "<topic>/<ecb|ecbplus>"
    path: str
    sentences: list[str]
    # The file's own sentence number (the XML ``sentence`` attribute) of each sentence above.
    numbers: list[int]


def parse_file(path: Path) -> tuple[re.Match[str], etree._Element]:
    """An ECB+ file's name parts (``topic``, ``kind``) and its XML root."""
    match = _FILE.match(path.name)
    if match is None:
        raise DatasetError(f"{path} is not named <topic>_<n>ecb.xml or <topic>_<n>ecbplus.xml")
    try:
        return match, etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise DatasetError(f"cannot read ECB+ file {path}: {exc}") from None


def read_document(path: Path) -> EcbDocument:
    """One ECB+ file as sentences of rebuilt text (the URL line of ecbplus files dropped)."""
    match, root = parse_file(path)
    by_sentence: dict[int, list[str]] = {}
    for token in root.iter("token"):
        by_sentence.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    kind = match["kind"]
    if kind == "ecbplus":
        by_sentence.pop(0, None)  # the source URL: an artifact, see the module docstring
    rebuilt = [(k, printed_text(by_sentence[k])) for k in sorted(by_sentence)]
    kept = [(k, text) for k, text in rebuilt if text]
    return EcbDocument(
        path.stem, f"{match['topic']}/{kind}", str(path),
        [text for _, text in kept], [k for k, _ in kept],
    )


def read_corpus(root: str | Path, *, topics: Iterable[str] | None = None) -> list[EcbDocument]:
    """The ECB+ documents under ``root`` (the folder holding ``ECB+/``, or ``ECB+`` itself)."""
    base = Path(root)
    if (base / "ECB+").is_dir():
        base = base / "ECB+"
    if not base.is_dir():
        raise DatasetError(
            f"ECB+ folder {base} does not exist; pass the folder that holds ECB+/<topic>/*.xml "
            "(e.g. ../shared/datasets/ecbplus)"
        )
    return [read_document(p) for p in document_paths(base, topics=topics)]


def document_paths(folder: Path, *, topics: Iterable[str] | None = None) -> list[Path]:
    """The ECB+ document files under ``folder`` (the ``ECB+`` folder), optionally of some topics."""
    wanted = set(topics) if topics is not None else None
    paths = sorted(
        p
        for p in folder.glob("*/*.xml")
        if _FILE.match(p.name) and (wanted is None or p.parent.name in wanted)
    )
    if not paths:
        raise DatasetError(f"no ECB+ documents (<topic>/<topic>_<n>ecb*.xml) under {folder}")
    return paths


def _time_extractor():  # type: ignore[no-untyped-def]
    """rashomon.analysis.dates.extract_times when it is available, else None."""
    try:
        from rashomon.analysis.dates import extract_times
    except ImportError:
        return None
    return extract_times


def analyze_documents(documents: Sequence[EcbDocument], *, settings: Settings) -> list[Article]:
    """Articles with sentences, mentions and times filled by the pinned spaCy model."""
    from rashomon.analysis.nlp import nlp_for

    nlp = nlp_for(settings.analysis)
    articles = [
        Article(id=d.id, path=d.path, text="\n".join(d.sentences), language="en")
        for d in documents
    ]
    extract_times = _time_extractor()
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.analysis.batch_size)
    for article, doc in zip(articles, docs):
        sentences = list(doc.sents)
        article.sentences = [
            Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(sentences)
        ]
        index = {s.start: i for i, s in enumerate(sentences)}
        article.mentions = [
            Mention(e.text, e.label_, e.start_char, e.end_char, index[e.sent.start])
            for e in doc.ents
        ]
        times = None
        if extract_times is not None:
            try:
                times = extract_times(doc, article=article)
            except Exception:  # noqa: BLE001 - a sibling module still being written
                times = None
        if times is None:
            times = [
                TimeValue(m.text, m.start, m.end, m.sentence)
                for m in article.mentions
                if m.label == "DATE"
            ]
        article.times = times
    return articles


def score_clustering(
    predicted: Sequence[Sequence[str]], documents: Sequence[EcbDocument]
) -> EcbScores:
    gold: dict[str, list[str]] = {}
    for d in documents:
        gold.setdefault(d.story, []).append(d.id)
    b3 = b_cubed(predicted, list(gold.values()))
    pw = pairwise(predicted, list(gold.values()))
    return EcbScores(
        b3.precision, b3.recall, b3.f1, pw.precision, pw.recall, pw.f1,
        documents=len(documents), gold_stories=len(gold), predicted_stories=len(predicted),
    )


def unstable_stories(
    articles: Sequence[Article],
    documents: Sequence[EcbDocument],
    predicted: Sequence[Sequence[str]],
    *,
    settings: Settings,
) -> list[str]:
    """The gold stories whose documents are partitioned differently when clustered alone than
    within the whole run (``predicted``, restricted to the story's documents)."""
    by_story: dict[str, list[Article]] = {}
    story_of = {d.id: d.story for d in documents}
    for article in articles:
        by_story.setdefault(story_of[article.id], []).append(article)
    whole = {i: n for n, group in enumerate(predicted) for i in group}
    unstable = []
    for story in sorted(by_story, key=lambda s: (int(s.split("/")[0]) if s.split("/")[0].isdigit() else 0, s)):
        members = by_story[story]
        alone = cluster_stories(members, settings=settings.cluster)
        mine = {a.id for a in members}
        within: dict[int, set[str]] = {}
        for i in mine:
            within.setdefault(whole[i], set()).add(i)
        if {frozenset(g) for g in alone} != {frozenset(g) for g in within.values()}:
            unstable.append(story)
    return unstable


def evaluate_ecbplus(
    root: str | Path,
    *,
    settings: Settings,
    progress: bool = False,
    topics: Iterable[str] | None = None,
) -> EcbScores:
    """Cluster all ECB+ documents under ``root`` together and score against the 86 stories.

    ``topics`` limits the run to some topic folders (for quick checks).
    """
    started = time.perf_counter()
    documents = read_corpus(root, topics=topics)
    if progress:
        print(f"ECB+: {len(documents)} documents; analyzing with spaCy …", file=sys.stderr)
    articles = analyze_documents(documents, settings=settings)
    analyzed = time.perf_counter()
    predicted = cluster_stories(articles, settings=settings.cluster)
    clustered = time.perf_counter()
    scores = score_clustering(predicted, documents)
    unstable = unstable_stories(articles, documents, predicted, settings=settings)
    scores = EcbScores(
        **{**scores.__dict__, "analyze_seconds": analyzed - started,
           "cluster_seconds": clustered - analyzed,
           "stable_stories": scores.gold_stories - len(unstable), "unstable": tuple(unstable)}
    )
    if progress:
        print(
            f"ECB+: B3 P {scores.b3_precision:.3f} R {scores.b3_recall:.3f} "
            f"F1 {scores.b3_f1:.3f}; pairwise F1 {scores.pairwise_f1:.3f}; "
            f"{scores.predicted_stories} stories (gold {scores.gold_stories}); "
            f"analyze {scores.analyze_seconds:.1f} s, cluster {scores.cluster_seconds:.2f} s",
            file=sys.stderr,
        )
    return scores
