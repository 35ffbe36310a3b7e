<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>Commands</name>
    <message>
        <source>Paste {count} node</source>
        <translation>노드 {count}개 붙여넣기</translation>
    </message>
    <message>
        <source>Paste {count} nodes</source>
        <translation>노드 {count}개 붙여넣기</translation>
    </message>
    <message>
        <source>Add {node}</source>
        <translation>{node} 추가</translation>
    </message>
    <message>
        <source>Connect {source} → {target}</source>
        <translation>{source} → {target} 연결</translation>
    </message>
    <message>
        <source>Disconnect {source} → {target}</source>
        <translation>{source} → {target} 연결 해제</translation>
    </message>
    <message>
        <source>Delete {node}</source>
        <translation>{node} 삭제</translation>
    </message>
    <message>
        <source>Move {node}</source>
        <translation>{node} 이동</translation>
    </message>
    <message>
        <source>Move {count} nodes</source>
        <translation>노드 {count}개 이동</translation>
    </message>
    <message>
        <source>Change {fields} of {node}</source>
        <translation>{node}의 {fields} 변경</translation>
    </message>
    <message>
        <source>Set {name} to {value}</source>
        <translation>{name}을(를) {value}(으)로 설정</translation>
    </message>
    <message>
        <source>Change {settings}</source>
        <translation>{settings} 변경</translation>
    </message>
    <message>
        <source>Delete {count} item</source>
        <translation>항목 {count}개 삭제</translation>
    </message>
    <message>
        <source>Delete {count} items</source>
        <translation>항목 {count}개 삭제</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>units</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <source>features</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>initialiser</source>
        <translation>초깃값</translation>
    </message>
    <message>
        <source>initial std</source>
        <translation>초깃값 표준편차</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭 아웃</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>갱신 방법</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에폭 수</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감소</translation>
    </message>
    <message>
        <source>L1 regularisation</source>
        <translation>L1 정규화</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>split</source>
        <translation>떼어 둔 비율</translation>
    </message>
    <message>
        <source>number precision</source>
        <translation>수 정밀도</translation>
    </message>
    <message>
        <source>target loss</source>
        <translation>목표 손실</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>standardisation</source>
        <translation>표준화</translation>
    </message>
    <message>
        <source>optimizer settings</source>
        <translation>갱신 방법 설정</translation>
    </message>
    <message>
        <source>Rename run {number}</source>
        <translation>실행 {number} 이름 바꾸기</translation>
    </message>
    <message>
        <source>Hide run {number}</source>
        <translation>실행 {number} 숨기기</translation>
    </message>
    <message>
        <source>Show run {number}</source>
        <translation>실행 {number} 보이기</translation>
    </message>
    <message>
        <source>Delete run {number}</source>
        <translation>실행 {number} 삭제</translation>
    </message>
</context>
<context>
    <name>DataSource</name>
    <message>
        <source>150 irises, 4 measurements, 3 species (Fisher 1936)</source>
        <extracomment>the bundled sets&apos; descriptions, marked; :func:`bundled_text` translates them (their titles: core.datasets.ref.BUNDLED_TITLES)</extracomment>
        <translation>붓꽃 150송이, 측정값 4개, 품종 3개 (Fisher 1936)</translation>
    </message>
    <message>
        <source>1,797 tiny images of the digits 0–9</source>
        <translation>숫자 0–9의 작은 이미지 1,797개</translation>
    </message>
    <message>
        <source>{name} (imported)</source>
        <translation>{name} (가져옴)</translation>
    </message>
    <message>
        <source>{count} samples</source>
        <translation>샘플 {count}개</translation>
    </message>
    <message>
        <source>noise {noise}</source>
        <translation>노이즈 {noise}</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>시드 {seed}</translation>
    </message>
    <message>
        <source> — a file in the cache folder is not the original (its checksum differs): choosing it says which</source>
        <translation> — 캐시 폴더에 원본이 아닌 파일이 있습니다(체크섬이 다름): 선택하면 어느 파일인지 알려 줍니다</translation>
    </message>
    <message>
        <source> — files found in the cache folder: choosing it checks them and downloads what is missing</source>
        <translation> — 캐시 폴더에 파일이 있습니다: 선택하면 확인하고 없는 파일을 내려받습니다</translation>
    </message>
    <message>
        <source> — not downloaded yet: choosing it downloads about {size} MB (or run `netcanvas data fetch {name}`)</source>
        <translation> — 아직 내려받지 않았습니다: 선택하면 약 {size} MB를 내려받습니다(또는 `netcanvas data fetch {name}`을 실행하세요)</translation>
    </message>
</context>
<context>
    <name>Predictions</name>
    <message>
        <source>No predictions: the project&apos;s data could not be loaded (the Data set panel says why).</source>
        <extracomment>predictions that cost more multiply-adds than this are computed on a worker thread (about 40 ms of the GUI thread on a loaded 2-core machine): 784-512-512-10 (1.5e9) froze the window for 0.2–0.4 s at every edit what one input value fed costs, in multiply-adds: each is converted, standardised in float64 and copied on its way in. 784-100-10&apos;s held-out rows (2,264 × 784 values) took 44 ms to scale beside 40 ms for the layers&apos; 1.8e8 multiply-adds, so counting the weights alone kept it on the GUI thread: 0.2–0.4 s at the fit button, at Stop and at every edit. what one node costs whatever its size, in multiply-adds: Python&apos;s own work for it in each pass of :func:`compute` through the network and in its statistics. A chain of 300 one-unit nodes (4e6 multiply-adds) took 20–31 ms of an idle 2-core machine and 50–90 ms of the GUI thread while training — twice a second, with the weights the canvas showed hidden node id → its activations over ``grid``&apos;s points, shape (ny, nx, units) the data set&apos;s row index of each table row hidden node id → its units&apos; incoming weights from the input as (units, rows, cols) images in [-1, 1] (image data only) node id → its activations on training&apos;s probe batch (the rows a run&apos;s Activations frames use), when the held-out rows are asked for edge id → the histogram of its weights (core.training.snapshot.edge_histograms), for the Weights panel: binning 4 M weights took the GUI thread 0.1 s; None when they were not binned (while a run goes on, its frames bin them) node id → the picture the canvas shows under it (QImages: the output over the plane, a hidden node&apos;s units or weights), made with the predictions, on their worker for a big network (gui.panels.predictions): 300 one-unit nodes&apos; took the GUI thread 0.1–0.4 s</extracomment>
        <translation>예측 없음: 프로젝트의 데이터를 불러올 수 없습니다 (이유는 데이터셋 패널에 있습니다).</translation>
    </message>
    <message>
        <source>Choose a data set on the left to see what the network predicts.</source>
        <translation>신경망의 예측값을 보려면 왼쪽에서 데이터셋을 선택하세요.</translation>
    </message>
    <message>
        <source>Build the network first (the next steps are listed below): then the predictions appear.</source>
        <translation>먼저 신경망을 완성하세요(다음 단계가 아래에 있습니다): 그러면 예측이 나타납니다.</translation>
    </message>
    <message>
        <source>Fix the problems listed below first: then the predictions appear.</source>
        <translation>먼저 아래 문제를 고치세요. 그러면 예측값이 나타납니다.</translation>
    </message>
    <message>
        <source>No predictions: {reason}</source>
        <translation>예측값 없음: {reason}</translation>
    </message>
</context>
</TS>
