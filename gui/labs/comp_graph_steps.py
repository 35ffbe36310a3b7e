"""The computational-graph lab's words: for each step, what a node computed going forward
and what its local rule sent back to each input, with the numbers; and the lab's notice,
buttons and editing box in the current language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from core.i18n import _
from core.labs.comp_graph import INPUT, OPS, Graph, Node, Step
from gui import theme
from gui.i18n import translate

if TYPE_CHECKING:
    from gui.labs.comp_graph import CompGraphLab

CONTEXT = "CompGraphSteps"  # i18n: not ui (a context)
LAB = "CompGraphLab"  # i18n: not ui (the lab's context, its texts kept here)


def fmt(value: float) -> str:
    """A number as the graph shows it: six significant digits, and 0 without a sign."""
    return "0" if value == 0 else f"{value:.6g}"


def short_rule(rule: str) -> str:
    """"backward: swaps its inputs — d(xy)/dx = y" → "swaps its inputs", in the current
    language (core marks the rules; the first word before ": " names the pass)."""
    text = _(rule)
    head, colon, rest = text.partition(": ")
    if colon and " " not in head:
        text = rest
    return text.split(" — ")[0]


def _backward_words(node: Node, xs: list[float], y: float, step: Step) -> str:
    """What the node's local rule did, with the numbers."""
    d = step.value
    g = [fmt(grad) for grad in step.edge_grads]
    to = node.operands
    kind = node.kind
    if kind == "add":
        return translate("CompGraphSteps", "+ passes dout = {d} unchanged to {a} and {b}").format(
            d=fmt(d), a=to[0], b=to[1])
    if kind == "mul":
        return translate("CompGraphSteps", "× swaps its inputs: {d} × {x1} = {g0} to {a}, "
                                  "{d} × {x0} = {g1} to {b}").format(
            d=fmt(d), x0=fmt(xs[0]), x1=fmt(xs[1]), g0=g[0], g1=g[1], a=to[0], b=to[1])
    if kind == "exp":
        return translate("CompGraphSteps", "exp: dout × exp(x) = {d} × {y} = {g} to {a}").format(
            d=fmt(d), y=fmt(y), g=g[0], a=to[0])
    if kind == "log":
        return translate("CompGraphSteps", "log: dout / x = {d} / {x} = {g} to {a}").format(
            d=fmt(d), x=fmt(xs[0]), g=g[0], a=to[0])
    if kind == "reciprocal":
        return translate("CompGraphSteps", "1/x: −dout / x² = −{d} / {x}² = {g} to {a}").format(
            d=fmt(d), x=fmt(xs[0]), g=g[0], a=to[0])
    if kind == "relu":
        if xs[0] > 0:
            return translate("CompGraphSteps",
                             "ReLU: x = {x} > 0, so dout = {d} passes to {a}").format(
                x=fmt(xs[0]), d=fmt(d), a=to[0])
        return translate("CompGraphSteps",
                         "ReLU: x = {x} ≤ 0, so it blocks dout: 0 to {a}").format(
            x=fmt(xs[0]), a=to[0])
    return translate("CompGraphSteps", "σ: dout × y(1 − y) = {d} × {y} × {one_minus_y} = {g} to "
                              "{a}").format(d=fmt(d), y=fmt(y), one_minus_y=fmt(1 - y),
                                            g=g[0], a=to[0])


def describe(graph: Graph, values: dict[str, float], step: Step) -> str:
    """The step as the lab's caption says it: the node, its formula or rule, the numbers."""
    node = graph.node(step.node)
    xs = [values[o] for o in node.operands]
    if step.phase == "forward":
        formula = OPS[node.kind].formula.format(*map(fmt, xs))
        return translate("CompGraphSteps", "Forward at {node}: {formula} = {value}").format(
            node=node.name, formula=formula, value=fmt(step.value))
    return translate("CompGraphSteps", "Backward at {node}: {words}").format(
        node=node.name, words=_backward_words(node, xs, values[node.name], step))


def problem(action: Callable[[], object]) -> str:
    """What ``action`` raises as ValueError, said again now (in the current language), or ""."""
    try:
        action()
    except ValueError as error:
        return str(error)
    return ""


ADDABLE = [(QT_TRANSLATE_NOOP("CompGraphLab", "+  add"), "add"),
           (QT_TRANSLATE_NOOP("CompGraphLab", "×  mul"), "mul"),
           ("exp", "exp"), ("log", "log"), ("1/x", "reciprocal"),
           (QT_TRANSLATE_NOOP("CompGraphLab", "ReLU"), "relu"),
           (QT_TRANSLATE_NOOP("CompGraphLab", "σ  sigmoid"), "sigmoid"),
           (QT_TRANSLATE_NOOP("CompGraphLab", "input (a constant)"), INPUT)]


def notice() -> str:
    """The lab's "what to notice" text in the current language."""
    return translate(
        "CompGraphLab",
        "<b>What to notice.</b> Forward, each node computes its value from its inputs "
        "(<span style='color:{forward}'><b>green</b></span>, above the arrows). "
        "Backward, starting from 1 at the output, each node uses only its own <i>local</i> "
        "rule to send a gradient down each input edge "
        "(<span style='color:{gradient}'><b>red</b></span>, below): "
        "+ passes it unchanged, × swaps its inputs (d(xy)/dx = y). That is all backprop "
        "is — the chain rule, one node at a time. <i>Check gradients</i> compares each "
        "with the numerical gradient. → steps forward through both passes, ← steps back, End shows "
        "them all.").format(
            forward=theme.FORWARD_VALUE, gradient=theme.GRADIENT)


