<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop and keep the data set as it was</source>
        <translation>중지하고 데이터셋을 그대로 둡니다</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} 가져오는 중…</translation>
    </message>
</context>
<context>
    <name>DataPicker</name>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.gz *.npz *.idx *-ubyte *.idx1-ubyte *.idx3-ubyte);;All files (*)</source>
        <translation>데이터 파일 (*.csv *.tsv *.txt *.gz *.npz *.idx *-ubyte *.idx1-ubyte *.idx3-ubyte);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>The data the network learns from; its predictions show in the Predictions panel and on the output node.</source>
        <translation>신경망이 학습할 데이터입니다. 예측값은 예측 패널과 출력 노드에 표시됩니다.</translation>
    </message>
    <message>
        <source>Import CSV / NPZ / IDX…</source>
        <extracomment>the data picker&apos;s import button; messages that send users to it quote this same label</extracomment>
        <translation>CSV / NPZ / IDX 가져오기…</translation>
    </message>
    <message>
        <source>Load your own table (CSV: the last column is the target), a NumPy .npz with X and y, or MNIST IDX files. Files up to {mb} MB are stored inside the project; larger ones are referred to by path and checksum.</source>
        <translation>직접 만든 표(CSV: 마지막 열이 정답), X와 y가 든 NumPy .npz 파일, 또는 MNIST IDX 파일을 불러옵니다. {mb} MB까지의 파일은 프로젝트 안에 저장하고, 더 큰 파일은 경로와 체크섬으로 참조합니다.</translation>
    </message>
    <message>
        <source>Locate the data file…</source>
        <translation>데이터 파일 찾기…</translation>
    </message>
    <message>
        <source>The project refers to a data file that has moved or changed: choose where it is now (it is checked against the checksum the project keeps)</source>
        <translation>프로젝트가 가리키는 데이터 파일이 옮겨졌거나 바뀌었습니다: 지금 있는 곳을 고르세요 (프로젝트에 저장된 체크섬과 대조합니다)</translation>
    </message>
    <message>
        <source>Embed data in the project</source>
        <translation>데이터를 프로젝트에 포함</translation>
    </message>
    <message>
        <source>Store the imported data inside the project file, so it opens anywhere; unticked, the project refers to the file by path and checksum (smaller, faster to save)</source>
        <translation>가져온 데이터를 프로젝트 파일 안에 저장해 어디서든 열 수 있게 합니다. 선택하지 않으면 프로젝트가 경로와 체크섬으로 파일을 참조합니다(더 작고 저장이 빠릅니다)</translation>
    </message>
    <message>
        <source>Use data: {name}</source>
        <translation>데이터 사용: {name}</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <source>Cannot import data</source>
        <translation>데이터를 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>Imported {name}: {samples}, {features}, {kind}</source>
        <translation>{name}을(를) 가져왔습니다: {samples}, {features}, {kind}</translation>
    </message>
    <message>
        <source>Cannot refer to the data file</source>
        <translation>데이터 파일을 참조할 수 없습니다</translation>
    </message>
    <message>
        <source>Refer to the data file</source>
        <translation>데이터 파일 참조</translation>
    </message>
    <message>
        <source>Data file not found</source>
        <translation>데이터 파일을 찾을 수 없음</translation>
    </message>
    <message>
        <source>Data file cannot be read</source>
        <translation>데이터 파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>Data file has changed</source>
        <translation>데이터 파일이 바뀜</translation>
    </message>
    <message>
        <source>{error}

Choose Open to locate the file, or Ignore to work without its data (the project keeps referring to it).</source>
        <translation>{error}

