"""drop_duplicates: a copy names the first article kept with its content, never a skipped one."""

from __future__ import annotations

from rashomon.ingest import drop_duplicates
from rashomon.records import Article, Skipped


def article(path: str, digest: str | None) -> Article:
    return Article(id=path, path=path, text="Talks resumed in the capital on Monday.",
                   raw_digest=digest)


def test_a_copy_names_the_article_kept_first() -> None:
    items = [article("a.txt", "file:1"), article("b.txt", "file:2"), article("c.txt", "file:1"),
             article("d.jsonl#2", "file:1")]
    out = list(drop_duplicates(items))
    assert out[:2] == items[:2]
    assert out[2:] == [Skipped("c.txt", "identical to a.txt"),
                       Skipped("d.jsonl#2", "identical to a.txt")]


def test_a_copy_of_a_skipped_input_is_not_a_duplicate_and_skips_pass_through() -> None:
    # a.txt was skipped by cleaning (it is not in the stream as an article): its copy b.txt,
    # kept here because it fared better, is the first with that content.
    items = [Skipped("a.txt", "not English (declared: de); only English is supported"),
             article("b.txt", "file:1"), article("c.txt", "file:1")]
    out = list(drop_duplicates(items))
    assert out == [items[0], items[1], Skipped("c.txt", "identical to b.txt")]


def test_an_article_with_the_id_of_one_kept_is_a_copy_of_it() -> None:
    # a.txt and b.json hold the same bytes: one id, two digests (the file, the record).
    text, record = article("a.txt", "file:1"), article("b.json", "record:1")
    text.id = record.id = "a0123456789"
    assert list(drop_duplicates([text, record])) == [text, Skipped("b.json", "identical to a.txt")]


def test_articles_without_a_digest_are_never_duplicates() -> None:
    items = [article("a.txt", None), article("b.txt", None)]
    assert list(drop_duplicates(items)) == items