def retranslate_step_bar(lab: CompGraphLab) -> None:
    """The step buttons' texts and tooltips (the keys as in the Explain dock)."""
    lab.preset.setToolTip(translate(
        "CompGraphLab",
        "The graph to explore: the book's apple examples, or σ, softplus and a ReLU neuron "
        "built from simple nodes.\nChoosing one replaces the graph and starts again at its "
        "inputs: → steps it."))
    lab.forward_button.setText(translate("CompGraphLab", "Next step →"))
    lab.forward_button.setToolTip(translate(
        "CompGraphLab",
        "The next step: each node's value in the forward pass, then each node's local rule "
        "in the backward pass, from the output back (→)"))
    lab.backward_button.setText(translate("CompGraphLab", "← Step back"))
    lab.backward_button.setToolTip(translate("CompGraphLab", "One step back (←)"))
    lab.run_button.setText(translate("CompGraphLab", "Run all"))
    lab.run_button.setToolTip(translate("CompGraphLab", "Both passes to the end (End)"))
    lab.reset_button.setText(translate("CompGraphLab", "Reset steps"))
    lab.reset_button.setToolTip(translate("CompGraphLab",
                                          "Hide everything but the inputs (Home)"))


def input_tip(name: str) -> str:
    """The tooltip of input ``name``'s value box, in the current language."""
    return translate("CompGraphLab", "The value of {name}; the graph recomputes as you type"
                     ).format(name=name)


def input_name(name: str) -> str:
    """What a screen reader calls input ``name``'s value box, in the current language."""
    return translate("CompGraphLab", "Value of {name}").format(name=name)


def retranslate_boxes(lab: CompGraphLab) -> None:
    """The boxes' titles, tables' headers, tooltips and the rules of every operation."""
    lab.inputs_box.setTitle(translate("CompGraphLab",
                                      "Inputs — type a value, everything recomputes"))
    lab.inputs_table.setHorizontalHeaderLabels([translate("CompGraphLab", "input"),
                                                translate("CompGraphLab", "value")])
    for name, box in lab.value_boxes.items():
        box.setToolTip(input_tip(name))
        box.setAccessibleName(input_name(name))
    lab.rules_box.setTitle(translate("CompGraphLab", "Each node's local backward rule"))
    lab.rules.setText("<table cellspacing='2'>" + "".join(  # i18n: not ui
        f"<tr><td><b>{op.symbol}</b>&nbsp;&nbsp;</td><td>{short_rule(op.rule)}</td></tr>"
        for op in OPS.values()) + "</table>")
    lab.rules.setToolTip(translate("CompGraphLab", "dout: the gradient arriving from the "
                                                   "output side; x: the node's input; y: its "
                                                   "output"))
    retranslate_edit_box(lab)
    lab.check_box.setTitle(translate("CompGraphLab", "Backprop against the numerical gradient"))
    lab.check_button.setText(translate("CompGraphLab", "Check gradients"))
    lab.check_button.setToolTip(translate(
        "CompGraphLab",
        "Central differences (f(x+h) − f(x−h)) / 2h, h = 1e-4, for every input; ✓ when the "
        "relative error < 1e-6"))
    lab.check_table.setHorizontalHeaderLabels(
        [translate("CompGraphLab", "input"), translate("CompGraphLab", "backprop"),
         translate("CompGraphLab", "numerical"), translate("CompGraphLab", "rel. error"), ""])


def retranslate_edit_box(lab: CompGraphLab) -> None:
    """The editing box's texts: the kinds of node, their rules, the buttons."""
    lab.edit_box.setTitle(translate("CompGraphLab", "Add or remove a node"))
    for index, (label, kind) in enumerate(ADDABLE):
        lab.kind.setItemText(index, translate(LAB, label))
        tip = (_(OPS[kind].rule) if kind in OPS else translate(
            "CompGraphLab", "a new leaf holding a constant (it joins the inputs)"))
        lab.kind.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
    lab.kind.setToolTip(translate(
        "CompGraphLab", "The kind of node to add. A new operation becomes the output."))
    for combo in lab.operands:
        combo.setToolTip(translate(
            "CompGraphLab",
            "What the new node is computed from (click a node on the canvas to pick it here)"))
    lab.constant.setToolTip(translate("CompGraphLab", "The new input's value"))
    lab.add_button.setText(translate("CompGraphLab", "Add node"))
    lab.add_button.setToolTip(translate(
        "CompGraphLab",
        "Add the node wired to the chosen operands; the graph recomputes and it becomes the "
        "output"))
    lab.remove_button.setText(translate("CompGraphLab", "Remove selected"))
    lab.remove_button.setToolTip(translate(
        "CompGraphLab",
        "Remove the node selected on the canvas and everything that depends on it (Delete)"))
    names = (translate("CompGraphLab", "Kind"), translate("CompGraphLab", "Of"),
             translate("CompGraphLab", "Value"))
    for label, text in zip(lab.edit_labels, names, strict=True):
        label.setText(text)
