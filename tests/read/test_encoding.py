from __future__ import annotations

import pytest

from lagebild.errors import ReadError
from lagebild.read.encoding import decode_bytes

TEXT = "Die Außenministerin äußerte sich zur Lage in der Ukraine – „deutlich“."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_encoding_detected(encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert decode_bytes(data, "f.txt").startswith("Die Außenministerin")


def test_encoding_latin1_umlauts() -> None:
    assert "Größe" in decode_bytes("Die Größe der Lage.".encode("latin-1"), "f.txt")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E001"),
        (b"   \n\n", "E001"),
        (bytes(range(256)) * 4, "E002"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50, "E002"),
        ("Gültiger Text ".encode() + b"\xc3\x28 kaputt", "E003"),
    ],
)
def test_encoding_bad_input(data: bytes, code: str) -> None:
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "bad.bin")
    assert str(info.value).startswith("bad.bin: " + code)
    assert "\n" not in str(info.value)
