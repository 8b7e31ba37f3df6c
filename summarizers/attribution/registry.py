"""Checkers by name, and the one a summary is checked with by default. It sits above both checkers (the offline one in
`checkers`, the NLI one in `nli`, which builds on `checkers`), so neither module needs the other to be chosen.

SAAR_CHECKER=auto (the default) takes the NLI checker when its weights are here, else the offline one; `nli` insists
on the NLI checker (its loading errors are raised); `offline` keeps the offline one even where NLI weights exist.
"""

from __future__ import annotations

from summarizers import settings
from summarizers.attribution import nli
from summarizers.attribution.checkers import OFFLINE, Checker, OfflineChecker
from summarizers.errors import ModelError

NLI = "nli"
_OFFLINE: list[Checker] = []  # built once: its calibration is read from disk


def offline_checker() -> Checker:
    if not _OFFLINE:
        _OFFLINE.append(OfflineChecker())
    return _OFFLINE[0]


def default_checker() -> Checker:
    """The NLI checker when its weights are here (or SAAR_CHECKER=nli asks for it), else the offline one."""
    choice = settings.checker()
    if choice == OFFLINE:
        return OfflineChecker()
    if choice == NLI or nli.is_available():
        try:
            return nli.NLIChecker.load()
        except ModelError:  # unusable weights must not stop summarising; the checker's name says which one ran
            if choice == NLI:
                raise
    return offline_checker()
