"""Experiment presets: list, show (TOML text), load (dict), save (TOML file)."""

import math
import os
import tomllib

from . import _darkscan


def list():  # noqa: A001 - mirrors `darkscan preset list`
    """Names of the shipped presets."""
    return _darkscan.preset_names()


def show(name):
    """The TOML text of a shipped preset (``darkscan preset show NAME``)."""
    return _darkscan.preset_text(name)


def load(name_or_path):
    """A preset as a dict: a shipped name or a TOML file."""
    if os.path.exists(name_or_path):
        with open(name_or_path, "rb") as f:
            return tomllib.load(f)
    return tomllib.loads(show(name_or_path))


def _value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"cannot write {v} to a preset")
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise ValueError(f"cannot write {v!r} ({type(v).__name__}) to a preset")


def dumps(preset):
    """TOML text of a preset dict (tables of scalars and arrays, as presets are)."""
    lines = []
    tables = []
    for k, v in preset.items():
        if isinstance(v, dict):
            tables.append((k, v))
        else:
            lines.append(f"{k} = {_value(v)}")
    for name, table in tables:
        lines.append("")
        lines.append(f"[{name}]")
        for k, v in table.items():
            if isinstance(v, dict):
                raise ValueError(f"nested table {name}.{k} is not a preset field")
            lines.append(f"{k} = {_value(v)}")
    return "\n".join(lines) + "\n"


def save(preset, path):
    """Writes a preset dict as TOML; ``darkscan reach PATH`` (or ``darkscan.reach(PATH)``) reads it."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(dumps(preset))
    return path
