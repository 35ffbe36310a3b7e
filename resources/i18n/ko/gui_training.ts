<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>RunsList</name>
    <message>
        <source>Every run is hidden: tick “show hidden runs” to list them</source>
        <translation>모든 실행이 숨겨져 있습니다. “숨긴 실행 표시”에 체크하면 보입니다</translation>
    </message>
    <message>
        <source>Each training run is listed here, to compare them: press Train (F5)</source>
        <translation>학습한 실행마다 여기에 기록되어 서로 비교할 수 있습니다. 학습(F5)을 누르세요</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>Tick a run to draw it on the Loss panel. Double-click a name (or F2) to rename a run; Del deletes it.</source>
        <translation>실행을 체크하면 손실 패널에 그립니다. 이름을 두 번 클릭하면(또는 F2) 실행 이름을 바꾸고, Del은 삭제합니다.</translation>
    </message>
    <message>
        <source>Hide the selected run from this list and the Loss panel (Show brings it back; both can be undone)</source>
        <translation>선택한 실행을 이 목록과 손실 패널에서 숨깁니다 (표시로 되돌리며, 둘 다 실행 취소할 수 있습니다)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected run&apos;s record (Del; can be undone). The weights stay as they are.</source>
        <translation>선택한 실행의 기록을 삭제합니다 (Del, 실행 취소할 수 있습니다). 가중치는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>show hidden runs</source>
        <translation>숨긴 실행 표시</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>바뀐 점</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>최종 손실</translation>
    </message>
    <message>
        <source>Final metrics</source>
        <translation>최종 지표</translation>
    </message>
    <message>
        <source>Test metrics</source>
        <translation>시험 지표</translation>
    </message>
    <message>
        <source>run {number}: {name}</source>
        <extracomment>the columns of what the last epoch measured besides the loss, and on which part the runs ticked, by number (a hidden or deleted run&apos;s too: see the module&apos;s words)</extracomment>
        <translation>실행 {number}: {name}</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>실행 {number}</translation>
    </message>
    <message>
        <source>{run} (current)</source>
        <translation>{run} (현재)</translation>
    </message>
    <message>
        <source>{run}: {metrics}</source>
        <translation>{run}: {metrics}</translation>
    </message>
    <message>
        <source>{run}: {reason}</source>
        <translation>{run}: {reason}</translation>
    </message>
    <message>
        <source>It goes on from run {number} after epoch {epoch}.</source>
        <translation>실행 {number}의 에폭 {epoch} 다음부터 이어 갑니다.</translation>
    </message>
    <message>
        <source>{ended} (hidden)</source>
        <translation>{ended} (숨김)</translation>
    </message>
