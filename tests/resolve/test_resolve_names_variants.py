"""Name variants: Russian transliterations, Hangul input, given names written joined,
hyphenated or apart, titles, descriptors and possessives, loose spellings of surnames."""

from __future__ import annotations

import pytest

from rashomon.resolve.names import (
    NameContext,
    given_name_key,
    is_korean_name,
    match_names,
    name_key,
    strip_name,
    surname_key,
)


@pytest.mark.parametrize(
    "variants",
    [
        # Cyrillic, English, German and academic transliterations; patronymic optional.
        ["Dmitry Chernyshenko", "Dmitri Tschernyschenko", "Дмитрий Чернышенко",
         "Dmitriy Nikolayevich Chernyshenko", "Чернышенко Дмитрий Николаевич"],
        ["Vladimir Putin", "Wladimir Putin", "Vladimir Vladimirovich Putin",
         "Путин Владимир Владимирович", "Wladimir Wladimirowitsch Putin"],
        ["Sergei Shoigu", "Sergey Shoygu", "Sergej Schoigu", "Сергей Шойгу"],
        ["Yevgeny Prigozhin", "Evgeny Prigozhin", "Евгений Пригожин"],
        ["Yuri Gagarin", "Yury Gagarin", "Juri Gagarin", "Yuriy Gagarin", "Юрий Гагарин"],
        ["Fyodor Dostoevsky", "Fedor Dostoevskiy", "Фёдор Достоевский"],
        ["Aleksandr Lukashenko", "Alexandr Lukashenko", "Александр Лукашенко"],
        ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
        ["Mikhail Mishustin", "Mihail Mishustin", "Михаил Мишустин"],
    ],
)
def test_russian_transliterations_agree(variants: list[str]) -> None:
    keys = {v: name_key(v) for v in variants}
    assert len(set(keys.values())) == 1, keys


def test_russian_names_stay_apart() -> None:
    assert name_key("Dmitry Peskov") != name_key("Dmitry Medvedev")
    assert name_key("Sergei Lavrov") != name_key("Sergei Shoigu")
    assert not is_korean_name("Дмитрий Чернышенко")


@pytest.mark.parametrize(
    "variants",
    [
        ["김여정", "김 여정", "Kim Yo Jong", "Kim Yeo-jeong", "Kim Yojong", "KIM Yo Jong"],
        ["남궁민", "남궁 민", "Namgung Min", "Namkoong Min"],
        ["최룡해", "Choe Ryong Hae", "Choe Ryonghae", "Choi Yong-hae"],
        ["박정천", "Pak Jong Chon", "Park Jeong-cheon", "Bak Jeongcheon"],
        ["이일남", "리일남", "Ri Il Nam", "Lee Il-nam"],
    ],
)
def test_hangul_input(variants: list[str]) -> None:
    keys = {v: name_key(v) for v in variants}
    assert len(set(keys.values())) == 1, keys
    assert all(is_korean_name(v) for v in variants)


def test_hangul_surnames_and_given_names() -> None:
    assert surname_key("박") == surname_key("Pak") == surname_key("Park") == surname_key("Bak")
    assert surname_key("정") == surname_key("Jong") == surname_key("Jeong") == surname_key("Chung")
    assert surname_key("이") == surname_key("리") == surname_key("Rhee") == surname_key("Yi")
    assert surname_key("김") != surname_key("박")
    assert given_name_key("여정") == given_name_key("Yo-jong") == given_name_key("Yeojeong")


@pytest.mark.parametrize(
    "variants",
    [
        ["Yo Jong", "Yo-jong", "Yojong", "Yeo-jeong", "Yeojeong", "YoJong"],
        ["Jong Un", "Jong-un", "Jongun", "Jeong-eun"],
        ["Nam Il", "Nam-il", "Namil", "남일"],  # joined: nam|il, not na|mil
        ["Chul Woo", "Chul-woo", "Chulwoo", "철우"],  # a glide after a final consonant
        ["Da Hyun", "Da-hyun", "Dahyun", "다현"],  # but not after a vowel's h
        ["Sun Young", "Sun-young", "Sunyoung", "선영"],
        ["Su Ni", "Su-ni", "Suni", "수니"],  # the initial-sound law only at the start
        ["Han Gyeol", "HanGyeol", "Han-gyeol", "한결"],  # a capital starts a syllable
    ],
)
def test_given_names_joined_hyphenated_or_apart(variants: list[str]) -> None:
    keys = {v: given_name_key(v) for v in variants}
    assert len(set(keys.values())) == 1 and None not in keys.values(), keys


