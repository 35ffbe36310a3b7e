<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>CompGraphLab</name>
    <message>
        <source>Computational graph and backprop</source>
        <translation>계산 그래프의 역전파</translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation>{title} — NetCanvas 실습</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Inputs — type a value, everything recomputes</source>
        <translation>입력 — 값을 입력하면 모두 다시 계산합니다</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>The value of {name}; the graph recomputes as you type</source>
        <translation>{name}의 값입니다. 입력하는 대로 그래프를 다시 계산합니다</translation>
    </message>
    <message>
        <source>Each node&apos;s local backward rule</source>
        <translation>노드별 국소적 역전파 규칙</translation>
    </message>
    <message>
        <source>dout: the gradient arriving from the output side; x: the node&apos;s input; y: its output</source>
        <translation>dout: 출력 쪽(상류)에서 도착한 기울기, x: 노드의 입력, y: 노드의 출력</translation>
    </message>
    <message>
        <source>Backprop against the numerical gradient</source>
        <translation>오차역전파법과 수치 미분 비교</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <source>Central differences (f(x+h) − f(x−h)) / 2h, h = 1e-4, for every input; ✓ when the relative error &lt; 1e-6</source>
        <translation>모든 입력에 대해 중심 차분 (f(x+h) − f(x−h)) / 2h, h = 1e-4로 구합니다. 상대 오차 &lt; 1e-6이면 ✓</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>오차역전파법</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>수치 미분</translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <source>Cannot compute: {error}</source>
        <translation>계산할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>forward {done}/{forward} · backward {back}/{backward}</source>
        <translation>순전파 {done}/{forward} · 역전파 {back}/{backward}</translation>
    </message>
    <message>
        <source>No operation to compute yet: add one below.</source>
        <translation>아직 계산할 연산이 없습니다. 아래에서 추가하세요.</translation>
    </message>
    <message>
        <source>The inputs are known. Press Forward step (→).</source>
        <translation>입력값이 정해졌습니다. 순전파 한 단계(→)를 누르세요.</translation>
    </message>
    <message>
        <source>Step {n} of {total} · {step}</source>
        <translation>단계 {n}/{total} · {step}</translation>
    </message>
    <message>
        <source>Not added: {error}</source>
        <translation>추가하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Added {name} — the new output.</source>
        <translation>{name} 노드를 추가했습니다. 새 출력입니다.</translation>
    </message>
    <message>
        <source>Added {name} (a new input).</source>
        <translation>{name} 노드를 추가했습니다 (새 입력).</translation>
    </message>
    <message>
        <source>Click a node on the canvas first, then Remove selected.</source>
        <translation>먼저 캔버스에서 노드를 클릭한 다음 선택 항목 삭제를 누르세요.</translation>
    </message>
    <message>
        <source>Not removed: {error}</source>
        <translation>삭제하지 못했습니다: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Removed {name} and the %n node(s) using it.</source>
        <translation>
            <numerusform>{name} 노드와 이를 사용하는 노드 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} 노드를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Cannot check: {error}</source>
        <translation>확인할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Disagreement at {names} (a kink, e.g. ReLU at 0?)</source>
        <translation>일치하지 않는 입력: {names} (꺾인 점일까요? 예: 0에서의 ReLU 함수)</translation>
    </message>
    <message>
        <source>Every gradient agrees with the numerical one.</source>
        <translation>모든 기울기가 수치 미분으로 구한 기울기와 일치합니다.</translation>
    </message>
    <message>
        <source>+  add</source>
        <translation>+  덧셈</translation>
    </message>
    <message>
        <source>×  mul</source>
        <translation>×  곱셈</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>σ  sigmoid</source>
        <translation>σ  시그모이드</translation>
    </message>
    <message>
        <source>input (a constant)</source>
        <translation>입력 (상수)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Forward, each node computes its value from its inputs (&lt;span style=&apos;color:{forward}&apos;&gt;&lt;b&gt;green&lt;/b&gt;&lt;/span&gt;, above the arrows). Backward, starting from 1 at the output, each node uses only its own &lt;i&gt;local&lt;/i&gt; rule to send a gradient down each input edge (&lt;span style=&apos;color:{gradient}&apos;&gt;&lt;b&gt;red&lt;/b&gt;&lt;/span&gt;, below): + passes it unchanged, × swaps its inputs (d(xy)/dx = y). That is all backprop is — the chain rule, one node at a time. &lt;i&gt;Check gradients&lt;/i&gt; compares each with the numerical gradient. Step with → and ←.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 순전파에서는 각 노드가 입력으로부터 자기 값을 계산합니다(&lt;span style=&apos;color:{forward}&apos;&gt;&lt;b&gt;초록색&lt;/b&gt;&lt;/span&gt;, 화살표 위). 역전파에서는 출력의 1에서 시작해, 각 노드가 자기의 &lt;i&gt;국소적&lt;/i&gt; 규칙만으로 각 입력 에지를 따라 기울기를 하류로 보냅니다(&lt;span style=&apos;color:{gradient}&apos;&gt;&lt;b&gt;빨간색&lt;/b&gt;&lt;/span&gt;, 아래): 덧셈 노드는 그대로 흘리고, 곱셈 노드는 입력을 서로 바꿉니다(d(xy)/dx = y). 오차역전파법은 이것이 전부입니다 — 노드 하나씩 적용하는 연쇄법칙입니다. &lt;i&gt;기울기 확인&lt;/i&gt;은 각 기울기를 수치 미분으로 구한 기울기와 비교합니다. →와 ← 키로 한 단계씩 진행하세요.</translation>
    </message>
    <message>
        <source>Forward step →</source>
        <translation>순전파 한 단계 →</translation>
    </message>
    <message>
        <source>Compute the next node&apos;s value (→)</source>
        <translation>다음 노드의 값을 계산합니다 (→)</translation>
    </message>
    <message>
        <source>← Backward step</source>
        <translation>← 역전파 한 단계</translation>
    </message>
    <message>
        <source>Apply the next node&apos;s local backward rule, from the output back (←; after the forward pass)</source>
        <translation>다음 노드의 국소적 역전파 규칙을 출력 쪽부터 거꾸로 적용합니다 (←; 순전파가 끝난 뒤)</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>모두 실행</translation>
    </message>
    <message>
        <source>Both passes to the end (End)</source>
        <translation>순전파와 역전파를 끝까지 진행합니다 (End)</translation>
    </message>
    <message>
        <source>Reset steps</source>
        <translation>단계 초기화</translation>
    </message>
    <message>
        <source>Hide everything but the inputs (Home)</source>
        <translation>입력만 남기고 모두 숨깁니다 (Home)</translation>
    </message>
    <message>
        <source>Add or remove a node</source>
        <translation>노드 추가 또는 삭제</translation>
    </message>
    <message>
        <source>a new leaf holding a constant (it joins the inputs)</source>
        <translation>상수를 담는 새 말단 노드 (입력에 추가됩니다)</translation>
    </message>
    <message>
        <source>The kind of node to add. A new operation becomes the output.</source>
        <translation>추가할 노드의 종류입니다. 새 연산은 출력이 됩니다.</translation>
    </message>
    <message>
        <source>What the new node is computed from (click a node on the canvas to pick it here)</source>
        <translation>새 노드를 계산할 피연산자입니다 (캔버스에서 노드를 클릭하면 여기서 선택됩니다)</translation>
    </message>
    <message>
        <source>The new input&apos;s value</source>
        <translation>새 입력의 값</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>노드 추가</translation>
    </message>
    <message>
        <source>Add the node wired to the chosen operands; the graph recomputes and it becomes the output</source>
        <translation>선택한 피연산자에 연결된 노드를 추가합니다. 그래프를 다시 계산하고 새 노드가 출력이 됩니다</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>선택 항목 삭제</translation>
    </message>
    <message>
        <source>Remove the node selected on the canvas and everything that depends on it (Delete)</source>
        <translation>캔버스에서 선택한 노드와 그 노드를 사용하는 모든 노드를 삭제합니다 (Delete)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>피연산자</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>CompGraphSteps</name>
    <message>
        <source>+ passes dout = {d} unchanged to {a} and {b}</source>
        <translation>+ 노드는 dout = {d} 값을 그대로 {a}, {b} 쪽으로 흘립니다</translation>
    </message>
    <message>
        <source>× swaps its inputs: {d} × {x1} = {g0} to {a}, {d} × {x0} = {g1} to {b}</source>
        <translation>× 노드는 입력을 서로 바꿉니다: {a} 쪽으로 {d} × {x1} = {g0}, {b} 쪽으로 {d} × {x0} = {g1}</translation>
    </message>
    <message>
        <source>exp: dout × exp(x) = {d} × {y} = {g} to {a}</source>
        <translation>exp: {a} 쪽으로 dout × exp(x) = {d} × {y} = {g}</translation>
    </message>
    <message>
        <source>log: dout / x = {d} / {x} = {g} to {a}</source>
        <translation>log: {a} 쪽으로 dout / x = {d} / {x} = {g}</translation>
    </message>
    <message>
        <source>1/x: −dout / x² = −{d} / {x}² = {g} to {a}</source>
        <translation>1/x: {a} 쪽으로 −dout / x² = −{d} / {x}² = {g}</translation>
    </message>
    <message>
        <source>ReLU: x = {x} &gt; 0, so dout = {d} passes to {a}</source>
        <translation>ReLU: x = {x} &gt; 0이므로 dout = {d} 값이 그대로 {a} 쪽으로 흐릅니다</translation>
    </message>
    <message>
        <source>ReLU: x = {x} ≤ 0, so it blocks dout: 0 to {a}</source>
        <translation>ReLU: x = {x} ≤ 0이므로 dout을 막습니다: {a} 쪽으로 0</translation>
    </message>
    <message>
        <source>σ: dout × y(1 − y) = {d} × {y} × {one_minus_y} = {g} to {a}</source>
        <translation>σ: {a} 쪽으로 dout × y(1 − y) = {d} × {y} × {one_minus_y} = {g}</translation>
    </message>
    <message>
        <source>Forward at {node}: {formula} = {value}</source>
        <translation>{node}의 순전파: {formula} = {value}</translation>
    </message>
    <message>
        <source>Backward at {node}: {words}</source>
        <translation>{node}의 역전파: {words}</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: an input, a leaf of the graph. Its gradient d out/d {name} is the sum of the red numbers on its edges.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: 입력, 그래프의 말단 노드입니다. 기울기 d out/d {name} 값은 이 노드의 에지에 적힌 빨간 숫자의 합입니다.</translation>
    </message>
    <message>
        <source>green, above: the value flowing forward · red, below: the gradient d out/d (this edge&apos;s source) flowing back</source>
        <translation>초록색(위): 순전파로 흐르는 값 · 빨간색(아래): 역전파로 흐르는 기울기 d out/d (이 에지의 출발 노드)</translation>
    </message>
