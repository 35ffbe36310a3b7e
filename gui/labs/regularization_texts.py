"""The regularisation lab's words: what to notice and the set-up of each experiment, the
controls' tips and the results table's columns."""

from __future__ import annotations

from core.labs.regularization import SPEED_THRESHOLD

THRESHOLD = f"{100 * SPEED_THRESHOLD:.0f} %"
COLUMNS = ("Variant", "Train acc.", "Test acc.", "Gap", f"{THRESHOLD} train at")
SPEED_COLUMN = 4

NOTICES = {
    "overfitting": (
        "<b>What to notice.</b> A 6 × 100 ReLU network sees only <b>300</b> training digits "
        "(SGD, lr 0.01, as in the book). Without regularisation its training accuracy "
        "(solid) reaches 100 % while the test accuracy (dashed) stays near 87 %: it has "
        "memorised the 300 digits. With <b>weight decay</b> λ = 0.1 or <b>dropout</b> 0.2 "
        "the solid and dashed lines of one colour stay closer — the gap in the table "
        "narrows. Dropout also learns more slowly. Every variant starts from the same "
        "weights and sees the same mini-batches."),
    "batch_norm": (
        "<b>What to notice.</b> The book's batch-norm test: a 5 × 100 ReLU network on 1,000 "
        "digits, SGD lr 0.01, weights drawn with a small std (0.07). <b>Without batch "
        "norm</b> the signal shrinks layer by layer and training crawls; <b>with batch "
        "norm</b> every layer's input is rescaled to mean 0, variance 1 and the same "
        f"network passes {THRESHOLD} within a few epochs (table: “"
        f"{COLUMNS[SPEED_COLUMN]}”). Try other weight scales, or a higher learning rate."),
}
SETUPS = {
    "overfitting": "The book's set-up (the Overfitting example): 300 training digits and 1,407 "
                   "test digits; 64 → 6 × 100 ReLU → 10 softmax; SGD lr 0.01, batches of 100.",
    "batch_norm": "The book's batch-norm test: 1,000 training digits and 797 test digits; "
                  "64 → 5 × 100 ReLU → 10 softmax; SGD, batches of 100; weights N(0, std²).",
}
TIPS = {
    "experiment": "Overfitting: the book's 300-digit, 6 × 100 network without regularisation, "
                  "with weight decay and with dropout.\nBatch norm: a 5 × 100 network on "
                  "1,000 digits with small initial weights, without and with batch norm.\n"
                  "Choosing one starts its run.",
    "weight_decay": "Weight decay adds ½·λ·ΣW² to the loss (weight matrices only, not biases),\n"
                    "so every update also pulls each weight towards 0 by lr·λ·W. Small weights\n"
                    "cannot single out each of the 300 training digits: the network memorises\n"
                    "less. The book uses λ = 0.1; 0 leaves this variant out.",
    "dropout": "While training, each hidden unit is switched off with this probability, a new\n"
               "draw for every mini-batch; when measuring, every unit works. No unit can rely\n"
               "on particular others, so the features are sturdier — and learning is slower.\n"
               "The book uses 0.2; 0 leaves this variant out.",
    "init_std": "Both networks start from weights drawn from N(0, std²) (He would be about\n"
                "0.14–0.18 here). Small weights shrink the signal layer by layer, so the plain\n"
                "network barely moves at first; batch norm rescales each layer's input, so the\n"
                "weight scale hardly matters. The book tries 16 values from 1 to 0.0001.",
    "lr": "SGD learning rate of both networks. Batch norm keeps every layer's input in range,\n"
          "so it also tolerates higher rates: try 0.1.",
    "epochs": "Passes over the training digits; every variant trains this many.",
    "run": "Train every variant from the same initial weights, split and mini-batches",
    "stop": "Stop after the current epoch; the curves so far stay",
}
HEADER_TIPS = (
    "Each network differs from “no regularisation” / “without batch norm” in one thing only",
    "Accuracy on the training digits after the last epoch (measured with dropout off)",
    "Accuracy on digits the network never trained on",
    "Train minus test accuracy, in percentage points: how much was memorised",
    f"The first epoch at which training accuracy reached {THRESHOLD} (— not yet)",
)
