"""An exception is said in its own words, never by its class name: one with no text at all
(``KeyError()``, ``struct.error()``, ``ConnectionError()``) was shown as just "KeyError"."""

import struct

import requests

from core.datasets.fetch_errors import short
from core.i18n import set_language
from core.project_checks import reason


def test_a_project_files_damage_is_said_without_class_names():
    assert reason(KeyError("weights.npz")) == "'weights.npz' is missing"
    assert reason(KeyError("There is no item named 'x' in the archive")) == \
        "There is no item named 'x' in the archive"
    assert reason(struct.error("unpack requires a buffer of 4 bytes")) == \
        "unpack requires a buffer of 4 bytes"
    assert reason(struct.error()) == "an unexpected error that gave no description"
    assert reason(KeyError()) == "an unexpected error that gave no description"


def test_a_download_error_without_text_is_a_sentence():
    assert short(requests.ConnectionError()) == "an unexpected error that gave no description"


def test_the_sentence_is_translated():
    set_language("ko")
    try:
        words = reason(EOFError())
    finally:
        set_language("en")
    assert words and "description" not in words and "EOFError" not in words


def test_quotes_of_the_text_itself_are_kept():
    # only a KeyError's quotes are its own: "'x' is not a number" lost its first quote
    assert reason(ValueError("'x' is not a number")) == "'x' is not a number"
    assert reason(OSError('"a b" cannot be read')) == '"a b" cannot be read'
