<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>CanvasKeys</name>
    <message>
        <source>Select the next node</source>
        <extracomment>the keys :meth:`CanvasKeys.eventFilter` handles and what they do, as the help and Help ▸ Keyboard Shortcuts name them (Tab and Shift+Tab; with Ctrl they add to the selection)</extracomment>
        <translation>다음 노드를 선택</translation>
    </message>
    <message>
        <source>Select the previous node</source>
        <translation>이전 노드를 선택</translation>
    </message>
    <message>
        <source>Add the next node to the selection</source>
        <translation>다음 노드를 선택에 추가</translation>
    </message>
    <message>
        <source>Add the previous node to the selection</source>
        <translation>이전 노드를 선택에 추가</translation>
    </message>
    <message>
        <source>Select the next connection (of the selected node, else of all)</source>
        <extracomment>the keys that select connections (with the Tab keys in the help and the shortcuts list)</extracomment>
        <translation>다음 연결을 선택(선택한 노드의 연결, 없으면 모든 연결)</translation>
    </message>
    <message>
        <source>Select the previous connection</source>
        <translation>이전 연결을 선택</translation>
    </message>
    <message>
        <source>Co&amp;nnect Selected Nodes</source>
        <translation>선택한 노드 연결(&amp;N)</translation>
    </message>
    <message>
        <source>Connect the two selected nodes, from the one earlier in the flow (input → hidden → output) to the other. On the canvas, Tab selects the next node and Ctrl+Tab adds it to the selection.</source>
        <translation>선택한 두 노드를 흐름(입력 → 은닉 → 출력)에서 앞선 노드에서 다른 노드로 연결합니다. 캔버스에서 Tab은 다음 노드를 선택하고, Ctrl+Tab은 그 노드를 선택에 더합니다.</translation>
    </message>
    <message>
        <source>Tab: the next node</source>
        <translation>Tab: 다음 노드</translation>
    </message>
    <message>
        <source>Ctrl+Tab: add the next</source>
        <translation>Ctrl+Tab: 다음 노드 더하기</translation>
    </message>
    <message>
        <source>Alt+arrow keys: move</source>
        <translation>Alt+화살표 키: 옮기기</translation>
    </message>
    <message>
        <source>arrow keys: move</source>
        <translation>화살표 키: 옮기기</translation>
    </message>
    <message>
        <source>]: its connections</source>
        <translation>]: 이 노드의 연결</translation>
    </message>
    <message>
        <source>F2: type values</source>
        <translation>F2: 값 입력</translation>
    </message>
    <message>
        <source>Ctrl+K: connect two</source>
        <translation>Ctrl+K: 두 노드 연결</translation>
    </message>
    <message>
        <source>Selected {node}. {keys}</source>
        <translation>{node}을(를) 선택했습니다. {keys}</translation>
    </message>
    <message>
        <source>{node} has no connections.</source>
        <translation>{node}에는 연결이 없습니다.</translation>
    </message>
    <message>
        <source>The network has no connections.</source>
        <translation>신경망에 연결이 없습니다.</translation>
    </message>
    <message>
        <source>Selected the connection {src} → {dst} ({k} of {n}). ]: the next connection · F2: type its weights · Del: delete it</source>
        <translation>연결 {src} → {dst}을(를) 선택했습니다({n}개 중 {k}번째). ]: 다음 연결 · F2: 가중치 입력 · Del: 삭제</translation>
    </message>
    <message>
        <source>Select two nodes to connect (on the canvas, Tab selects a node and Ctrl+Tab adds the next one).</source>
        <translation>연결할 노드 두 개를 선택하세요 (캔버스에서 Tab은 노드를 선택하고, Ctrl+Tab은 다음 노드를 선택에 더합니다).</translation>
    </message>
