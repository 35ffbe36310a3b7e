<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NetCanvas</source>
        <translation>NetCanvas 정보</translation>
    </message>
    <message>
        <source>unknown (NetCanvas is not installed as a package)</source>
        <translation>알 수 없음(NetCanvas가 패키지로 설치되어 있지 않습니다)</translation>
    </message>
    <message>
        <source>Build neural networks by hand on a canvas and watch them learn.</source>
        <translation>캔버스에서 신경망을 손으로 만들고, 학습하는 모습을 지켜보세요.</translation>
    </message>
    <message>
        <source>Made for students of the book &lt;b&gt;Deep Learning from Scratch&lt;/b&gt; by Saito Koki (O&apos;Reilly Japan), in Korean &lt;b&gt;밑바닥부터 시작하는 딥러닝&lt;/b&gt; (Hanbit Media). NetCanvas follows its chapters; it is not part of the book.</source>
        <translation>사이토 고키의 책 &lt;b&gt;『밑바닥부터 시작하는 딥러닝』&lt;/b&gt;(한빛미디어, 원서 &lt;b&gt;Deep Learning from Scratch&lt;/b&gt;, O&apos;Reilly Japan)으로 공부하는 학생을 위해 만들었습니다. NetCanvas는 이 책의 장을 따라가지만, 책의 일부는 아닙니다.</translation>
    </message>
    <message>
        <source>Version: {version}</source>
        <translation>버전: {version}</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>라이선스: {licence}</translation>
    </message>
    <message>
        <source>Built on:</source>
        <translation>사용한 라이브러리:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your project is still open; save it under a new name to be safe.</source>
        <translation>문제가 발생했습니다: {error}

프로젝트는 아직 열려 있습니다. 안전하게 다른 이름으로 저장하세요.</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>a recovery copy</source>
        <translation>복구용 사본</translation>
    </message>
    <message>
        <source>Restored unsaved work of {name}. Save it to keep it.</source>
        <translation>{name}의 저장하지 않은 작업을 복원했습니다. 유지하려면 저장하세요.</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>자동 저장에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>The project “{title}”, saved as {path}; its unsaved changes were copied on {date} at {time}.</source>
        <translation>프로젝트 “{title}”({path}로 저장됨)의 저장하지 않은 변경 사항을 {date} {time}에 복사했습니다.</translation>
    </message>
    <message>
        <source>The project, saved as {path}; its unsaved changes were copied on {date} at {time}.</source>
        <translation>프로젝트({path}로 저장됨)의 저장하지 않은 변경 사항을 {date} {time}에 복사했습니다.</translation>
    </message>
    <message>
        <source>The project “{title}”, never saved (untitled); its unsaved changes were copied on {date} at {time}.</source>
        <translation>한 번도 저장하지 않은 프로젝트 “{title}”(제목 없음)의 저장하지 않은 변경 사항을 {date} {time}에 복사했습니다.</translation>
    </message>
    <message>
        <source>The project, never saved (untitled); its unsaved changes were copied on {date} at {time}.</source>
        <translation>한 번도 저장하지 않은 프로젝트(제목 없음)의 저장하지 않은 변경 사항을 {date} {time}에 복사했습니다.</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>NetCanvas ended without saving {name}. Restore the unsaved work?</source>
        <translation>NetCanvas가 {name}을(를) 저장하지 않고 종료되었습니다. 저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Ask Next Time</source>
        <translation>다음에 묻기</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <source>Cancel</source>
        <extracomment>a wait for a save shows its dialog only when it lasts this long (the status bar says it at once) input a busy window ignores (painting, timers and resizing go on)</extracomment>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>DiskStamp</name>
    <message>
        <source>File changed on disk</source>
        <translation>디스크의 파일이 바뀌었습니다</translation>
    </message>
    <message>
        <source>“{name}” was changed on disk after this window opened or saved it — by another NetCanvas window or another program. Saving replaces those changes with yours.

Save anyway? To keep both, cancel and use {save_as}.</source>
        <translation>“{name}” 파일은 이 창에서 열거나 저장한 뒤에 디스크에서 바뀌었습니다 — 다른 NetCanvas 창이나 다른 프로그램이 바꾼 것입니다. 저장하면 그 변경 내용이 이 창의 내용으로 바뀝니다.

