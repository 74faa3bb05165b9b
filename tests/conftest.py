from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def lexicon():
    import framing

    return framing.load_lexicon()


@pytest.fixture(scope="session")
def seed_records(lexicon):
    """The five seeds scored once for the whole session, by seed number ("000".."004")."""
    import framing

    records = framing.score_paths([str(SEEDS)], lexicon=lexicon)
    return {r.id[:3]: r for r in records}


@pytest.fixture(scope="session")
def seed_texts():
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_index(seed_texts):
    """The press release (seed 004) as the one source."""
    from framing.reuse import SourceIndex

    return SourceIndex([("004", seed_texts["004"])])


@pytest.fixture(scope="session")
def seed_reuse(seed_index, seed_texts):
    """Every seed's reuse record against the release, by seed number."""
    return {k: seed_index.compare(t, k) for k, t in seed_texts.items()}