</context>
<context>
    <name>CanvasPicture</name>
    <message>
        <source>&amp;Canvas as PNG…</source>
        <translation>캔버스를 PNG로(&amp;C)…</translation>
    </message>
    <message>
        <source>The whole network as a picture for slides (Explain&apos;s numbers too while it is open): twice the screen&apos;s pixels, on white.</source>
        <translation>신경망 전체를 발표 자료용 그림으로 저장합니다(단계별 설명이 열려 있으면 그 숫자도 함께): 화면의 두 배 해상도, 흰 배경.</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>저장할 것이 없습니다</translation>
    </message>
    <message>
        <source>The canvas is empty: there is nothing to save as a picture. Drag Input, Hidden and Output nodes onto it first.</source>
        <translation>캔버스가 비어 있어 그림으로 저장할 것이 없습니다. 먼저 입력, 은닉, 출력 노드를 캔버스로 드래그하세요.</translation>
    </message>
    <message>
        <source>Save the canvas as PNG</source>
        <translation>캔버스를 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Cannot save the image</source>
        <translation>이미지를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>The network spreads too far for one picture ({width:,.0f} × {height:,.0f} pixels). Bring its nodes closer together (View ▸ Auto-layout), then save again.</source>
        <translation>신경망이 너무 넓게 퍼져 있어 한 장의 그림으로 만들 수 없습니다({width:,.0f} × {height:,.0f} 픽셀). 노드를 서로 가까이 모은 뒤(보기 ▸ 자동 배치) 다시 저장하세요.</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} 파일을 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Saved the canvas as {path}.</source>
        <translation>캔버스를 {path}(으)로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>CanvasScene</name>
    <message>
        <source>Connected {src} → {dst}.</source>
        <translation>{src} → {dst}을(를) 연결했습니다.</translation>
    </message>
    <message>
        <source>Set weight {src} unit {i} → {dst} unit {j}</source>
        <translation>가중치 설정 {src} 뉴런 {i} → {dst} 뉴런 {j}</translation>
    </message>
    <message>
        <source>Set weight {src} unit {i} → {dst} unit {j} to {value}</source>
        <translation>가중치 설정 {src} 뉴런 {i} → {dst} 뉴런 {j} = {value}</translation>
    </message>
    <message>
        <source>Set bias of {node} unit {n}</source>
        <translation>{node} 뉴런 {n}의 편향 설정</translation>
    </message>
    <message>
        <source>Set bias of {node} unit {n} to {value}</source>
        <translation>{node} 뉴런 {n}의 편향 설정 = {value}</translation>
    </message>
    <message>
        <source>{action}: type a number and press Enter (Esc cancels).</source>
        <translation>{action}: 숫자를 입력하고 Enter 키를 누르세요(Esc: 취소).</translation>
    </message>
    <message>
        <source>{action}: type a number and press Enter.</source>
        <translation>{action}: 숫자를 입력하고 Enter 키를 누르세요.</translation>
    </message>
    <message>
        <source>The network changed while the value was being typed: nothing was set.</source>
        <translation>값을 입력하는 동안 신경망이 바뀌었습니다: 아무것도 설정하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>CanvasSpeech</name>
    <message>
        <source>Canvas: {selected} selected</source>
        <translation>캔버스: {selected} 선택됨</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>캔버스</translation>
    </message>
    <message>
        <source>The network: {nodes}, {edges}. Tab: select the next node · Ctrl+Tab: add it to the selection · ]: select the next connection · arrow keys: move the selected nodes · {connect}: connect two selected nodes · {values}: type the selected node&apos;s or connection&apos;s values · Del: delete the selection</source>
        <translation>신경망: {nodes}, {edges}. Tab: 다음 노드 선택 · Ctrl+Tab: 선택에 더하기 · ]: 다음 연결 선택 · 화살표 키: 선택한 노드 옮기기 · {connect}: 선택한 두 노드 연결 · {values}: 선택한 노드나 연결의 값 입력 · Del: 선택 삭제</translation>
    </message>
    <message numerus="yes">
        <source>%n node</source>
        <translation>
            <numerusform>노드 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>노드 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionDrag</name>
    <message>
        <source>Drag onto another node to connect {node} to it; release on empty canvas to cancel.</source>
        <translation>다른 노드로 드래그하면 {node}에서 그 노드로 연결합니다. 빈 캔버스에 놓으면 취소됩니다.</translation>
    </message>
    <message>
        <source>Cannot connect: {why}</source>
        <translation>연결할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Release to connect {src} → {dst}.</source>
        <translation>놓으면 {src} → {dst}을(를) 연결합니다.</translation>
    </message>
    <message>
        <source>Release on a node to connect; release here to cancel.</source>
        <translation>노드 위에 놓으면 연결하고, 여기에 놓으면 취소합니다.</translation>
    </message>
    <message>
        <source>Connection cancelled.</source>
        <translation>연결을 취소했습니다.</translation>
    </message>
    <message>
        <source>Not connected: {why}</source>
        <translation>연결하지 않았습니다: {why}</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <source>weight w[{i},{j}] = {value}&lt;br&gt;from {src} unit {a} to {dst} unit {b}.&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;Blue is positive, orange negative, thicker is larger. Double-click to type a value.&lt;/span&gt;</source>
        <extracomment>where an overlay&apos;s caption on a block connection starts, below the connection&apos;s middle: under the gradient bar that hangs there (gradient_bars.EDGE_BAR_GAP + EDGE_BAR_HEIGHT, 16), which hid a centred caption how far a matrix-shape label keeps from a card&apos;s side: its port&apos;s radius and pen, and 1 its texts as last painted (&quot;shape&quot;: the matrix shape, &quot;caption&quot;: an overlay&apos;s)</extracomment>
        <translation>가중치 w[{i},{j}] = {value}&lt;br&gt;{src} 뉴런 {a}에서 {dst} 뉴런 {b}(으)로.&lt;br&gt;&lt;span style=&apos;color:{muted}&apos;&gt;파란색은 양수, 주황색은 음수이며 굵을수록 큽니다. 두 번 클릭하면 값을 입력할 수 있습니다.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{src} → {dst}: a {rows}×{cols} weight matrix. Select it to see its heat map and statistics in the inspector.</source>
        <translation>{src} → {dst}: {rows}×{cols} 가중치 행렬입니다. 선택하면 속성 패널에서 히트맵과 통계를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>GradientBar</name>
    <message>
        <source>vanishing</source>
        <extracomment>bars made in one turn of the event loop: a chain of 300 one-unit nodes&apos; 600, made with the first frame, held the GUI thread 30 ms and its first paint (Qt indexing them) 40 ms more</extracomment>
        <translation>기울기 소실</translation>
    </message>
    <message>
        <source>exploding</source>
        <translation>기울기 폭주</translation>
    </message>
    <message>
        <source>Gradient norm of the last mini-batch: {norm}; error signal {ratio}× that of the layer next to the output</source>
        <translation>마지막 미니배치의 기울기 노름: {norm}. 오차 신호는 출력층 바로 앞 층의 {ratio}배</translation>
    </message>
    <message>
        <source>Gradient norm of the last mini-batch: {norm}</source>
        <translation>마지막 미니배치의 기울기 노름: {norm}</translation>
    </message>
    <message>
        <source>Gradient norm of this connection&apos;s weights in the last mini-batch: {norm}</source>
        <translation>마지막 미니배치에서 이 연결의 가중치 기울기 노름: {norm}</translation>
    </message>