</context>
<context>
    <name>OptimizerRaceLab</name>
    <message>
        <source>Optimizer race</source>
        <translation>갱신 방법 비교</translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation>{title} — NetCanvas 실습</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>곡면</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>갱신 횟수</translation>
    </message>
    <message>
        <source>{line} {title} lr</source>
        <translation>{line} {title} 학습률</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Paths from the same start</source>
        <translation>같은 출발점에서의 경로</translation>
    </message>
    <message>
        <source>Training loss on digits</source>
        <translation>숫자 데이터의 훈련 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Stop animation</source>
        <translation>애니메이션 중지</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>애니메이션 재생</translation>
    </message>
    <message>
        <source>Stop race</source>
        <translation>비교 중지</translation>
    </message>
    <message>
        <source>Race on digits</source>
        <translation>숫자 데이터로 비교</translation>
    </message>
    <message>
        <source>diverged at step {k}</source>
        <translation>{k}단계에서 발산함</translation>
    </message>
    <message>
        <source>{title} (step {k})</source>
        <translation>{title} ({k}단계)</translation>
    </message>
    <message>
        <source>Diverged: {names}. Its rate is too large for this surface; the path stops where it left the numbers.</source>
        <translation>발산함: {names}. 이 곡면에는 학습률이 너무 큽니다. 경로는 수치 범위를 벗어난 곳에서 멈춥니다.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Training with {title}…</source>
        <translation>{title}: 학습하는 중…</translation>
    </message>
    <message>
        <source>Training with {title}: epoch {n} of {total}</source>
        <translation>{title}: 학습하는 중, 에폭 {n}/{total}</translation>
    </message>
    <message>
        <source>Lowest final loss: {best} ({best_loss}); slowest: {slowest} ({slowest_loss})</source>
        <translation>최종 손실이 가장 낮음: {best} ({best_loss}), 가장 느림: {slowest} ({slowest_loss})</translation>
    </message>
    <message>
        <source>Stopped: the curves so far are shown.</source>
        <translation>중지했습니다: 지금까지의 곡선을 표시합니다.</translation>
    </message>
    <message>
        <source>The race failed: {message}</source>
        <translation>비교에 실패했습니다: {message}</translation>
    </message>
    <message>
        <source>Stopped when the window closed: the curves so far are shown. Race on digits runs it again.</source>
        <translation>창을 닫아서 중지했습니다: 지금까지의 곡선을 표시합니다. 숫자 데이터로 비교를 누르면 다시 실행합니다.</translation>
    </message>
    <message>
        <source>The function f(x, y) every optimizer walks down, all from the same start.
