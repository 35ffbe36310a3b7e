<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>&lt;b&gt;{node}&lt;/b&gt; ({activation}): mean {mean}, std {std}</source>
        <translation>&lt;b&gt;{node}&lt;/b&gt; ({activation}): 평균 {mean}, 표준편차 {std}</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:{color}&apos;&gt;{fraction} saturated&lt;/span&gt; — the slope is nearly 0 there, so those weights learn slowly</source>
        <translation> · &lt;span style=&apos;color:{color}&apos;&gt;{fraction} 포화됨&lt;/span&gt; — 그곳의 기울기가 거의 0이라 그 가중치는 느리게 학습합니다</translation>
    </message>
    <message>
        <source> · {fraction} of units dead (0 for every probe row: no gradient flows through them)</source>
        <translation> · 죽은 뉴런 {fraction} (관찰용 배치의 모든 행에서 0: 기울기가 흐르지 않습니다)</translation>
    </message>
    <message>
        <source>Which node&apos;s activations to show as a histogram</source>
        <extracomment>the current weights&apos; activations by node id and their network, while no run goes on (None: unknown)</extracomment>
        <translation>활성화값을 히스토그램으로 볼 노드</translation>
    </message>
    <message>
        <source>Activations on the probe batch</source>
        <translation>관찰용 배치의 활성화값</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Mean ± std per node</source>
        <translation>노드별 평균 ± 표준편차</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화값</translation>
    </message>
    <message>
        <source>Saturated (red) and dead (grey) fraction per node</source>
        <translation>노드별 포화(빨강)·죽은 뉴런(회색) 비율</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Mean ± std</source>
        <translation>평균 ± 표준편차</translation>
    </message>
    <message>
        <source>Saturated, dead</source>
        <translation>포화·죽은 뉴런</translation>
    </message>
    <message>
        <source>Which activation plot to show</source>
        <translation>보여 줄 활성화 그래프</translation>
    </message>
    <message>
        <source>Train (F5) to see what each layer outputs on a probe batch</source>
        <translation>학습(F5)하면 관찰용 배치에서 각 층이 내는 출력을 볼 수 있습니다</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>포화됨</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>죽은 뉴런</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <source>Click an image to see the network&apos;s output for it.</source>
        <translation>이미지를 클릭하면 그 이미지에 대한 신경망의 출력이 보입니다.</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}</source>
        <translation>실제 {true}, 예측 {predicted}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Show every image, or only those whose true class is the one chosen</source>
        <translation>모든 이미지 표시, 또는 실제 클래스가 고른 클래스인 이미지만 표시</translation>
    </message>
    <message>
        <source>Show every image</source>
        <translation>모든 이미지 표시</translation>
    </message>
    <message>
        <source>Show only images whose true class is {name}</source>
        <translation>실제 클래스가 {name}인 이미지만 표시</translation>
    </message>
    <message>
        <source>Images, true class → predicted class</source>
        <translation>이미지, 실제 클래스 → 예측 클래스</translation>
    </message>
    <message>
        <source>Output probabilities of the chosen image</source>
        <translation>고른 이미지의 출력 확률</translation>
    </message>
    <message>
        <source>Train to see the network&apos;s answer for each image.</source>
        <translation>학습하면 이미지마다 신경망의 답이 여기에 보입니다.</translation>
    </message>
    <message>
        <source>{count} {part} images, {wrong} wrong (first, outlined)</source>
        <translation>{part} 이미지 {count}개, 틀린 것 {wrong}개 (앞쪽, 테두리 표시)</translation>
    </message>
    <message>
        <source>the first {rows} of {total} {part} images, {wrong} wrong (first, outlined)</source>
        <translation>{part} 이미지 {total}개 중 앞의 {rows}개, 틀린 것 {wrong}개 (앞쪽, 테두리 표시)</translation>
    </message>
    <message>
        <source>{count} {part} images of class {name}, {wrong} wrong (first, outlined)</source>
        <translation>클래스 {name}의 {part} 이미지 {count}개, 틀린 것 {wrong}개 (앞쪽, 테두리 표시)</translation>
    </message>
    <message>
        <source>{count} {part} images of class {name} among the first {rows} of {total}, {wrong} wrong (first, outlined)</source>
        <translation>{total}개 중 앞의 {rows}개에서 클래스 {name}인 {part} 이미지 {count}개, 틀린 것 {wrong}개 (앞쪽, 테두리 표시)</translation>
    </message>
    <message>
        <source> · {first}–{last} shown, scroll for more</source>
        <translation> · {first}–{last}번째 표시 중, 스크롤하면 더 보입니다</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>Accuracy</source>
        <extracomment>task: (the history&apos;s column, the plot&apos;s title, its axis label), translated where shown</extracomment>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>log scale</source>
        <extracomment>epoch curves of at most this many epochs show each epoch as a dot as well: a single epoch (the natural first MNIST run) is no line at all, and a few are easier read as points the epochs&apos; points of short runs, as dots (see MARKED_EPOCHS) the earlier runs drawn, each with its training-loss curve the run of the curves drawn over them, first in their legend (while they are shown)</extracomment>
        <translation>로그 스케일</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale: late, small improvements stay visible next to the first big drop.</source>
        <translation>손실을 로그 스케일로 보여 줍니다: 처음의 큰 하락 옆에서도 나중의 작은 개선이 보입니다.</translation>
    </message>
    <message>
        <source>Save the loss and accuracy of every epoch as a CSV table</source>
        <translation>에폭마다의 손실과 정확도를 CSV 표로 저장합니다</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>배치별</translation>
    </message>
    <message>
        <source>&lt;b&gt;epoch {epoch}&lt;/b&gt;: {values}</source>
        <translation>&lt;b&gt;에폭 {epoch}&lt;/b&gt;: {values}</translation>
    </message>
    <message>
        <source>Save the training history as CSV</source>
        <translation>학습 기록을 CSV로 저장</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save the history</source>
        <translation>학습 기록을 저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>{result} with the current weights</source>
        <extracomment>what the current weights answer, drawn while there is no frame</extracomment>
        <translation>현재 가중치로 {result}</translation>
    </message>
