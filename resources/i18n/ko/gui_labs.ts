<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>ActivationsLab</name>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; The orange dashed line is the slope f′(x) that backprop multiplies by. Where it is (almost) 0 — shaded — the weights before it barely learn: the sigmoid saturates for |x| above about 4.6 (its slope is 0.25 at best), the step function has no slope at all, and ReLU&apos;s is 0 for every x &amp;lt; 0. &lt;b&gt;Below:&lt;/b&gt; three hidden layers with the &lt;i&gt;identity&lt;/i&gt; activation are one linear map y = K·x (a straight line, however many layers); any non-linear activation bends it.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 주황색 점선은 오차역전파법이 곱하는 기울기 f′(x)입니다. 이 값이 (거의) 0인 곳(음영)에서는 그 앞의 가중치가 거의 학습되지 않습니다: 시그모이드 함수는 |x|가 약 4.6보다 크면 포화되고(기울기는 최대 0.25), 계단 함수에는 기울기가 전혀 없으며, ReLU 함수의 기울기는 x &amp;lt; 0인 모든 곳에서 0입니다. &lt;b&gt;아래:&lt;/b&gt; &lt;i&gt;항등 함수&lt;/i&gt;를 활성화 함수로 쓰는 은닉층 세 개는 선형 사상 y = K·x 하나와 같습니다(층이 몇 개든 직선). 비선형 활성화 함수는 어느 것이든 이 직선을 구부립니다.</translation>
    </message>
    <message>
        <source>K = W1·W2·W3·W4 = {k} (dotted: y = K·x); largest distance from it: {gap}</source>
        <translation>K = W1·W2·W3·W4 = {k} (점선: y = K·x). 이 직선에서 가장 멀리 떨어진 거리: {gap}</translation>
    </message>
    <message>
        <source>The function drawn above with its slope f′(x)</source>
        <translation>위에 기울기 f′(x)와 함께 그린 함수</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Read every function and its slope at this x</source>
        <translation>이 x에서 모든 함수의 값과 기울기를 읽습니다</translation>
    </message>
    <message>
        <source>At x =</source>
        <translation>위치 x =</translation>
    </message>
    <message>
        <source>function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Every function&apos;s value f(x) and slope f′(x) at the x above</source>
        <translation>위의 x에서 각 함수의 값 f(x)와 기울기 f′(x)</translation>
    </message>
    <message>
        <source>Activation functions at x</source>
        <translation>x에서의 활성화 함수</translation>
    </message>
    <message>
        <source>Activation function plots</source>
        <translation>활성화 함수 그래프</translation>
    </message>
    <message>
        <source>Top: the chosen function f(x) and its slope f′(x); bottom: the output of a 1-4-4-4-1 network with the chosen activation, for each input x</source>
        <translation>위: 고른 함수 f(x)와 그 기울기 f′(x), 아래: 고른 활성화 함수를 쓰는 1-4-4-4-1 신경망의 입력 x마다의 출력</translation>
    </message>
    <message>
        <source>f(x) and its slope f′(x)</source>
        <translation>f(x)와 기울기 f′(x)</translation>
    </message>
    <message>
        <source>A 1-4-4-4-1 network&apos;s output</source>
        <translation>1-4-4-4-1 신경망의 출력</translation>
    </message>
    <message>
        <source>Hidden activation of the stack:</source>
        <translation>쌓은 은닉층의 활성화 함수:</translation>
    </message>
    <message>
        <source>The activation of the network&apos;s three hidden layers: identity collapses them to y = K·x</source>
        <translation>신경망의 은닉층 세 개가 쓰는 활성화 함수: 항등 함수이면 세 층이 y = K·x 하나로 합쳐집니다</translation>
    </message>
</context>
<context>
    <name>BatchArithmetic</name>
    <message>
        <source>“{text}” is not a number.</source>
        <extracomment>the rows after the samples&apos;, and the first column of each block (x, x̂, y)</extracomment>
        <translation>“{text}”은(는) 수가 아닙니다.</translation>
    </message>
    <message>
        <source>“{text}” is too large for this table: type a number from −{limit} to {limit}. (σ² squares x − μ, and the square of a larger number overflows to infinity.)</source>
        <translation>“{text}”은(는) 이 표에 넣기에 너무 큽니다: −{limit}부터 {limit}까지의 수를 입력하세요. (σ²는 x − μ를 제곱하는데, 이보다 큰 수의 제곱은 오버플로되어 무한대가 됩니다.)</translation>
    </message>
    <message>
        <source>The engine&apos;s batch-norm layer on one batch, per feature (column): μ is the mean of the batch and σ² its variance; the normalised x = (x − μ)/√(σ² + ε), with ε = {epsilon}, has mean 0 and variance 1; y = γ·(normalised x) + β scales and shifts it by the learned γ and β. Type into x, γ or β.</source>
        <translation>엔진의 배치 정규화 계층을 배치 하나에 특징(열)별로 적용합니다: μ는 배치의 평균, σ²는 분산입니다. 정규화한 x = (x − μ)/√(σ² + ε)(ε = {epsilon})는 평균 0, 분산 1이 되고, y = γ·(정규화한 x) + β는 학습되는 γ와 β로 확대하고 이동합니다. x, γ, β에 직접 입력해 보세요.</translation>
    </message>
    <message>
        <source>The engine&apos;s batch-norm layer on one batch, per feature (column): μ is the mean of the batch and σ² its variance; the normalised x = (x − μ)/√(σ² + ε), with ε = {epsilon}; y = γ·(normalised x) + β scales and shifts it by the learned γ and β. Type into x, γ or β.</source>
        <translation>엔진의 배치 정규화 계층을 배치 하나에 특징(열)별로 적용합니다: μ는 배치의 평균, σ²는 분산입니다. 정규화한 x = (x − μ)/√(σ² + ε)(ε = {epsilon})이고, y = γ·(정규화한 x) + β는 학습되는 γ와 β로 확대하고 이동합니다. x, γ, β에 직접 입력해 보세요.</translation>
    </message>
    <message>
        <source>x{sub} is the same in every sample, so σ² is 0 and so is x − μ (up to rounding): the normalised x{sub} is 0, not of variance 1 — ε only keeps √(σ² + ε) from being 0 — and y{sub} is β.</source>
        <translation>x{sub}가 모든 샘플에서 같으므로 σ²는 0이고 x − μ도 (반올림 오차를 빼면) 0입니다: 정규화한 x{sub}는 분산 1이 아니라 0이 됩니다 — ε은 √(σ² + ε)가 0이 되지 않게 막을 뿐입니다 — 그리고 y{sub}는 β입니다.</translation>
    </message>
    <message>
        <source>x{sub} varies so little that σ² is not large against ε: the normalised x{sub} has variance σ²/(σ² + ε) = {variance}, not 1.</source>
        <translation>x{sub}의 변화가 너무 작아 σ²가 ε에 비해 크지 않습니다: 정규화한 x{sub}의 분산은 1이 아니라 σ²/(σ² + ε) = {variance}입니다.</translation>
    </message>
    <message>
        <source>Batch norm on one batch, step by step</source>
        <translation>배치 하나에 적용한 배치 정규화, 단계별로</translation>
    </message>
    <message>
        <source>normalised x{sub}</source>
        <translation>정규화한 x{sub}</translation>
    </message>
    <message>
        <source>sample {n}</source>
        <translation>샘플 {n}</translation>
    </message>
    <message>
        <source>μ (mean)</source>
        <translation>μ (평균)</translation>
    </message>
    <message>
        <source>σ² (variance)</source>
        <translation>σ² (분산)</translation>
    </message>
    <message>
        <source>γ (scale)</source>
        <translation>γ (확대)</translation>
    </message>
    <message>
        <source>β (shift)</source>
        <translation>β (이동)</translation>
    </message>
    <message>
        <source>Type into the x, γ and β cells</source>
        <translation>x, γ, β 칸에 입력하세요</translation>
    </message>
    <message>
        <source>Batch norm arithmetic</source>
        <translation>배치 정규화 계산</translation>
    </message>
    <message>
        <source>A row per sample: its features x, normalised, then scaled and shifted to y; below, each feature&apos;s mean, variance, γ and β. Type into the x, γ and β cells</source>
        <translation>샘플마다 한 행: 특징 x, 정규화한 값, 그리고 크기를 조정하고 이동한 y. 아래에는 특징마다의 평균, 분산, γ, β가 있습니다. x, γ, β 칸에 입력할 수 있습니다</translation>
    </message>
