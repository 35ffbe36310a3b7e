"""The engine: a spec built into a NumPy network, its layers, losses and optimizers.

Plain NumPy, float32 for training and float64 for gradient checks; no Qt (a test enforces it).
"""
