from typing import Any
import numpy as np
import numpy.typing as npt

def widths(
    model: str,
    mass: float | npt.ArrayLike | None = ...,
    coupling: float | npt.ArrayLike = ...,
    alpha_d: float | None = ...,
    dm_mass: float | None = ...,
    **couplings: float | bool | npt.ArrayLike,
) -> dict[str, Any]: ...
