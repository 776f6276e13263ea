"""Counting statistics: the keys of ``darkscan stats pvalue|limit|sum --json``."""

import json

import numpy as np

from . import _darkscan


def _list(x, cast):
    return [cast(v) for v in np.atleast_1d(np.asarray(x)).ravel()]


def pvalue(observed, background, background_error=None):
    """Background-only p-values (``p_excess``, ``p_likelihood``) and significances
    (``z_one_sided``, ``z_two_sided``; ``None`` where infinite). Lists give several
    regions with fully correlated background errors."""
    n = _list(observed, int)
    b = _list(background, float)
    d = _list(background_error, float) if background_error is not None else [0.0] * len(b)
    if any(k < 0 for k in n):
        raise ValueError(f"invalid observed {observed}: counts must be non-negative")
    return json.loads(_darkscan.stats_pvalue(n, b, d))


def limit(observed, background, background_error=0.0, method="cls", cl=0.9):
    """Upper limit on the signal mean: ``{"upper_limit", "method", "cl"}``;
    ``method`` is ``"classical"``, ``"cls"`` or ``"fc"``."""
    if int(observed) < 0:
        raise ValueError(f"invalid observed {observed}: counts must be non-negative")
    return json.loads(
        _darkscan.stats_limit(int(observed), float(background), float(background_error), str(method), float(cl))
    )


def sum(*terms):
    """Adds background terms (``0.3``, ``"0.3+-0.05"``, ``"<0.01"``): ``{"total", "error"}``."""
    return json.loads(_darkscan.stats_sum([str(t) for t in terms]))