</context>
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
        <source>Computational graph</source>
        <translation>계산 그래프</translation>
    </message>
    <message>
        <source>The expression&apos;s nodes and the edges between them: forward values above the arrows (green), gradients below them (red), as far as the steps have gone</source>
        <translation>식의 노드와 그 사이의 에지: 지금까지 진행한 단계만큼 순전파 값은 화살표 위(초록색)에, 기울기는 아래(빨간색)에 나옵니다</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Each input&apos;s value: type one and everything recomputes</source>
        <translation>각 입력의 값: 값을 입력하면 모두 다시 계산합니다</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <source>A row per input: its gradient by backprop, the numerical gradient, their relative error and ✓ when they agree</source>
        <translation>입력마다 한 행: 오차역전파법으로 구한 기울기, 수치 미분으로 구한 기울기, 둘의 상대 오차, 일치하면 ✓</translation>
    </message>
    <message>
        <source>Edited from “{graph}”: its numbers no longer hold; the steps and the gradient check show this graph&apos;s own. Choose the graph in the list again to start over.</source>
        <translation>“{graph}”에서 고친 그래프입니다: 예제의 수치는 더 이상 맞지 않습니다. 단계와 기울기 확인은 이 그래프의 값을 보여 줍니다. 처음부터 다시 하려면 목록에서 그래프를 다시 고르세요.</translation>
    </message>
    <message>
        <source>Cannot compute: {error}</source>
        <translation>계산할 수 없습니다: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Removed {name} and the %n node using it.</source>
        <translation>
            <numerusform>{name} 노드와 이를 사용하는 노드 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {name} and the %n nodes using it.</source>
        <translation>
            <numerusform>{name} 노드와 이를 사용하는 노드 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The value of {name}; the graph recomputes as you type</source>
        <translation>{name}의 값입니다. 입력하는 대로 그래프를 다시 계산합니다</translation>
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
        <source>The inputs are known. Press → to step through the forward pass, then the backward pass; End shows both at once.</source>
        <translation>입력값이 정해졌습니다. →를 누르면 순전파를 거쳐 역전파까지 한 단계씩 진행하고, End를 누르면 두 과정을 한꺼번에 보여 줍니다.</translation>
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
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Forward, each node computes its value from its inputs (&lt;span style=&apos;color:{forward}&apos;&gt;&lt;b&gt;green&lt;/b&gt;&lt;/span&gt;, above the arrows). Backward, starting from 1 at the output, each node uses only its own &lt;i&gt;local&lt;/i&gt; rule to send a gradient down each input edge (&lt;span style=&apos;color:{gradient}&apos;&gt;&lt;b&gt;red&lt;/b&gt;&lt;/span&gt;, below): + passes it unchanged, × swaps its inputs (d(xy)/dx = y). That is all backprop is — the chain rule, one node at a time. &lt;i&gt;Check gradients&lt;/i&gt; compares each with the numerical gradient. → steps forward through both passes, ← steps back, End shows them all.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 순전파에서는 각 노드가 입력으로부터 자기 값을 계산합니다(&lt;span style=&apos;color:{forward}&apos;&gt;&lt;b&gt;초록색&lt;/b&gt;&lt;/span&gt;, 화살표 위). 역전파에서는 출력의 1에서 시작해, 각 노드가 자기의 &lt;i&gt;국소적&lt;/i&gt; 규칙만으로 각 입력 에지를 따라 기울기를 하류로 보냅니다(&lt;span style=&apos;color:{gradient}&apos;&gt;&lt;b&gt;빨간색&lt;/b&gt;&lt;/span&gt;, 아래): 덧셈 노드는 그대로 흘리고, 곱셈 노드는 입력을 서로 바꿉니다(d(xy)/dx = y). 오차역전파법은 이것이 전부입니다 — 노드 하나씩 적용하는 연쇄법칙입니다. &lt;i&gt;기울기 확인&lt;/i&gt;은 각 기울기를 수치 미분으로 구한 기울기와 비교합니다. →는 순전파와 역전파를 차례로 한 단계씩 진행하고, ←는 한 단계 뒤로 가며, End는 모두 보여 줍니다.</translation>
    </message>
    <message>
        <source>The graph to explore: the book&apos;s apple examples, or σ, softplus and a ReLU neuron built from simple nodes.
Choosing one replaces the graph and starts again at its inputs: → steps it.</source>
        <translation>살펴볼 그래프입니다: 책의 사과 예제, 또는 간단한 노드로 만든 σ, softplus, ReLU 뉴런.
하나를 고르면 그래프가 바뀌고 입력값부터 다시 시작합니다. →로 한 단계씩 진행하세요.</translation>
    </message>
    <message>
        <source>Next step →</source>
        <translation>다음 단계 →</translation>
    </message>
    <message>
        <source>The next step: each node&apos;s value in the forward pass, then each node&apos;s local rule in the backward pass, from the output back (→)</source>
        <translation>다음 단계: 순전파에서는 각 노드의 값을, 그다음 역전파에서는 출력 쪽부터 거꾸로 각 노드의 국소적 규칙을 적용합니다 (→)</translation>
    </message>
    <message>
        <source>← Step back</source>
        <translation>← 한 단계 뒤로</translation>
    </message>
    <message>
        <source>One step back (←)</source>
        <translation>한 단계 뒤로 (←)</translation>
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
        <source>Value of {name}</source>
        <translation>{name}의 값</translation>
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
    <name>InitializationLab</name>
    <message>
        <source>Weights drawn with standard deviation 1</source>
        <translation>표준편차 1로 무작위로 뽑은 가중치</translation>
    </message>
    <message>
        <source>Weights drawn with standard deviation 0.01</source>
        <translation>표준편차 0.01로 무작위로 뽑은 가중치</translation>
    </message>
    <message>
        <source>std √(1/n), n = 100 inputs per unit (the book&apos;s Xavier): for sigmoid and tanh</source>
        <translation>표준편차 √(1/n), 뉴런마다 입력 n = 100개 (책의 Xavier 초깃값): 시그모이드 함수와 tanh 함수용</translation>
    </message>
    <message>
        <source>std √(2/n), n = 100 inputs per unit: for ReLU</source>
        <translation>표준편차 √(2/n), 뉴런마다 입력 n = 100개: ReLU 함수용</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; 1,000 random inputs go through 5 layers of 100 units (no biases); each plot is one layer&apos;s activations, all on the same scale. Sigmoid with &lt;b&gt;std 1&lt;/b&gt;: values pile up at 0 and 1, where the slope vanishes. With &lt;b&gt;std 0.01&lt;/b&gt;: everything collapses to 0.5 — every unit says the same thing. &lt;b&gt;Xavier&lt;/b&gt; (√(1/n)) keeps sigmoid and tanh spread out; with ReLU, &lt;b&gt;He&lt;/b&gt; (√(2/n)) keeps the spread layer after layer while with std 0.01 it shrinks to a spike at 0 — it dies out.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 무작위 입력 1,000개가 뉴런 100개짜리 층 5개(편향 없음)를 지나갑니다. 그래프 하나가 한 층의 활성화값이며, 모두 같은 눈금입니다. 시그모이드 함수에 &lt;b&gt;표준편차 1&lt;/b&gt;이면 값이 기울기가 사라지는 0과 1에 몰립니다. &lt;b&gt;표준편차 0.01&lt;/b&gt;이면 모든 값이 0.5로 모여 모든 뉴런이 같은 값을 냅니다. &lt;b&gt;Xavier 초깃값&lt;/b&gt;(√(1/n))은 시그모이드 함수와 tanh 함수의 값을 고르게 퍼뜨립니다. ReLU 함수에서는 &lt;b&gt;He 초깃값&lt;/b&gt;(√(2/n))이 층을 거듭해도 퍼짐을 유지하지만, 표준편차 0.01이면 0에 뾰족하게 모여 사라집니다.</translation>
    </message>
    <message>
        <source>ReLU: {share} of the outputs are exactly 0 and are not drawn (the bars show the rest, as a fraction of all outputs) — layer by layer: {layers}</source>
        <translation>ReLU: 출력의 {share}가 정확히 0이라 그리지 않았습니다 (막대는 나머지를 전체 출력에 대한 비율로 보여 줍니다). 층별로: {layers}</translation>
    </message>
    <message>
        <source>layer {k}: std {std}, {share} saturated</source>
        <translation>{k}층: 표준편차 {std}, {share} 포화됨</translation>
    </message>
    <message>
        <source>layer {k}: std {std}</source>
        <translation>{k}층: 표준편차 {std}</translation>
    </message>
    <message>
        <source>Initial weights:</source>
        <translation>가중치 초깃값:</translation>
    </message>
    <message>
        <source>How the weights of all five layers are drawn: std 1, std 0.01, Xavier √(1/n) or He √(2/n)</source>
        <translation>다섯 층 모두의 가중치를 뽑는 방법: 표준편차 1, 표준편차 0.01, Xavier √(1/n) 또는 He √(2/n)</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <source>The activation every layer applies (sigmoid and tanh: try Xavier; ReLU: try He against std 0.01)</source>
        <translation>층마다 적용하는 활성화 함수 (시그모이드 함수와 tanh 함수: Xavier 초깃값을, ReLU 함수: He 초깃값을 표준편차 0.01과 비교해 보세요)</translation>
    </message>
    <message>
        <source>layer {k}</source>
        <translation>{k}층</translation>
    </message>
    <message>
        <source>fraction of the layer&apos;s outputs</source>
        <translation>층 출력 중 비율</translation>
    </message>
    <message>
        <source>Histograms of the layers&apos; outputs</source>
        <translation>각 층 출력의 히스토그램</translation>
    </message>
    <message>
        <source>One histogram per layer, first to fifth: the fraction of the layer&apos;s outputs in each range of values, after the chosen initial weights and activation</source>
        <translation>첫째부터 다섯째 층까지 층마다 히스토그램 하나: 고른 초기 가중치와 활성화 함수에서 층의 출력이 각 값 구간에 드는 비율</translation>
    </message>
