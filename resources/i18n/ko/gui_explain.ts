<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>CheckTable</name>
    <message>
        <source>ReLU bends there: its slope is 0 below 0 and 1 above</source>
        <extracomment>what each activation with a corner (core.explain.corners) does at z = 0 ({slope}: leaky ReLU&apos;s slope below 0)</extracomment>
        <translation>ReLU 함수는 그곳에서 꺾입니다: 기울기가 0보다 작은 쪽에서는 0, 큰 쪽에서는 1</translation>
    </message>
    <message>
        <source>leaky ReLU bends there: its slope is {slope} below 0 and 1 above</source>
        <translation>Leaky ReLU 함수는 그곳에서 꺾입니다: 기울기가 0보다 작은 쪽에서는 {slope}, 큰 쪽에서는 1</translation>
    </message>
    <message>
        <source>step jumps there from 0 to 1</source>
        <translation>계단 함수는 그곳에서 0에서 1로 뜁니다</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>매개변수</translation>
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
        <source>rel. err</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <source>Both gradients are below {bound}: a relative error of round-off says nothing, only their difference counts</source>
        <translation>두 기울기 모두 {bound}보다 작습니다: 반올림 오차끼리의 상대 오차는 의미가 없고, 둘의 차이만 봅니다</translation>
    </message>
    <message>
        <source>Backprop and the numerical gradient differ at {where}: a unit sits at its activation&apos;s corner.</source>
        <translation>오차역전파법과 수치 미분의 기울기가 {where}에서 다릅니다: 한 뉴런이 활성화 함수의 꺾인 점에 있습니다.</translation>
    </message>
    <message>
        <source>Backprop and the numerical gradient disagree.</source>
        <translation>오차역전파법과 수치 미분의 기울기가 일치하지 않습니다.</translation>
    </message>
    <message>
        <source>Central differences (h = {h}) on this row: they differ by {difference} at {where}, more than {bound} and more than {relative_bound} of the gradient.</source>
        <translation>이 행에서 중심 차분(h = {h})과 비교한 결과, {where}에서 {difference}만큼 다릅니다: {bound}보다 크고 기울기의 {relative_bound}보다도 큽니다.</translation>
    </message>
    <message>
        <source>Backprop agrees with the numerical gradient.</source>
        <translation>오차역전파법과 수치 미분의 기울기가 일치합니다.</translation>
    </message>
    <message>
        <source>Central differences (h = {h}) on this row: the largest relative error is {relative}, the largest difference {difference}.</source>
        <translation>이 행에서 중심 차분(h = {h})과 비교한 결과, 가장 큰 상대 오차는 {relative}, 가장 큰 차이는 {difference}입니다.</translation>
    </message>
    <message>
        <source>Central differences (h = {h}) on this row: every gradient is below {bound}, so only the difference counts; the largest is {difference}.</source>
        <translation>이 행에서 중심 차분(h = {h})과 비교한 결과, 모든 기울기가 {bound}보다 작아 차이만 봅니다: 가장 큰 차이는 {difference}입니다.</translation>
    </message>
    <message>
        <source>Unit {unit} of {node} has z = {z}, and {bend}. Moving {where} by ±{h} takes that z across 0, so the central difference mixes both sides, while backprop takes the slope at z itself, as training does. No mistake in backprop: a row whose z are not this close to 0 shows them agree.</source>
        <translation>{node}의 뉴런 {unit}에서 z = {z}이며, {bend}. {where} 값을 ±{h}만큼 움직이면 이 z가 0을 넘나들어 중심 차분은 양쪽의 기울기를 섞지만, 오차역전파법은 학습할 때처럼 z 자리의 기울기를 씁니다. 오차역전파법이 틀린 것이 아닙니다: z가 0에 이만큼 가깝지 않은 행에서는 둘이 일치합니다.</translation>
    </message>
    <message>
        <source>{n} units in all sit this close to a corner.</source>
        <translation>꺾인 점에 이만큼 가까운 뉴런은 모두 {n}개입니다.</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Explain waits while training runs: the weights change with every mini-batch. Stop the run (or let it finish), then step a row through the network.</source>
        <translation>학습하는 동안에는 단계별 설명이 기다립니다. 미니배치마다 가중치가 바뀌기 때문입니다. 학습을 중지하거나 끝날 때까지 기다린 다음, 한 행을 신경망에 한 단계씩 통과시키세요.</translation>
    </message>
    <message>
        <source>Fix the problems in the Problems panel first: Explain steps a row through a network that can be built.</source>
        <translation>먼저 문제 패널의 문제를 해결하세요. 단계별 설명은 만들 수 있는 신경망에서만 한 행을 한 단계씩 통과시킵니다.</translation>
    </message>
    <message>
        <source>Choose a data set first: Explain steps one of its rows through the network.</source>
        <translation>먼저 데이터셋을 선택하세요. 단계별 설명은 그 데이터셋의 한 행을 신경망에 한 단계씩 통과시킵니다.</translation>
    </message>
    <message>
        <source>The project&apos;s data set could not be loaded (the Data set panel says why): Explain steps one of its rows through the network.</source>
        <extracomment>the project has a data set, but it could not be loaded (its file moved, MNIST not here): &quot;Choose a data set first&quot; sent the user to choose one they had chosen</extracomment>
        <translation>프로젝트의 데이터셋을 불러오지 못했습니다(이유는 데이터셋 패널에 있습니다). 단계별 설명은 그 데이터셋의 한 행을 신경망에 한 단계씩 통과시킵니다.</translation>
    </message>
    <message>
        <source>The data set is loading: Explain steps one of its rows once it is here.</source>
        <translation>데이터셋을 불러오는 중입니다. 다 불러오면 단계별 설명이 그 데이터셋의 한 행을 통과시킵니다.</translation>
    </message>
    <message>
        <source>forward</source>
        <extracomment>Check runs in a background thread, the window painting and saying so, for networks with more parameters than this (two passes per parameter: 0.2 s at 7,500, 3.5 s at 58,000)</extracomment>
        <translation>순전파</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>Which row of the data set to step through the network</source>
        <translation>신경망에 한 단계씩 통과시킬 데이터셋의 행</translation>
    </message>
    <message>
        <source>The row&apos;s raw inputs: type others (separated by commas) and press Enter to trace them with the row&apos;s target; empty and Enter goes back to the row&apos;s own</source>
        <translation>이 행의 원래 입력값입니다. 다른 값을 쉼표로 구분해 입력하고 Enter 키를 누르면 이 행의 정답으로 추적합니다. 비우고 Enter 키를 누르면 행의 원래 값으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>First</source>
        <extracomment>each key and its button (Help ▸ Keyboard Shortcuts lists them)</extracomment>
        <translation>처음</translation>
    </message>
    <message>
        <source>The first step (Home)</source>
        <translation>첫 단계 (Home)</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 이전</translation>
    </message>
    <message>
        <source>One step back (←)</source>
        <translation>한 단계 뒤로 (←)</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>다음 →</translation>
    </message>
    <message>
        <source>The next step (→)</source>
        <translation>다음 단계 (→)</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>The last step (End)</source>
        <translation>마지막 단계 (End)</translation>
    </message>
    <message>
        <source>Data row</source>
        <translation>데이터 행</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력값</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>이번 단계</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <source>Put the numerical gradient of this row&apos;s loss (central differences) beside every backprop gradient</source>
        <translation>이 행의 손실을 수치 미분(중심 차분)으로 구한 기울기를 오차역전파법으로 구한 기울기 옆에 나란히 보여 줍니다</translation>
    </message>
    <message>
        <source>Apply one SGD step</source>
        <translation>SGD 한 단계 적용</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>단계별 설명</translation>
    </message>
    <message>
        <source>&amp;Explain…</source>
        <translation>단계별 설명(&amp;E)…</translation>
    </message>
    <message>
        <source>Step one data row forward and backward through the network</source>
        <translation>데이터 한 행을 신경망에서 순전파와 역전파로 한 단계씩 따라갑니다</translation>
    </message>
    <message>
        <source>This row cannot be explained: {why}</source>
        <translation>이 행은 설명할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Stepping row {row} through the network…</source>
        <translation>행 {row}의 값을 신경망에서 계산하는 중…</translation>
    </message>
    <message>
        <source>the weights changed while the step was worked out. Apply it again to step from the weights shown now.</source>
        <translation>단계를 계산하는 동안 가중치가 바뀌었습니다. 지금 보이는 가중치에서 한 단계를 적용하려면 다시 누르세요.</translation>
    </message>
    <message>
        <source>Type numbers separated by commas, e.g. 0.5, 1.</source>
        <translation>쉼표로 구분한 숫자를 입력하세요. 예: 0.5, 1</translation>
    </message>
    <message>
        <source>Not applied: {reason}</source>
        <translation>적용하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>The SGD step on row {row} was undone: the weights are as they were before it.</source>
        <translation>행 {row}의 SGD 한 단계를 되돌렸습니다: 가중치가 그 단계 전으로 돌아왔습니다.</translation>
    </message>
    <message>
        <source>One SGD step on row {row} (lr {lr}): the row&apos;s loss {before} → {after}. Undo puts the weights back.</source>
        <translation>행 {row}에서 SGD 한 단계(lr {lr}): 이 행의 손실 {before} → {after}. 실행 취소하면 가중치가 돌아옵니다.</translation>
    </message>
    <message>
        <source>One SGD step on row {row} (lr {lr}): the row&apos;s loss {before} → {after}. It was dropped from the undo history to keep memory: Undo no longer takes it back.</source>
        <translation>행 {row}에서 SGD 한 단계(lr {lr}): 이 행의 손실 {before} → {after}. 메모리를 아끼려고 실행 취소 기록에서 지웠습니다: 이제 실행 취소로 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>step {n} of {total} · {phase}</source>
        <translation>단계 {n}/{total} · {phase}</translation>
    </message>
    <message>
        <source>Checking {n} gradients against the numerical gradient (two passes of the row each)…</source>
        <translation>기울기 {n}개를 수치 미분과 비교하는 중입니다 (기울기마다 이 행을 두 번 계산)…</translation>
    </message>
    <message>
        <source>Check failed: {why}</source>
        <translation>기울기 확인에 실패했습니다: {why}</translation>
    </message>
    <message>
        <source>Check was cancelled.</source>
        <translation>기울기 확인을 취소했습니다.</translation>
    </message>
    <message>
        <source>numerical = {value}</source>
        <translation>수치 미분 = {value}</translation>
    </message>
    <message>
        <source>One SGD step on row {row}</source>
        <translation>행 {row}에서 SGD 한 단계</translation>
    </message>
    <message>
        <source>Applied one SGD step (lr {lr}): the loss on row {row} {before} → {after} — {keys} undoes it</source>
        <extracomment>the fewest significant digits a loss change is said with (the losses&apos; usual 4)</extracomment>
        <translation>SGD 한 단계를 적용했습니다(lr {lr}): 행 {row}의 손실 {before} → {after} — {keys}로 되돌립니다</translation>
    </message>
</context>
<context>
    <name>MatrixTable</name>
    <message>
        <source>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols} (the first {n}×{n}): a row per source unit, a column per destination unit</source>
        <translation>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols} (앞쪽 {n}×{n}): 행은 보내는 뉴런, 열은 받는 뉴런</translation>
    </message>
    <message>
        <source>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols}: a row per source unit, a column per destination unit</source>
        <translation>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols}: 행은 보내는 뉴런, 열은 받는 뉴런</translation>
    </message>
    <message>
        <source>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols} (the first {n}×{n}): a row per source unit, a column per destination unit; under each, the numerical value</source>
        <translation>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols} (앞쪽 {n}×{n}): 행은 보내는 뉴런, 열은 받는 뉴런이며 각 값 아래는 수치 미분 값</translation>
    </message>
    <message>
        <source>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols}: a row per source unit, a column per destination unit; under each, the numerical value</source>
        <translation>&lt;b&gt;{symbol}&lt;/b&gt;, {rows}×{cols}: 행은 보내는 뉴런, 열은 받는 뉴런이며 각 값 아래는 수치 미분 값</translation>
    </message>
</context>
</TS>
