"""Checks of a project file's parts, kept apart from :mod:`core.project` to keep it short:
each failure is a :class:`ProjectError` sentence a student can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from core.engine.network import build
from core.file_writes import PLACE_ERRORS, write_reason
from core.i18n import N_, _
from core.spec import NetworkSpec
from core.spec_problems import SpecError

PROJECT_JSON = "project.json"
WEIGHTS_NPZ = "weights.npz"


class ProjectError(Exception):
    """A project file cannot be written or read; the message says which file and why."""


class PlaceError(ProjectError):
    """The file system refused to write where the file was to go: another folder may work."""


#: what an array of each non-decimal NumPy kind holds, in words (a dtype such as "<U1" says
#: nothing to a student)
HELD = {"U": N_("text"), "S": N_("bytes of text"), "b": N_("true/false values"),
        "i": N_("whole numbers"), "u": N_("whole numbers"), "c": N_("complex numbers"),
        "M": N_("dates"), "m": N_("time spans")}


def held_in_words(dtype: np.dtype) -> str:
    """What an array of ``dtype`` holds, in words ("text", "whole numbers", ...)."""
    words = HELD.get(dtype.kind)
    return _(words) if words else _("values of type {dtype}").format(dtype=dtype)


def save_error(exc: OSError, path: Path) -> ProjectError:
    """The error for a save of ``path`` that failed with ``exc``."""
    kind = PlaceError if exc.errno in PLACE_ERRORS else ProjectError
    return kind(_("cannot save {file}: {reason}").format(file=path.name,
                                                         reason=write_reason(exc, path)))


def dismissed(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProjectError(_("'dismissed_warnings' in {member} must be a list of names").format(
            member=PROJECT_JSON))
    return tuple(dict.fromkeys(value))


def starts_like_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def check_weights(spec: NetworkSpec, params: dict[str, np.ndarray],
                  state: dict[str, np.ndarray]) -> None:
    """Stored weights must be float arrays with exactly the names and shapes the spec needs."""
    try:
        network = build(spec)
    except SpecError as exc:
        raise ProjectError(_("the network has weights but cannot be built: {reason}").format(
            reason=exc)) from None
    for stored, needed, message in (
            (params, network.params, _("the weights in {member} do not match the network: "
                                       "{problems}")),
            (state, network.state, _("the batch-norm statistics in {member} do not match the "
                                     "network: {problems}"))):
        problems = [_("missing {name}").format(name=name) for name in needed if name not in stored]
        problems += [_("unexpected {name}").format(name=name)
                     for name in stored if name not in needed]
        for name, array in stored.items():
            if array.dtype.kind != "f":
                problems.append(_("{name} holds {what}, not decimals").format(
                    name=name, what=held_in_words(array.dtype)))
            elif name in needed and array.shape != needed[name].shape:
                problems.append(_("{name} has shape {shape}, the network needs {needed}").format(
                    name=name, shape=array.shape, needed=needed[name].shape))
        if problems:
            raise ProjectError(message.format(member=WEIGHTS_NPZ, problems="; ".join(problems)))


def text_field(document: dict[str, Any], key: str) -> str:
    value = document.get(key, "")
    if not isinstance(value, str):
        raise ProjectError(_("{member}: {key} must be text, not {kind}").format(
            member=PROJECT_JSON, key=repr(key), kind=type(value).__name__))
    return value
