"""The open project as a model: the document, its undoable commands, and the Qt-free helpers
they use (parameters, predictions, new nodes, auto layout, input labels). No widget lives here.
"""
