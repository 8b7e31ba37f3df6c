"""A fresh install, made as the README's first command makes it (a new environment, its own pip as it comes, not
upgraded, and requirements.txt alone), imports every module of the app and reads a web page and a PDF. The test
environment has the test tools on top, which bring packages of their own: only a separate environment shows a runtime
package that requirements.txt forgot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_SECONDS = 1500  # torch alone is a large wheel; pip's cache makes a second install much quicker
# Without compiling every module to bytecode as it installs (most of the install's time, for torch): what is
# installed is the same, and the imports compile what they load.


@pytest.fixture(scope="module")
def fresh_environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    # The base interpreter, as `python3 -m venv` on a new machine: nothing of this test environment is visible.
    environment = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, env=environment, timeout=300)
    installed = subprocess.run(
        [str(folder / "bin" / "pip"), "install", "--quiet", "--no-compile", "-r", str(ROOT / "requirements.txt")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=INSTALL_SECONDS,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    return folder


@pytest.mark.slow
def test_requirements_txt_alone_imports_every_module_and_reads_a_page_and_a_pdf(fresh_environment: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    checked = subprocess.run(
        [str(fresh_environment / "bin" / "python"), str(ROOT / "tests" / "documents" / "import_everything.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=600,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr[-3000:]
    report = json.loads(checked.stdout.strip().splitlines()[-1])
    assert report["failures"] == []
    assert report["imported"] > 50  # the walk found the library's modules and their dependencies
