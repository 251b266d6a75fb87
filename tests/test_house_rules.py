"""Rules every test file keeps, checked by reading the test sources themselves."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def raises_without_match(source: str, filename: str = "<test>") -> list[int]:
    """Line numbers of `pytest.raises(...)` calls (or a bare `raises` imported from pytest) with no `match=`."""
    tree = ast.parse(source, filename)
    bare = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "pytest"
        for alias in node.names
        if alias.name == "raises"
    }

    def is_raises(func: ast.expr) -> bool:
        if isinstance(func, ast.Attribute):
            return func.attr == "raises" and isinstance(func.value, ast.Name) and func.value.id == "pytest"
        return isinstance(func, ast.Name) and func.id in bare

    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and is_raises(node.func)
        and not any(keyword.arg == "match" for keyword in node.keywords)
    )


def test_every_pytest_raises_says_which_error_it_expects():
    """`pytest.raises(ValidationError)` alone passes for any ValidationError, even one raised for
    another reason than the test means; `match=` pins the message (a regex searched in str(exc))."""
    missing = [
        f"{path.relative_to(TESTS.parent)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        for line in raises_without_match(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not missing, "pytest.raises without match= at:\n" + "\n".join(missing)


def test_the_rule_sees_every_spelling_of_raises():
    source = """
import pytest
from pytest import raises as r

def test_x():
    with pytest.raises(ValueError):
        pass
    with pytest.raises(ValueError, match="ok"):
        pass
    with r(KeyError):
        pass
    pytest.raises(TypeError, int, "x")
    with pytest.raises((ValueError, TypeError), match=r"a|b") as err:
        pass
"""
    assert raises_without_match(source) == [6, 10, 12]
