"""Fetch a URL given as an input: bounded in time, size and redirects, optionally cached."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path

from framecmp import __version__
from framecmp.errors import InputError

MAX_REDIRECTS = 5
USER_AGENT = f"framecmp/{__version__} (+https://pypi.org/project/framecmp/)"
_CHUNK_BYTES = 65536


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # the final URL, after redirects
    data: bytes
    content_type: str | None


_NOT_HTTP = "redirect to a non-HTTP URL"
_REDIRECTS = (301, 302, 303, 307, 308)


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(  # type: ignore[no-untyped-def]
        self, req, fp, code, msg, headers, newurl
    ):
        if not newurl.startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, _NOT_HTTP, headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(
    url: str, *, max_bytes: int, timeout_seconds: float, cache_dir: str | None = None
) -> Page:
    """The body of an http(s) URL; every failure is one InputError naming the URL."""
    cached = _cache_path(cache_dir, url) if cache_dir else None
    if cached is not None and cached.is_file():
        return _read_cache(cached, url)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    except ValueError as err:  # "http://[::1": urllib cannot parse it
        raise InputError(f"{url}: not a URL framecmp can read ({err})") from None
    opener = urllib.request.build_opener(_LimitedRedirects)
    try:
        with opener.open(request, timeout=timeout_seconds) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: {declared} bytes is over the {max_bytes}-byte limit")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: over the {max_bytes}-byte limit; raise --max-bytes")
                chunks.append(chunk)
            page = Page(response.geturl(), b"".join(chunks), response.headers.get("Content-Type"))
    except urllib.error.HTTPError as err:
        target = str(err.filename or "")
        if err.code in _REDIRECTS and not target.startswith(("http://", "https://")):
            # urllib refuses such a redirect itself (file:, javascript:), or _LimitedRedirects
            raise InputError(
                f"{url}: redirected to {target}, not an http(s) URL; not followed"
            ) from None
        if err.code in _REDIRECTS:
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
        raise InputError(f"{url}: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise InputError(f"{url}: cannot fetch it ({err.reason})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout_seconds:g} s") from None
    except (HTTPException, OSError, ValueError) as err:
        raise InputError(f"{url}: cannot fetch it ({type(err).__name__}: {err})") from None
    if cached is not None:
        _write_cache(cached, page)
    return page


def _cache_path(cache_dir: str, url: str) -> Path:
    return Path(cache_dir) / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:32]}.json"


def _read_cache(path: Path, url: str) -> Page:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        return Page(entry["url"], bytes.fromhex(entry["body_hex"]), entry["content_type"])
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(f"{url}: the cache entry {path} is unreadable; delete it") from None


def _write_cache(path: Path, page: Page) -> None:
    entry = {"url": page.url, "content_type": page.content_type, "body_hex": page.data.hex()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            json.dump(entry, handle)
        os.replace(handle.name, path)
    except OSError as err:
        raise InputError(f"--cache-dir {path.parent}: cannot write ({err.strerror})") from None