</context>
<context>
    <name>KeyboardValues</name>
    <message>
        <source>Type &amp;Values</source>
        <translation>값 입력(&amp;V)</translation>
    </message>
    <message>
        <source>Type the biases of the selected node and the weights coming into it, or the weights of the selected connection: Tab sets a value and goes to the next, Enter sets it and stops, Esc stops.</source>
        <translation>선택한 노드의 편향과 그 노드로 들어오는 가중치, 또는 선택한 연결의 가중치를 입력합니다: Tab은 값을 설정하고 다음 값으로, Enter는 설정하고 끝내며, Esc는 그냥 끝냅니다.</translation>
    </message>
    <message>
        <source>Select one node (on the canvas, Tab selects the next node) or one connection (] selects the next), then press {key} to type its values.</source>
        <translation>노드 하나(캔버스에서 Tab은 다음 노드를 선택합니다)나 연결 하나(]는 다음 연결을 선택합니다)를 선택한 뒤 {key} 키를 누르면 그 값을 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>{node} has more neurons than the neuron view draws one by one: raise View ▸ Neuron View Limit to type its values.</source>
        <translation>{node}의 뉴런이 뉴런 보기가 하나씩 그리는 수보다 많습니다: 값을 입력하려면 보기 ▸ 뉴런 보기 한도를 높이세요.</translation>
    </message>
    <message>
        <source>{node} has no bias, and no weights come into it: select a node it feeds and press {key}.</source>
        <translation>{node}에는 편향이 없고 들어오는 가중치도 없습니다: 이 노드가 값을 보내는 노드를 선택하고 {key} 키를 누르세요.</translation>
    </message>
    <message>
        <source>{src} → {dst} has more weights than the neuron view draws one by one: raise View ▸ Neuron View Limit to type them.</source>
        <translation>{src} → {dst}의 가중치가 뉴런 보기가 하나씩 그리는 수보다 많습니다: 입력하려면 보기 ▸ 뉴런 보기 한도를 높이세요.</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>What the network answers everywhere on the input plane (x₁ across, x₂ up) with its current weights: blue means class 1, orange class 0; the dots are the data. The border between the colours is the decision boundary.</source>
        <translation>현재 가중치로 신경망이 입력 평면(가로 x₁, 세로 x₂)의 모든 곳에서 내놓는 답입니다. 파란색은 클래스 1, 주황색은 클래스 0이며 점은 데이터입니다. 두 색의 경계가 결정 경계입니다.</translation>
    </message>
    <message>
        <source>{unit} · above 0: {cls}</source>
        <translation>{unit} · 0보다 크면 {cls}</translation>
    </message>
    <message>
        <source>{unit} · {cls}</source>
        <translation>{unit} · {cls}</translation>
    </message>
    <message numerus="yes">
        <source>%n units</source>
        <translation>
            <numerusform>뉴런 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>특징 {n}개</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>특징 {n}개</translation>
    </message>
    <message>
        <source>drop {ratio}</source>
        <translation>드롭 아웃 {ratio}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; — {kind} node, {n} unit</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; — {kind}, 뉴런 {n}개</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; — {kind} node, {n} units</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; — {kind}, 뉴런 {n}개</translation>
    </message>
    <message>
        <source>{node}, {unit}: bias b[{j}] = {value}&lt;br&gt;The bias shifts the neuron&apos;s threshold: z = Σ x·w + b. Double-click to type a new value.</source>
        <translation>{node}, {unit}: 편향 b[{j}] = {value}&lt;br&gt;편향은 뉴런의 임계값을 옮깁니다: z = Σ x·w + b. 두 번 클릭하면 새 값을 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>unit {n}</source>
        <extracomment>its texts as last painted (&quot;footer&quot;; an overlay&apos;s &quot;left 0&quot;, &quot;right 0&quot;, …)</extracomment>
        <translation>뉴런 {n}</translation>
    </message>
    <message>
        <source>{node}, {feature}: a data feature fed into the network.</source>
        <translation>{node}, {feature}: 신경망에 들어가는 데이터의 특징입니다.</translation>
    </message>
