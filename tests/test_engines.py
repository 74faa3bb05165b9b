"""framing.engines: the executor knows nothing of the command line."""

import subprocess
import sys

import pytest

from framing.engines import EngineError, check_engine


def test_engines_imports_no_command_line_library():
    code = "import sys, framing.engines; print('click' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_engine_options_that_do_not_go_together_are_a_plain_error_for_library_callers():
    with pytest.raises(EngineError, match="need --engine dask"):
        check_engine("local", "tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="has the workers it has"):
        check_engine("dask", "tcp://127.0.0.1:8786", workers=2)
    check_engine("local", None)  # nothing to refuse
