"""Training a built network: settings, data preparation, the trainer loop, its history and
snapshots, and the hyperparameter search that runs many trainers.
"""