</context>
<context>
    <name>LabWindow</name>
    <message>
        <source>{title} — NetCanvas lab</source>
        <extracomment>the context of the lab titles (the Labs menu and the windows&apos; titles) a lab&apos;s column of controls beside its plots, in characters: 330 px at the default font. It was 330 px whatever the font, and with a projector&apos;s 14 pt font its spin boxes, buttons and group titles were cut off (the Search, Computational graph and Regularization labs)</extracomment>
        <translation>{title} — NetCanvas 실습</translation>
    </message>
</context>
<context>
    <name>Labs</name>
    <message>
        <source>Perceptron and XOR</source>
        <extracomment>the keys that close a lab&apos;s window (a keyboard user had only the window manager&apos;s Alt+F4): Esc as a dialog takes it (only when the focused widget — a cell&apos;s editor, an open list — has not used it), then the shortcuts
----------
the book&apos;s hand-set weights of the two-layer XOR: unit → (w₁, w₂, b)</extracomment>
        <translation>퍼셉트론과 XOR</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Softmax and loss functions</source>
        <extracomment>the softmax table&apos;s columns: naive (exp, its quotient), then stable (shift, exp, y), t, y − t the columns the table sums in its last row (the rest would only sum rounding noise) the columns of typed or whole numbers, written short (the others as NumPy prints them) the smallest window: its notice still fits above the tables (which scroll below it)</extracomment>
        <translation>Softmax 함수와 손실 함수</translation>
    </message>
    <message>
        <source>Computational graph and backprop</source>
        <translation>계산 그래프의 역전파</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>갱신 방법 비교</translation>
    </message>
    <message>
        <source>Weight initialisation</source>
        <translation>가중치의 초깃값</translation>
    </message>
    <message>
        <source>Batch norm, weight decay, dropout</source>
        <extracomment>the bundled example the overfitting experiment trains (core reads no resources itself)</extracomment>
        <translation>배치 정규화, 가중치 감소, 드롭 아웃</translation>
    </message>
    <message>
        <source>Hyperparameter search</source>
        <translation>하이퍼파라미터 탐색</translation>
    </message>
</context>
<context>
    <name>LabsMenu</name>
    <message>
        <source>&amp;Labs</source>
        <translation>실습(&amp;L)</translation>
    </message>
    <message>
        <source>Cannot open the lab</source>
        <translation>실습을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The lab “{title}” could not be opened. {why}

Your project is not affected.</source>
        <translation>실습 “{title}”을(를) 열 수 없습니다. {why}

프로젝트는 영향을 받지 않습니다.</translation>
    </message>
    <message>
        <source>A part of NetCanvas that the lab needs is missing from this installation ({part}); installing NetCanvas again should bring it back.</source>
        <translation>이 실습에 필요한 NetCanvas의 일부가 이 설치에 없습니다({part}). NetCanvas를 다시 설치하면 돌아올 것입니다.</translation>
    </message>
    <message>
        <source>There is not enough memory for it; close other programs or labs and try again.</source>
        <translation>메모리가 부족합니다. 다른 프로그램이나 실습을 닫고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This is a fault in NetCanvas, not in your work: {error}.</source>
        <translation>작업의 문제가 아니라 NetCanvas의 결함입니다: {error}.</translation>
    </message>
</context>
<context>
    <name>LossSection</name>
    <message>
        <source>“{text}” is not a probability: type a number from 0 to 1.</source>
        <extracomment>the table&apos;s rows: the target, then the two predictions the columns after the classes&apos; ten the predictions&apos; colours in the plot (the target is drawn as an outline) makes the message about the last refused cell, in the current language (or None)</extracomment>
        <translation>“{text}”은(는) 확률이 아닙니다: 0에서 1 사이의 수를 입력하세요.</translation>
    </message>
    <message>
        <source>The smaller loss is the better prediction: {better} ({squares} and {cross_entropy}).</source>
        <translation>손실이 작을수록 더 좋은 예측값입니다: {better} ({squares}, {cross_entropy}).</translation>
    </message>
    <message>
        <source>y1 and y2 are equally good: their losses are the same ({squares} and {cross_entropy}).</source>
        <translation>y1과 y2는 똑같이 좋은 예측값입니다: 두 손실이 같습니다 ({squares}, {cross_entropy}).</translation>
    </message>
    <message>
        <source>The two losses do not agree which prediction is better: by ½Σ(y−t)², {squares}; by cross-entropy, {cross_entropy}.</source>
        <translation>두 손실 함수가 더 좋은 예측값을 다르게 고릅니다: ½Σ(y−t)²로는 {squares}, 교차 엔트로피 오차로는 {cross_entropy}.</translation>
    </message>
    <message>
        <source>Type into y1 or y2 to try your own prediction.</source>
        <translation>y1이나 y2에 직접 입력해 다른 예측값을 시험해 보세요.</translation>
    </message>
    <message>
        <source>a tie ({loss})</source>
        <translation>동점 ({loss})</translation>
    </message>
    <message>
        <source>{better} ({loss} against {other_loss})</source>
        <translation>{better} ({loss} 대 {other_loss})</translation>
    </message>
    <message>
        <source>Loss functions: predictions y against the one-hot target t</source>
        <translation>손실 함수: 예측값 y와 원-핫 정답 t</translation>
    </message>
    <message>
        <source>Right class (t is one-hot):</source>
        <translation>정답 클래스 (t는 원-핫):</translation>
    </message>
    <message>
        <source>The class t marks with 1; every other entry of t is 0</source>
        <translation>t가 1로 표시하는 클래스입니다. t의 나머지 원소는 모두 0입니다</translation>
    </message>
    <message>
        <source>A softmax output sums to 1</source>
        <translation>Softmax 출력은 합이 1입니다</translation>
    </message>
    <message>
        <source>The book&apos;s mean squared error (sum of squares): ½Σ(y−t)²</source>
        <translation>책의 평균제곱오차(오차제곱합): ½Σ(y−t)²</translation>
    </message>
    <message>
        <source>The book&apos;s cross-entropy error (CEE): −Σ t·log(y + 1e-7); only the right class counts</source>
        <translation>책의 교차 엔트로피 오차 (CEE): −Σ t·log(y + 1e-7). 정답 클래스의 값만 반영됩니다</translation>
    </message>
    <message>
        <source>Type a probability into any cell of y1 or y2</source>
        <translation>y1이나 y2의 칸에 확률을 입력하세요</translation>
    </message>
    <message>
        <source>Predictions y1, y2 and their losses</source>
        <translation>예측 y1, y2와 그 손실</translation>
    </message>
    <message>
        <source>Rows y1 and y2: a probability per class, their sum, the squared error and the cross-entropy error against t. Type a probability into any cell of y1 or y2</source>
        <translation>y1과 y2 행: 클래스마다의 확률, 그 합, t에 대한 오차제곱합과 교차 엔트로피 오차. y1이나 y2의 아무 칸에나 확률을 입력할 수 있습니다</translation>
    </message>
    <message>
        <source>y1 and y2 per class</source>
        <translation>클래스별 y1과 y2</translation>
    </message>
    <message>
        <source>Two bars per class: y1&apos;s and y2&apos;s probability; the right class t outlined</source>
        <translation>클래스마다 막대 두 개: y1과 y2의 확률. 정답 클래스 t는 테두리로 표시됩니다</translation>
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
        <source>Show Nesterov and RMSprop too</source>
        <translation>Nesterov와 RMSprop도 표시</translation>
    </message>
    <message>
        <source>Add the two optimizers the book&apos;s figures leave out, on the surface and in the race
