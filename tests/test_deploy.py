"""Django's deployment checks pass with the production settings that docs/deploy.md gives."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT_FILE = "/etc/partnerscope/environment"


def documented_environment() -> dict[str, str]:
    """The variables of the environment file shown in docs/deploy.md."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = re.search(rf"```ini\n# {re.escape(ENVIRONMENT_FILE)}\n(.*?)```", text, re.S)
    assert block, f"docs/deploy.md shows {ENVIRONMENT_FILE} in an ini block"
    pairs = (line.split("=", 1) for line in block.group(1).splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs if not name.startswith("#")}


def test_the_documented_settings_are_the_production_ones():
    documented = documented_environment()
    assert documented["PARTNERSCOPE_SECURE"] == "true"
    assert documented["PARTNERSCOPE_BEHIND_TLS_PROXY"] == "true"
    assert documented["DATABASE_URL"].startswith("postgres://")
    assert {"PARTNERSCOPE_SECRET_KEY", "PARTNERSCOPE_ALLOWED_HOSTS"} <= documented.keys()


def test_the_deployment_checks_pass_with_the_documented_settings(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PARTNERSCOPE_", "DATABASE_URL", "DJANGO_"))
    }
    env |= documented_environment()
    env |= {
        "PARTNERSCOPE_SECRET_KEY": secrets.token_urlsafe(50),
        "PARTNERSCOPE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "partnerscope.settings.base",
    }
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout, checked.stdout
