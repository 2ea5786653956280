"""Shared test set-up: a clean environment for rendering, fixture paths, golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: modest example counts, no deadline (a loaded machine is not a failure), and
# the same examples on every run, so that CI and a developer see the same result.
settings.register_profile("resdiff", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow], derandomize=True)
# make fuzz (tests/tools/fuzz.py) draws new examples in each of its rounds, from the seed it passes.
settings.register_profile("fuzz", parent=settings.get_profile("resdiff"), derandomize=False, database=None)
settings.load_profile("fuzz" if os.environ.get("RESDIFF_FUZZ_SEED") else "resdiff")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files from the current output (review them as a diff).")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """The suite keeps its jieba segmentations in its own folder, never in the user's cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("RESDIFF_CACHE", None)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "RESDIFF_STORE", "RESDIFF_TIMEOUT",
                 "RESDIFF_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    # The interface in English whatever the developer's locale (tests of the Chinese interface
    # ask for it), and back to English after a test that switched the process to Chinese.
    monkeypatch.setenv("RESDIFF_UI_LANG", "en")
    from resdiff import i18n

    i18n.use("en")
    # No test reaches the UN's sites: a symbol fetched by mistake meets a closed local port.
    monkeypatch.setenv("RESDIFF_DOCUMENTS_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("RESDIFF_LIBRARY_URL", "http://127.0.0.1:9")


@pytest.fixture
def golden(request):
    """Compare text with a golden file under tests/golden/, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str | bytes) -> None:
        path = Path(__file__).resolve().parent / "golden" / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} is missing: run pytest --update-golden and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        expected = path.read_bytes()
        assert data.decode("utf-8", "replace") == expected.decode("utf-8", "replace"), f"differs from {path}"

    return check


@pytest.fixture(scope="session")
def sample_documents():
    from resdiff.parse import parse_file

    return parse_file(str(SAMPLE))


@pytest.fixture(scope="session")
def sample_comparison(sample_documents):
    from resdiff.compare import compare

    return compare(sample_documents[0], sample_documents[-1])
