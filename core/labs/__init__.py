"""The labs' back-ends: the book's experiments as plain functions the lab windows call.

One module per lab, with the same stem as its window in ``gui/labs``.
"""