(their rates are not the book&apos;s: on the bowls 0.1, like Momentum&apos;s).</source>
        <translation>책의 그림에 없는 두 갱신 방법을 곡면과 비교에 추가합니다
(학습률은 책의 값이 아닙니다: 그릇 모양 곡면에서는 Momentum과 같은 0.1).</translation>
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
        <source>training loss</source>
        <translation>훈련 손실</translation>
    </message>
    <message>
        <source>Optimizer race plots</source>
        <translation>갱신 방법 비교 그래프</translation>
    </message>
    <message>
        <source>Top: each optimizer&apos;s path over the loss surface from the same start, one colour each; bottom: each optimizer&apos;s training loss on digits per epoch</source>
        <translation>위: 같은 출발점에서 손실 곡면 위를 지나는 각 갱신 방법의 경로(갱신 방법마다 한 색), 아래: 각 갱신 방법의 에폭마다 숫자 데이터 훈련 손실</translation>
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
        <source>Finishing an optimizer no longer shown: epoch {n} of {total}</source>
        <translation>이제 표시하지 않는 갱신 방법의 학습을 마치는 중, 에폭 {n}/{total}</translation>
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
for 10 epochs with each optimizer at the book&apos;s rate (Nesterov and RMSprop, which the book
leaves out, at rates like theirs), all from the same initial weights.
It runs in the background (it ran once when the lab opened); click again to stop.</source>
        <translation>책의 64-100-100-100-100-10 신경망(ReLU 함수, 배치 크기 128)을 숫자 데이터로
각 갱신 방법마다 책의 학습률로 10에폭 동안 학습합니다(책에 없는 Nesterov와 RMSprop은
그와 비슷한 학습률로). 가중치의 초깃값은 모두 같습니다.
백그라운드에서 실행됩니다(실습을 열 때 한 번 실행했습니다). 다시 누르면 멈춥니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On the round bowl x² + y² every gradient points straight at the minimum: there is no narrow valley to zig-zag across. SGD at 0.95 still overshoots — each step multiplies x and y by 1 − 2·0.95 = −0.9. SGD and Momentum run along the same line through the start and the minimum: SGD&apos;s wide line shows under Momentum&apos;s. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 둥근 그릇 모양인 x² + y²에서는 모든 기울기가 최솟값을 곧장 가리킵니다. 가로질러 지그재그로 움직일 좁은 골짜기가 없습니다. 그래도 학습률 0.95의 SGD는 지나칩니다 — 매 단계 x와 y에 1 − 2·0.95 = −0.9를 곱하기 때문입니다. SGD와 Momentum은 출발점과 최솟값을 잇는 같은 직선을 따라 움직입니다: SGD의 굵은 선이 Momentum의 선 아래로 보입니다. </translation>
    </message>
    <message>
        <source>The race uses the book&apos;s rates, not the boxes above: those are for the 2-D surface,
whose gradients are of a different size than a network&apos;s.</source>
        <translation>비교에는 위 칸의 학습률이 아니라 책의 학습률을 씁니다. 위 칸은 2차원 곡면용이며,
곡면의 기울기는 신경망의 기울기와 크기가 다릅니다.</translation>
    </message>
    <message>
        <source>The function f(x, y) every optimizer walks down, all from the same start.
x²/20 + y² is steep in y and flat in x: a narrow valley (the book&apos;s figure).
x² + y² is equally steep everywhere. Rosenbrock&apos;s valley is curved and far steeper:
it needs much smaller rates. Choosing a surface sets its own rates and number of updates.
Gradient descent (book §4.4) is the book&apos;s plain gradient method alone on x0² + x1², with its three rates.
The + marks the minimum; the lines join points of equal f.</source>
        <extracomment>the two the book leaves out, dashed and drawn under the book&apos;s four, whose curves they often follow: Nesterov&apos;s path Momentum&apos;s, RMSprop&apos;s path and loss curve AdaGrad&apos;s SGD&apos;s pen is wider, so that it shows on both sides of Momentum&apos;s line drawn over it (on x² + y² both run along the same line through the start and the minimum) the surface is computed on this many points across and up its window z of the end dots: above every path&apos;s line (a dot is never hidden by another&apos;s line)</extracomment>
        <translation>모든 갱신 방법이 같은 출발점에서 내려가는 함수 f(x, y)입니다.
