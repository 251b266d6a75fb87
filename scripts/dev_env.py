"""Write a development machine's .env once, so that manage.py needs nothing exported.

python scripts/dev_env.py [PATH]   # PATH defaults to .env beside manage.py; never overwritten

`make run`, `make migrate` and `make demo` call it. Demo data is asked for only when DATABASE_URL
is unset at that moment (the local SQLite database): a dev env written against a server database
must not seed it. Standard library only, so it runs before the virtualenv exists.
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dev_env_text(*, database_url: str | None) -> str:
    lines = [
        f"# Development settings written by `make run` on {date.today().isoformat()}. Never commit this file;",
        "# a variable set in the real environment wins over the same name here.",
        "DJANGO_DEBUG=1",
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}",
    ]
    if database_url:
        lines.append("# No DJANGO_DEMO_DATA: DATABASE_URL pointed at a server database when this file was written.")
    else:
        lines.append("DJANGO_DEMO_DATA=1")
    return "\n".join(lines) + "\n"


def dev_env_write(*, path: Path, database_url: str | None) -> bool:
    """Create the file; False (and nothing written) when it already exists."""
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(dev_env_text(database_url=database_url))
    except FileExistsError:
        return False
    path.chmod(0o600)  # it holds the secret key
    return True


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else ROOT / ".env"
    if dev_env_write(path=path, database_url=os.environ.get("DATABASE_URL")):
        print(f"เขียนค่าตั้งสำหรับเครื่องพัฒนาไว้ที่ {path} แล้ว (ไม่แก้ไฟล์เดิมอีก ลบไฟล์ถ้าต้องการเขียนใหม่)")
    else:
        print(f"มี {path} อยู่แล้ว ใช้ค่าตั้งเดิม")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
