"""The network canvas: a scene that mirrors the document, its items, and the view."""