그래도 저장할까요? 둘 다 남기려면 취소하고 {save_as}을 쓰세요.</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>&amp;PyTorch…</source>
        <translation>PyTorch(&amp;P)…</translation>
    </message>
    <message>
        <source>To keep training beyond NetCanvas: a torch.nn.Module holding these weights and a training script that also runs on a GPU or several machines (torchrun).</source>
        <translation>NetCanvas 밖에서 학습을 이어 가려면: 이 가중치를 담은 torch.nn.Module과, GPU나 여러 대의 컴퓨터(torchrun)에서도 실행되는 학습 스크립트를 씁니다.</translation>
    </message>
    <message>
        <source>A new folder (*)</source>
        <translation>새 폴더 (*)</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>ONNX(&amp;O)…</translation>
    </message>
    <message>
        <source>To use the network in another program: ONNX runtimes run it from Python, C++, C#, Java, a browser or a phone, without NetCanvas or Python.</source>
        <translation>다른 프로그램에서 신경망을 쓰려면: ONNX 런타임이 NetCanvas나 Python 없이 Python, C++, C#, Java, 브라우저, 휴대폰에서 실행합니다.</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>&amp;NumPy Script…</source>
        <translation>NumPy 스크립트(&amp;N)…</translation>
    </message>
    <message>
        <source>To read and change every step: a plain-NumPy program in the book&apos;s style, each layer&apos;s forward and backward and the optimizer&apos;s rule written out.</source>
        <translation>모든 단계를 읽고 고치려면: 책의 방식을 따른 순수 NumPy 프로그램으로, 각 층의 순전파와 역전파, 갱신 방법의 규칙을 모두 풀어 씁니다.</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>NumPy weights (*.npz);;All files (*)</source>
        <translation>NumPy 가중치 (*.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Put weights trained elsewhere back onto this network: an .npz under NetCanvas&apos;s names (W1, b1, …), as the exported train.py --out writes it. Every name and shape is checked; one Undo takes them back.</source>
        <translation>다른 곳에서 학습한 가중치를 이 신경망에 되돌려 넣습니다: 내보낸 train.py --out이 쓰는 것처럼 NetCanvas의 이름(W1, b1, …)으로 된 .npz 파일입니다. 모든 이름과 형상을 확인하며, 실행 취소 한 번으로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>The network is untrained: exported its initial weights, drawn from seed {seed}.</source>
        <extracomment>formats exported in a child process: the window&apos;s process never imports onnx</extracomment>
        <translation>신경망을 학습하지 않아서 가중치 초깃값(시드 {seed})을 내보냈습니다.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기에 실패했습니다</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>{purpose} Writes {what}.</source>
        <translation>{purpose} 쓰는 것: {what}.</translation>
    </message>
    <message>
        <source>&amp;Import Weights…</source>
        <translation>가중치 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>An export is still being written.</source>
        <translation>내보내기를 아직 쓰는 중입니다.</translation>
    </message>
    <message>
        <source>Writing the {format} export…</source>
        <translation>{format} 내보내기를 쓰는 중…</translation>
    </message>
    <message>
        <source>Export as {format}</source>
        <translation>{format}로 내보내기</translation>
    </message>
    <message>
        <source>Export as {format} — name a new folder</source>
        <translation>{format}로 내보내기 — 새 폴더 이름을 정하세요</translation>
    </message>
    <message>
        <source>Replace folder?</source>
        <translation>폴더를 바꿀까요?</translation>
    </message>
    <message>
        <source>{folder} holds files already. Replace it with the export?</source>
        <translation>{folder}에 이미 파일이 있습니다. 내보내기로 바꿀까요?</translation>
    </message>
    <message>
        <source>Exported the network as {format} to this folder:</source>
        <translation>신경망을 {format}로 이 폴더에 내보냈습니다:</translation>
    </message>
    <message>
        <source>The timeline shows an earlier epoch; the export holds the latest weights, after epoch {epoch}, as Save does. To export the epoch on show, press Continue from here, then export again.</source>
        <translation>타임라인이 이전 에폭을 보여 주고 있지만, 내보내기에는 저장할 때와 같이 에폭 {epoch} 이후의 최신 가중치가 들어 있습니다. 보이는 에폭을 내보내려면 여기서 계속을 누른 뒤 다시 내보내세요.</translation>
    </message>
    <message>
        <source>Exported {format} to {path}.</source>
        <translation>{format}를 {path}에 내보냈습니다.</translation>
    </message>
    <message>
        <source>Exported as {format}</source>
        <translation>{format}로 내보냄</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Cannot import weights</source>
        <translation>가중치를 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>Import weights</source>
        <translation>가중치 가져오기</translation>
    </message>
    <message>
        <source>Import weights from {file}</source>
        <translation>{file}에서 가중치 가져오기</translation>
    </message>
    <message>
        <source>Weights imported</source>
        <translation>가중치를 가져옴</translation>
    </message>
    <message>
        <source>Imported the weights of {file}: {words} (Undo takes them back)</source>
        <translation>{file}의 가중치를 가져왔습니다: {words} (실행 취소로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <source>Imported the weights of {file} (Undo takes them back).</source>
        <translation>{file}의 가중치를 가져왔습니다(실행 취소로 되돌릴 수 있습니다).</translation>
    </message>
    <message>
        <source>Cannot export as {format}</source>
        <translation>{format}로 내보낼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>NetCanvas projects (*{suffix});;All files (*)</source>
        <translation>NetCanvas 프로젝트 (*{suffix});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <extracomment>the titles of File ▸ Open Recent and File ▸ Examples</extracomment>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>예제(&amp;E)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <extracomment>writes project files off the GUI thread (autosave shares it: one write at a time) the file as this window last read or wrote it: Save asks before replacing changes made to it since by another window or program while training runs, the history that goes with the weights shown (set by the window) the training timeline to store with the project, and where an opened one goes the optimizer state that goes with the document&apos;s weights (the window shares the training session&apos;s)</extracomment>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>예제를 열 수 없습니다</translation>
    </message>
    <message>
        <source>There is no example called {name}.</source>
        <translation>{name}(이)라는 예제가 없습니다.</translation>
    </message>
    <message>
        <source>Finishing the save before opening {name}…</source>
        <translation>{name}을(를) 열기 전에 저장을 마치는 중…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} 여는 중…</translation>
    </message>
    <message>
        <source>Opening {name} was cancelled.</source>
        <translation>{name} 열기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Cannot restore unsaved work</source>
        <translation>저장하지 않은 작업을 복원할 수 없습니다</translation>
    </message>
    <message>
        <source>NetCanvas kept a copy of the unsaved work of {name}, but the copy cannot be opened:
{error}

The copy is kept: you are asked again at the next start, where Discard deletes it.</source>
        <translation>NetCanvas가 {name}의 저장하지 않은 작업을 복사해 두었지만, 그 복사본을 열 수 없습니다:
{error}

복사본은 남겨 둡니다: 다음에 시작할 때 다시 묻고, 그때 ‘버리기’를 고르면 지워집니다.</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened “{name}”.</source>
        <translation>“{name}”을(를) 열었습니다.</translation>
    </message>
    <message>
        <source>The folder {folder} no longer exists: choose where to save {name}.</source>
        <translation>{folder} 폴더가 더 이상 없습니다: {name}을(를) 저장할 곳을 고르세요.</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>프로젝트를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Your work is still open and not saved: choose another folder or name with {save_as}.</source>
        <translation>작업은 아직 열려 있고 저장되지 않았습니다: {save_as}으로 다른 폴더나 이름을 고르세요.</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>{name} 저장하는 중…</translation>
    </message>
    <message>
        <source>Waiting for {name} to be saved…</source>
        <translation>{name} 저장이 끝나기를 기다리는 중…</translation>
    </message>
    <message>
        <source>Waiting for the project to be saved…</source>
        <translation>프로젝트 저장이 끝나기를 기다리는 중…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved. Save them first?</source>
        <translation>“{name}”에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>{error}; it was removed from {menu}.</source>
        <translation>{error}. {menu}에서 지웠습니다.</translation>
    </message>
    <message>
        <source>{name} was not opened: save or close the restored work, then open it ({menu}).</source>
        <translation>{name}은(는) 열지 않았습니다: 복원한 작업을 저장하거나 닫은 다음 여세요({menu}).</translation>
    </message>
    <message>
        <source>{name} (not found)</source>
        <translation>{name} (찾을 수 없음)</translation>
    </message>
    <message>
        <source>(no recent projects)</source>
        <translation>(최근 프로젝트 없음)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
</context>
<context>
    <name>FileDrops</name>
    <message>
        <source>Drop one file at a time: a project to open it, a data file to import it.</source>
        <translation>파일은 하나씩 끌어다 놓으세요: 프로젝트는 열리고, 데이터 파일은 가져옵니다.</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name}을(를) 가져오지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>{name} was not imported: another import is still running.</source>
        <translation>{name}을(를) 가져오지 않았습니다: 다른 가져오기가 아직 진행 중입니다.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language not remembered</source>
        <translation>언어를 기억하지 못함</translation>
    </message>
    <message>
        <source>NetCanvas speaks this language now, but could not keep the choice for the next start: the folder {folder} cannot be written.</source>
        <translation>NetCanvas가 이제 이 언어로 표시되지만, 다음 실행 때를 위해 선택을 저장하지 못했습니다: 폴더 {folder}에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The language of menus, panels, labs and messages</source>
        <translation>메뉴, 패널, 실습과 메시지의 언어</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>실행 취소(&amp;U): {step}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>다시 실행(&amp;R): {step}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo {step}</source>
        <translation>실행 취소: {step}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo {step}</source>
        <translation>다시 실행: {step}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drag a node from the left onto the canvas to begin.</source>
        <extracomment>the limits of View ▸ Neuron view… (above, a 784-unit input is drawn neuron by neuron)</extracomment>
        <translation>왼쪽에서 노드를 캔버스로 드래그해 시작하세요.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>“{action}” could not be done, so nothing was changed: an internal error (the details went to the error output).</source>
        <translation>“{action}” 작업을 할 수 없어 아무것도 바꾸지 않았습니다: 내부 오류입니다(자세한 내용은 오류 출력에 남겼습니다).</translation>
    </message>
    <message>
        <source>The oldest steps of the undo history were let go to keep memory.</source>
        <translation>메모리를 아끼려고 실행 취소 기록의 가장 오래된 단계들을 지웠습니다.</translation>
    </message>
    <message>
        <source>The data set could not be loaded: {error}</source>
        <translation>데이터셋을 불러올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Unknown node kind {kind}.</source>
        <translation>알 수 없는 노드 종류입니다: {kind}.</translation>
    </message>
    <message>
        <source>Added {node}. Connect it by dragging from its right port, or select two nodes (Tab, Ctrl+Tab) and press {connect}.</source>
        <translation>{node}을(를) 추가했습니다. 오른쪽 출력 포트에서 드래그하거나, 두 노드를 선택하고(Tab, Ctrl+Tab) {connect}를 눌러 연결하세요.</translation>
    </message>
    <message>
        <source>Copied {n} node.</source>
        <translation>노드 {n}개를 복사했습니다.</translation>
    </message>
    <message>
        <source>Copied {n} nodes.</source>
        <translation>노드 {n}개를 복사했습니다.</translation>
    </message>
    <message>
        <source>Cut copies nodes: select nodes to cut, or press Delete to remove the selected connections.</source>
        <translation>잘라내기는 노드를 복사합니다: 잘라낼 노드를 선택하거나, 선택한 연결을 지우려면 Delete 키를 누르세요.</translation>
    </message>
    <message>
        <source>Cut {n} node</source>
        <translation>노드 {n}개 잘라내기</translation>
    </message>
    <message>
        <source>Cut {n} nodes</source>
        <translation>노드 {n}개 잘라내기</translation>
    </message>
    <message>
        <source>Cut {n} node.</source>
        <translation>노드 {n}개를 잘라냈습니다.</translation>
    </message>
    <message>
        <source>Cut {n} nodes.</source>
        <translation>노드 {n}개를 잘라냈습니다.</translation>
    </message>
    <message>
        <source>Cannot paste these nodes: {reason}.</source>
        <translation>이 노드들을 붙여넣을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Nothing to paste: copy some nodes first.</source>
        <translation>붙여넣을 것이 없습니다: 먼저 노드를 복사하세요.</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>자동 배치</translation>
    </message>
    <message>
        <source>Neuron view</source>
        <translation>뉴런 보기</translation>
    </message>
    <message>
        <source>Draw every neuron and weight for nodes with at most this many units:</source>
        <translation>뉴런 수가 이 값 이하인 노드는 모든 뉴런과 가중치를 그립니다:</translation>
    </message>
    <message>
        <source>How to build a network</source>
        <translation>신경망 만드는 법</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build a network by hand&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Choose a data set on the left (try the AND or XOR gate).&lt;/li&gt;&lt;li&gt;Drag &lt;b&gt;Input&lt;/b&gt;, &lt;b&gt;Hidden&lt;/b&gt; and &lt;b&gt;Output&lt;/b&gt; nodes onto the canvas.&lt;/li&gt;&lt;li&gt;Drag from a node&apos;s right port to another node to connect them. Refused targets turn red and the status bar says why.&lt;/li&gt;&lt;li&gt;Select a node to set its units and activation in the inspector.&lt;/li&gt;&lt;li&gt;Double-click a weight line or a neuron to type a weight or bias, and watch the predictions change.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Wheel: zoom · middle-drag or Space+drag: pan · drag on empty canvas: select.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;손으로 신경망 만들기&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;왼쪽에서 데이터셋을 선택하세요(AND 게이트나 XOR 게이트부터 해 보세요).&lt;/li&gt;&lt;li&gt;&lt;b&gt;입력&lt;/b&gt;, &lt;b&gt;은닉&lt;/b&gt;, &lt;b&gt;출력&lt;/b&gt; 노드를 캔버스로 드래그하세요.&lt;/li&gt;&lt;li&gt;노드의 오른쪽 포트에서 다른 노드로 드래그하면 연결됩니다. 연결할 수 없는 대상은 빨간색으로 바뀌고, 상태 표시줄이 그 이유를 알려 줍니다.&lt;/li&gt;&lt;li&gt;노드를 선택하면 속성 패널에서 뉴런 수와 활성화 함수를 정할 수 있습니다.&lt;/li&gt;&lt;li&gt;가중치 선이나 뉴런을 두 번 클릭해 가중치나 편향을 입력하고, 예측값이 바뀌는 것을 지켜보세요.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;휠: 확대/축소 · 가운데 버튼 드래그 또는 Space+드래그: 화면 이동 · 빈 캔버스에서 드래그: 선택&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build with the keyboard&lt;/h3&gt;&lt;p&gt;With the canvas focused, &lt;b&gt;{tab}&lt;/b&gt; selects the next node and &lt;b&gt;{add}&lt;/b&gt; adds it to the selection; &lt;b&gt;]&lt;/b&gt; and &lt;b&gt;[&lt;/b&gt; select the next and previous connection (of the selected node, else of all). The arrow keys move the selected nodes (Shift: further; while Explain steps through a row, Alt+arrow keys). &lt;b&gt;{connect}&lt;/b&gt; ({connect_key}) in the &lt;b&gt;{edit}&lt;/b&gt; menu connects the two selected nodes, and &lt;b&gt;{delete}&lt;/b&gt; ({delete_key}) removes what is selected. &lt;b&gt;{values}&lt;/b&gt; ({values_key}) types the biases of the selected node and the weights coming into it, or the weights of the selected connection ({tab}: the next value). &lt;b&gt;{shortcuts}&lt;/b&gt; ({shortcuts_key}) lists every key.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;키보드로 만들기&lt;/h3&gt;&lt;p&gt;캔버스에 포커스가 있을 때 &lt;b&gt;{tab}&lt;/b&gt; 키로 다음 노드를 선택하고, &lt;b&gt;{add}&lt;/b&gt; 키로 그 노드를 선택에 더합니다. &lt;b&gt;]&lt;/b&gt;와 &lt;b&gt;[&lt;/b&gt; 키는 다음 연결과 이전 연결을 선택합니다(선택한 노드의 연결, 없으면 모든 연결). 화살표 키는 선택한 노드를 옮깁니다(Shift: 더 멀리, 단계별 설명이 행 하나를 단계별로 보여 주는 동안에는 Alt+화살표 키). &lt;b&gt;{edit}&lt;/b&gt; 메뉴의 &lt;b&gt;{connect}&lt;/b&gt;({connect_key}) 명령으로 선택한 두 노드를 연결하고, &lt;b&gt;{delete}&lt;/b&gt;({delete_key}) 명령으로 선택한 것을 삭제합니다. &lt;b&gt;{values}&lt;/b&gt;({values_key}) 명령으로 선택한 노드의 편향과 그 노드로 들어오는 가중치, 또는 선택한 연결의 가중치를 입력합니다({tab}: 다음 값). 모든 키는 &lt;b&gt;{shortcuts}&lt;/b&gt;({shortcuts_key})에서 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;To add a node, press {tab} until &lt;b&gt;{input}&lt;/b&gt;, &lt;b&gt;{hidden}&lt;/b&gt; or &lt;b&gt;{output}&lt;/b&gt; on the left has the focus, then Space: the node lands on a free spot beside the selected node, or in the middle of the view. &lt;b&gt;{go}&lt;/b&gt; ({go_key}) brings the focus back to the canvas from anywhere.&lt;/p&gt;</source>
        <extracomment>how a keyboard user adds a node and gets back to the canvas (the paragraph above starts on the canvas, and the palette said only &quot;drag&quot;)</extracomment>
        <translation>&lt;p&gt;노드를 추가하려면 왼쪽의 &lt;b&gt;{input}&lt;/b&gt;, &lt;b&gt;{hidden}&lt;/b&gt;, &lt;b&gt;{output}&lt;/b&gt; 중 하나에 포커스가 갈 때까지 {tab} 키를 누른 다음 Space 키를 누릅니다. 노드는 선택한 노드 옆의 빈자리, 또는 화면 가운데의 빈자리에 놓입니다. 어디에서든 &lt;b&gt;{go}&lt;/b&gt;({go_key}) 명령으로 포커스를 캔버스로 되돌립니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Train it, bring data, explore&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{train}&lt;/b&gt; ({key}) in the &lt;b&gt;{training}&lt;/b&gt; menu trains the network on the data set; watch the loss fall. &lt;b&gt;{import_data}&lt;/b&gt; under the data sets brings your own CSV, NPZ or MNIST files. &lt;b&gt;{examples}&lt;/b&gt; opens ready-made projects, and the &lt;b&gt;{labs}&lt;/b&gt; menu holds experiments from the book.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;학습하고, 데이터를 가져오고, 탐색하기&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{training}&lt;/b&gt; 메뉴의 &lt;b&gt;{train}&lt;/b&gt;({key})은 데이터셋으로 신경망을 학습합니다. 손실이 줄어드는 것을 지켜보세요. 데이터셋 아래의 &lt;b&gt;{import_data}&lt;/b&gt;로 직접 준비한 CSV, NPZ, MNIST 파일을 가져옵니다. &lt;b&gt;{examples}&lt;/b&gt;에서 미리 만든 프로젝트를 열고, &lt;b&gt;{labs}&lt;/b&gt; 메뉴에서 책의 실험을 해 보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build</source>
        <extracomment>the docks&apos; keys in ``MainWindow.docks`` (identifiers, English for good) → shown titles</extracomment>
        <translation>구성</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <extracomment>action name → (label, tip): the tip is the status tip and, after the label, the tooltip</extracomment>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty canvas</source>
        <translation>빈 캔버스로 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>프로젝트를 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>프로젝트를 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>프로젝트를 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close NetCanvas</source>
        <translation>NetCanvas를 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected nodes (with their connections) and connections</source>
        <translation>선택한 노드(연결 포함)와 연결을 삭제합니다</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Select every node</source>
        <translation>모든 노드를 선택합니다</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selected nodes with their weights, then delete them</source>
        <translation>선택한 노드를 가중치와 함께 복사한 뒤 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected nodes with their weights</source>
        <translation>선택한 노드를 가중치와 함께 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste copied nodes</source>
        <translation>복사한 노드를 붙여넣습니다</translation>
    </message>
    <message>
        <source>&amp;Auto-layout</source>
        <translation>자동 배치(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the nodes in columns by depth</source>
        <translation>노드를 깊이에 따라 열로 배치합니다</translation>
    </message>
    <message>
        <source>&amp;Go to Canvas</source>
        <translation>캔버스로 이동(&amp;G)</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the canvas, where Tab selects the nodes</source>
        <translation>키보드 포커스를 캔버스로 옮깁니다. 캔버스에서는 Tab으로 노드를 선택합니다</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation>신경망 전체를 보여 줍니다</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소합니다</translation>
    </message>
    <message>
        <source>&amp;Neuron View Limit…</source>
        <translation>뉴런 보기 한도(&amp;N)…</translation>
    </message>
    <message>
        <source>Nodes with up to this many units draw each neuron and weight</source>
        <translation>뉴런 수가 이 값 이하인 노드는 뉴런과 가중치를 하나하나 그립니다</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>전체 화면(&amp;U)</translation>
    </message>
    <message>
        <source>Show the window over the whole screen, for a projector (press again to leave)</source>
        <translation>창을 화면 전체에 띄웁니다. 프로젝터로 보여 줄 때 씁니다(다시 누르면 돌아옵니다)</translation>
    </message>
    <message>
        <source>&amp;Canvas Only</source>
        <translation>캔버스만 보기(&amp;C)</translation>
    </message>
    <message>
        <source>Hide the panels (Explain stays while it is open) and show the canvas as large as the window; press again to bring them back</source>
        <translation>패널을 숨기고(단계별 설명은 열려 있으면 남습니다) 캔버스를 창 가득 보여 줍니다. 다시 누르면 패널이 돌아옵니다</translation>
    </message>
    <message>
        <source>How to &amp;Build a Network</source>
        <translation>신경망 만드는 법(&amp;B)</translation>
    </message>
    <message>
        <source>A short guide</source>
        <translation>간단한 안내입니다</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Every key NetCanvas answers to, and where</source>
        <translation>NetCanvas에서 쓰는 모든 키와 그 키가 동작하는 곳을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;About NetCanvas</source>
        <translation>NetCanvas 정보(&amp;A)</translation>
    </message>
    <message>
        <source>The version, the licence and the book</source>
        <translation>버전, 라이선스, 그리고 책</translation>
    </message>
</context>
<context>
    <name>PlotMenu</name>
    <message>
        <source>&amp;Copy Image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as PNG…</source>
        <translation>PNG로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Show &amp;All</source>
        <translation>전체 보기(&amp;A)</translation>
    </message>
    <message>
        <source>Save the plot as PNG</source>
        <translation>그래프를 PNG로 저장</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Cannot save the image</source>
        <translation>이미지를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} 파일을 쓸 수 없습니다: {reason}.</translation>
    </message>
</context>
<context>
    <name>ProjectSaver</name>
    <message>
        <source>the file cannot be written ({reason})</source>
        <translation>파일을 쓸 수 없습니다({reason})</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Replace file?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <source>{name} exists already in {folder}. Replace it?</source>
        <translation>{folder}에 {name}이(가) 이미 있습니다. 바꿀까요?</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Wheel</source>
        <extracomment>a row of the list: (group — a menu path or a place —, what it does, its keys) the canvas&apos;s mouse gestures and keys handled in its widgets&apos; event handlers (gui/canvas: view.py pans and zooms, scene.py and value_editor.py take Escape and Enter)</extracomment>
        <translation>휠</translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Middle-drag, Space+drag</source>
        <translation>가운데 버튼 드래그, Space+드래그</translation>
    </message>
    <message>
        <source>Move the view (pan)</source>
        <translation>화면 이동</translation>
    </message>
    <message>
        <source>Drag on empty canvas</source>
        <translation>빈 캔버스에서 드래그</translation>
    </message>
    <message>
        <source>Select the nodes inside the rectangle</source>
        <translation>사각형 안의 노드를 선택</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>두 번 클릭</translation>
    </message>
    <message>
        <source>Type a weight (on a weight line) or a bias (on a neuron)</source>
        <translation>가중치(가중치 선에서)나 편향(뉴런에서) 입력</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Set the weight or bias being typed</source>
        <translation>입력한 가중치나 편향을 적용</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab (while typing a value)</source>
        <translation>Tab, Shift+Tab (값을 입력하는 중)</translation>
    </message>
    <message>
        <source>Set it and type the node&apos;s next (previous) value</source>
        <translation>값을 설정하고 노드의 다음(이전) 값을 입력</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the typing or the connection being dragged; else clear the selection</source>
        <translation>입력이나 드래그 중인 연결을 취소(없으면 선택 해제)</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>캔버스</translation>
    </message>
    <message>
        <source>{step} (not in tables or text boxes)</source>
        <translation>{step} (표나 입력란에 포커스가 있을 때는 제외)</translation>
    </message>
    <message>
        <source>Move the slider through the epochs (when it has the focus)</source>
        <translation>슬라이더로 에폭을 이동(슬라이더에 포커스가 있을 때)</translation>
    </message>
    <message>
        <source>Close the lab&apos;s window</source>
        <translation>실습 창 닫기</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Filter: type a command or a key</source>
        <translation>찾기: 명령이나 키를 입력하세요</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>the picture could not be made into a PNG</source>
        <translation>그림을 PNG로 만들 수 없습니다</translation>
    </message>
</context>
</TS>
