"""What a failed fetch says (:class:`FetchError`): which problem it met on each mirror, in
words for the window and the command line alike, with what to do — kept apart from
:mod:`.download`, which fetches."""

from __future__ import annotations

import errno
import os
import re
import textwrap

from core.datasets.errors import DataError
from core.datasets.remote import MIRROR_ENV, cache_folder, remote_set
from core.error_words import no_description
from core.i18n import N_, _, ngettext

REASONS = ("checksum", "wrong-file", "not-found", "offline", "certificate", "interrupted",
           "cancelled", "mirror-down", "servers-down")
CONNECTION_PROBLEMS = {"offline", "no-answer"}
#: what the system's resolver says when a name cannot be looked up (EAI_NONAME, EAI_AGAIN,
#: EAI_NODATA; Windows' WSAHOST_NOT_FOUND, WSATRY_AGAIN, WSANO_DATA): no network, as a rule
NAME_NOT_FOUND = {-2, -3, -5, 11001, 11002, 11004}
#: the system's words for a connection that failed, said in NetCanvas's (they reach the window)
CONNECT_WORDS = {errno.ECONNREFUSED: N_("the connection was refused"),
                 errno.ETIMEDOUT: N_("timed out"),
                 errno.ENETUNREACH: N_("the network cannot be reached"),
                 errno.EHOSTUNREACH: N_("the server cannot be reached"),
                 errno.ECONNRESET: N_("the connection was reset")}


class FetchError(DataError):
    """A fetch failed; ``reason`` is one of :data:`REASONS` (``"checksum"``, ``"wrong-file"``,
    ``"not-found"``, ``"offline"``, ``"certificate"`` (HTTPS could not be verified),
    ``"interrupted"``, ``"cancelled"``, ``"mirror-down"`` (the server NETCANVAS_DATA_MIRROR
    names did not answer), ``"servers-down"`` (the public mirrors answered with errors: the
    network works)) so callers can react
    without parsing the message. ``problem`` says what happened to whom reads it in a window or
    a terminal alike; ``hint`` (what to do) names ``netcanvas data fetch``, so the window words
    its own from ``reason``, ``set_name``, ``file_names`` (the files concerned), ``folder`` and
    ``details`` (what each mirror answered)."""

    def __init__(self, reason: str, problem: str, hint: str, *, set_name: str = "",
                 file_names: tuple[str, ...] = (), details: str = "") -> None:
        self.reason = reason
        self.set_name = set_name
        self.file_names = file_names
        self.folder = cache_folder(set_name) if set_name else None
        self.details = details
        shown = _("{problem} ({details})").format(problem=problem, details=details) \
            if details else problem
        super().__init__(shown, hint=hint)
        self.problem = problem


def _errno(exc: Exception) -> int | None:
    """The system's error number a requests error carries in its text ("[Errno 111] …")."""
    found = re.search(r"\[Errno (-?\d+)\]", str(exc))
    return int(found.group(1)) if found else None


def connection_problem(exc: Exception) -> str:
    """What a failed connection tells of the network: ``"offline"`` when the server's name
    could not even be looked up, ``"no-answer"`` when it was and the server did not answer
    (refused, timed out) — which, for a mirror of one's own, means that server is down."""
    if _errno(exc) in NAME_NOT_FOUND or "NameResolutionError" in repr(exc) or \
            "Failed to resolve" in str(exc):
        return "offline"
    return "no-answer"


def short(exc: Exception) -> str:
    """The useful end of a requests error, in words when NetCanvas has some: "the connection
    was refused", "timed out", "certificate verify failed: self-signed certificate", …"""
    text = str(exc)
    code = _errno(exc)
    if code in CONNECT_WORDS:
        return _(CONNECT_WORDS[code])
    if code in NAME_NOT_FOUND:
        return _("the server's name could not be looked up")
    reason = re.search(r"\[(?:Errno -?\d+|SSL: \w+)\] ([^'\"()\]]+)", text)
    if reason:
        return reason.group(1).strip()
    if "timed out" in text.lower():
        return _("timed out")
    # cut between words, never inside one
    return textwrap.shorten(text.splitlines()[0], 120, placeholder=" …") if text else \
        no_description()


def by_hand_words(name: str) -> dict[str, str]:
    """The placeholders of "or download the four files ({files}) yourself, put them in {folder}
    and run `netcanvas data fetch {name}`", which ends every hint (each a whole message)."""
    entry = remote_set(name)
    return {"name": name, "files": ", ".join(entry.files.values()),
            "folder": str(cache_folder(name))}


