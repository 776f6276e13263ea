import os
from typing import Any
import numpy as np
import numpy.typing as npt

class Reach:
    raw: dict[str, Any]
    preset: str
    model: str
    plane: str
    exposure: float
    signal_upper_limit: float
    limits: list[dict[str, Any]]
    masses: npt.NDArray[np.float64]
    couplings: npt.NDArray[np.float64]
    signal: npt.NDArray[np.float64]
    def to_csv(self, path: str | os.PathLike[str] | None = ...) -> str | os.PathLike[str]: ...
    def yields_csv(self, path: str | os.PathLike[str] | None = ...) -> str | os.PathLike[str]: ...
    def to_hepdata(self, path: str | os.PathLike[str] | None = ...) -> str | os.PathLike[str]: ...
    def plot(self, ax: Any = ..., **style: Any) -> Any: ...

def reach(preset: str | os.PathLike[str], **overrides: Any) -> Reach: ...
