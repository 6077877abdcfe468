"""A claim with the article it is in, and what comparison reads from it: the slots outside its
attribution phrase, the date or number record behind a slot, its evidence for a finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.origins import Origins
from rashomon.records import Article, Attribution, Claim, Evidence, Finding, Quantity, Slot, TimeValue


@dataclass
class ClaimRef:
    article: Article
    claim: Claim


def inside_attribution(span_start: int, span_end: int, attribution: Attribution | None) -> bool:
    if attribution is None or attribution.start is None or attribution.end is None:
        return False
    return attribution.start <= span_start and span_end <= attribution.end


def content_slots(claim: Claim, name: str) -> list[Slot]:
    """A claim's slots of one kind, leaving out those inside its attribution phrase ("KCNA
    reported on Tuesday": Tuesday is when it was reported, not when it happened)."""
    return [s for s in claim.slot(name) if not inside_attribution(s.start, s.end, claim.attribution)]


def value_at(values: Sequence[TimeValue] | Sequence[Quantity], slot: Slot):
    """The date or number record a slot was filled from (same start, or covering the slot)."""
    for v in values:
        if v.start == slot.start or (v.start <= slot.start and slot.end <= v.end):
            return v
    return None


def claim_quantities(ref: ClaimRef) -> list[Quantity]:
    """The number records behind a claim's quantity slots outside its attribution phrase."""
    return [q for s in content_slots(ref.claim, "quantity") if (q := value_at(ref.article.quantities, s)) is not None]


def claim_times(ref: ClaimRef) -> list[TimeValue]:
    """The date records behind a claim's time slots outside its attribution phrase."""
    return [t for s in content_slots(ref.claim, "time") if (t := value_at(ref.article.times, s)) is not None]


def entity_keys(article: Article, claim: Claim) -> set[str]:
    return {
        m.key
        for m in article.mentions
        if m.key
        and claim.start <= m.start < claim.end
        and m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}
        and not inside_attribution(m.start, m.end, claim.attribution)
    }


def evidence_of(ref: ClaimRef, value: str | None = None) -> Evidence:
    return Evidence(
        article=ref.article.id,
        outlet=ref.article.source_name,
        sentence=ref.claim.text,
        start=ref.claim.start,
        end=ref.claim.end,
        value=value,
        attribution=ref.claim.attribution,
    )


def fill_origins(finding: Finding, origins: Origins) -> None:
    """Set a finding's origins, their labels, the outlet count and the independent-origin
    count from its evidence."""
    finding.origins, finding.independent_origins, finding.origin_labels = origins.summarise(
        finding.evidence
    )
    finding.outlets = len({e.outlet for e in finding.evidence})