x²/20 + y² is steep in y and flat in x: a narrow valley (the book&apos;s figure).
x² + y² is equally steep everywhere. Rosenbrock&apos;s valley is curved and far steeper:
it needs much smaller rates. Choosing a surface sets its own rates and number of updates.
The + marks the minimum; the lines join points of equal f.</source>
        <extracomment>the surface is computed on this many points across and up its window</extracomment>
        <translation>모든 갱신 방법이 같은 출발점에서 내려가는 함수 f(x, y)입니다.
x²/20 + y²는 y 방향으로 가파르고 x 방향으로 완만한 좁은 골짜기입니다(책의 그림).
x² + y²는 모든 방향으로 똑같이 가파릅니다. Rosenbrock 함수의 골짜기는 휘어 있고 훨씬 가파르므로
훨씬 작은 학습률이 필요합니다. 곡면을 고르면 그 곡면의 학습률과 갱신 횟수가 설정됩니다.
+는 최솟값의 위치이고, 선은 f가 같은 점을 잇습니다.</translation>
    </message>
    <message>
        <source>How many updates each optimizer makes. Every path is shown whole; Step and Animate replay it.</source>
        <translation>각 갱신 방법이 갱신하는 횟수입니다. 모든 경로를 끝까지 표시하며, 한 단계와 애니메이션 재생으로 다시 보여 줍니다.</translation>
    </message>
    <message>
        <source>Show the paths again from the start, one more update each time it is clicked: watch