</context>
<context>
    <name>NodeKind</name>
    <message>
        <source>Input</source>
        <translation>입력 노드</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>은닉 노드</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력 노드</translation>
    </message>
    <message>
        <source>An input node holds the data features (x₁, x₂, …): one unit per feature. It has no weights of its own; drag from its right port to feed another node.</source>
        <translation>입력 노드는 데이터의 특징(x₁, x₂, …)을 담습니다. 특징 하나에 뉴런 하나입니다. 자체 가중치는 없으며, 오른쪽 포트에서 드래그해 다른 노드로 신호를 보냅니다.</translation>
    </message>
    <message>
        <source>A hidden node is a layer of neurons: each sums its weighted inputs, adds a bias and applies an activation. Its outputs feed later nodes.</source>
        <translation>은닉 노드는 뉴런들로 이루어진 층입니다. 각 뉴런은 입력에 가중치를 곱해 더하고(가중합) 편향을 더한 뒤 활성화 함수를 적용합니다. 그 출력은 뒤쪽 노드로 들어갑니다.</translation>
    </message>
    <message>
        <source>The output node makes the prediction and carries the loss. Give it one unit per class (softmax) or one sigmoid unit for yes/no answers.</source>
        <translation>출력 노드는 예측값을 내고 손실을 계산합니다. 클래스마다 뉴런 하나(Softmax 함수)를 두거나, 예/아니요 답이면 시그모이드 뉴런 하나를 두세요.</translation>
    </message>
    <message>
        <source>input</source>
        <extracomment>the word for a node&apos;s kind in its default label (&quot;hidden 2&quot;: kind and id)</extracomment>
        <translation>입력</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>은닉</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>{kind} {id}</source>
        <translation>{kind} {id}</translation>
    </message>
