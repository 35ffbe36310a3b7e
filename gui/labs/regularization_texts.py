"""The regularisation lab's words: what to notice and the set-up of each experiment, the
controls' tips and the results table's columns — marked under the context "RegularizationLab";
:func:`text` says one in the current language with the threshold filled in."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.i18n import percent
from core.labs.regularization import SPEED_THRESHOLD
from gui.i18n import translate

CONTEXT = "RegularizationLab"  # i18n: not ui
#: the "learns faster" threshold, in English (the tests' and the plot's text)
THRESHOLD = f"{100 * SPEED_THRESHOLD:.0f} %"  # i18n: not ui (English, as percent() writes it)
COLUMN_TEXTS = (QT_TRANSLATE_NOOP("RegularizationLab", "Variant"),
                QT_TRANSLATE_NOOP("RegularizationLab", "Train acc."),
                QT_TRANSLATE_NOOP("RegularizationLab", "Test acc."),
                QT_TRANSLATE_NOOP("RegularizationLab", "Gap"),
                QT_TRANSLATE_NOOP("RegularizationLab", "{threshold} train at"))
#: the columns in English
COLUMNS = tuple(column.format(threshold=THRESHOLD) for column in COLUMN_TEXTS)
SPEED_COLUMN = 4


def threshold() -> str:
    """The threshold as the current language writes it ("80 %", "80%")."""
    return percent(SPEED_THRESHOLD, digits=0)


def text(source: str) -> str:
    """One of this module's texts in the current language, ``{threshold}`` filled in."""
    return translate(CONTEXT, source).format(threshold=threshold())


NOTICES = {
    "overfitting": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "<b>What to notice.</b> A 6 × 100 ReLU network sees only <b>300</b> training digits "
        "(SGD, lr 0.01, as in the book). Without regularisation its training accuracy "
        "(solid) reaches 100 % while the test accuracy (dashed) stays near 87 %: it has "
        "memorised the 300 digits. With <b>weight decay</b> λ = 0.1 or <b>dropout</b> 0.2 "
        "the solid and dashed lines of one colour stay closer — the gap in the table "
        "narrows. Dropout also learns more slowly. Every variant starts from the same "
        "weights and sees the same mini-batches."),
    "batch_norm": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "<b>What to notice.</b> The book's batch-norm test: a 5 × 100 ReLU network on 1,000 "
        "digits, SGD lr 0.01, weights drawn with a small std (0.07). <b>Without batch "
        "norm</b> the signal shrinks layer by layer and training crawls; <b>with batch "
        "norm</b> every layer's input is rescaled to mean 0, variance 1 and the same "
        "network passes {threshold} within a few epochs (table: “{threshold} train at”). Try "
        "other weight scales, or a higher learning rate."),
}
SETUPS = {
    "overfitting": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "The book's set-up (the Overfitting example): 300 training digits and 1,407 test "
        "digits; 64 → 6 × 100 ReLU → 10 softmax; SGD lr 0.01, batches of 100."),
    "batch_norm": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "The book's batch-norm test: 1,000 training digits and 797 test digits; 64 → 5 × 100 "
        "ReLU → 10 softmax; SGD, batches of 100; weights N(0, std²)."),
}
TIPS = {
    "experiment": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "Overfitting: the book's 300-digit, 6 × 100 network without regularisation, with "
        "weight decay and with dropout.\nBatch norm: a 5 × 100 network on 1,000 digits with "
        "small initial weights, without and with batch norm.\nChoosing one starts its run."),
    "weight_decay": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "Weight decay adds ½·λ·ΣW² to the loss (weight matrices only, not biases),\nso every "
        "update also pulls each weight towards 0 by lr·λ·W. Small weights\ncannot single out "
        "each of the 300 training digits: the network memorises\nless. The book uses "
        "λ = 0.1; 0 leaves this variant out."),
    "dropout": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "While training, each hidden unit is switched off with this probability, a new\ndraw "
        "for every mini-batch; when measuring, every unit works. No unit can rely\non "
        "particular others, so the features are sturdier — and learning is slower.\nThe book "
        "uses 0.2; 0 leaves this variant out."),
    "init_std": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "Both networks start from weights drawn from N(0, std²) (He would be about\n0.14–0.18 "
        "here). Small weights shrink the signal layer by layer, so the plain\nnetwork barely "
        "moves at first; batch norm rescales each layer's input, so the\nweight scale hardly "
        "matters. The book tries 16 values from 1 to 0.0001."),
    "lr": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "SGD learning rate of both networks. Batch norm keeps every layer's input in range,\n"
        "so it also tolerates higher rates: try 0.1."),
    "epochs": QT_TRANSLATE_NOOP(
        "RegularizationLab", "Passes over the training digits; every variant trains this many."),
    "run": QT_TRANSLATE_NOOP(
        "RegularizationLab",
        "Train every variant from the same initial weights, split and mini-batches"),
    "stop": QT_TRANSLATE_NOOP(
        "RegularizationLab", "Stop after the current epoch; the curves so far stay"),
}
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("RegularizationLab", "Each network differs from “no regularisation” / "
                      "“without batch norm” in one thing only"),
    QT_TRANSLATE_NOOP("RegularizationLab", "Accuracy on the training digits after the last "
                      "epoch (measured with dropout off)"),
    QT_TRANSLATE_NOOP("RegularizationLab", "Accuracy on digits the network never trained on"),
    QT_TRANSLATE_NOOP("RegularizationLab", "Train minus test accuracy, in percentage points: "
                      "how much was memorised"),
    QT_TRANSLATE_NOOP("RegularizationLab", "The first epoch at which training accuracy reached "
                      "{threshold} (— not yet)"),
)
