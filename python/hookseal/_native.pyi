# Stubs of the compiled module; CI checks them against it with mypy.stubtest.
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Tuple, TypedDict, Union, final

from hookseal._explain import Explanation
from hookseal.events import Event

__version__: str
DEFAULT_MAX_BODY: int
DEFAULT_TOLERANCE: int
SCHEMES: List[str]
DETECT_HEADERS: List[str]
MAX_HEADER_NAMES: int

_Value = Union[str, bytes, None]
# An aware datetime, or unix seconds.
_NotAfter = Union[datetime, int, float]

class _SecretValue(TypedDict):
    secret: Union[str, bytes]

class _SecretDict(_SecretValue, total=False):
    not_after: Optional[_NotAfter]

@final
class Secret:
    """A secret that retires: it verifies while now <= not_after."""

    def __new__(cls, value: Union[str, bytes], *, not_after: Optional[_NotAfter] = None) -> Secret: ...
    @property
    def not_after(self) -> Optional[int]: ...

_SecretEntry = Union[str, bytes, Secret, _SecretDict]

@final
class Verified:
    @property
    def scheme(self) -> str: ...
    @property
    def timestamp(self) -> Optional[int]: ...
    @property
    def secret_index(self) -> int: ...
    @property
    def body(self) -> bytes: ...
    @property
    def kind(self) -> Optional[str]: ...
    @property
    def event_id(self) -> Optional[str]: ...
    @property
    def event_id_signed(self) -> bool: ...
    @property
    def tenant(self) -> Optional[str]: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def envelope_read(self) -> bool: ...
    def json(self) -> Any: ...
    # Added in Python by hookseal/_event.py.
    def event(self, *, validate: bool = False) -> Event: ...

def error_codes() -> List[Tuple[str, int]]: ...
def register_errors(classes: Sequence[type]) -> None: ...
def receive_contract() -> str: ...
def schemes_json() -> str: ...
def wire_bytes(text: str) -> bytes: ...
def detect(values: Tuple[_Value, ...]) -> Optional[str]: ...
def sign(
    scheme_id: str,
    secret_value: Union[str, bytes],
    body: bytes,
    timestamp: Optional[int] = None,
    id: Optional[str] = None,
    options: Optional[Dict[str, Any]] = None,
) -> List[Tuple[str, str]]: ...
@final
class Verifier:
    """Verifies one scheme's webhooks against one or more secrets."""

    def __new__(
        cls,
        scheme: str,
        secrets: Union[List[_SecretEntry], Tuple[_SecretEntry, ...]],
        *,
        tolerance: Union[int, str, None] = None,
        max_body: Optional[int] = None,
        header: Optional[str] = None,
        prefix: Optional[str] = None,
        encoding: Optional[str] = None,
        content: Optional[str] = None,
        timestamp_header: Optional[str] = None,
        id_header: Optional[str] = None,
    ) -> Verifier: ...
    @property
    def scheme(self) -> str: ...
    @property
    def max_body(self) -> int: ...
    @property
    def tolerance(self) -> Union[int, str]: ...
    def header_names(self) -> Tuple[str, ...]: ...
    def verify(
        self, body: Union[bytes, bytearray, memoryview], headers: Any, now: Optional[int] = None
    ) -> Verified: ...
    def explain(
        self, body: Union[bytes, bytearray, memoryview], headers: Any, now: Optional[int] = None
    ) -> Explanation: ...

__all__ = [
    "__version__",
    "DEFAULT_MAX_BODY",
    "DEFAULT_TOLERANCE",
    "SCHEMES",
    "DETECT_HEADERS",
    "MAX_HEADER_NAMES",
    "error_codes",
    "register_errors",
    "receive_contract",
    "schemes_json",
    "wire_bytes",
    "detect",
    "sign",
    "Verifier",
    "Verified",
    "Secret",
]
