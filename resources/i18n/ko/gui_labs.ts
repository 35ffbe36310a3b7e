<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>CompGraphLab</name>
    <message>
        <source>Computational graph and backprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs — type a value, everything recomputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of {name}; the graph recomputes as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each node&apos;s local backward rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dout: the gradient arriving from the output side; x: the node&apos;s input; y: its output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop against the numerical gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central differences (f(x+h) − f(x−h)) / 2h, h = 1e-4, for every input; ✓ when the relative error &lt; 1e-6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numerical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compute: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward {done}/{forward} · backward {back}/{backward}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operation to compute yet: add one below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs are known. Press Forward step (→).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} of {total} · {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name} — the new output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name} (a new input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a node on the canvas first, then Remove selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not removed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed {name} and the %n node(s) using it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreement at {names} (a kink, e.g. ReLU at 0?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every gradient agrees with the numerical one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+  add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×  mul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ  sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input (a constant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Forward, each node computes its value from its inputs (&lt;span style=&apos;color:{forward}&apos;&gt;&lt;b&gt;green&lt;/b&gt;&lt;/span&gt;, above the arrows). Backward, starting from 1 at the output, each node uses only its own &lt;i&gt;local&lt;/i&gt; rule to send a gradient down each input edge (&lt;span style=&apos;color:{gradient}&apos;&gt;&lt;b&gt;red&lt;/b&gt;&lt;/span&gt;, below): + passes it unchanged, × swaps its inputs (d(xy)/dx = y). That is all backprop is — the chain rule, one node at a time. &lt;i&gt;Check gradients&lt;/i&gt; compares each with the numerical gradient. Step with → and ←.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward step →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the next node&apos;s value (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Backward step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the next node&apos;s local backward rule, from the output back (←; after the forward pass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both passes to the end (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide everything but the inputs (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or remove a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new leaf holding a constant (it joins the inputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of node to add. A new operation becomes the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the new node is computed from (click a node on the canvas to pick it here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new input&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the node wired to the chosen operands; the graph recomputes and it becomes the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the node selected on the canvas and everything that depends on it (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompGraphSteps</name>
    <message>
        <source>+ passes dout = {d} unchanged to {a} and {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× swaps its inputs: {d} × {x1} = {g0} to {a}, {d} × {x0} = {g1} to {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp: dout × exp(x) = {d} × {y} = {g} to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log: dout / x = {d} / {x} = {g} to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1/x: −dout / x² = −{d} / {x}² = {g} to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU: x = {x} &gt; 0, so dout = {d} passes to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU: x = {x} ≤ 0, so it blocks dout: 0 to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ: dout × y(1 − y) = {d} × {y} × {one_minus_y} = {g} to {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward at {node}: {formula} = {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward at {node}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: an input, a leaf of the graph. Its gradient d out/d {name} is the sum of the red numbers on its edges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green, above: the value flowing forward · red, below: the gradient d out/d (this edge&apos;s source) flowing back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptimizerRaceLab</name>
    <message>
        <source>Optimizer race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{line} {title} lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paths from the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss on digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race on digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged at step {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (step {k})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diverged: {names}. Its rate is too large for this surface; the path stops where it left the numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training with {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training with {title}: epoch {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest final loss: {best} ({best_loss}); slowest: {slowest} ({slowest_loss})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the curves so far are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The race failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped when the window closed: the curves so far are shown. Race on digits runs it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function f(x, y) every optimizer walks down, all from the same start.
x²/20 + y² is steep in y and flat in x: a narrow valley (the book&apos;s figure).
x² + y² is equally steep everywhere. Rosenbrock&apos;s valley is curved and far steeper:
it needs much smaller rates. Choosing a surface sets its own rates and number of updates.
The + marks the minimum; the lines join points of equal f.</source>
        <extracomment>the surface is computed on this many points across and up its window</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many updates each optimizer makes. Every path is shown whole; Step and Animate replay it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the paths again from the start, one more update each time it is clicked: watch
who moves where after 1, 2, 3 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay every path from the start, one update every {ms} ms; click again to stop.
Changing a rate, the surface or the number of updates stops it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the book&apos;s 64-100-100-100-100-10 network (ReLU, batches of 128) on the digits
for 10 epochs with each optimizer at the book&apos;s rate, all from the same initial weights.
It runs in the background (it ran once when the lab opened); click again to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The race uses the book&apos;s rates, not the boxes above: those are for the 2-D surface,
whose gradients are of a different size than a network&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate of {title} on the surface (type e.g. 5e-4). Too large and every step overshoots further than the last:
the path diverges and stops where it left the numbers.
{description}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rates} (the book&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) with the book&apos;s learning rates: &lt;b&gt;SGD&lt;/b&gt; zig-zags across the valley, &lt;b&gt;Momentum&lt;/b&gt; rolls like a ball and overshoots, &lt;b&gt;AdaGrad&lt;/b&gt; damps y at once, &lt;b&gt;Adam&lt;/b&gt; combines both. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On the round bowl x² + y² every gradient points straight at the minimum: there is no narrow valley to zig-zag across. SGD at 0.95 still overshoots — each step multiplies x and y by 1 − 2·0.95 = −0.9 — while Nesterov ends almost exactly on the minimum. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Rosenbrock&apos;s curved valley needs far smaller rates (the bowl&apos;s send SGD, Momentum and Nesterov off to infinity within 4 steps). In 100 updates from (−1.5, 2), &lt;b&gt;Momentum&lt;/b&gt;, &lt;b&gt;Nesterov&lt;/b&gt; and &lt;b&gt;Adam&lt;/b&gt; reach the minimum at (1, 1); &lt;b&gt;SGD&lt;/b&gt; crawls along the valley floor, and &lt;b&gt;AdaGrad&lt;/b&gt;&apos;s ever-shrinking steps leave it half-way. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a learning rate and the path is recomputed; too large a rate and the path diverges. Below, the same network trained on the digits by each optimizer from the same weights: as in the book, plain SGD learns slowest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Rank</source>
        <extracomment>the table&apos;s headers; the score&apos;s (&quot;Val accuracy&quot;, &quot;Val R²&quot;) is named by the metric</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <extracomment>how a trial ended (core&apos;s outcome kinds), marked for the Outcome column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target_reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>early_stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Val {metric}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation {metric}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● colour: the trial&apos;s validation score (scale at right) · &lt;span style=&apos;color:{neutral}&apos;&gt;✕&lt;/span&gt; diverged · &lt;span style=&apos;color:{selected}&apos;&gt;○&lt;/span&gt; the selected row · dashed box: the ranges of the next run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>Learning rate</source>
        <extracomment>the rows&apos; names, and the &quot;to&quot; between each range&apos;s boxes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A power of ten: −3 means 10⁻³ = 0.001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many (lr, weight decay) pairs to try; the book uses about 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs of each short training (the book: {epochs}); more epochs judge each pair more fairly but take longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes training trials side by side, with the same results as one: each needs ~0.6 s to start, long trials gain most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random draws; trial k also starts its weights from seed + k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate range runs backwards ({low} to {high}): put the smaller power of ten first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight decay range runs backwards ({low} to {high}): put the smaller power of ten first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“from” is above “to”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchLab</name>
    <message>
        <source>Hyperparameter search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Each point is one short training of &lt;i&gt;your&lt;/i&gt; project with a learning rate and a weight decay drawn at random on a log scale (the book: 10&lt;sup&gt;−6&lt;/sup&gt;…10&lt;sup&gt;−2&lt;/sup&gt; and 10&lt;sup&gt;−8&lt;/sup&gt;…10&lt;sup&gt;−4&lt;/sup&gt;), coloured by its accuracy on the &lt;b&gt;validation&lt;/b&gt; rows — never the test rows, which stay for the final estimate. The good points gather in a band of learning rates; weight decay matters far less. Do as the book says: look at the best region, &lt;i&gt;Narrow to top 5&lt;/i&gt;, run again, and put the winner on the project with &lt;i&gt;Apply best&lt;/i&gt; (Ctrl+Z undoes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the {example} example to search it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the project in the main window by the example (it asks first if there are unsaved changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the search: the running trials end at once and are left out, the finished ones stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow to top {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set both ranges to the spread of the {n} best trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this trial&apos;s learning rate and weight decay on the project (one undoable edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the search on the project in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training {n} trials of {epochs} epochs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: the running trials end and are left out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another project was opened: the search stopped and its results were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after {done} of {total} trials in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} trials in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ran}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ran}: every trial diverged. Lower the learning rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ran}. Best: validation {metric} {score} at learning rate {lr}, weight decay {decay}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped when the window closed, after {n} trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranges narrowed to the {n} best trials: learning rate {lr_low} … {lr_high}, weight decay {decay_low} … {decay_high}. Run again to search there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project now trains with learning rate {lr} and weight decay {decay}. Undo (Ctrl+Z, here or in the main window) puts the old values back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot train: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project keeps no validation rows, and the search ranks trials by their validation score: give validation a share in the Training dock (e.g. 15 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: network {units}, {optimizer}, batch {batch}; {train} training rows, ranked by {metric} on {val} validation rows. Every trial starts from fresh weights.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
