"""The docks that edit the project: the palette and data picker, predictions and problems."""
