"""Main text and metadata of an HTML page, through :mod:`trafilatura`.

trafilatura drops navigation, footers, asides and comments; it writes one
paragraph a line, which :func:`extract_html` turns into blank-line separated
paragraphs (the layout of our ``.txt`` sources).
"""

from __future__ import annotations

import logging

from kg.errors import InputError

__all__ = ["extract_html"]

log = logging.getLogger(__name__)


def extract_html(html: str, path: str) -> tuple[dict[str, str], str]:
    """Extract the article of an HTML page.

    Parameters
    ----------
    html : str
        The decoded page.
    path : str
        Shown in error messages.

    Returns
    -------
    (dict, str)
        Metadata (``title``, ``url``, ``published`` as ``YYYY-MM-DD``,
        ``outlet``; only the ones found) and the main text, paragraphs
        separated by blank lines.

    Raises
    ------
    InputError
        ``E101`` when the page has no main text.
    """
    import trafilatura

    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, with_metadata=False
    )
    if not body or not body.strip():
        raise InputError.make("E101", path=path, detail="no article text found in the HTML page")
    meta: dict[str, str] = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for key, value in (
            ("title", info.title),
            ("url", info.url),
            ("published", info.date),
            ("outlet", info.sitename),
        ):
            if value:
                meta[key] = str(value).strip()
    if "published" in meta:
        meta["published"] = meta["published"][:10]
    log.debug("%s: HTML metadata %s", path, meta)
    lines = [line.strip() for line in body.splitlines()]
    return meta, "\n\n".join(line for line in lines if line)
