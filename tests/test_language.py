"""Language detection: English (even short English) versus other languages."""

from __future__ import annotations

import pytest

from rashomon.language import detect_language, english_ratio

ENGLISH = ("The minister said on Tuesday that the government would not raise taxes this year, "
           "despite pressure from its coalition partners.")


def test_english_ratio_separates_languages() -> None:
    assert english_ratio(ENGLISH) > 0.25
    german = ("Der Minister sagte am Dienstag, dass die Regierung in diesem Jahr die Steuern "
              "nicht erhöhen werde, trotz des Drucks der Koalitionspartner.")
    assert english_ratio(german) < 0.05
    assert english_ratio("") == 0.0


@pytest.mark.parametrize(
    "text, code",
    [
        (ENGLISH, "en"),
        ("Kim was in Moscow for the talks.", "en"),
        ("Der Minister sagte am Dienstag, dass die Regierung in diesem Jahr die Steuern nicht "
         "erhöhen werde, trotz des Drucks der Koalitionspartner.", "de"),
        ("Le ministre a déclaré mardi que le gouvernement n'augmenterait pas les impôts cette "
         "année, malgré la pression de ses partenaires.", "fr"),
        ("El ministro dijo el martes que el gobierno no subiría los impuestos este año, a "
         "pesar de la presión de sus socios.", "es"),
        ("장관은 화요일 정부가 올해 세금을 인상하지 않을 것이라고 말했다.", "ko"),
        ("", None),
        ("12 34", None),
    ],
)
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_detection_is_deterministic() -> None:
    text = "Zwei Minister trafen sich in Berlin."
    assert len({detect_language(text) for _ in range(5)}) == 1
