from __future__ import annotations

import pytest

from rashomon.errors import SettingsError
from rashomon.settings import Settings


def test_defaults_and_override_file(tmp_path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[ingest]\nmax_bytes = 1000\n[align]\nthreshold = 1\n", encoding="utf-8")
    settings = Settings.load(path)
    assert settings.ingest.max_bytes == 1000
    assert settings.align.threshold == 1.0
    assert settings.cluster == Settings().cluster


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nope]\nx = 1\n", "unknown section [nope]"),
        ("[ingest]\nmax_byte = 1\n", "unknown setting ingest.max_byte"),
        ("[ingest]\nmax_bytes = 'big'\n", "must be a int"),
        ("[ingest\n", "cannot read settings file"),
        ("[ingest]\nmin_chars = 10\n", "ingest.min_chars is now clean.min_chars; write it under [clean]"),
        ("[analysis]\nn_process = 2\n", "analysis.n_process is now run.workers; write workers under [run]"),
        ("[analyse]\nbatch_size = 8\n", "the section [analyse] is now [analysis]; rename the table"),
    ],
)
def test_bad_settings_say_what_is_wrong(tmp_path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message.replace("[", r"\[")):
        Settings.load(path)


def test_missing_settings_file(tmp_path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        Settings.load(tmp_path / "absent.toml")


def test_the_fingerprint_changes_with_what_shapes_an_analysis_only() -> None:
    base = Settings()
    assert base.fingerprint() == Settings().fingerprint() and len(base.fingerprint()) == 16
    assert base.replace({"align": {"threshold": 0.7}}).fingerprint() != base.fingerprint()
    assert base.replace({"analysis": {"model_version": "9.9.9"}}).fingerprint() != base.fingerprint()
    assert base.replace({"align": {"threads": 4}}).fingerprint() == base.fingerprint()
    assert base.replace({"run": {"workers": 3, "min_pool_articles": 5}}).fingerprint() == base.fingerprint()
    assert base.replace({"analysis": {"batch_size": 8}}).fingerprint() != base.fingerprint()
    # fetch settings choose inputs (--allow-private sets one): a store takes ingests made with any
    assert base.replace({"fetch": {"allow_private": True, "timeout": 3.0}}).fingerprint() == base.fingerprint()