파일을 찾으려면 열기를, 데이터 없이 작업하려면 무시를 선택하세요(프로젝트는 계속 그 파일을 참조합니다).</translation>
    </message>
    <message>
        <source>Locate {name}</source>
        <translation>{name} 찾기</translation>
    </message>
    <message>
        <source>Not the same file</source>
        <translation>같은 파일이 아님</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>{path} is not the file this project was made with: its SHA-256 checksum differs from that of {original}. Locate the original file.</source>
        <translation>{path}은(는) 이 프로젝트를 만들 때 쓴 파일이 아닙니다: SHA-256 체크섬이 {original}의 체크섬과 다릅니다. 원래 파일을 찾으세요.</translation>
    </message>
    <message>
        <source>{title} is not on this computer yet.</source>
        <translation>{title}이(가) 아직 이 컴퓨터에 없습니다.</translation>
    </message>
    <message>
        <source>Download ({mb} MB)…</source>
        <translation>내려받기 ({mb} MB)…</translation>
    </message>
    <message>
        <source>Download the data set this project uses (about {mb} MB) into the cache folder, once; then the project opens with it</source>
        <translation>이 프로젝트가 쓰는 데이터셋(약 {mb} MB)을 캐시 폴더에 한 번 내려받습니다. 그러면 프로젝트가 그 데이터와 함께 열립니다</translation>
    </message>
    <message>
        <source>Without its data: {name} cannot be read.</source>
        <translation>데이터 없이 열림: {name} 파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Without its data: {name} has moved or changed.</source>
        <translation>데이터 없이 열림: {name} 파일이 옮겨졌거나 바뀌었습니다.</translation>
    </message>
    <message>
        <source>No data set chosen.</source>
        <translation>선택한 데이터셋이 없습니다.</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>데이터를 불러오는 중…</translation>
    </message>
    <message>
        <source>The data could not be loaded.</source>
        <translation>데이터를 불러올 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation>
            <numerusform>클래스 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class</source>
        <translation>
            <numerusform>클래스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>{samples} · {features} · {kind}</source>
        <translation>{samples} · {features} · {kind}</translation>
    </message>
    <message numerus="yes">
        <source>%n target value</source>
        <translation>
            <numerusform>정답 값 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target values</source>
        <translation>
            <numerusform>정답 값 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample</source>
        <translation>
            <numerusform>샘플 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n samples</source>
        <translation>
            <numerusform>샘플 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature</source>
        <translation>
            <numerusform>특징 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n features</source>
        <translation>
            <numerusform>특징 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; is downloaded once (about {mb} MB, four files) into&lt;br&gt;&lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;and then used offline.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;은(는) 한 번만 내려받아(약 {mb} MB, 파일 4개)&lt;br&gt;&lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;에 저장하고, 그다음부터는 오프라인으로 사용합니다.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Show the cache folder in the file manager</source>
        <translation>파일 관리자에서 캐시 폴더 보기</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>내려받기 실패</translation>
    </message>
    <message>
        <source>What each server answered: {details}</source>
        <translation>서버별 응답: {details}</translation>
    </message>
    <message>
        <source>Downloading {title}</source>
        <translation>{title} 내려받는 중</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>Checking {file} ({index} of {count})…</source>
        <translation>{file} 확인하는 중 ({count}개 중 {index}번째)…</translation>
    </message>
    <message>
        <source>{file} ({index} of {count}): {done} of {total}</source>
        <translation>{file} ({index}/{count}): {done}/{total}</translation>
    </message>
    <message>
        <source>{file} ({index} of {count}): {done}</source>
        <translation>{file} ({index}/{count}): {done}</translation>
    </message>
    <message>
        <source>Or put the four files ({files}) in {folder} by hand (Open folder shows it); NetCanvas checks them when you choose {title} again.</source>
        <translation>또는 파일 네 개({files})를 {folder}에 직접 넣으세요(폴더 열기로 열 수 있습니다). {title}을(를) 다시 선택하면 NetCanvas가 확인합니다.</translation>
    </message>
    <message>
        <source>Replace it with the original file, or delete it and choose {title} again to download it.</source>
        <translation>원본 파일로 바꾸거나, 지우고 {title}을(를) 다시 선택해 내려받으세요.</translation>
    </message>
    <message>
        <source>Replace them with the original files, or delete them and choose {title} again to download them.</source>
        <translation>원본 파일로 바꾸거나, 지우고 {title}을(를) 다시 선택해 내려받으세요.</translation>
    </message>
    <message>
        <source>Connect to the internet and choose {title} again.</source>
        <translation>인터넷에 연결하고 {title}을(를) 다시 선택하세요.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time, then choose {title} again. On a school or company network, ask for its certificate: NetCanvas trusts it when the environment variable REQUESTS_CA_BUNDLE names its file.</source>
        <translation>이 컴퓨터의 날짜와 시간을 확인하고 {title}을(를) 다시 선택하세요. 학교나 회사 네트워크라면 그 네트워크의 인증서를 요청하세요: 환경 변수 REQUESTS_CA_BUNDLE이 그 파일을 가리키면 NetCanvas가 그 인증서를 믿습니다.</translation>
    </message>
    <message>
        <source>Check that the server at {url} is running, or ask whoever set NETCANVAS_DATA_MIRROR on this computer; without it, NetCanvas uses the public mirrors.</source>
        <translation>{url}의 서버가 켜져 있는지 확인하거나, 이 컴퓨터에 NETCANVAS_DATA_MIRROR를 설정한 사람에게 물어보세요. 이 변수가 없으면 NetCanvas는 공개 미러를 씁니다.</translation>
    </message>
    <message>
        <source>Choose {title} again to try once more (later, if it fails again).</source>
        <translation>{title}을(를) 다시 선택해 한 번 더 시도하세요(또 실패하면 나중에).</translation>
    </message>
    <message>
        <source>The download did not work: {error}

