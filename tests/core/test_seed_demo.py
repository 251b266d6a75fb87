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
}


class _Run:
    """One fresh database: migrate, seed_demo, dumpdata, in a process of its own."""

    def __init__(self, var_dir: Path, hash_seed: str) -> None:
        var_dir.mkdir()
        self.var_dir, self.dump = var_dir, var_dir / "dump.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="1", VAR_DIR=str(var_dir), PYTHONHASHSEED=hash_seed
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


@pytest.mark.slow
def test_seed_demo_builds_the_same_data_in_two_fresh_databases(tmp_path):
    runs = [_Run(tmp_path / "first", hash_seed="1"), _Run(tmp_path / "second", hash_seed="2")]  # in parallel
    dumps = [run.normalised(run.finish()) for run in runs]
    if runs[0].started.astimezone(BANGKOK).date() != runs[1].ended.astimezone(BANGKOK).date():
        pytest.skip("the runs crossed midnight in Bangkok: dates computed from today() legitimately differ")

    seeded_apps = {model.split(".")[0] for model, _ in dumps[0]}
    assert set(DEMO_APPS) <= seeded_apps, f"seed_demo wrote nothing for {set(DEMO_APPS) - seeded_apps}"
    assert len(dumps[0]) > 1000
    differences = _differences(*dumps)
    assert not differences, "seed_demo built different data in two fresh databases:\n" + "\n".join(differences)
