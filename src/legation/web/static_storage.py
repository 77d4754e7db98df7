"""Static files storage: WhiteNoise's compressed, content-hashed copies once collected.

`legation serve` collects static files at start: each gets a name with a hash of its content
(``legation.3f2a….css``) plus a ``.gz`` copy (and ``.br`` where the Brotli package is installed,
which Legation does not require), which WhiteNoise serves with a year-long
``Cache-Control: immutable``, so browsers fetch a file again only when it changes. Before
collection (tests, ``legation manage runserver``) there is nothing to hash: pages then link the
plain names, which WhiteNoise finds in the apps' folders.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFiles(CompressedManifestStaticFilesStorage):
    """:class:`CompressedManifestStaticFilesStorage` that names a file not collected yet by its
    plain name instead of raising ValueError."""

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected: no copy to hash
            return name
