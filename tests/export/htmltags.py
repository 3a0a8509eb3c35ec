"""The start tags a browser would build from an HTML text, for checks that nothing can run."""

from __future__ import annotations

from html.parser import HTMLParser


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def start_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def runnable(html: str) -> list[str]:
    """Everything in `html` that could run script: script-like tags, on* handlers, javascript: links."""
    found = []
    for tag, attrs in start_tags(html):
        if tag in {"script", "img", "iframe", "object", "embed", "svg"}:
            found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                found.append(f"{tag} {name}")
    return found