</context>
<context>
    <name>NodeMover</name>
    <message>
        <source>left</source>
        <translation>왼쪽으로</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽으로</translation>
    </message>
    <message>
        <source>up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Arrow keys (Alt+arrow keys while Explain steps)</source>
        <extracomment>the modifiers an arrow may come with (a keypad&apos;s arrows carry KeypadModifier) the keys :class:`NodeMover` handles and what they do, for Help ▸ Keyboard Shortcuts</extracomment>
        <translation>화살표 키(단계별 설명이 단계를 넘기는 동안에는 Alt+화살표 키)</translation>
    </message>
    <message>
        <source>Move the selected nodes</source>
        <translation>선택한 노드를 이동</translation>
    </message>
    <message>
        <source>Shift+arrow keys</source>
        <translation>Shift+화살표 키</translation>
    </message>
    <message>
        <source>Move the selected nodes further</source>
        <translation>선택한 노드를 더 멀리 이동</translation>
    </message>
    <message>
        <source>The canvas ends there: {nodes} cannot go further {direction}.</source>
        <translation>캔버스가 거기서 끝납니다: {nodes}은(는) 더 {direction} 갈 수 없습니다.</translation>
    </message>
    <message>
        <source>Moved {node} {direction}: it is at x {x}, y {y}.</source>
        <translation>{node}을(를) {direction} 옮겼습니다: 위치는 x {x}, y {y}입니다.</translation>
    </message>
    <message>
        <source>Moved {n} nodes {direction}.</source>
        <translation>노드 {n}개를 {direction} 옮겼습니다.</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>Output port: drag from here onto another node to connect them.</source>
        <translation>출력 포트: 여기서 다른 노드로 드래그하면 두 노드를 연결합니다.</translation>
    </message>
    <message>
        <source>Input port: drop a connection from another node&apos;s output port here.</source>
        <translation>입력 포트: 다른 노드의 출력 포트에서 끌어온 연결을 여기에 놓으세요.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start a network</source>
        <extracomment>the examples offered, in the book&apos;s order (their titles and descriptions are the files&apos;)</extracomment>
        <translation>신경망 만들기 시작</translation>
    </message>
    <message>
        <source>Drag &lt;i&gt;Input&lt;/i&gt;, &lt;i&gt;Hidden&lt;/i&gt; and &lt;i&gt;Output&lt;/i&gt; from the Build panel onto the canvas (or press its buttons), then drag from a node&apos;s right port to another node to connect them. Or open one of the book&apos;s examples:</source>
        <translation>구성 패널에서 &lt;i&gt;입력 노드&lt;/i&gt;, &lt;i&gt;은닉 노드&lt;/i&gt;, &lt;i&gt;출력 노드&lt;/i&gt;를 캔버스로 드래그하고(버튼을 눌러도 됩니다), 노드의 오른쪽 포트에서 다른 노드로 드래그해 연결하세요. 또는 책의 예제를 하나 열어 보세요:</translation>
    </message>
    <message>
        <source>All examples: {menu}.</source>
        <translation>모든 예제: {menu}</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>최근 프로젝트:</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>“{text}” is not a number: type one such as 0.5 or -0.7, then press Enter (Esc cancels).</source>
        <translation>“{text}”은(는) 숫자가 아닙니다: 0.5나 -0.7 같은 숫자를 입력하고 Enter 키를 누르세요(Esc: 취소).</translation>
    </message>
    <message>
        <source>{text} is too large: a weight or bias must be between −{limit:,.0f} and {limit:,.0f}.</source>
        <translation>{text}은(는) 너무 큽니다: 가중치나 편향은 −{limit:,.0f}과 {limit:,.0f} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>숫자</translation>
    </message>
</context>
</TS>
