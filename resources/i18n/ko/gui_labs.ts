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
</context>
<context>
    <name>LabWindow</name>
    <message>
        <source>{number} %</source>
        <translation>{number}%</translation>
    </message>
    <message>
        <source>{title} — NetCanvas lab</source>
        <translation>{title} — NetCanvas 실습</translation>
    </message>
</context>
<context>
    <name>Labs</name>
    <message>
        <source>Perceptron and XOR</source>
        <extracomment>the book&apos;s hand-set weights of the two-layer XOR: unit → (w₁, w₂, b)</extracomment>
        <translation>퍼셉트론과 XOR</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>활성화 함수</translation>
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
        <source>The lab “{title}” could not be opened:

{error}</source>
        <translation>실습 “{title}”을(를) 열 수 없습니다:

{error}</translation>
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
</TS>