</context>
<context>
    <name>OutputPlots</name>
    <message>
        <source>{part} accuracy {value}</source>
        <translation>{part} 정확도 {value}</translation>
    </message>
    <message>
        <source>{part} RMSE {value}</source>
        <translation>{part} RMSE {value}</translation>
    </message>
    <message>
        <source> (its first {rows} of {total} rows)</source>
        <translation> ({total}행 중 앞의 {rows}행)</translation>
    </message>
    <message>
        <source>Output over the input</source>
        <translation>입력에 따른 출력</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Output over the inputs</source>
        <translation>입력 평면 위의 출력</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>Predicted against true</source>
        <translation>예측값 대 실제값</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>실제값</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>예측값</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>training</source>
        <translation>훈련</translation>
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
        <source>Save this panel as a PNG image</source>
        <extracomment>what of a frame it draws beyond the curves (:data:`gui.training.frames.ALL_PARTS`) the last frame given was made without a part it draws (it was not on screen): it keeps the frame before, and the live refresh has the next one made with its part what is left to make of a panel made in parts (:meth:`build_part`), in order: the class&apos;s functions, each called with the panel (bound methods kept here made the panel refer to itself until its last part)</extracomment>
        <translation>이 패널을 PNG 이미지로 저장합니다</translation>
    </message>
    <message>
        <source>{panel} plots</source>
        <translation>{panel} 그래프</translation>
    </message>
    <message>
        <source>Save {panel} as PNG</source>
        <translation>{panel} 패널을 PNG로 저장</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Which connection&apos;s weight matrix to show</source>
        <extracomment>the current weights, drawn while there is no frame (before any run, after Reset)</extracomment>
        <translation>가중치 행렬을 볼 연결</translation>
    </message>
    <message>
        <source>Weights now</source>
        <translation>현재 가중치</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Weights over time</source>
        <translation>시간에 따른 가중치</translation>
    </message>
    <message>
        <source>Each column is a histogram of the weights at that epoch</source>
        <translation>열마다 그 에폭의 가중치 히스토그램입니다</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>층별 기울기 노름</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>노름</translation>
    </message>
    <message>
        <source>Measured on the last mini-batch</source>
        <translation>마지막 미니배치에서 잰 값입니다</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>시간에 따라</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <source>Which weights plot to show</source>
        <translation>보여 줄 가중치 그래프</translation>
    </message>
    <message>
        <source>Train (F5) to fill these plots</source>
        <translation>학습(F5)하면 이 그래프들이 채워집니다</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>The spread of the weights, and how fast gradients reach each layer.</source>
        <translation>가중치의 분포와 층별 기울기 크기</translation>
    </message>
</context>
</TS>
