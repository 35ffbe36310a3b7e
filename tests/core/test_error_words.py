"""An exception is said in its own words, never by its class name: one with no text at all
(``KeyError()``, ``struct.error()``, ``ConnectionError()``) was shown as just "KeyError"."""

import struct

import requests

from core.datasets.fetch_errors import short
from core.error_words import own_words
from core.i18n import set_language


def test_a_project_files_damage_is_said_without_class_names():
    assert own_words(KeyError("weights.npz")) == "'weights.npz' is missing"
    assert own_words(KeyError("There is no item named 'x' in the archive")) == \
        "There is no item named 'x' in the archive"
    assert own_words(struct.error("unpack requires a buffer of 4 bytes")) == \
        "unpack requires a buffer of 4 bytes"
    assert own_words(struct.error()) == "an unexpected error that gave no description"
    assert own_words(KeyError()) == "an unexpected error that gave no description"


def test_a_download_error_without_text_is_a_sentence():
    assert short(requests.ConnectionError()) == "an unexpected error that gave no description"


def test_the_sentence_is_translated():
    set_language("ko")
    try:
        words = own_words(EOFError())
    finally:
        set_language("en")
    assert words and "description" not in words and "EOFError" not in words


def test_quotes_of_the_text_itself_are_kept():
    # only a KeyError's quotes are its own: "'x' is not a number" lost its first quote
    assert own_words(ValueError("'x' is not a number")) == "'x' is not a number"
    assert own_words(OSError('"a b" cannot be read')) == '"a b" cannot be read'


def test_a_missing_key_is_said_in_one_wording_in_both_languages():
    """The project files said "'weights.npz' is missing" and everything else (the window's
    unexpected error, a lab, a training refusal, the command line) only "weights.npz": one
    owner now words a missing key for all of them."""
    assert own_words(KeyError("weights.npz")) == "'weights.npz' is missing"
    assert own_words(KeyError("")) == "an unexpected error that gave no description"
    set_language("ko")
    try:
        assert own_words(KeyError("W1")) == "'W1'이(가) 없습니다"
    finally:
        set_language("en")
