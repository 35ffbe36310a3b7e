<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>ActivationPlot</name>
    <message>
        <source>&lt;span style=&apos;color:{positive}&apos;&gt;━ f(x)&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{negative}&apos;&gt;╌ slope f′(x)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{positive}&apos;&gt;━ f(x)&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{negative}&apos;&gt;╌ 기울기 f′(x)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>unknown activation {name}</source>
        <translation>알 수 없는 활성화 함수 {name}</translation>
    </message>
    <message>
        <source>{description} (shown for two classes)</source>
        <translation>{description} (클래스 2개일 때의 모습)</translation>
    </message>
</context>
<context>
    <name>EdgeView</name>
    <message>
        <source>shape:</source>
        <translation>형상:</translation>
    </message>
    <message>
        <source>mean:</source>
        <translation>평균:</translation>
    </message>
    <message>
        <source>std:</source>
        <translation>표준편차:</translation>
    </message>
    <message>
        <source>min:</source>
        <translation>최솟값:</translation>
    </message>
    <message>
        <source>max:</source>
        <translation>최댓값:</translation>
    </message>
    <message>
        <source>mean |w|:</source>
        <translation>평균 |w|:</translation>
    </message>
    <message>
        <source>{rows} × {cols} = {n} weights</source>
        <extracomment>a matrix of more weights than this has its statistics worked out on a worker thread (four million took the GUI thread 90-350 ms at a selection on a loaded 2-core machine, mostly the standard deviation&apos;s temporary arrays)</extracomment>
        <translation>{rows} × {cols} = 가중치 {n}개</translation>
    </message>
    <message>
        <source>Each cell is one weight: row i is the source unit, column j the destination unit. Blue is positive, orange negative, white near 0.</source>
        <extracomment>the matrix whose statistics show, and them (None: being worked out)</extracomment>
        <translation>칸 하나가 가중치 하나입니다. 행 i는 보내는 뉴런, 열 j는 받는 뉴런입니다. 파란색은 양수, 주황색은 음수, 흰색은 0에 가깝습니다.</translation>
    </message>
    <message>
        <source>During training, a healthy layer keeps a spread of weights; all near 0 or a few huge ones are worth a look.</source>
        <translation>학습 중에 건강한 층은 가중치가 고르게 퍼져 있습니다. 모두 0에 가깝거나 몇 개만 아주 크다면 살펴볼 만합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{src} → {dst}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;{name}: {rows} × {cols} weight matrix&lt;/span&gt;</source>
        <translation>&lt;b&gt;{src} → {dst}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;{name}: {rows} × {cols} 가중치 행렬&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights as images&lt;/b&gt; — each unit&apos;s {rows}×{cols} incoming weights: what it looks for</source>
        <translation>&lt;b&gt;이미지로 본 가중치&lt;/b&gt; — 뉴런마다 들어오는 {rows}×{cols} 가중치: 그 뉴런이 찾는 모양</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>What each unit of this node has learned to look for: its incoming weights from the pixels, drawn as an image (blue positive, orange negative, each unit scaled to its largest weight). Updated live while training.</source>
        <translation>이 노드의 각 뉴런이 찾도록 학습한 모양입니다. 픽셀에서 들어오는 가중치를 이미지로 그렸습니다(파란색 양수, 주황색 음수, 뉴런마다 가장 큰 가중치에 맞춰 조정). 학습 중에 실시간으로 갱신됩니다.</translation>
    </message>
    <message>
        <source>no weights</source>
        <extracomment>the rows and columns (first, end) the image is of: those on screen</extracomment>
        <translation>가중치 없음</translation>
    </message>
    <message>
        <source>w[{i},{j}] = {value}&lt;br&gt;from {src} unit {a} to {dst} unit {b}</source>
        <translation>w[{i},{j}] = {value}&lt;br&gt;{src} 뉴런 {a}에서 {dst} 뉴런 {b}(으)로</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing selected.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Click a node to edit its units, activation and more; click a connection to see its weights.&lt;/p&gt;&lt;p style=&apos;color:{muted}&apos;&gt;Build a network: drag &lt;i&gt;Input&lt;/i&gt;, &lt;i&gt;Hidden&lt;/i&gt; and &lt;i&gt;Output&lt;/i&gt; from the left onto the canvas, then drag from a node&apos;s right port to another node. Hover anything to learn what it does; double-click a weight line or a neuron to type its value.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;선택한 항목 없음&lt;/b&gt;&lt;/p&gt;&lt;p&gt;노드를 클릭하면 뉴런 수, 활성화 함수 등을 편집할 수 있고, 연결을 클릭하면 가중치를 볼 수 있습니다.&lt;/p&gt;&lt;p style=&apos;color:{muted}&apos;&gt;신경망 만들기: 왼쪽에서 &lt;i&gt;입력 노드&lt;/i&gt;, &lt;i&gt;은닉 노드&lt;/i&gt;, &lt;i&gt;출력 노드&lt;/i&gt;를 캔버스로 드래그한 다음, 노드의 오른쪽 포트에서 다른 노드로 드래그하세요. 무엇이든 마우스를 올리면 하는 일을 알려 줍니다. 가중치 선이나 뉴런을 두 번 클릭하면 값을 입력할 수 있습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <source>A name shown on the canvas (leave empty for the kind and id).</source>
        <translation>캔버스에 표시할 이름입니다(비워 두면 종류와 id를 표시합니다).</translation>
    </message>
    <message>
        <source>How many neurons this node has. Each unit has its own bias and one weight from every unit that feeds the node.</source>
        <translation>이 노드의 뉴런 수입니다. 뉴런마다 자기 편향이 있고, 이 노드로 들어오는 모든 뉴런에서 가중치를 하나씩 받습니다.</translation>
    </message>
    <message>
        <source>Batch normalisation rescales z over each mini-batch to mean 0 and std 1, then learns a scale γ and shift β, before the activation: deep networks train faster and tolerate larger learning rates.</source>
        <translation>배치 정규화는 활성화 함수 앞에서 미니배치마다 z를 평균 0, 표준편차 1로 맞춘 다음 확대 γ와 이동 β를 학습합니다. 깊은 신경망이 더 빨리 학습하고 더 큰 학습률도 견딥니다.</translation>
    </message>
    <message>
        <source>During training, switch off this fraction of the node&apos;s outputs at random (the rest are scaled up), so no neuron can be relied on alone — a defence against overfitting. Nothing is dropped when predicting.</source>
        <translation>학습하는 동안 이 비율만큼 노드의 출력을 무작위로 끕니다(나머지는 그만큼 키웁니다). 어느 뉴런 하나에만 기댈 수 없게 하여 오버피팅을 막습니다. 예측할 때는 아무것도 끄지 않습니다.</translation>
    </message>
    <message>
        <source>What the input node feeds the network. Nothing ticked: the data&apos;s raw columns. Engineered features such as x₁² or sin x₁ let even one neuron draw circles or waves.</source>
        <translation>입력 노드가 신경망에 넣는 값입니다. 아무것도 선택하지 않으면 데이터의 원래 열을 넣습니다. x₁²나 sin x₁ 같은 파생 특징을 쓰면 뉴런 하나로도 원이나 물결을 그릴 수 있습니다.</translation>
    </message>
    <message>
        <source>The standard deviation of the Gaussian the weights are drawn from.</source>
        <translation>가중치를 뽑는 정규분포의 표준편차입니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>초깃값</translation>
    </message>
    <message>
        <source>Initial std</source>
        <translation>초깃값 표준편차</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭 아웃</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>{name} (unknown)</source>
        <translation>{name} (알 수 없음)</translation>
    </message>
    <message>
        <source>normalise z</source>
        <extracomment>data with more raw columns than this offers no feature list (x1 … xD and the derived ones): 100,000 columns (a wide CSV) froze the window for 3 s each time the input was selected</extracomment>
        <translation>z 정규화</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}; font-size:13pt&apos;&gt;●&lt;/span&gt; &lt;b&gt;{label}&lt;/b&gt; &lt;span style=&apos;color:{muted}&apos;&gt;({kind} node, id {id})&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;{help}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}; font-size:13pt&apos;&gt;●&lt;/span&gt; &lt;b&gt;{label}&lt;/b&gt; &lt;span style=&apos;color:{muted}&apos;&gt;({kind} 노드, id {id})&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;{help}&lt;/span&gt;</translation>
    </message>
</context>
</TS>
