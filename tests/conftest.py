import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The JSON record's contract (a copy of shared/contract/score.schema.json: see test_record.py).
SCHEMA = json.loads((ROOT / "tests" / "data" / "score.schema.json").read_text("utf-8"))


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def lexicon():
    import framing

    return framing.load_lexicon()


@pytest.fixture(scope="session")
def model_dir():
    """The model that ships with framing (trained on the written corpus and the real articles,
    some of whose texts are not in git: tests read it, `make model` rebuilds it)."""
    from framing.training import SHIPPED_MODEL_DIR

    return SHIPPED_MODEL_DIR


@pytest.fixture(scope="session")
def model(model_dir, lexicon):
    from framing.model_files import load

    return load(model_dir, lexicon)


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


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A coded CSV file (`framing evaluate`, `framing train CODED.csv`)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# A press release written for the reuse tests: a quote, figures, and an "À propos" paragraph.
VELORA_RELEASE = (
    "Lyon, le 3 juin 2025. Velora inaugure aujourd'hui sa première usine de vélos cargo à "
    "Vénissieux, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici la fin de "
    "l'année prochaine. « Nous faisons le pari d'une production locale, sobre et exigeante, au "
    "plus près de nos clients », a déclaré Claire Mounier, présidente de Velora. L'usine "
    "assemblera 40 000 vélos par an, avec des cadres soudés sur place et des batteries "
    "reconditionnées dans la région.\n\nÀ propos de Velora\nVelora conçoit et fabrique des "
    "vélos cargo électriques pour les familles et les artisans depuis 2017."
)


# --- untrusted text, and pages opened in headless Chromium (report and classroom tests) -------

HOSTILE = {
    "id": "../../etc/x",
    "title": "<script>document.title='PWNED'</script></textarea>",
    "outlet": "<img src=x onerror=\"document.body.dataset.pwned='1'\">",
    "text": ("Microsoft annonce un investissement historique en France. "
             "<img src=x onerror=\"document.body.dataset.pwned='1'\"> "
             "<a href=\"javascript:document.body.dataset.pwned='1'\">lien</a> </textarea>"
             "<script>document.title='PWNED'</script> Rien ne garantit que les données "
             "resteront à l’abri du CLOUD Act."),
}


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_in_chromium(page: Path, tmp_path: Path, screenshot: Path | None = None,
                     fragment: str = ""):
    """(DOM after load, console log) of `page` (with `#fragment` when given) in headless
    Chromium."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'chromium-profile'}", "--enable-logging=stderr",
             "--v=0", "--virtual-time-budget=2000"]
    url = page.as_uri() + (f"#{fragment}" if fragment else "")
    dom = subprocess.run([_chromium(), *flags, "--dump-dom", url], check=False,
                         capture_output=True,
                         text=True, timeout=120)
    if screenshot:
        subprocess.run([_chromium(), *flags, "--window-size=1280,1600",
                        f"--screenshot={screenshot}", url], check=False,
                       capture_output=True,
                       timeout=120)
    return dom.stdout, dom.stderr


browser = pytest.mark.skipif(not _chromium(), reason="Chromium is not installed (.ci/run "
                             "installs it with apt-get; on this machine: apt-get install chromium)")