who moves where after 1, 2, 3 steps.</source>
        <translation>경로를 처음부터 다시 보여 주며, 누를 때마다 한 번씩 더 갱신합니다:
1, 2, 3단계 뒤에 어느 방법이 어디로 움직이는지 보세요.</translation>
    </message>
    <message>
        <source>Replay every path from the start, one update every {ms} ms; click again to stop.
Changing a rate, the surface or the number of updates stops it too.</source>
        <translation>모든 경로를 처음부터 {ms} ms마다 한 번씩 갱신하며 재생합니다. 다시 누르면 멈춥니다.
학습률, 곡면 또는 갱신 횟수를 바꿔도 멈춥니다.</translation>
    </message>
    <message>
        <source>Train the book&apos;s 64-100-100-100-100-10 network (ReLU, batches of 128) on the digits
for 10 epochs with each optimizer at the book&apos;s rate, all from the same initial weights.
It runs in the background (it ran once when the lab opened); click again to stop.</source>
        <translation>책의 64-100-100-100-100-10 신경망(ReLU 함수, 배치 크기 128)을 숫자 데이터로
각 갱신 방법마다 책의 학습률로 10에폭 동안 학습합니다. 가중치의 초깃값은 모두 같습니다.
백그라운드에서 실행됩니다(실습을 열 때 한 번 실행했습니다). 다시 누르면 멈춥니다.</translation>
    </message>
    <message>
        <source>The race uses the book&apos;s rates, not the boxes above: those are for the 2-D surface,
