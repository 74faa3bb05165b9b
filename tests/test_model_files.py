"""A trained model as plain files (framing.model_files): loading it needs neither scikit-learn
nor scipy, and a folder without one is refused by name."""

import subprocess
import sys

from click.testing import CliRunner

from framing.cli import main

from .conftest import seed_path


def test_loading_a_model_imports_neither_scikit_learn_nor_scipy(model_dir):
    code = ("import sys, framing; m = framing.load_model(sys.argv[1]); "
            "assert m is not None; print(' '.join(x for x in ('sklearn', 'scipy', 'joblib') "
            "if x in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(model_dir)], check=True,
                         capture_output=True, text=True)
    assert out.stdout.split() == []


def test_a_folder_without_a_model_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["score", "--model", str(tmp_path), str(seed_path("002"))])
    assert result.exit_code == 2 and "no trained model here (weights.npz, vocabulary.json, model.json missing)" in result.output