You can still import your own data with “{button}”.</source>
        <translation>내려받지 못했습니다: {error}

“{button}”로 가진 데이터를 가져올 수는 있습니다.</translation>
    </message>
    <message>
        <source>{problem}

{todo}

You can still import your own data with “{button}”.</source>
        <translation>{problem}

{todo}

“{button}”로 가진 데이터를 가져올 수는 있습니다.</translation>
    </message>
</context>
<context>
    <name>NodeKindButton</name>
    <message>
        <source>{help}&lt;br&gt;&lt;i&gt;Drag onto the canvas, or click (Space) to add one on a free spot beside the selected node or in the middle.&lt;/i&gt;</source>
        <extracomment>the device pixel ratios the palette&apos;s icons are drawn for: 100 %, 200 % and 300 % screens (Qt scales the nearest one for 125 %, 150 % …)</extracomment>
        <translation>{help}&lt;br&gt;&lt;i&gt;캔버스로 드래그하세요(클릭하거나 Space 키를 누르면 선택한 노드 옆이나 가운데의 빈자리에 추가합니다).&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>Drag onto the canvas; connect by dragging from a node&apos;s right port.</source>
        <translation>캔버스로 드래그하세요. 노드의 오른쪽 포트에서 드래그하면 연결됩니다.</translation>
    </message>
