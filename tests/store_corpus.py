"""Hand-built reports of made-up events for the store's assignment tests: events of a few
kinds (events of one kind share topic words), each reported by several outlets in their own
words, with the event's own names and, when dated, within a few days of it."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from rashomon.records import Article

KINDS = {
    "fire": "fire blaze firefighters flames warehouse smoke evacuated burned district brigade",
    "flood": "flood river rain water levels residents rescue boats embankment homes",
    "vote": "election vote ballots candidate parliament turnout campaign polling result seats",
    "deal": "company acquisition shares deal billion investors merger board agreed market",
}
SYLLABLES = "ka lo mi ret vos an tal ir per ug zen dor bel cu fa sim ow rak".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def made_up_reports(
    *, seed: int, events: int = 12, dated: bool = True, start: dt.date = dt.date(2024, 1, 1), days_between: int = 3,
) -> list[Article]:
    """Reports of ``events`` made-up events (2-6 each); event k happens ``days_between`` x k
    days after ``start`` (undated reports when not ``dated``). Ids are content hashes."""
    rng = random.Random(seed)
    out: list[Article] = []
    for e in range(events):
        kind = list(KINDS)[e % len(KINDS)]
        topic = KINDS[kind].split()
        person, place, group = _name(rng), _name(rng), _name(rng)
        day = start + dt.timedelta(days=days_between * e)
        for r in range(rng.randint(2, 6)):
            words = rng.sample(topic, 6)
            sentences = [
                f"Officials in {place} said the {words[0]} hit the {words[1]} on Monday.",
                f"According to {person}, the {words[2]} and the {words[3]} were reported early.",
                f"Members of the {group} group spoke about the {words[4]} in {place}.",
                f"Residents told reporters that {person} had warned of the {words[5]}.",
                f"The {rng.choice(topic)} was described by {group} as serious.",
            ]
            rng.shuffle(sentences)
            text = " ".join(sentences[: rng.randint(3, 5)])
            published = (day + dt.timedelta(days=rng.randint(0, 2))).isoformat() if dated else None
            digest = hashlib.sha256(f"{seed}|{e}|{r}|{text}".encode()).hexdigest()[:10]
            out.append(Article(id="a" + digest, path=f"{kind}/{e}/{r}.txt", text=text, published=published,
                               outlet=f"outlet{r}"))
    return out
