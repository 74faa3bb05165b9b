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