</context>
<context>
    <name>PredictionsPanel</name>
    <message>
        <source>row</source>
        <extracomment>the table&apos;s own column names (the data&apos;s feature names come from core)</extracomment>
        <translation>행</translation>
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
        <source>predicted</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오차</translation>
    </message>
    <message>
        <source>mean |error|</source>
        <translation>평균 |오차|</translation>
    </message>
    <message>
        <source>How far the output is from the target: |output − target|.</source>
        <extracomment>what a regression&apos;s error column holds, said on its header</extracomment>
        <translation>출력이 정답에서 얼마나 떨어져 있는지: |출력 − 정답|.</translation>
    </message>
    <message>
        <source>The mean absolute error of the row: |output − target| of each output, averaged over the outputs.</source>
        <translation>이 행의 평균 절대 오차: 출력마다 |출력 − 정답|을 구해 평균한 값입니다.</translation>
    </message>
    <message>
        <source>Predictions for each row</source>
        <extracomment>the settings the predictions depend on: the inputs are standardised as training does it</extracomment>
        <translation>행마다의 예측</translation>
    </message>
    <message>
        <source>The network&apos;s answer for each row with its current weights. Green rows are right, red rows wrong. Edit a weight on the canvas and watch this change.</source>
        <translation>현재 가중치로 신경망이 각 행에 내놓는 답입니다. 초록색 행은 맞고 빨간색 행은 틀렸습니다. 캔버스에서 가중치를 고치며 이 표가 바뀌는 것을 지켜보세요.</translation>
    </message>
    <message>
        <source>Truth table</source>
        <translation>진리표</translation>
    </message>
    <message>
        <source>First rows of the data</source>
        <translation>데이터의 앞부분</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {data}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {data}</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>✓ The network is complete: it can be trained.</source>
        <translation>✓ 신경망이 완성되었습니다. 학습할 수 있습니다.</translation>
    </message>
    <message>
        <source>Problems to fix before training</source>
        <extracomment>where the problems come from, asked again when the language changes (the messages are made by core in the language of the moment); see :func:`connect_dismissals`</extracomment>
        <translation>학습 전에 해결할 문제</translation>
    </message>
    <message>
        <source>Everything that stops this network from being trained. Click a line to select the nodes it is about.</source>
        <translation>이 신경망을 학습하지 못하게 막는 모든 것입니다. 줄을 클릭하면 해당 노드를 선택합니다.</translation>
    </message>
    <message>
        <source>Warnings this project shows on purpose are not listed; list them again</source>
        <translation>이 프로젝트가 일부러 보여 주는 경고는 목록에 없습니다. 다시 목록에 넣습니다</translation>
    </message>
    <message>
        <source>Show {n} dismissed warning</source>
        <translation>숨긴 경고 {n}개 보기</translation>
    </message>
    <message>
        <source>Show {n} dismissed warnings</source>
        <translation>숨긴 경고 {n}개 보기</translation>
    </message>
    <message>
        <source>&lt;b&gt;The project&apos;s data could not be loaded&lt;/b&gt;</source>
        <translation>&lt;b&gt;프로젝트의 데이터를 불러올 수 없습니다&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training cannot start from these weights&lt;/b&gt;</source>
        <translation>&lt;b&gt;이 가중치로는 학습을 시작할 수 없습니다&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n} step</source>
        <translation>{n}단계</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n}단계</translation>
    </message>
    <message>
        <source>&lt;b&gt;{steps}&lt;/b&gt; to go before the network can be trained</source>
        <translation>신경망을 학습할 수 있게 되기까지 &lt;b&gt;{steps}&lt;/b&gt; 남았습니다</translation>
    </message>
    <message>
        <source>{n} problem</source>
        <translation>문제 {n}개</translation>
    </message>
    <message>
        <source>{n} problems</source>
        <translation>문제 {n}개</translation>
    </message>
    <message>
        <source>&lt;b&gt;{problems}&lt;/b&gt; to fix and &lt;b&gt;{steps}&lt;/b&gt; left before training</source>
        <translation>학습 전에 해결할 &lt;b&gt;{problems}&lt;/b&gt;, 남은 &lt;b&gt;{steps}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Give {node} {n} units</source>
        <translation>{node}에 뉴런 {n}개 주기</translation>
    </message>
    <message>
        <source>One unit per column of the data: the input node takes every feature (one undoable edit; the weights leaving it start afresh)</source>
        <translation>데이터의 열마다 뉴런 하나: 입력 노드가 모든 특성을 받습니다 (되돌릴 수 있는 편집 하나이며, 이 노드에서 나가는 가중치는 새로 시작합니다)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} problem&lt;/b&gt; to fix before training</source>
        <translation>학습 전에 해결할 &lt;b&gt;문제 {n}개&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} problems&lt;/b&gt; to fix before training</source>
        <translation>학습 전에 해결할 &lt;b&gt;문제 {n}개&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network does not fit the data yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;신경망이 아직 데이터와 맞지 않습니다&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n} warning worth reading:</source>
        <translation>읽어 볼 만한 경고 {n}개:</translation>
    </message>
    <message>
        <source>{n} warnings worth reading:</source>
        <translation>읽어 볼 만한 경고 {n}개:</translation>
    </message>
    <message>
        <source>One unit per class (or target value) of the data (one undoable edit; the weights into the node start afresh)</source>
        <translation>데이터의 클래스마다(또는 정답마다) 뉴런 하나 (되돌릴 수 있는 편집 하나이며, 이 노드로 들어오는 가중치는 새로 시작합니다)</translation>
    </message>
    <message>
        <source>Dismiss warning {id}</source>
        <translation>경고 {id} 숨기기</translation>
    </message>
    <message>
        <source>Show dismissed warnings</source>
        <translation>숨긴 경고 보기</translation>
    </message>
</context>
<context>
    <name>WarningRow</name>
    <message>
        <source>Show me</source>
        <translation>실습 열기</translation>
    </message>
    <message>
        <source>Open the lab “{lab}”, which shows this effect</source>
        <translation>이 효과를 보여 주는 실습 “{lab}” 열기</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <source>This project shows it on purpose: stop listing this warning here (saved with the project; Undo brings it back)</source>
        <translation>이 프로젝트는 일부러 이 현상을 보여 줍니다. 이 경고를 여기서 더는 표시하지 않습니다(프로젝트와 함께 저장되며, 실행 취소하면 돌아옵니다)</translation>
    </message>
</context>
</TS>