def test_given_name_syllables_still_count() -> None:
    assert given_name_key("Jong Un") != given_name_key("Yo Jong")
    assert name_key("Kim Jongun") != name_key("Kim Jongil")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Vice Minister Pak Myong Ho", "Pak Myong Ho"),
        ("Vice-Chairman Ri Pyong Chol", "Ri Pyong Chol"),
        ("North Korean leader Kim Jong Un's", "Kim Jong Un"),
        ("Supreme Leader Comrade Kim Jong Un", "Kim Jong Un"),
        ("Marshal Kim Jong Un’s", "Kim Jong Un"),
        ("defensive tackle Jamal Williams", "Jamal Williams"),
        ("Former AMA trustee Dr. Benjamin", "Benjamin"),
        ("Attorney Shawn Holley", "Shawn Holley"),
        ("Gov.Sarah Palin", "Sarah Palin"),
        ('Vincent "The Chin" Gigante', "Vincent Gigante"),
        ("Eric Allen Kirkpatrick, 61", "Eric Allen Kirkpatrick"),
        ("Arcade Joseph Comeaux Jr.", "Arcade Joseph Comeaux"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Stephen King", "Stephen King"),
        ("Sen Il-nam", "Sen Il-nam"),  # "Sen" is a title only as "Sen."
        ("Sen. John McCain", "John McCain"),
        ("Mr Kim", "Kim"),
        ("the President", ""),
    ],
)
def test_titles_descriptors_and_possessives(raw: str, clean: str) -> None:
    assert strip_name(raw) == clean


def test_titles_and_case_do_not_change_the_key() -> None:
    assert name_key("Comrade Marshal KIM JONG UN") == name_key("Kim Jong-un’s")
    assert name_key("Vice Foreign Minister Choe Son Hui") == name_key("Choe Son-hui")
    assert name_key("President Vladimir Putin's") == name_key("Putin Vladimir Vladimirovich")


def test_loose_surname_spellings_resolve_but_only_to_known_surnames() -> None:
    # Spellings outside the romanisation systems (English y, silent e, "ea" for i).
    assert surname_key("Synn") == surname_key("신")
    assert surname_key("Wone") == surname_key("원")
    assert surname_key("Bean") == surname_key("빈")
    assert surname_key("Yaung") == surname_key("양")
    assert surname_key("Tscha") == surname_key("차")
    assert surname_key("Vladimir") is None
    # A loosely read surname needs a given name written the Korean way.
    assert is_korean_name("Synn Il-nam") and name_key("Synn Il-nam") == name_key("Shin Il Nam")
    assert not is_korean_name("Sea Biden")


def test_middle_names_are_possible_not_same() -> None:
    match = match_names("Richard M. Nixon", "President Richard Nixon")
    assert match.verdict == "possible" and match.score == pytest.approx(0.75)
    assert match_names("George W. Bush", "George H. W. Bush").verdict == "different"
    assert match_names("Christopher Kenyon Simpson", "Christopher Simpson").verdict == "possible"


def test_korean_matching_unchanged_by_loose_spellings() -> None:
    assert match_names("Kim Jong Un", "Kim Yo Jong").verdict == "different"
    assert match_names("Pak Jong Chon", "Park Jeong-cheon").verdict == "same"
    assert match_names("Kim Jong Un", "Kim Jong Il").verdict == "different"


def test_a_first_initial_before_the_name_used_is_possible_but_not_across_generations() -> None:
    felt = match_names("W. Mark Felt", "Mark Felt")
    assert felt.verdict == "possible" and felt.score == pytest.approx(0.75)
    assert "first initial 'w'" in felt.reasons[0]
    assert match_names("J. Edgar Hoover", "Edgar Hoover").verdict == "possible"
    # A father and his son: never one person, whatever the context.
    ctx = NameContext(story="s1")
    son = match_names("W. Mark Felt", "Mark Felt Jr.", context_a=ctx, context_b=ctx)
    assert son.verdict == "different" and "two generations" in son.reasons[0]
    assert match_names("W. Mark Felt", "W. John Felt").verdict == "different"