</context>
<context>
    <name>TimelineUi</name>
    <message>
        <source>Make epoch {k} the latest: its weights back in the network (one undo step), ready to edit or to train on (press Train to go on). Epochs after {k} are dropped from this run; Undo brings them back.</source>
        <translation>에폭 {k}을(를) 최신으로 만듭니다: 그 가중치를 신경망에 되돌려 놓아(실행 취소 한 단계) 편집하거나 거기서부터 학습할 수 있습니다(이어서 학습하려면 학습 시작을 누르세요). 에폭 {k} 이후는 이 실행에서 빠지며, 실행 취소로 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <source>the timeline shows epoch {epoch}: press Continue from here to edit from that epoch, or move the slider to its right end to edit the latest weights.</source>
        <extracomment>why an edit of the weights on show is refused while the slider is pulled back (the document&apos;s edit refusal, after &quot;Not now: &quot;)</extracomment>
        <translation>타임라인이 에폭 {epoch}을(를) 보여 주고 있습니다: 그 에폭부터 편집하려면 여기서 계속을 누르고, 최신 가중치를 편집하려면 슬라이더를 오른쪽 끝으로 옮기세요.</translation>
    </message>
    <message>
        <source>epoch {epoch} / {last} (latest)</source>
        <translation>에폭 {epoch} / {last} (최신)</translation>
    </message>
    <message>
        <source>epoch {epoch} / {last}</source>
        <translation>에폭 {epoch} / {last}</translation>
    </message>
    <message>
        <source>Drag back to see the network as it was after an earlier epoch: the canvas, predictions and every training panel follow. At the right end it follows training again.</source>
        <extracomment>the slider&apos;s keys while it has the focus (it keeps them from Explain&apos;s: gui.focus_keys)</extracomment>
        <translation>왼쪽으로 끌면 앞선 에폭이 끝났을 때의 신경망을 봅니다: 캔버스, 예측과 모든 학습 패널이 따라갑니다. 오른쪽 끝에서는 다시 학습을 따라갑니다.</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>여기서 계속</translation>
    </message>
    <message>
        <source>Save timeline with project</source>
        <translation>타임라인을 프로젝트와 함께 저장</translation>
    </message>
    <message>
        <source>Store the per-epoch weights in the project file, so the slider works after it is opened again. Off at first for networks over {count} parameters (their timelines take many megabytes).</source>
        <translation>에폭마다의 가중치를 프로젝트 파일에 저장해, 다시 열어도 슬라이더가 동작합니다. 매개변수가 {count}개를 넘는 신경망은 처음에 꺼져 있습니다 (타임라인이 여러 MB를 차지합니다).</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <extracomment>the bar&apos;s title, before the slider (and in the slider&apos;s accessible name)</extracomment>
        <translation>타임라인:</translation>
    </message>
    <message>
        <source>Continue from epoch {epoch}</source>
        <translation>에폭 {epoch}에서 계속</translation>
    </message>
    <message>
        <source>no timeline yet</source>
        <translation>아직 타임라인 없음</translation>
    </message>
    <message>
        <source>Stop training first: then continue from an earlier epoch. {tip}</source>
        <extracomment>a run undone after Continue from here (:func:`~.timeline_runs.cut`)</extracomment>
        <translation>먼저 학습을 중지하세요. 그다음 앞선 에폭에서 계속할 수 있습니다. {tip}</translation>
    </message>
    <message>
        <source>Could not show that epoch: {problem}</source>
        <translation>그 에폭을 보여 줄 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>The data set is still loading: the training panels show this epoch once it has loaded.</source>
        <translation>데이터셋을 아직 불러오는 중입니다. 다 불러오면 학습 패널이 이 에폭을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Choose the project&apos;s data set to see the training panels at earlier epochs.</source>
        <translation>앞선 에폭의 학습 패널을 보려면 프로젝트의 데이터셋을 선택하세요.</translation>
    </message>
    <message>
        <source>Epoch {epoch} is the latest now: press Train to go on from it. The epochs after it are dropped from this run (Undo brings them back).</source>
        <translation>이제 에폭 {epoch}이(가) 최신입니다: 학습 시작을 누르면 여기서부터 이어서 학습합니다. 그 뒤의 에폭은 이 실행에서 빠집니다 (실행 취소로 되살릴 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>&amp;Train</source>
        <translation>학습 시작(&amp;T)</translation>
    </message>
    <message>
        <source>Train the network on the data: mini-batches of the training rows, one optimizer step each, for the number of epochs set below. Training again continues from the current weights.</source>
        <translation>데이터로 신경망을 학습합니다: 훈련 데이터를 미니배치로 나눠 미니배치마다 매개변수를 한 번 갱신하고, 아래에서 정한 에폭 수만큼 반복합니다. 다시 학습하면 지금 가중치에서 이어 갑니다.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 중지(&amp;P)</translation>
    </message>
    <message>
        <source>Hold training after the current mini-batch, to look closely.</source>
        <translation>지금 미니배치가 끝나면 학습을 멈춥니다. 자세히 살펴볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>계속(&amp;U)</translation>
    </message>
    <message>
        <source>Carry on training from where it was paused.</source>
        <translation>일시 중지한 곳에서 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>End training now. The weights reached so far stay (Undo restores the earlier ones).</source>
        <translation>지금 학습을 끝냅니다. 지금까지 얻은 가중치는 남습니다 (실행 취소로 이전 가중치를 되돌립니다).</translation>
    </message>
    <message>
        <source>St&amp;ep</source>
        <translation>한 단계(&amp;E)</translation>
    </message>
    <message>
        <source>Train exactly one mini-batch, then pause: watch a single gradient step change the weights and the loss.</source>
        <translation>미니배치 하나만 학습하고 일시 중지합니다: 경사 하강법 한 단계가 가중치와 손실을 어떻게 바꾸는지 지켜보세요.</translation>
    </message>
    <message>
        <source>&amp;Reset Weights</source>
        <translation>가중치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Draw fresh random weights with the seed (and forget the training history), to start learning from scratch.</source>
        <translation>시드로 새 무작위 가중치를 정하고 학습 기록을 지워, 처음부터 학습을 시작합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingProgress</name>
    <message>
        <source>epoch {epoch}/{last} · batch {batch}/{batches} · {rate} samples/s</source>
        <translation>에폭 {epoch}/{last} · 배치 {batch}/{batches} · {rate}샘플/초</translation>
    </message>
    <message>
        <source>{progress} · paused</source>
        <translation>{progress} · 일시 중지됨</translation>
    </message>
    <message>
        <source>{progress} · stopping</source>
        <translation>{progress} · 중지하는 중</translation>
    </message>
    <message>
        <source>{progress} · {time} left</source>
        <translation>{progress} · {time} 남음</translation>
    </message>
    <message>
        <source>building the network and preparing the data…</source>
        <translation>신경망을 만들고 데이터를 준비하는 중…</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Training is running: stop it to change the network or the data (moving nodes and the learning rate are fine).</source>
        <translation>학습하는 중입니다: 신경망이나 데이터를 바꾸려면 학습을 중지하세요 (노드를 옮기거나 학습률을 바꾸는 것은 됩니다).</translation>
    </message>
    <message>
        <source>Fix the network first: {problem}</source>
        <extracomment>a run&apos;s live weights reached the document (what follows them may catch up in this turn) on a gate or toy set, whether the last run solved it and if not why (else None) the optimizer state the document&apos;s weights were reached with (a file&apos;s, or a run&apos;s)</extracomment>
        <translation>먼저 신경망을 고치세요: {problem}</translation>
    </message>
    <message>
        <source>Choose a data set first.</source>
        <translation>데이터셋을 먼저 선택하세요.</translation>
    </message>
    <message>
        <source>Cannot train: {reason}</source>
        <extracomment>what making a trainer raises when the network, the data or the history do not go together</extracomment>
        <translation>학습할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Build the network first: {problem}</source>
        <translation>먼저 신경망을 완성하세요: {problem}</translation>
    </message>
    <message>
        <source>Training… (the structure is locked until it stops)</source>
        <translation>학습하는 중… (중지할 때까지 구조가 잠깁니다)</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>Weights reset from seed {seed}.</source>
        <translation>가중치를 초기화했습니다 (시드 {seed}).</translation>
    </message>
    <message>
        <source>Paused: Step trains one mini-batch, Resume trains on (the structure is locked until it stops)</source>
        <translation>일시 중지됨: 한 단계를 누르면 미니배치 하나를 학습하고, 계속을 누르면 이어서 학습합니다 (중지할 때까지 구조가 잠깁니다)</translation>
    </message>
    <message>
        <source>Learning rate {lr} from the next mini-batch.</source>
        <translation>다음 미니배치부터 학습률은 {lr}입니다.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>학습에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>Training ended: {reason}.</source>
        <translation>학습이 끝났습니다: {reason}.</translation>
    </message>
    <message>
        <source>Training ended: {reason}. {verdict}</source>
        <translation>학습이 끝났습니다: {reason}. {verdict}</translation>
    </message>
    <message>
        <source>Train to epoch {n}</source>
        <translation>에폭 {n}까지 학습</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsPanel</name>
    <message>
        <source>Momentum</source>
        <translation>Momentum 계수</translation>
    </message>
    <message>
        <source>How much of the last step&apos;s velocity carries over (0 = plain SGD; 0.9 is usual). Must stay below 1, or the ball never slows down.</source>
        <translation>직전 단계의 속도(v)가 얼마나 이어지는지입니다 (0이면 보통의 SGD, 흔히 0.9). 1보다 작아야 합니다. 그렇지 않으면 공이 느려지지 않습니다.</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>감쇠율</translation>
    </message>
    <message>
        <source>How fast RMSprop forgets old squared gradients (0.99 remembers about the last 100 steps). Below 1.</source>
        <translation>RMSprop이 지난 기울기의 제곱을 얼마나 빨리 잊는지입니다 (0.99면 최근 100단계 정도를 기억합니다). 1보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s momentum: the average of the gradients forgets at this rate (0.9 is usual). Below 1.</source>
        <translation>Adam의 Momentum: 기울기의 평균이 이 비율로 지난 값을 잊습니다 (흔히 0.9). 1보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s memory of squared gradients (0.999 is usual): the per-weight step sizes. Below 1.</source>
        <translation>Adam이 기울기의 제곱을 기억하는 정도입니다 (흔히 0.999): 가중치마다 갱신 폭을 정합니다. 1보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>How each step uses the gradient. Hover over a choice to see its rule.</source>
        <translation>각 단계에서 기울기를 어떻게 쓰는지입니다. 항목 위에 마우스를 올리면 그 규칙이 보입니다.</translation>
    </message>
    <message>
        <source>Learning rate: how far each step moves the weights against the gradient. Too small learns slowly; too large overshoots and the loss can blow up to NaN. It can be changed while training runs.</source>
        <translation>학습률: 각 단계에서 가중치를 기울기의 반대 방향으로 얼마나 움직이는지입니다. 너무 작으면 느리게 학습하고, 너무 크면 지나쳐서 손실이 NaN까지 커질 수 있습니다. 학습하는 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>How many passes over the training rows one press of Train makes.</source>
        <translation>학습 시작을 한 번 누를 때 훈련 데이터를 몇 번 훑는지입니다.</translation>
    </message>
    <message>
        <source>Rows per mini-batch: the gradient of each step is averaged over this many rows. Small batches give noisy but many steps; the whole set gives one exact step per epoch.</source>
        <translation>미니배치 하나의 행 수: 각 단계의 기울기는 이만큼의 행에서 평균합니다. 배치가 작으면 잡음이 많지만 단계가 많고, 전체를 쓰면 에폭마다 정확한 단계 하나입니다.</translation>
    </message>
    <message>
        <source>L2 penalty λ·½·Σw² added to the loss: it pulls weights towards 0 and fights overfitting (biases are left alone).</source>
        <translation>손실에 더하는 L2 패널티 λ·½·Σw²: 가중치를 0 쪽으로 당겨 오버피팅을 억제합니다 (편향은 그대로 둡니다).</translation>
    </message>
    <message>
        <source>One number for every random choice — the split, the first weights, the shuffling, dropout — so a run can be repeated exactly.</source>
        <translation>모든 무작위 선택(데이터 분할, 처음 가중치, 섞기, 드롭 아웃)에 쓰는 수 하나입니다. 그래서 같은 실행을 그대로 되풀이할 수 있습니다.</translation>
    </message>
    <message>
        <source>Percent of the rows held out for validation (watched while training) and for the final test; the rest trains the network.</source>
        <translation>검증(학습하는 중에 지켜봄)과 마지막 시험을 위해 떼어 두는 행의 비율(%)입니다. 나머지 행으로 신경망을 학습합니다.</translation>
    </message>
    <message>
        <source>Shift and scale every input feature to mean 0 and standard deviation 1, with the training rows&apos; own statistics (the held-out rows get the same). Features on very different scales, or pixel bytes up to 255, train far better this way.</source>
        <translation>입력 특징마다 훈련 행의 평균과 표준편차로 옮기고 나누어 평균 0, 표준편차 1로 맞춥니다(떼어 둔 행에도 같은 값을 씁니다). 범위가 크게 다른 특징이나 255까지 가는 픽셀 바이트는 이렇게 해야 훨씬 잘 학습합니다.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>갱신 방법</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감소</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Stop training to change this.</source>
        <translation>바꾸려면 학습을 중지하세요.</translation>
    </message>
    <message>
        <source>Held out</source>
        <extracomment>a message for the status bar (a callable: said again when the language changes)</extracomment>
        <translation>떼어 둔 비율</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>Standardise inputs</source>
        <translation>입력 표준화</translation>
    </message>
    <message>
        <source>A learning rate of {typed} cannot be used: it must lie between {low} and {high} (at 0 the weights would never change). It stays at {kept}.</source>
        <translation>학습률 {typed}은(는) 쓸 수 없습니다: {low}에서 {high} 사이여야 합니다 (0이면 가중치가 전혀 바뀌지 않습니다). 학습률은 {kept}(으)로 그대로 둡니다.</translation>
    </message>
    <message>
        <source>training on all {rows} rows (too few to hold any out)</source>
        <translation>행 {rows}개 모두로 학습 (떼어 두기에는 너무 적음)</translation>
    </message>
    <message>
        <source>training on {percent} of the rows</source>
        <translation>행의 {percent}로 학습</translation>
    </message>
    <message>
        <source>The timeline shows epoch {shown}, but Train goes on after epoch {done}, the latest. To go on from epoch {shown}, press Continue from here first.</source>
        <extracomment>what the next Train does: go on after the trained epochs, or start at epoch 1</extracomment>
        <translation>타임라인은 에폭 {shown}의 가중치를 보여 주지만, 학습 시작을 누르면 최신인 에폭 {done} 다음부터 이어 갑니다. 에폭 {shown}부터 이어 가려면 먼저 여기서 계속을 누르세요.</translation>
    </message>
    <message>
        <source>Train goes on after epoch {done} with these weights. To start again from fresh weights, press Reset Weights first.</source>
        <translation>학습 시작을 누르면 이 가중치로 에폭 {done} 다음부터 이어 갑니다. 새 가중치로 처음부터 학습하려면 먼저 가중치 초기화를 누르세요.</translation>
    </message>
    <message>
        <source>Train starts at epoch 1 from the weights on the canvas.</source>
        <translation>학습 시작을 누르면 캔버스의 가중치로 에폭 1부터 학습합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingUi</name>
    <message>
        <source>Structure locked while training</source>
        <translation>학습하는 동안 구조 잠김</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화값</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Export History as &amp;CSV…</source>
        <translation>학습 기록을 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Not now: {reason}</source>
        <translation>지금은 할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Training diverged ({nodes}): {reason}</source>
        <translation>학습이 발산했습니다 ({nodes}): {reason}</translation>
    </message>
    <message>
        <source>Training diverged here: {reason}</source>
        <translation>여기서 학습이 발산했습니다: {reason}</translation>
    </message>
</context>
</TS>