def wrong_files(name: str, files: tuple[str, ...], *, loading: bool = False) -> FetchError:
    """Files in the cache folder whose checksum differs: never used, never deleted. The hint
    names ``netcanvas data fetch``, or (``loading``, for whoever reads the data: the window
    or the command line) both ways to download again."""
    folder = cache_folder(name)
    problem = ngettext(
        "{files} in the cache folder {folder} is not the original file of {title}: its "
        "checksum differs from the one NetCanvas keeps, so it is not used",
        "{files} in the cache folder {folder} are not the original files of {title}: their "
        "checksums differ from those NetCanvas keeps, so they are not used", len(files)).format(
        files=", ".join(files), folder=folder, title=_(remote_set(name).title))
    if loading:
        hint = ngettext(
            "replace it with the original file, or delete it and download it again (choose "
            "the data set again in the Data set part of the Build panel, or run `netcanvas "
            "data fetch {name}`)",
            "replace them with the original files, or delete them and download them again "
            "(choose the data set again in the Data set part of the Build panel, or run "
            "`netcanvas data fetch {name}`)", len(files)).format(name=name)
    else:
        hint = ngettext(
            "replace it with the original file, or delete it and run `netcanvas data fetch "
            "{name}` to download it again",
            "replace them with the original files, or delete them and run `netcanvas data "
            "fetch {name}` to download them again", len(files)).format(name=name)
    return FetchError("wrong-file", problem, hint, set_name=name, file_names=files)


def cancelled(name: str) -> FetchError:
    return FetchError("cancelled",
                      _("the download of {name} was cancelled; nothing was kept").format(
                          name=name),
                      hint=_("fetch it again with `netcanvas data fetch {name}`").format(
                          name=name), set_name=name)


def failed(name: str, file: str, failures: list[tuple[str, str, str]]) -> FetchError:
    """One error for every mirror's failure, named by the most telling problem."""
    problems = {problem for problem, _url, _detail in failures}
    tried = "; ".join(f"{url}: {detail}" for _problem, url, detail in failures)
    by_hand = by_hand_words(name)
    own_mirror = os.environ.get(MIRROR_ENV) or None
    title = _(remote_set(name).title)
    if "checksum" in problems:
        reason = "checksum"
        problem = _("{file} of {title} was downloaded, but it is not the original file: its "
                    "checksum differs from the one NetCanvas keeps, so the server sent a "
                    "different file (damaged, or another version). It was thrown away and "
                    "nothing was kept in the cache").format(file=file, title=title)
        hint = _("try again later, set NETCANVAS_DATA_MIRROR to another copy, or download the "
                 "four files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    elif problems == {"not-found"}:
        reason = "not-found"
        problem = _("{file} of {title} was not found (404) on any mirror").format(
            file=file, title=title)
        hint = _("set NETCANVAS_DATA_MIRROR to a server that has it, or download the four "
                 "files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    elif "interrupted" in problems:
        reason = "interrupted"
        problem = _("the download of {file} of {title} was cut off before the end; nothing "
                    "half-written was kept").format(file=file, title=title)
        hint = _("check the network and try again, or download the four files ({files}) "
                 "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                 "check them").format(**by_hand)
    elif "certificate" in problems:
        reason = "certificate"
        problem = _("cannot download {file} of {title}: the mirror's secure (HTTPS) connection "
                    "could not be verified, as happens on a network that inspects secure "
                    "connections (at a school or a company) or when this computer's date and "
                    "time are wrong").format(file=file, title=title)
        hint = _("check this computer's date and time; on a school or company network, ask "
                 "for its certificate and set REQUESTS_CA_BUNDLE to that file; or download the "
                 "four files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    elif own_mirror is not None:  # the variable's mirror alone was tried
        reason = "mirror-down"
        problem = (_("cannot download {file} of {title}: the mirror {url} (set by "
                     "NETCANVAS_DATA_MIRROR) did not answer") if problems <= CONNECTION_PROBLEMS
                   else _("cannot download {file} of {title}: the mirror {url} (set by "
                          "NETCANVAS_DATA_MIRROR) answered with an error")).format(
            file=file, title=title, url=own_mirror)
        hint = _("check that this server is running and its address is right, or unset "
                 "NETCANVAS_DATA_MIRROR to use the public mirrors, or download the four files "
                 "({files}) yourself, put them in {folder} and run `netcanvas data fetch "
                 "{name}` to check them").format(**by_hand)
    elif "server-error" in problems:
        reason = "servers-down"
        problem = _("cannot download {file} of {title}: the mirrors answered with an error — "
                    "the internet works, but the servers seem to be down").format(
            file=file, title=title)
        hint = _("try again later, or download the four files ({files}) yourself, put them in "
                 "{folder} and run `netcanvas data fetch {name}` to check them").format(
            **by_hand)
    else:
        reason = "offline"
        problem = _("cannot download {file} of {title}: no mirror could be reached — this "
                    "computer seems to be offline").format(file=file, title=title)
        hint = _("connect to the internet and try again, or download the four files ({files}) "
                 "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                 "check them").format(**by_hand)
    return FetchError(reason, problem, hint, set_name=name, file_names=(file,), details=tried)