whose gradients are of a different size than a network&apos;s.</source>
        <translation>비교에는 위 칸의 학습률이 아니라 책의 학습률을 씁니다. 위 칸은 2차원 곡면용이며,
곡면의 기울기는 신경망의 기울기와 크기가 다릅니다.</translation>
    </message>
    <message>
        <source>Learning rate of {title} on the surface (type e.g. 5e-4). Too large and every step overshoots further than the last:
the path diverges and stops where it left the numbers.
{description}</source>
        <translation>곡면에서 {title}의 학습률입니다(예: 5e-4 입력). 너무 크면 매 단계가 앞 단계보다 더 멀리 지나쳐서
경로가 발산하고, 수치 범위를 벗어난 곳에서 멈춥니다.
{description}</translation>
    </message>
    <message>
        <source>{rates} (the book&apos;s)</source>
        <translation>{rates} (책의 값)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) with the book&apos;s learning rates: &lt;b&gt;SGD&lt;/b&gt; zig-zags across the valley, &lt;b&gt;Momentum&lt;/b&gt; rolls like a ball and overshoots, &lt;b&gt;AdaGrad&lt;/b&gt; damps y at once, &lt;b&gt;Adam&lt;/b&gt; combines both. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; f(x, y) = x²/20 + y²(y 방향으로 가파르고 x 방향으로 완만함)에서 (−7, 2)부터 책의 학습률로 출발하면: &lt;b&gt;SGD&lt;/b&gt;는 골짜기를 가로질러 지그재그로 움직이고, &lt;b&gt;Momentum&lt;/b&gt;은 공처럼 굴러가며 지나치고, &lt;b&gt;AdaGrad&lt;/b&gt;는 y 방향 움직임을 곧바로 줄이며, &lt;b&gt;Adam&lt;/b&gt;은 두 가지를 합칩니다. </translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On the round bowl x² + y² every gradient points straight at the minimum: there is no narrow valley to zig-zag across. SGD at 0.95 still overshoots — each step multiplies x and y by 1 − 2·0.95 = −0.9 — while Nesterov ends almost exactly on the minimum. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 둥근 그릇 모양인 x² + y²에서는 모든 기울기가 최솟값을 곧장 가리킵니다. 가로질러 지그재그로 움직일 좁은 골짜기가 없습니다. 그래도 학습률 0.95의 SGD는 지나칩니다 — 매 단계 x와 y에 1 − 2·0.95 = −0.9를 곱하기 때문입니다 — 반면 Nesterov는 거의 정확히 최솟값에서 끝납니다. </translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Rosenbrock&apos;s curved valley needs far smaller rates (the bowl&apos;s send SGD, Momentum and Nesterov off to infinity within 4 steps). In 100 updates from (−1.5, 2), &lt;b&gt;Momentum&lt;/b&gt;, &lt;b&gt;Nesterov&lt;/b&gt; and &lt;b&gt;Adam&lt;/b&gt; reach the minimum at (1, 1); &lt;b&gt;SGD&lt;/b&gt; crawls along the valley floor, and &lt;b&gt;AdaGrad&lt;/b&gt;&apos;s ever-shrinking steps leave it half-way. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; Rosenbrock 함수의 휘어진 골짜기에는 훨씬 작은 학습률이 필요합니다(그릇 모양 곡면의 학습률로는 SGD, Momentum, Nesterov가 4단계 안에 무한대로 발산합니다). (−1.5, 2)에서 100번 갱신하면 &lt;b&gt;Momentum&lt;/b&gt;, &lt;b&gt;Nesterov&lt;/b&gt;, &lt;b&gt;Adam&lt;/b&gt;은 (1, 1)의 최솟값에 도달하고, &lt;b&gt;SGD&lt;/b&gt;는 골짜기 바닥을 따라 느리게 기어가며, &lt;b&gt;AdaGrad&lt;/b&gt;는 갈수록 작아지는 보폭 때문에 중간에 머뭅니다. </translation>
    </message>
    <message>
        <source>Change a learning rate and the path is recomputed; too large a rate and the path diverges. Below, the same network trained on the digits by each optimizer from the same weights: as in the book, plain SGD learns slowest.</source>
        <translation>학습률을 바꾸면 경로를 다시 계산합니다. 학습률이 너무 크면 경로가 발산합니다. 아래 그래프는 같은 신경망을 같은 가중치에서 출발해 갱신 방법마다 숫자 데이터로 학습한 결과입니다. 책에서처럼 기본 SGD가 가장 느리게 학습합니다.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Rank</source>
        <extracomment>the table&apos;s headers; the score&apos;s (&quot;Val accuracy&quot;, &quot;Val R²&quot;) is named by the metric</extracomment>
        <translation>순위</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감소</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>completed</source>
        <extracomment>how a trial ended (core&apos;s outcome kinds), marked for the Outcome column</extracomment>
        <translation>완료</translation>
    </message>
    <message>
        <source>target_reached</source>
        <translation>목표 도달</translation>
    </message>
    <message>
        <source>early_stopped</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산함</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Val {metric}</source>
        <translation>검증 {metric}</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감소</translation>
    </message>
    <message>
        <source>validation {metric}</source>
        <translation>검증 {metric}</translation>
    </message>
    <message>
        <source>● colour: the trial&apos;s validation score (scale at right) · &lt;span style=&apos;color:{neutral}&apos;&gt;✕&lt;/span&gt; diverged · &lt;span style=&apos;color:{selected}&apos;&gt;○&lt;/span&gt; the selected row · dashed box: the ranges of the next run</source>
        <translation>● 색: 시행의 검증 점수 (오른쪽 눈금) · &lt;span style=&apos;color:{neutral}&apos;&gt;✕&lt;/span&gt; 발산함 · &lt;span style=&apos;color:{selected}&apos;&gt;○&lt;/span&gt; 선택한 행 · 점선 상자: 다음 실행의 범위</translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>Learning rate</source>
        <extracomment>the rows&apos; names, and the &quot;to&quot; between each range&apos;s boxes</extracomment>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감소</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation>시행당 에폭</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>A power of ten: −3 means 10⁻³ = 0.001</source>
        <translation>10의 거듭제곱입니다: −3은 10⁻³ = 0.001입니다</translation>
    </message>
    <message>
        <source>How many (lr, weight decay) pairs to try; the book uses about 100</source>
        <translation>시도할 (학습률, 가중치 감소) 쌍의 수입니다. 책에서는 약 100개를 씁니다</translation>
    </message>
    <message>
        <source>Epochs of each short training (the book: {epochs}); more epochs judge each pair more fairly but take longer</source>
        <translation>짧은 학습 한 번의 에폭 수입니다(책: {epochs}). 에폭이 많을수록 각 쌍을 더 공정하게 평가하지만 오래 걸립니다</translation>
    </message>
    <message>
        <source>Processes training trials side by side, with the same results as one: each needs ~0.6 s to start, long trials gain most</source>
        <translation>시행을 나란히 학습하는 프로세스 수입니다. 결과는 프로세스 하나일 때와 같습니다. 프로세스마다 시작에 약 0.6초가 걸리므로 긴 시행일수록 이득이 큽니다</translation>
    </message>
    <message>
        <source>Seed of the random draws; trial k also starts its weights from seed + k</source>
        <translation>무작위 추출의 시드입니다. 시행 k의 가중치 초깃값은 시드 + k로 정합니다</translation>
    </message>
    <message>
        <source>The learning rate range runs backwards ({low} to {high}): put the smaller power of ten first.</source>
        <translation>학습률 범위가 거꾸로입니다({low} ~ {high}). 더 작은 10의 거듭제곱을 앞에 넣으세요.</translation>
    </message>
    <message>
        <source>The weight decay range runs backwards ({low} to {high}): put the smaller power of ten first.</source>
        <translation>가중치 감소 범위가 거꾸로입니다({low} ~ {high}). 더 작은 10의 거듭제곱을 앞에 넣으세요.</translation>
    </message>
    <message>
        <source>“from” is above “to”</source>
        <translation>시작 값이 끝 값보다 큽니다</translation>
    </message>
