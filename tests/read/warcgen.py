"""Generate WARC archives of our own German HTML pages (warcio writer), for reader/ingest tests."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CITIES = ["Nordhaven", "Südfeld", "Ostmark", "Westerau", "Bergdorf", "Talheim", "Seeburg"]
TOPICS = ["Schwimmbad", "Bibliothek", "Radweg", "Feuerwache", "Grundschule", "Markthalle"]


def page(i: int) -> str:
    """A small, unique news page: title plus three paragraphs."""
    city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
    return (
        f"<html><head><title>{city} eröffnet neue {topic} Nummer {i}</title></head><body>"
        f"<article><h1>{city} eröffnet neue {topic} Nummer {i}</h1>"
        f"<p>Die Stadt {city} hat am Montag die neue {topic} Nummer {i} eröffnet. "
        f"Der Bau dauerte {i % 5 + 2} Jahre und kostete {i + 3} Millionen Euro.</p>"
        f"<p>Die Bürgermeisterin sagte bei der Feier, die {topic} sei ein Gewinn für alle "
        f"Bewohner. Viele Familien kamen zur Eröffnung.</p>"
        f"<p>Im nächsten Jahr soll in {city} außerdem ein Park mit {i + 10} Bäumen entstehen.</p>"
        "</article></body></html>"
    )


def write_warc(path: Path, count: int, *, extras: bool = False) -> Path:
    """`count` HTML response records (dated 2024-05-01…), optionally plus records to skip."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for i in range(count):
            _response(writer, f"https://beispiel.test/artikel/{i}", page(i).encode(),
                      "text/html; charset=utf-8", f"2024-05-{i % 28 + 1:02d}T08:00:00Z")
        if extras:
            _response(writer, "https://beispiel.test/logo.png", b"\x89PNG....", "image/png",
                      "2024-05-01T08:00:00Z")
            _response(writer, "https://beispiel.test/fehlt", page(999).encode(),
                      "text/html", "2024-05-01T08:00:00Z", status="404 Not Found")
    return path


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, date: str,
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                       http_headers=headers, warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)
