"""The duplicate check, after cleaning: an input identical to one already kept is skipped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rashomon.records import Article, Skipped


def drop_duplicates(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """``items`` in their order, each article read from the same content as an earlier one
    turned into ``Skipped`` "identical to <that article's path>". The same content: the same
    ``raw_digest`` (set by ``read_inputs``: the same file bytes, or the same JSON record), or
    the same id (ids come from file bytes: a .txt and a .json file holding the same bytes).

    It runs after cleaning so that a duplicate always names an input that was kept: the copy
    of an input skipped for its own reason (no text, not English) is cleaned in turn and
    skipped for its own reason, or kept if it fares better (e.g. other manifest metadata).
    Articles without a digest (built by hand) are never duplicates.
    """
    kept: dict[str, str] = {}  # raw digest or article id -> path of the article kept with it
    for item in items:
        if isinstance(item, Article) and item.raw_digest is not None:
            first = kept.get(item.raw_digest) or kept.get(item.id)
            if first is not None:
                item = Skipped(item.path, f"identical to {first}")
            else:
                kept[item.raw_digest] = kept[item.id] = item.path
        yield item