</context>
<context>
    <name>SearchLab</name>
    <message>
        <source>Hyperparameter search</source>
        <translation>하이퍼파라미터 탐색</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Each point is one short training of &lt;i&gt;your&lt;/i&gt; project with a learning rate and a weight decay drawn at random on a log scale (the book: 10&lt;sup&gt;−6&lt;/sup&gt;…10&lt;sup&gt;−2&lt;/sup&gt; and 10&lt;sup&gt;−8&lt;/sup&gt;…10&lt;sup&gt;−4&lt;/sup&gt;), coloured by its accuracy on the &lt;b&gt;validation&lt;/b&gt; rows — never the test rows, which stay for the final estimate. The good points gather in a band of learning rates; weight decay matters far less. Do as the book says: look at the best region, &lt;i&gt;Narrow to top 5&lt;/i&gt;, run again, and put the winner on the project with &lt;i&gt;Apply best&lt;/i&gt; (Ctrl+Z undoes it).</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 각 점은 &lt;i&gt;지금 열린&lt;/i&gt; 프로젝트를 로그 스케일에서 무작위로 뽑은 학습률과 가중치 감소로 짧게 한 번 학습한 시행입니다(책: 학습률 10&lt;sup&gt;−6&lt;/sup&gt;…10&lt;sup&gt;−2&lt;/sup&gt;, 가중치 감소 10&lt;sup&gt;−8&lt;/sup&gt;…10&lt;sup&gt;−4&lt;/sup&gt;). 점의 색은 &lt;b&gt;검증&lt;/b&gt; 데이터에서의 정확도입니다 — 시험 데이터는 쓰지 않고 최종 평가를 위해 남겨 둡니다. 좋은 점들은 학습률의 한 띠에 모이고, 가중치 감소는 훨씬 덜 중요합니다. 책에서처럼 하세요: 가장 좋은 영역을 살펴보고, &lt;i&gt;상위 5개로 좁히기&lt;/i&gt;를 누른 뒤 다시 실행하고, &lt;i&gt;최고 결과 적용&lt;/i&gt;으로 가장 좋은 값을 프로젝트에 적용하세요(Ctrl+Z로 되돌립니다).</translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation>{title} — NetCanvas 실습</translation>
    </message>
    <message>
        <source>Open the {example} example to search it</source>
        <translation>탐색할 {example} 예제 열기</translation>
    </message>
    <message>
        <source>Replace the project in the main window by the example (it asks first if there are unsaved changes)</source>
        <translation>주 창의 프로젝트를 예제로 바꿉니다 (저장하지 않은 변경 사항이 있으면 먼저 묻습니다)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the search: the running trials end at once and are left out, the finished ones stay</source>
        <translation>탐색을 중지합니다. 실행 중인 시행은 즉시 끝나고 제외되며, 끝난 시행은 남습니다</translation>
    </message>
    <message>
        <source>%v / %m trials</source>
        <translation>시행 %v/%m</translation>
    </message>
    <message>
        <source>Narrow to top {n}</source>
        <translation>상위 {n}개로 좁히기</translation>
    </message>
    <message>
        <source>Set both ranges to the spread of the {n} best trials</source>
        <translation>두 범위를 가장 좋은 시행 {n}개가 퍼진 범위로 설정합니다</translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation>최고 결과 적용</translation>
    </message>
    <message>
        <source>Apply selected</source>
        <translation>선택 항목 적용</translation>
    </message>
    <message>
        <source>Put this trial&apos;s learning rate and weight decay on the project (one undoable edit)</source>
        <translation>이 시행의 학습률과 가중치 감소를 프로젝트에 적용합니다 (한 번에 실행 취소할 수 있는 편집)</translation>
    </message>
    <message>
        <source>Run the search on the project in the main window</source>
        <translation>주 창의 프로젝트로 탐색을 실행합니다</translation>
    </message>
    <message>
        <source>Training {n} trials of {epochs} epochs…</source>
        <translation>시행 {n}개를 각각 {epochs}에폭 학습하는 중…</translation>
    </message>
    <message>
        <source>Stopping: the running trials end and are left out…</source>
        <translation>중지하는 중: 실행 중인 시행은 끝나고 제외됩니다…</translation>
    </message>
    <message>
        <source>Another project was opened: the search stopped and its results were dropped.</source>
        <translation>다른 프로젝트를 열었습니다. 탐색을 중지하고 그 결과를 버렸습니다.</translation>
    </message>
    <message>
        <source>Stopped after {done} of {total} trials in {seconds} s</source>
        <translation>시행 {total}개 중 {done}개 후 중지 ({seconds}초)</translation>
    </message>
    <message>
        <source>{done} trials in {seconds} s</source>
        <translation>시행 {done}개 ({seconds}초)</translation>
    </message>
    <message>
        <source>{ran}.</source>
        <translation>{ran}.</translation>
    </message>
    <message>
        <source>{ran}: every trial diverged. Lower the learning rates.</source>
        <translation>{ran}: 모든 시행이 발산했습니다. 학습률을 낮추세요.</translation>
    </message>
    <message>
        <source>{ran}. Best: validation {metric} {score} at learning rate {lr}, weight decay {decay}.</source>
        <translation>{ran}. 최고 결과: 검증 {metric} {score}, 학습률 {lr}, 가중치 감소 {decay}.</translation>
    </message>
    <message>
        <source>The search failed: {message}</source>
        <translation>탐색에 실패했습니다: {message}</translation>
    </message>
    <message>
        <source>Stopped when the window closed, after {n} trials.</source>
        <translation>창을 닫아서 시행 {n}개 후 중지했습니다.</translation>
    </message>
    <message>
        <source>Ranges narrowed to the {n} best trials: learning rate {lr_low} … {lr_high}, weight decay {decay_low} … {decay_high}. Run again to search there.</source>
        <translation>범위를 가장 좋은 시행 {n}개로 좁혔습니다: 학습률 {lr_low} … {lr_high}, 가중치 감소 {decay_low} … {decay_high}. 그 범위에서 탐색하려면 다시 실행하세요.</translation>
    </message>
    <message>
        <source>The project now trains with learning rate {lr} and weight decay {decay}. Undo (Ctrl+Z, here or in the main window) puts the old values back.</source>
        <translation>이제 프로젝트의 학습률은 {lr}, 가중치 감소는 {decay}입니다. 실행 취소(Ctrl+Z, 여기나 주 창에서)로 이전 값을 되돌립니다.</translation>
    </message>
    <message>
        <source>Cannot train: {error}</source>
        <translation>학습할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>This project keeps no validation rows, and the search ranks trials by their validation score: give validation a share in the Training dock (e.g. 15 %).</source>
        <translation>이 프로젝트에는 검증 데이터 행이 없는데, 탐색은 시행을 검증 점수로 순위를 매깁니다. 학습 패널에서 검증 데이터에 비율을 주세요(예: 15%).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: network {units}, {optimizer}, batch {batch}; {train} training rows, ranked by {metric} on {val} validation rows. Every trial starts from fresh weights.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: 신경망 {units}, {optimizer}, 배치 크기 {batch}. 훈련 데이터 {train}행으로 학습하고, 검증 데이터 {val}행의 {metric} 기준으로 순위를 매깁니다. 모든 시행은 새 가중치로 시작합니다.</translation>
    </message>
</context>
</TS>
