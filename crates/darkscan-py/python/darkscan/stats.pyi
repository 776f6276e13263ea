from typing import Any
import numpy.typing as npt

def pvalue(
    observed: int | npt.ArrayLike,
    background: float | npt.ArrayLike,
    background_error: float | npt.ArrayLike | None = ...,
) -> dict[str, float | None]: ...
def limit(
    observed: int,
    background: float,
    background_error: float = ...,
    method: str = ...,
    cl: float = ...,
) -> dict[str, Any]: ...
def sum(*terms: float | str) -> dict[str, float]: ...
