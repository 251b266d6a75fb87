"""`seed_demo` is repeatable: two fresh databases seeded separately hold the same data.

Each run is a separate process, as `make demo` runs it: `migrate`, `seed_demo` and `dumpdata` with
config.settings, SQLite in its own VAR_DIR and DATABASE_URL/REDIS_URL unset. The two runs use
different PYTHONHASHSEEDs, so data that depends on set or dict-of-str order differs too. Only what
legitimately differs between two runs is left out of the comparison: the clock (timestamps taken
while the run was going on), password hashes (random salt) and survey tokens (secrets).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.management.commands.seed_demo import DEMO_APPS

ROOT = Path(__file__).resolve().parents[2]
BANGKOK = dt.timezone(dt.timedelta(hours=7))
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
# (model, field) whose value is random by design, never derived from the seed.
RANDOM_BY_DESIGN = {
    ("auth.user", "password"),  # salted hash of demo1234
    ("supervision.surveyinvitation", "token"),  # secrets.token_urlsafe: must not be guessable
    # Stored file names (core.uploads.stored_name): random so a name never tells what the file is.
    *((f"correspondence.{model}", field) for model in ("lettercontent", "historicallettercontent")
      for field in ("signed_pdf", "final_pdf")),
}  # fmt: skip


class _Run:
    """One fresh database: migrate, seed_demo, dumpdata, in a process of its own."""

    def __init__(self, var_dir: Path, hash_seed: str) -> None:
        var_dir.mkdir()
        self.var_dir, self.dump = var_dir, var_dir / "dump.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="1",
            DJANGO_DEMO_DATA="1",
            DJANGO_ENV_FILE="",  # not a developer's .env
            VAR_DIR=str(var_dir),
            PYTHONHASHSEED=hash_seed,
        )
        manage = f"{sys.executable} manage.py"
        script = f"{manage} migrate --noinput -v0 && {manage} seed_demo -v0 && {manage} dumpdata -o {self.dump}"
        self.started = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        self.process = subprocess.Popen(
            ["sh", "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def finish(self) -> list[dict]:
        output, _ = self.process.communicate(timeout=600)
        self.ended = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
        assert self.process.returncode == 0, f"seed_demo in {self.var_dir} failed:\n{output[-3000:]}"
        return json.loads(self.dump.read_text(encoding="utf-8"))

    def normalised(self, rows: list[dict]) -> dict[tuple[str, object], dict]:
        """Rows keyed by (model, pk); the clock of this run and random-by-design values blanked."""

        def clean(value: object) -> object:
            if isinstance(value, str) and TIMESTAMP.fullmatch(value):
                return "<clock>" if self.started <= dt.datetime.fromisoformat(value) <= self.ended else value
            if isinstance(value, list):
                return [clean(v) for v in value]
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            return value

        return {
            (row["model"], row["pk"]): {
                name: "<random>" if (row["model"], name) in RANDOM_BY_DESIGN else clean(value)
                for name, value in row["fields"].items()
            }
            for row in rows
        }


def _differences(first: dict, second: dict, limit: int = 25) -> list[str]:
    found = []
    for key in sorted(first.keys() | second.keys(), key=lambda k: (k[0], str(type(k[1])), k[1])):
        if key not in second or key not in first:
            found.append(f"{key}: only in the {'first' if key in first else 'second'} database")
            continue
        for name in sorted(first[key].keys() | second[key].keys()):
            a, b = first[key].get(name), second[key].get(name)
            if a != b:
                found.append(f"{key[0]} pk={key[1]} {name}: {str(a)[:80]!r} != {str(b)[:80]!r}")
    return found[:limit] + ([f"… {len(found) - limit} more"] if len(found) > limit else [])


def _seed_twice(tmp_path: Path) -> list[dict]:
    """Two runs side by side on the same Bangkok day. Dates come from today(), so a pair that crosses
    midnight is run again; a second pair cannot cross it too (a run takes about a minute)."""
    for attempt in (1, 2):
        runs = [_Run(tmp_path / f"first{attempt}", hash_seed="1"), _Run(tmp_path / f"second{attempt}", hash_seed="2")]
        dumps = [run.normalised(run.finish()) for run in runs]
        if runs[0].started.astimezone(BANGKOK).date() == runs[1].ended.astimezone(BANGKOK).date():
            return dumps
    raise AssertionError("both pairs of runs crossed midnight in Bangkok")


@pytest.mark.slow
def test_seed_demo_builds_the_same_data_in_two_fresh_databases(tmp_path):
    dumps = _seed_twice(tmp_path)

    seeded_apps = {model.split(".")[0] for model, _ in dumps[0]}
    assert set(DEMO_APPS) <= seeded_apps, f"seed_demo wrote nothing for {set(DEMO_APPS) - seeded_apps}"
    assert len(dumps[0]) > 1000
    differences = _differences(*dumps)
    assert not differences, "seed_demo built different data in two fresh databases:\n" + "\n".join(differences)