x²/20 + y²는 y 방향으로 가파르고 x 방향으로 완만한 좁은 골짜기입니다(책의 그림).
x² + y²는 모든 방향으로 똑같이 가파릅니다. Rosenbrock 함수의 골짜기는 휘어 있고 훨씬 가파르므로
훨씬 작은 학습률이 필요합니다. 곡면을 고르면 그 곡면의 학습률과 갱신 횟수가 설정됩니다.
경사 하강법 (책 §4.4)은 x0² + x1²에서 책의 기본 경사법만 책의 세 학습률로 보여 줍니다.
+는 최솟값의 위치이고, 선은 f가 같은 점을 잇습니다.</translation>
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
        <source>; {rates} (not in the book)</source>
        <translation>; {rates} (책에 없음)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) with the book&apos;s learning rates: &lt;b&gt;SGD&lt;/b&gt; zig-zags across the valley, &lt;b&gt;Momentum&lt;/b&gt; rolls like a ball and overshoots, &lt;b&gt;AdaGrad&lt;/b&gt; damps y at once, &lt;b&gt;Adam&lt;/b&gt; combines both. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; f(x, y) = x²/20 + y²(y 방향으로 가파르고 x 방향으로 완만함)에서 (−7, 2)부터 책의 학습률로 출발하면: &lt;b&gt;SGD&lt;/b&gt;는 골짜기를 가로질러 지그재그로 움직이고, &lt;b&gt;Momentum&lt;/b&gt;은 공처럼 굴러가며 지나치고, &lt;b&gt;AdaGrad&lt;/b&gt;는 y 방향 움직임을 곧바로 줄이며, &lt;b&gt;Adam&lt;/b&gt;은 두 가지를 합칩니다. </translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Rosenbrock&apos;s curved valley needs far smaller rates (the bowl&apos;s send SGD, Momentum and Nesterov off to infinity within 4 steps). In 100 updates from (−1.5, 2), &lt;b&gt;Momentum&lt;/b&gt; and &lt;b&gt;Adam&lt;/b&gt; reach the minimum at (1, 1) (Nesterov too, when shown). &lt;b&gt;SGD&lt;/b&gt; crawls along the valley floor and stops half-way (its dot, drawn on top). &lt;b&gt;AdaGrad&lt;/b&gt;&apos;s first step is lr along each axis however steep the wall (it divides the gradient by its own size); then its steps shrink ever smaller and leave it half-way too, just ahead of SGD. The ring marks the start, a dot where each path ends. </source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; Rosenbrock 함수의 휘어진 골짜기에는 훨씬 작은 학습률이 필요합니다(그릇 모양 곡면의 학습률로는 SGD, Momentum, Nesterov가 4단계 안에 무한대로 발산합니다). (−1.5, 2)에서 100번 갱신하면 &lt;b&gt;Momentum&lt;/b&gt;과 &lt;b&gt;Adam&lt;/b&gt;은 (1, 1)의 최솟값에 도달합니다(표시하면 Nesterov도). &lt;b&gt;SGD&lt;/b&gt;는 골짜기 바닥을 따라 느리게 기어가다 중간에 멈춥니다(맨 위에 그린 점). &lt;b&gt;AdaGrad&lt;/b&gt;의 첫 걸음은 벽이 아무리 가팔라도 각 축으로 학습률만큼입니다(기울기를 그 크기로 나누기 때문입니다). 그 뒤로는 보폭이 갈수록 작아져 역시 중간에, SGD보다 조금 앞에 머뭅니다. 고리는 출발점을, 점은 각 경로가 끝난 곳을 표시합니다. </translation>
    </message>
    <message>
        <source>Nesterov and RMSprop, which the book&apos;s figures leave out, are off: &lt;i&gt;Show Nesterov and RMSprop too&lt;/i&gt; adds them (at rates of their own on the surface, not the book&apos;s). </source>
        <translation>책의 그림에 없는 Nesterov와 RMSprop은 꺼져 있습니다: &lt;i&gt;Nesterov와 RMSprop도 표시&lt;/i&gt;를 누르면 추가됩니다(곡면에서의 학습률은 따로 정한 값으로, 책의 값이 아닙니다). </translation>
    </message>
    <message>
        <source>The dashed Nesterov and RMSprop are not in the book&apos;s figures, nor are their rates on the surface; they are drawn under the book&apos;s four. </source>
        <translation>점선인 Nesterov와 RMSprop은 책의 그림에 없으며, 곡면에서의 학습률도 책의 값이 아닙니다. 책의 네 가지 방법 아래에 그립니다. </translation>
    </message>
    <message>
        <source>Change a learning rate and the path is recomputed; too large a rate and the path diverges. Below, the same network trained on the digits by each optimizer from the same weights: as in the book, plain SGD learns slowest.</source>
        <translation>학습률을 바꾸면 경로를 다시 계산합니다. 학습률이 너무 크면 경로가 발산합니다. 아래 그래프는 같은 신경망을 같은 가중치에서 출발해 갱신 방법마다 숫자 데이터로 학습한 결과입니다. 책에서처럼 기본 SGD가 가장 느리게 학습합니다.</translation>
    </message>
    <message>
        <source>start</source>
        <translation>출발점</translation>
    </message>
    <message>
        <source>where each path ends</source>
        <translation>각 경로가 끝난 곳</translation>
    </message>
    <message>
        <source>Gradient descent (book §4.4)</source>
        <translation>경사 하강법 (책 §4.4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; The book&apos;s gradient method on f(x0, x1) = x0² + x1² from (−3, 4): every step is x ← x − lr·∇f(x), with ∇f worked out numerically by central differences (h = 1e-4), as in the book. At the book&apos;s rate &lt;b&gt;0.1&lt;/b&gt; every step shrinks x to 0.8 of itself: after the book&apos;s 100 steps it is practically the minimum (0, 0) (its figure draws the first 20). Too &lt;b&gt;large&lt;/b&gt; a rate (10) overshoots further at every step and diverges; too &lt;b&gt;small&lt;/b&gt; a rate (1e-10) barely moves. </source>
        <extracomment>the points whose gradient the book works out, then the start</extracomment>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 책의 경사법을 f(x0, x1) = x0² + x1²에 (−3, 4)부터 적용합니다: 매 단계 x ← x − lr·∇f(x)이며, ∇f는 책에서처럼 중심 차분(h = 1e-4)으로 구한 수치 미분입니다. 책의 학습률 &lt;b&gt;0.1&lt;/b&gt;에서는 매 단계 x가 0.8배로 줄어듭니다: 책의 100단계 뒤에는 사실상 최솟값 (0, 0)입니다(책의 그림은 처음 20단계를 그립니다). 학습률이 너무 &lt;b&gt;크면&lt;/b&gt;(10) 매 단계 더 멀리 지나쳐서 발산하고, 너무 &lt;b&gt;작으면&lt;/b&gt;(1e-10) 거의 움직이지 않습니다. </translation>
    </message>
    <message>
        <source>lr = 0.1 (the book&apos;s)</source>
        <translation>lr = 0.1 (책의 값)</translation>
    </message>
    <message>
        <source>lr = 10 (too large)</source>
        <translation>lr = 10 (너무 큼)</translation>
    </message>
    <message>
        <source>lr = 1e-10 (too small)</source>
        <translation>lr = 1e-10 (너무 작음)</translation>
    </message>
    <message>
        <source>The learning rate of the book&apos;s gradient descent: its 0.1, and the two it shows going wrong.
The path and the final point are worked out again at once.</source>
        <translation>책의 경사 하강법의 학습률: 책의 0.1과, 책이 잘못되는 예로 보여 주는 두 값입니다.
경로와 최종 지점을 곧바로 다시 계산합니다.</translation>
    </message>
    <message>
        <source>Practically the minimum (0, 0).</source>
        <translation>사실상 최솟값 (0, 0)입니다.</translation>
    </message>
    <message>
        <source>Close to the minimum (0, 0), still on its way.</source>
        <translation>최솟값 (0, 0)에 가깝지만 아직 가는 중입니다.</translation>
    </message>
    <message>
        <source>Too large a rate: every step overshoots further than the last; by step {k} the path is more than a million away. (The numbers stop growing only because the central difference rounds to 0 that far out.)</source>
        <translation>학습률이 너무 큽니다: 매 단계가 앞 단계보다 더 멀리 지나쳐서, {k}단계에서 경로가 백만보다 멀리 벗어납니다. (수가 더 커지지 않는 것은 그만큼 멀어지면 중심 차분이 0으로 반올림되기 때문일 뿐입니다.)</translation>
    </message>
    <message>
        <source>Too small a rate: it has barely moved from the start.</source>
        <translation>학습률이 너무 작습니다: 출발점에서 거의 움직이지 않았습니다.</translation>
    </message>
    <message>
        <source>∇f at {point} = {gradient}</source>
        <translation>{point}에서 ∇f = {gradient}</translation>
    </message>
    <message>
        <source>The gradient by central differences (h = 1e-4):&lt;br&gt;{lines}&lt;br&gt;Each step goes against it, lr times as far: the red arrows on the plot are one step of lr 0.1.</source>
        <translation>중심 차분(h = 1e-4)으로 구한 기울기:&lt;br&gt;{lines}&lt;br&gt;매 단계 그 반대 방향으로 기울기의 lr배만큼 움직입니다: 그래프의 빨간 화살표는 lr 0.1로 한 단계 움직인 것입니다.</translation>
    </message>
    <message>
        <source>Gradient descent, lr = {lr}</source>
        <translation>경사 하강법, lr = {lr}</translation>
    </message>
    <message>
        <source>After {n} steps from {start} with lr = {lr}:&lt;br&gt;&lt;b&gt;x = {point}&lt;/b&gt;&lt;br&gt;{outcome}</source>
        <translation>{start}에서 출발해 {n}단계 뒤 (lr = {lr}):&lt;br&gt;&lt;b&gt;x = {point}&lt;/b&gt;&lt;br&gt;{outcome}</translation>
    </message>
</context>
<context>
    <name>PerceptronLab</name>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; One step neuron answers 1 where w₁x₁ + w₂x₂ + b &amp;gt; 0 — the shaded side of its line. AND, OR and NAND each have such a line (try the presets). For &lt;b&gt;XOR&lt;/b&gt; no line works: &lt;i&gt;Search for a line&lt;/i&gt; tries 9,261 of them, and the best still gets one point wrong (red ring). Two layers do: s₁ = NAND, s₂ = OR, then y = AND(s₁, s₂) — with the book&apos;s weights, and learned by a 2-2-1 network.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 계단 함수 뉴런 하나는 w₁x₁ + w₂x₂ + b &amp;gt; 0인 곳, 즉 직선의 음영 쪽에서 1을 출력합니다. AND, OR, NAND 게이트에는 각각 그런 직선이 있습니다(프리셋을 눌러 보세요). &lt;b&gt;XOR 게이트&lt;/b&gt;에는 맞는 직선이 없습니다: &lt;i&gt;직선 찾기&lt;/i&gt;가 직선 9,261개를 시도해도 가장 좋은 직선조차 한 점을 틀립니다(빨간 고리). 층이 두 개면 풀립니다: s₁ = NAND, s₂ = OR, 그리고 y = AND(s₁, s₂) — 책의 가중치로도, 학습한 2-2-1 신경망으로도 풀립니다.</translation>
    </message>
    <message>
        <source>a line separates it.</source>
        <translation>직선으로 나눌 수 있습니다.</translation>
    </message>
    <message>
        <source>no straight line separates XOR: one perceptron cannot do it.</source>
        <translation>XOR 게이트는 직선 하나로 나눌 수 없습니다: 퍼셉트론 하나로는 안 됩니다.</translation>
    </message>
    <message>
        <source>Best line found for {gate}: {correct} of 4 right (w₁ = {w1}, w₂ = {w2}, b = {b}; nearest point {margin} away) — {verdict}</source>
        <translation>{gate} 게이트에서 찾은 가장 좋은 직선: 4개 중 {correct}개 맞음 (w₁ = {w1}, w₂ = {w2}, b = {b}, 가장 가까운 점까지 {margin}) — {verdict}</translation>
    </message>
    <message>
        <source>Seed {seed}: {right} of 4 right after {epochs} epochs</source>
        <translation>시드 {seed}: 에폭 {epochs}번 후 4개 중 {right}개 맞음</translation>
    </message>
    <message>
        <source>Seed {seed}: {right} of 4 right after {epochs} epochs — stuck in a local minimum: try another seed</source>
        <translation>시드 {seed}: 에폭 {epochs}번 후 4개 중 {right}개 맞음 — 극솟값에 갇혔습니다: 다른 시드를 써 보세요</translation>
    </message>
    <message>
        <source>{unit} (learned)</source>
        <translation>{unit} (학습됨)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>The neuron&apos;s answer for each input; a wrong answer is bold red</source>
        <translation>입력마다 뉴런이 내는 답. 틀린 답은 굵은 빨간색입니다</translation>
    </message>
    <message>
        <source>The gate&apos;s truth table and the neuron&apos;s answers</source>
        <translation>게이트의 진리표와 뉴런의 답</translation>
    </message>
    <message>
        <source>The inputs and the neuron&apos;s line</source>
        <translation>입력과 뉴런의 직선</translation>
    </message>
    <message>
        <source>x₁ across, x₂ up: the four inputs as dots (blue: target 1, orange: 0), the neuron&apos;s line, the side where it answers 1 shaded, a red ring round each wrong answer</source>
        <translation>가로 x₁, 세로 x₂: 네 입력은 점(파란색: 목표 1, 주황색: 0), 뉴런의 직선, 뉴런이 1로 답하는 쪽은 음영, 틀린 답마다 빨간 고리</translation>
    </message>
    <message>
        <source>Search for a line</source>
        <translation>직선 찾기</translation>
    </message>
    <message>
        <source>Try every w₁, w₂, b from −1 to 1 in steps of 0.1 and show the best one (ties: the line farthest from the points)</source>
        <translation>w₁, w₂, b를 −1부터 1까지 0.1 간격으로 모두 시도해 가장 좋은 직선을 보여 줍니다 (같으면 점들에서 가장 먼 직선)</translation>
    </message>
    <message>
        <source>Target gate</source>
        <translation>목표 게이트</translation>
    </message>
    <message>
        <source>The truth table the neuron should reproduce (the dots&apos; colours: blue = 1, orange = 0)</source>
        <translation>뉴런이 재현할 진리표 (점의 색: 파란색 = 1, 주황색 = 0)</translation>
    </message>
    <message>
        <source>Weight of input x₁: tilts the line</source>
        <translation>입력 x₁의 가중치: 직선을 기울입니다</translation>
    </message>
    <message>
        <source>Weight of input x₂: tilts the line</source>
        <translation>입력 x₂의 가중치: 직선을 기울입니다</translation>
    </message>
    <message>
        <source>Bias b: shifts the line; the neuron answers 1 where w₁x₁ + w₂x₂ + b &gt; 0</source>
        <translation>편향 b: 직선을 옮깁니다. 뉴런은 w₁x₁ + w₂x₂ + b &gt; 0인 곳에서 1을 출력합니다</translation>
    </message>
    <message>
        <source>Shaded: the neuron answers 1 · dots: target 1 (blue), 0 (orange) · red ring: a wrong answer</source>
        <translation>음영: 뉴런이 1을 출력하는 영역 · 점: 정답 1 (파란색), 0 (주황색) · 빨간 고리: 틀린 답</translation>
    </message>
    <message>
        <source>Two layers solve XOR</source>
        <translation>층 두 개로 XOR 풀기</translation>
    </message>
    <message>
        <source>By hand (the book): s₁ = NAND(x), s₂ = OR(x), y = AND(s₁, s₂). Learned: a 2-2-1 sigmoid network.</source>
        <translation>직접 설정 (책): s₁ = NAND(x), s₂ = OR(x), y = AND(s₁, s₂). 학습: 2-2-1 시그모이드 신경망.</translation>
    </message>
    <message>
        <source>learned
2-2-1</source>
        <translation>학습
2-2-1</translation>
    </message>
    <message>
        <source>s₁, s₂: the hidden step neurons&apos; outputs; y: the output neuron&apos;s; learned: the trained network&apos;s answer</source>
        <translation>s₁, s₂: 은닉층 계단 함수 뉴런의 출력. y: 출력 뉴런의 출력. 학습: 학습한 신경망의 답</translation>
    </message>
    <message>
        <source>Weights (w₁, w₂ on the unit&apos;s two inputs, and b):</source>
        <translation>가중치 (뉴런의 두 입력에 대한 w₁, w₂와 b):</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>Hand-set: the book&apos;s NAND, OR and AND neurons. Learned: the hidden sigmoid units h₁, h₂ and the output after training</source>
        <translation>직접 설정: 책의 NAND, OR, AND 뉴런. 학습: 학습 후 은닉층 시그모이드 뉴런 h₁, h₂와 출력 뉴런</translation>
    </message>
    <message>
        <source>The two-layer networks&apos; answers</source>
        <translation>2층 신경망의 답</translation>
    </message>
    <message>
        <source>The two-layer networks&apos; weights</source>
        <translation>2층 신경망의 가중치</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>다시 학습</translation>
    </message>
    <message>
        <source>Train the 2-2-1 network from new random weights drawn with this seed (momentum, lr 1, up to 2,000 epochs)</source>
        <translation>이 시드로 새로 뽑은 무작위 가중치에서 2-2-1 신경망을 학습합니다 (Momentum, lr 1, 최대 2,000 에폭)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>The random start of the learned network. Some seeds get stuck with 3 of 4 right (a local minimum) — try seed 2</source>
        <translation>학습하는 신경망의 무작위 출발점. 어떤 시드는 4개 중 3개만 맞히고 갇힙니다(극솟값) — 시드 2를 써 보세요</translation>
    </message>
</context>
<context>
    <name>RegularizationLab</name>
    <message>
        <source>Training every variant for {epochs} epochs…</source>
        <extracomment>each setting&apos;s field, its row label and its tip</extracomment>
        <translation>모든 변형을 에폭 {epochs}번 학습하는 중…</translation>
    </message>
    <message>
        <source>Stopping after this epoch…</source>
        <translation>이번 에폭이 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>The experiment could not run: {message}</source>
        <translation>실험을 실행할 수 없습니다: {message}</translation>
    </message>
    <message>
        <source>Stopped when the window closed, after {epochs} epochs.</source>
        <translation>창을 닫아 에폭 {epochs}번 후에 중지했습니다.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>{variant} (diverged)</source>
        <translation>{variant} (발산함)</translation>
    </message>
    <message>
        <source>{gap} points</source>
        <translation>{gap}%p</translation>
    </message>
    <message>
        <source>epoch {n}</source>
        <translation>에폭 {n}</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epochs.</source>
        <translation>에폭 {epochs}번 후에 중지했습니다.</translation>
    </message>
    <message>
        <source>Finished {epochs} epochs.</source>
        <translation>에폭 {epochs}번을 마쳤습니다.</translation>
    </message>
    <message>
        <source>{variant} diverged: lower the learning rate or the initial std and Run again.</source>
        <translation>{variant}: 발산했습니다. 학습률이나 초깃값 표준편차를 낮추고 다시 실행하세요.</translation>
    </message>
    <message>
        <source>{variant} at epoch {n}</source>
        <translation>{variant}: 에폭 {n}</translation>
    </message>
    <message>
        <source>{variant} at no epoch yet</source>
        <translation>{variant}: 아직 도달 못 함</translation>
    </message>
    <message>
        <source>{threshold} training accuracy: {variants}.</source>
        <translation>훈련 정확도 {threshold} 도달: {variants}.</translation>
    </message>
    <message>
        <source>Gap (train − test, points): {variants}.</source>
        <translation>격차 (훈련 − 시험, %p): {variants}.</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Overfitting: weight decay, dropout</source>
        <translation>오버피팅: 가중치 감소, 드롭 아웃</translation>
    </message>
    <message>
        <source>Batch norm: learning speed</source>
        <translation>배치 정규화: 학습 속도</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>가중치 감소 λ</translation>
    </message>
    <message>
        <source>Dropout ratio</source>
        <translation>드롭 아웃 비율</translation>
    </message>
    <message>
        <source>Initial weight std</source>
        <translation>초깃값 표준편차</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭 수</translation>
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
        <source>epoch %v of %m</source>
        <translation>에폭 %v/%m</translation>
    </message>
    <message>
        <source>Accuracy per epoch — solid: training digits, dashed: test digits</source>
        <translation>에폭별 정확도 — 실선: 훈련 데이터, 점선: 시험 데이터</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>에폭마다의 정확도</translation>
    </message>
    <message>
        <source>One colour per run: its accuracy on the training digits (solid) and the test digits (dashed) after each epoch</source>
        <translation>실행마다 한 색: 각 에폭 뒤 훈련 숫자(실선)와 시험 숫자(점선)에 대한 정확도</translation>
    </message>
    <message>
        <source>Results of the runs</source>
        <translation>실행 결과</translation>
    </message>
    <message>
        <source>One row per run, in its plot colour, with the accuracies it reached</source>
        <translation>실행마다 그래프의 색으로 한 행, 도달한 정확도와 함께</translation>
    </message>
    <message>
        <source>Variant</source>
        <extracomment>the &quot;learns faster&quot; threshold, in English (the tests&apos; and the plot&apos;s text)</extracomment>
        <translation>변형</translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation>훈련 정확도</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>시험 정확도</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>격차</translation>
    </message>
    <message>
        <source>{threshold} train at</source>
        <translation>훈련 {threshold} 도달 에폭</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; A 6 × 100 ReLU network sees only &lt;b&gt;300&lt;/b&gt; training digits (SGD, lr 0.01, as in the book). Without regularisation its training accuracy (solid) reaches 100 % while the test accuracy (dashed) stays near 87 %: it has memorised the 300 digits. With &lt;b&gt;weight decay&lt;/b&gt; λ = 0.1 or &lt;b&gt;dropout&lt;/b&gt; 0.2 the solid and dashed lines of one colour stay closer — the gap in the table narrows. Dropout also learns more slowly. Every variant starts from the same weights and sees the same mini-batches.</source>
        <extracomment>the columns in English</extracomment>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 6 × 100 ReLU 신경망이 훈련 데이터로 손글씨 숫자 &lt;b&gt;300&lt;/b&gt;개만 봅니다(책과 같이 SGD, lr 0.01). 규제가 없으면 훈련 정확도(실선)는 100%에 이르지만 시험 정확도(점선)는 87% 근처에 머뭅니다: 숫자 300개를 외워 버린 것입니다. &lt;b&gt;가중치 감소&lt;/b&gt; λ = 0.1이나 &lt;b&gt;드롭 아웃&lt;/b&gt; 0.2를 쓰면 같은 색의 실선과 점선이 더 가까이 붙고, 표의 격차가 줄어듭니다. 드롭 아웃은 학습도 더 느립니다. 모든 변형은 같은 가중치에서 출발해 같은 미니배치를 봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; The book&apos;s batch-norm test: a 5 × 100 ReLU network on 1,000 digits, SGD lr 0.01, weights drawn with a small std (0.07). &lt;b&gt;Without batch norm&lt;/b&gt; the signal shrinks layer by layer and training crawls; &lt;b&gt;with batch norm&lt;/b&gt; every layer&apos;s input is rescaled to mean 0, variance 1 and the same network passes {threshold} within a few epochs (table: “{threshold} train at”). Try other weight scales, or a higher learning rate.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; 책의 배치 정규화 실험: 숫자 1,000개로 학습하는 5 × 100 ReLU 신경망, SGD lr 0.01, 작은 표준편차(0.07)로 뽑은 가중치. &lt;b&gt;배치 정규화 없이는&lt;/b&gt; 신호가 층마다 줄어 학습이 매우 느립니다. &lt;b&gt;배치 정규화를 쓰면&lt;/b&gt; 층마다 입력을 평균 0, 분산 1로 다시 맞추므로, 같은 신경망이 몇 에폭 만에 {threshold}를 넘습니다(표: “훈련 {threshold} 도달 에폭”). 다른 가중치 크기나 더 높은 학습률도 시험해 보세요.</translation>
    </message>
    <message>
        <source>The book&apos;s set-up (the Overfitting example): 300 training digits and 1,407 test digits; 64 → 6 × 100 ReLU → 10 softmax; SGD lr 0.01, batches of 100.</source>
        <translation>책의 설정 (오버피팅 예제): 훈련 데이터 숫자 300개, 시험 데이터 숫자 1,407개. 64 → 6 × 100 ReLU → 10 Softmax. SGD lr 0.01, 배치 크기 100.</translation>
    </message>
    <message>
        <source>The book&apos;s batch-norm test: 1,000 training digits and 797 test digits; 64 → 5 × 100 ReLU → 10 softmax; SGD, batches of 100; weights N(0, std²).</source>
        <translation>책의 배치 정규화 실험: 훈련 데이터 숫자 1,000개, 시험 데이터 숫자 797개. 64 → 5 × 100 ReLU → 10 Softmax. SGD, 배치 크기 100. 가중치 N(0, std²).</translation>
    </message>
    <message>
        <source>Overfitting: the book&apos;s 300-digit, 6 × 100 network without regularisation, with weight decay and with dropout.
Batch norm: a 5 × 100 network on 1,000 digits with small initial weights, without and with batch norm.
Choosing one starts its run.</source>
        <translation>오버피팅: 책의 숫자 300개, 6 × 100 신경망을 규제 없이, 가중치 감소로, 드롭 아웃으로 학습합니다.
배치 정규화: 작은 초깃값으로 숫자 1,000개를 학습하는 5 × 100 신경망을 배치 정규화 없이, 그리고 배치 정규화로 학습합니다.
고르면 바로 실행합니다.</translation>
    </message>
    <message>
        <source>Weight decay adds ½·λ·ΣW² to the loss (weight matrices only, not biases),
so every update also pulls each weight towards 0 by lr·λ·W. Small weights
cannot single out each of the 300 training digits: the network memorises
less. The book uses λ = 0.1; 0 leaves this variant out.</source>
        <translation>가중치 감소는 손실에 ½·λ·ΣW²를 더합니다 (가중치 행렬만, 편향은 제외).
그래서 갱신할 때마다 각 가중치를 lr·λ·W만큼 0 쪽으로 당깁니다.
가중치가 작으면 훈련 데이터 숫자 300개를 하나하나 구별해 낼 수 없어
덜 외웁니다. 책은 λ = 0.1을 씁니다. 0이면 이 변형을 뺍니다.</translation>
    </message>
    <message>
        <source>While training, each hidden unit is switched off with this probability, a new
draw for every mini-batch; when measuring, every unit works. No unit can rely
on particular others, so the features are sturdier — and learning is slower.
The book uses 0.2; 0 leaves this variant out.</source>
        <translation>학습하는 동안 은닉층 뉴런을 이 확률로 끕니다. 미니배치마다
새로 뽑고, 평가할 때는 모든 뉴런이 일합니다. 어떤 뉴런도 특정한
다른 뉴런에 기댈 수 없어 특징이 더 튼튼해지지만 학습은 느려집니다.
책은 0.2를 씁니다. 0이면 이 변형을 뺍니다.</translation>
    </message>
    <message>
        <source>Both networks start from weights drawn from N(0, std²) (He would be about
0.14–0.18 here). Small weights shrink the signal layer by layer, so the plain
network barely moves at first; batch norm rescales each layer&apos;s input, so the
weight scale hardly matters. The book tries 16 values from 1 to 0.0001.</source>
        <translation>두 신경망 모두 N(0, std²)에서 뽑은 가중치로 출발합니다 (He 초깃값이면
여기서 약 0.14–0.18). 가중치가 작으면 신호가 층마다 줄어 배치 정규화
없는 신경망은 처음에 거의 움직이지 않습니다. 배치 정규화는 층마다
입력을 다시 맞추므로 가중치 크기가 거의 상관없습니다. 책은 1부터 0.0001까지 16개 값을 시험합니다.</translation>
    </message>
    <message>
        <source>SGD learning rate of both networks. Batch norm keeps every layer&apos;s input in range,
so it also tolerates higher rates: try 0.1.</source>
        <translation>두 신경망의 SGD 학습률. 배치 정규화는 층마다 입력을 적절한 범위로 유지하므로
더 높은 학습률도 견딥니다: 0.1을 써 보세요.</translation>
    </message>
    <message>
        <source>Passes over the training digits; every variant trains this many.</source>
        <translation>훈련 데이터를 몇 번 반복해 학습할지 정합니다. 모든 변형이 이만큼 학습합니다.</translation>
    </message>
    <message>
        <source>Train every variant from the same initial weights, split and mini-batches</source>
        <translation>모든 변형을 같은 초깃값, 같은 데이터 분할, 같은 미니배치로 학습합니다</translation>
    </message>
    <message>
        <source>Stop after the current epoch; the curves so far stay</source>
        <translation>지금 에폭이 끝나면 중지합니다. 지금까지의 곡선은 남습니다</translation>
    </message>
    <message>
        <source>Each network differs from “no regularisation” / “without batch norm” in one thing only</source>
        <translation>각 신경망은 “규제 없음” / “배치 정규화 없음”과 딱 한 가지만 다릅니다</translation>
    </message>
    <message>
        <source>Accuracy on the training digits after the last epoch (measured with dropout off)</source>
        <translation>마지막 에폭 후 훈련 데이터에 대한 정확도 (드롭 아웃을 끄고 측정)</translation>
    </message>
    <message>
        <source>Accuracy on digits the network never trained on</source>
        <translation>신경망이 학습한 적 없는 숫자에 대한 정확도</translation>
    </message>
    <message>
        <source>Train minus test accuracy, in percentage points: how much was memorised</source>
        <translation>훈련 정확도에서 시험 정확도를 뺀 값(%p): 얼마나 외웠는지</translation>
    </message>
    <message>
        <source>The first epoch at which training accuracy reached {threshold} (— not yet)</source>
        <translation>훈련 정확도가 처음으로 {threshold}에 도달한 에폭 (— 아직 도달 못 함)</translation>
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
        <source>{label} (%)</source>
        <translation>{label} (%)</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>One row per trial: its rank, validation score, learning rate, weight decay, validation loss and how it ended</source>
        <translation>시행마다 한 행: 순위, 검증 점수, 학습률, 가중치 감소, 검증 손실, 끝난 방식</translation>
    </message>
    <message>
        <source>Trials by learning rate and weight decay</source>
        <translation>학습률과 가중치 감소에 따른 시행</translation>
    </message>
    <message>
        <source>Each trial as a dot at its learning rate (across) and weight decay (up), coloured by its validation score; a cross: it diverged</source>
        <translation>시행마다 학습률(가로)과 가중치 감소(세로) 위치의 점, 색은 검증 점수. ✕: 발산한 시행</translation>
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
        <source>{name}, lowest power of ten</source>
        <translation>{name}, 가장 작은 10의 거듭제곱</translation>
    </message>
    <message>
        <source>{name}, highest power of ten</source>
        <translation>{name}, 가장 큰 10의 거듭제곱</translation>
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
        <source>The canvas was empty, so the {example} example was opened in the main window: Run searches it.</source>
        <translation>캔버스가 비어 있어서 메인 창에 {example} 예제를 열었습니다: 실행을 누르면 이 예제를 탐색합니다.</translation>
    </message>
    <message>
        <source>This project cannot be searched yet. {problem}</source>
        <translation>이 프로젝트는 아직 탐색할 수 없습니다. {problem}</translation>
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
        <source>Fix the network first. {problem}.</source>
        <translation>먼저 신경망을 고치세요. {problem}.</translation>
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
<context>
    <name>SoftmaxLossLab</name>
    <message>
        <source>&lt;b&gt;What to notice.&lt;/b&gt; Softmax turns scores a into probabilities y that sum to 1. Written naively, exp(a)/Σexp(a) overflows for the book&apos;s [1010, 1000, 990]: exp(1010) is inf and inf/inf is nan. Subtracting the max first gives the same y with no overflow — that is what training computes. &lt;b&gt;Below:&lt;/b&gt; the book&apos;s two predictions for the right class 2: y1 (0.6 on it) has the small loss, y2 (0.6 on class 7) the large one, by both ½Σ(y−t)² and cross-entropy.</source>
        <translation>&lt;b&gt;눈여겨볼 점.&lt;/b&gt; Softmax 함수는 점수 a를 합이 1인 확률 y로 바꿉니다. 식 그대로 exp(a)/Σexp(a)를 계산하면 책의 [1010, 1000, 990]에서 오버플로가 일어납니다: exp(1010)은 inf이고 inf/inf는 nan입니다. 최댓값을 먼저 빼면 오버플로 없이 같은 y가 나옵니다 — 학습이 계산하는 방식입니다. &lt;b&gt;아래:&lt;/b&gt; 정답이 클래스 2일 때 책의 두 예측값: 정답에 0.6을 준 y1은 손실이 작고, 클래스 7에 0.6을 준 y2는 손실이 큽니다. ½Σ(y−t)²로도 교차 엔트로피 오차로도 그렇습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overflow.&lt;/b&gt; exp({big}) is more than the largest number a float can hold (about 1.8e308), so exp(a) is inf and the naive y is inf/inf = nan (NumPy warns: “overflow encountered in exp”). Subtracting the max first makes every exponent ≤ 0, so exp(a − max) ≤ 1: the stable y needs no larger number.</source>
        <extracomment>makes the message about the last typing slip, in the current language (or None)</extracomment>
        <translation>&lt;b&gt;오버플로.&lt;/b&gt; exp({big})은 부동소수점 수가 담을 수 있는 가장 큰 수(약 1.8e308)보다 커서 exp(a)는 inf가 되고, 식 그대로 계산한 y는 inf/inf = nan이 됩니다 (NumPy 경고: “overflow encountered in exp”). 최댓값을 먼저 빼면 모든 지수가 0 이하여서 exp(a − max) ≤ 1입니다: 안정적인 y는 더 큰 수가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Both ways give the same y, and it sums to 1: subtracting the max changes only how large the numbers get on the way (try [1010, 1000, 990]).</source>
        <translation>두 방식 모두 같은 y가 나오고 합은 1입니다: 최댓값을 빼도 계산 도중의 수가 얼마나 커지는지만 달라집니다 ([1010, 1000, 990]을 시험해 보세요).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax with loss&lt;/b&gt; for the right class t = {t}: loss −log(y&lt;sub&gt;{t}&lt;/sub&gt; + 1e-7) = {book} (training computes it without the 1e-7: {training}); the gradient it sends back to a is y − t (last column).</source>
        <translation>정답 클래스 t = {t}의 &lt;b&gt;Softmax-with-Loss&lt;/b&gt;: 손실 −log(y&lt;sub&gt;{t}&lt;/sub&gt; + 1e-7) = {book} (학습은 1e-7 없이 계산합니다: {training}). a로 되돌려 보내는 기울기는 y − t입니다 (마지막 열).</translation>
    </message>
    <message>
        <source>Softmax function: scores a → probabilities y</source>
        <translation>Softmax 함수: 점수 a → 확률 y</translation>
    </message>
    <message>
        <source>Softmax, naive and stable</source>
        <translation>Softmax 함수, 단순한 계산과 안정된 계산</translation>
    </message>
    <message>
        <source>Softmax probabilities</source>
        <translation>Softmax 함수의 확률</translation>
    </message>
    <message>
        <source>A bar per class: the probability y softmax makes from its score a</source>
        <translation>클래스마다 막대 하나: Softmax 함수가 점수 a로부터 만든 확률 y</translation>
    </message>
    <message>
        <source>Scores a =</source>
        <translation>점수 a =</translation>
    </message>
    <message>
        <source>Type 2 to 10 numbers separated by commas, then Enter</source>
        <translation>쉼표로 구분한 수 2~10개를 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>The book&apos;s scores</source>
        <translation>책의 점수</translation>
    </message>
    <message>
        <source>The book&apos;s overflow example</source>
        <translation>책의 오버플로 예</translation>
    </message>
    <message>
        <source>Right class t:</source>
        <translation>정답 클래스 t:</translation>
    </message>
    <message>
        <source>The class the softmax-with-loss counts as right</source>
        <translation>Softmax-with-Loss가 정답으로 치는 클래스</translation>
    </message>
    <message>
        <source>naive y
exp(a)/Σexp(a)</source>
        <translation>그대로 계산한 y
exp(a)/Σexp(a)</translation>
    </message>
    <message>
        <source>stable y
softmax(a)</source>
        <translation>안정적인 y
softmax(a)</translation>
    </message>
    <message>
        <source>Left: the naive softmax; right: the stable one the engine computes; last row: the column&apos;s sum</source>
        <translation>왼쪽: 식 그대로 계산한 Softmax 함수, 오른쪽: 엔진이 계산하는 안정적인 Softmax 함수, 마지막 행: 열의 합</translation>
    </message>
    <message>
        <source>y = softmax(a)</source>
        <translation>y = softmax(a)</translation>
    </message>
</context>
</TS>
