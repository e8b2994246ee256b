<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
    <context>
        <name />
        <message>
            <source>カレンダーを書き出す(&amp;C)…</source>
            <translation>Export &amp;calendar…</translation>
        </message>
        <message>
            <source>招待メールを送信(&amp;I)…</source>
            <translation>Send &amp;invitations…</translation>
        </message>
        <message>
            <source>送信済みメール(&amp;L)…</source>
            <translation>Sent mai&amp;l…</translation>
        </message>
        <message>
            <source>録画の送付と配信記録(&amp;R)…</source>
            <translation>&amp;Recording: send and log…</translation>
        </message>
        <message>
            <source>返信を取り込む(&amp;P)…</source>
            <translation>Re&amp;plies to invitations…</translation>
        </message>
        <message>
            <source>資料とリマインド(&amp;M)…</source>
            <translation>&amp;Materials and reminders…</translation>
        </message>
        <message>
            <source>メール設定(&amp;S)…</source>
            <translation>Mail &amp;settings…</translation>
        </message>
        <message>
            <source>参加者名簿(&amp;L)</source>
            <translation>Participant &amp;list</translation>
        </message>
        <message>
            <source>申込・出欠(&amp;R)</source>
            <translation>&amp;Registrations and attendance</translation>
        </message>
        <message>
            <source>受付(&amp;K)</source>
            <translation>Chec&amp;k-in</translation>
        </message>
        <message>
            <source>参加者名簿の取り込み(&amp;I)…</source>
            <translation>&amp;Import participant list…</translation>
        </message>
        <message>
            <source>出席レポートの取り込み（Zoom・Teams）(&amp;Z)…</source>
            <translation>Import attendance report (Zoom, Teams) (&amp;Z)…</translation>
        </message>
        <message>
            <source>出欠の書き出し(&amp;X)…</source>
            <translation>E&amp;xport attendance…</translation>
        </message>
        <message>
            <source>アンケートの取り込み(&amp;Q)…</source>
            <translation>Import a survey (&amp;Q)…</translation>
        </message>
        <message>
            <source>アンケート集計をプレビュー(&amp;S)…</source>
            <translation>Preview the survey summary (&amp;S)…</translation>
        </message>
        <message>
            <source>市町村の参加状況(&amp;C)</source>
            <translation>Municipal parti&amp;cipation</translation>
        </message>
        <message>
            <source>表示言語(&amp;L)</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>自動（システムの言語に合わせる）</source>
            <translation>Automatic (follow the system language)</translation>
        </message>
        <message>
            <source>表示言語は次の起動から切り替わります。 / The language changes at the next start.</source>
            <translation>The language changes at the next start. / 表示言語は次の起動から切り替わります。</translation>
        </message>
        <message>
            <source>新しい行事(&amp;N)</source>
            <translation>&amp;New event</translation>
        </message>
        <message>
            <source>新規</source>
            <translation>New</translation>
        </message>
        <message>
            <source>行事を複製(&amp;C)…</source>
            <translation>&amp;Copy event…</translation>
        </message>
        <message>
            <source>複製</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>行事を削除(&amp;R)…</source>
            <translation>&amp;Remove event…</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>編集(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>行事(&amp;V)</source>
            <translation>E&amp;vent</translation>
        </message>
        <message>
            <source>参加者(&amp;P)</source>
            <translation>&amp;Participants</translation>
        </message>
        <message>
            <source>メール(&amp;M)</source>
            <translation>&amp;Mail</translation>
        </message>
        <message>
            <source>表示(&amp;W)</source>
            <translation>Vie&amp;w</translation>
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>終了(&amp;X)</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>やり直し</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>行事と時間割(&amp;E)</source>
            <translation>&amp;Events and timetable</translation>
        </message>
        <message>
            <source>講師名簿(&amp;S)</source>
            <translation>&amp;Speakers</translation>
        </message>
        <message>
            <source>kenshu-desk について(&amp;A)</source>
            <translation>&amp;About kenshu-desk</translation>
        </message>
        <message>
            <source>項目を追加(&amp;A)</source>
            <translation>&amp;Add item</translation>
        </message>
        <message>
            <source>＋追加</source>
            <translation>+ Add</translation>
        </message>
        <message>
            <source>選択中の項目の後に新しい項目を追加</source>
            <translation>Add a new item after the selected one</translation>
        </message>
        <message>
            <source>項目を前に挿入(&amp;I)</source>
            <translation>&amp;Insert item before</translation>
        </message>
        <message>
            <source>挿入</source>
            <translation>Insert</translation>
        </message>
        <message>
            <source>選択中の項目の前に新しい項目を挿入</source>
            <translation>Insert a new item before the selected one</translation>
        </message>
        <message>
            <source>休憩を追加(&amp;B)</source>
            <translation>Add &amp;break</translation>
        </message>
        <message>
            <source>休憩</source>
            <translation>Break</translation>
        </message>
        <message>
            <source>選択中の項目の後に休憩（5分）を追加</source>
            <translation>Add a 5-minute break after the selected item</translation>
        </message>
        <message>
            <source>項目を削除(&amp;D)</source>
            <translation>&amp;Delete item</translation>
        </message>
        <message>
            <source>選択中の項目を削除</source>
            <translation>Delete the selected item</translation>
        </message>
        <message>
            <source>項目を上へ(&amp;U)</source>
            <translation>Move item &amp;up</translation>
        </message>
        <message>
            <source>↑上へ</source>
            <translation>↑ Up</translation>
        </message>
        <message>
            <source>選択中の項目を一つ前へ</source>
            <translation>Move the selected item up</translation>
        </message>
        <message>
            <source>項目を下へ(&amp;N)</source>
            <translation>Move item dow&amp;n</translation>
        </message>
        <message>
            <source>↓下へ</source>
            <translation>↓ Down</translation>
        </message>
        <message>
            <source>選択中の項目を一つ後へ</source>
            <translation>Move the selected item down</translation>
        </message>
        <message>
            <source>開始時刻を固定(&amp;P)</source>
            <translation>Fix start time (&amp;P)</translation>
        </message>
        <message>
            <source>時刻固定</source>
            <translation>Fixed time</translation>
        </message>
        <message>
            <source>選択中の項目の開始時刻を今の時刻に固定／固定を解除</source>
            <translation>Fix the selected item's start at its current time, or unfix it</translation>
        </message>
        <message>
            <source>kenshu-desk について</source>
            <translation>About kenshu-desk</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>General</translation>
        </message>
        <message>
            <source>フォントのライセンス</source>
            <translation>Font licence</translation>
        </message>
        <message>
            <source>ライブラリのライセンス</source>
            <translation>Library licences</translation>
        </message>
        <message>
            <source>研修・情報交換会の時間割、次第、招待、出欠、動画配信を机の上で。</source>
            <translation>Timetables, agendas, invitations, attendance and recordings for training and exchange meetings, on your desk.</translation>
        </message>
        <message>
            <source>データベース:</source>
            <translation>Database:</translation>
        </message>
        <message>
            <source>バックアップの場所:</source>
            <translation>Backup folder:</translation>
        </message>
        <message>
            <source>（まだありません。形式を更新するときに自動で作成します）</source>
            <translation>(None yet. One is made automatically when the database format is upgraded.)</translation>
        </message>
        <message>
            <source>バックアップ:</source>
            <translation>Backups:</translation>
        </message>
        <message>
            <source>フォルダを開く(&amp;O)</source>
            <translation>&amp;Open folder</translation>
        </message>
        <message>
            <source>サーバーのデータベースはサーバー側でバックアップしてください。</source>
            <translation>Back up a server database on the server.</translation>
        </message>
        <message>
            <source>ユーザーデータ:</source>
            <translation>User data:</translation>
        </message>
        <message>
            <source>実行環境:</source>
            <translation>Runtime:</translation>
        </message>
        <message>
            <source>画面と PDF には IPAexゴシック（ipaexg.ttf）と IPAex明朝（ipaexm.ttf）を同梱しています。IPAフォントライセンスv1.0 に従って再配布しています。</source>
            <translation>The screens and PDFs use the bundled IPAexGothic (ipaexg.ttf) and IPAexMincho (ipaexm.ttf) fonts, redistributed under the IPA Font License v1.0.</translation>
        </message>
        <message>
            <source>kenshu-desk 本体は MIT ライセンスです。次のライブラリを利用しています（ライセンス名はインストールされたパッケージの情報から読んでいます）。</source>
            <translation>kenshu-desk itself is MIT licensed. It uses the following libraries (licence names are read from the installed packages).</translation>
        </message>
        <message>
            <source>ライブラリ</source>
            <translation>Library</translation>
        </message>
        <message>
            <source>バージョン</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>ライセンス</source>
            <translation>Licence</translation>
        </message>
        <message>
            <source>出席レポートの取り込み — {0}</source>
            <translation>Import attendance report — {0}</translation>
        </message>
        <message>
            <source>参照(&amp;B)…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>読み込む(&amp;L)</source>
            <translation>&amp;Load</translation>
        </message>
        <message>
            <source>レポートにいない申込者を欠席にする</source>
            <translation>Mark registrants missing from the report absent</translation>
        </message>
        <message>
            <source>記録済みの出席（オンライン）を欠席にしてよい</source>
            <translation>Allow recorded online attendance to become absent</translation>
        </message>
        <message>
            <source>行事の時間の何％以上で出席(&amp;T)</source>
            <translation>Present at leas&amp;t this % of the event</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>所属</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>現在</source>
            <translation>Now</translation>
        </message>
        <message>
            <source>変更後</source>
            <translation>After</translation>
        </message>
        <message>
            <source>参加（分）</source>
            <translation>Joined (min)</translation>
        </message>
        <message>
            <source>レポートの名前</source>
            <translation>Name in the report</translation>
        </message>
        <message>
            <source>メール</source>
            <translation>Mail</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>対応</source>
            <translation>Match</translation>
        </message>
        <message>
            <source>出欠の変更</source>
            <translation>Change attendance</translation>
        </message>
        <message>
            <source>照合できなかった行</source>
            <translation>Unmatched rows</translation>
        </message>
        <message>
            <source>反映する(&amp;A)</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>出席レポート</source>
            <translation>Attendance report</translation>
        </message>
        <message>
            <source>出席レポート (*.csv *.tsv *.txt *.xlsx);;すべてのファイル (*)</source>
            <translation>Attendance report (*.csv *.tsv *.txt *.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>「{0}」</source>
            <translation>“{0}”</translation>
        </message>
        <message>
            <source>{0} {1}（{2}）: {3} 人</source>
            <translation>{0} {1} ({2}): {3} people</translation>
        </message>
        <message>
            <source>注意: {0}</source>
            <translation>Note: {0}</translation>
        </message>
        <message>
            <source>除外: {0}（{1} 行目）{2}</source>
            <translation>Left out: {0} (line {1}) {2}</translation>
        </message>
        <message>
            <source>（名前なし）</source>
            <translation>(no name)</translation>
        </message>
        <message>
            <source>（名簿に追加）</source>
            <translation> (added to the list)</translation>
        </message>
        <message>
            <source>（申込なし）</source>
            <translation>(not registered)</translation>
        </message>
        <message>
            <source>照合できなかった行: {0}（対応を選ぶと反映されます。選ばない行は無視します）</source>
            <translation>Unmatched rows: {0} (choose a match to apply it; rows left unchosen are ignored)</translation>
        </message>
        <message>
            <source>端末名だけの行です。持ち主を選んでください</source>
            <translation>Only a device's name: choose its owner</translation>
        </message>
        <message>
            <source>同姓同名の別団体の人かもしれません</source>
            <translation>May be a namesake from another organisation</translation>
        </message>
        <message>
            <source>同じ名前の人が複数います</source>
            <translation>Several people have this name</translation>
        </message>
        <message>
            <source>無視する（{0}）</source>
            <translation>Ignore ({0})</translation>
        </message>
        <message>
            <source>無視する</source>
            <translation>Ignore</translation>
        </message>
        <message>
            <source>（申込者）</source>
            <translation>(registrants)</translation>
        </message>
        <message>
            <source>→ {0}{1}</source>
            <translation>→ {0}{1}</translation>
        </message>
        <message>
            <source>→ 選んだ人（ID {0}）</source>
            <translation>→ the person chosen (ID {0})</translation>
        </message>
        <message>
            <source>名簿から選ぶ…</source>
            <translation>Choose from the list…</translation>
        </message>
        <message>
            <source>名簿に追加して出欠を記録</source>
            <translation>Add to the list and record attendance</translation>
        </message>
        <message>
            <source>「{0}」に当たる人</source>
            <translation>People matching "{0}"</translation>
        </message>
        <message>
            <source>他の方の変更を読み込みました</source>
            <translation>Loaded changes made by others</translation>
        </message>
        <message>
            <source>受付 — {0}</source>
            <translation>Check-in — {0}</translation>
        </message>
        <message>
            <source>ふりがな・氏名の一部を入力して Enter（例: たかは）</source>
            <translation>Type part of a reading or name and press Enter (e.g. たかは)</translation>
        </message>
        <message>
            <source>直前の受付を取り消す (Ctrl+Z)</source>
            <translation>Undo the last check-in (Ctrl+Z)</translation>
        </message>
        <message>
            <source>受付済み {0} / 申込 {1} 人</source>
            <translation>Checked in {0} of {1} registered</translation>
        </message>
        <message>
            <source>「{0}」に当たる申込者がいません。</source>
            <translation>No registrant matches "{0}".</translation>
        </message>
        <message>
            <source>{0}{1} さんは受付済みです。</source>
            <translation>{0}{1} is already checked in.</translation>
        </message>
        <message>
            <source>（「{0}」から変更）</source>
            <translation>(changed from "{0}")</translation>
        </message>
        <message>
            <source>✓ {0}{1} さんを受付しました{2}</source>
            <translation>✓ Checked in {0}{1}{2}</translation>
        </message>
        <message>
            <source>時間割のチェック</source>
            <translation>Timetable checks</translation>
        </message>
        <message>
            <source>時間割に問題はありません</source>
            <translation>The timetable has no problems</translation>
        </message>
        <message>
            <source>クリックすると該当する項目を選択します</source>
            <translation>Click to select the item concerned</translation>
        </message>
        <message>
            <source>市町村</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>参加回数</source>
            <translation>Events attended</translation>
        </message>
        <message>
            <source>{0} {1}（{2}）: {3} 市町村</source>
            <translation>{0} {1} ({2}): {3} municipalities</translation>
        </message>
        <message numerus="yes">
            <source>{0}: %n 人</source>
            <translation>
                <numerusform>{0}: %n person</numerusform>
                <numerusform>{0}: %n people</numerusform>
            </translation>
        </message>
        <message>
            <source>市町村の参加状況</source>
            <translation>Municipal participation</translation>
        </message>
        <message>
            <source>出席で数える</source>
            <translation>Count attendance</translation>
        </message>
        <message>
            <source>申込で数える（これからの行事）</source>
            <translation>Count registrations (upcoming events)</translation>
        </message>
        <message>
            <source>年度(&amp;Y)</source>
            <translation>&amp;Year</translation>
        </message>
        <message>
            <source>{0}: {1} 市町村のうち {2} 市町村が参加、参加のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</source>
            <translation>{0}: {2} of the {1} municipalities took part, {3} did not. (Column headings: month/day, event, number of municipalities taking part. The number beside ● is the headcount.)</translation>
        </message>
        <message>
            <source>{0}: {1} 市町村のうち {2} 市町村が申込、申込のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</source>
            <translation>{0}: {2} of the {1} municipalities registered, {3} did not. (Column headings: month/day, event, number of municipalities taking part. The number beside ● is the headcount.)</translation>
        </message>
        <message>
            <source>参加のない市町村: {0}</source>
            <translation>Municipalities with no participant: {0}</translation>
        </message>
        <message>
            <source>なし（全市町村が参加）</source>
            <translation>None (every municipality took part)</translation>
        </message>
        <message>
            <source>データベースの設定</source>
            <translation>Database settings</translation>
        </message>
        <message>
            <source>このパソコンの内蔵データベース（標準）</source>
            <translation>The database built into this computer (standard)</translation>
        </message>
        <message>
            <source>共有サーバー（PostgreSQL・チーム利用）</source>
            <translation>A shared server (PostgreSQL, for a team)</translation>
        </message>
        <message>
            <source>例: db.example.lg.jp</source>
            <translation>e.g. db.example.lg.jp</translation>
        </message>
        <message>
            <source>例: kenshu</source>
            <translation>e.g. kenshu</translation>
        </message>
        <message>
            <source>標準（5432）</source>
            <translation>Standard (5432)</translation>
        </message>
        <message>
            <source>変更しないときは空欄</source>
            <translation>Leave empty to keep it</translation>
        </message>
        <message>
            <source>サーバー名(&amp;H):</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>データベース名(&amp;D):</source>
            <translation>&amp;Database:</translation>
        </message>
        <message>
            <source>利用者名(&amp;U):</source>
            <translation>&amp;User:</translation>
        </message>
        <message>
            <source>パスワード(&amp;P):</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>接続テスト(&amp;T)</source>
            <translation>&amp;Test connection</translation>
        </message>
        <message>
            <source>このデータベースをサーバーにコピー(&amp;C)…</source>
            <translation>&amp;Copy this database to the server…</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>設定は次回の起動から使われます。</source>
            <translation>The setting is used from the next start.</translation>
        </message>
        <message>
            <source>パスワードは OS のキーリングに保存します。起動時の --db や環境変数 KENSHU_DESK_DB は、この設定より優先されます。</source>
            <translation>The password is kept in the OS keyring. --db at start-up and the environment variable KENSHU_DESK_DB take precedence over this setting.</translation>
        </message>
        <message>
            <source>ポート(&amp;O):</source>
            <translation>P&amp;ort:</translation>
        </message>
        <message>
            <source>接続 URL(&amp;L):</source>
            <translation>Connection UR&amp;L:</translation>
        </message>
        <message>
            <source>接続しています…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>コピーしています…</source>
            <translation>Copying…</translation>
        </message>
        <message>
            <source>次回の起動から、このサーバーを使うように設定しますか？</source>
            <translation>Use this server from the next start?</translation>
        </message>
        <message>
            <source>例: 2022/10/20、R4.10.20</source>
            <translation>e.g. 2022/10/20, R4.10.20</translation>
        </message>
        <message>
            <source>2022/10/20・20221020・R4.10.20・令和4年10月20日 などの書き方で入力できます。月日だけ（10/20）なら年度から年を補います。</source>
            <translation>Type the date as 2022/10/20, 20221020, R4.10.20 or 令和4年10月20日; with month and day only (10/20) the year comes from the fiscal year.</translation>
        </message>
        <message>
            <source>カレンダーから選ぶ</source>
            <translation>Choose from the calendar</translation>
        </message>
        <message>
            <source>日付を入力してください。</source>
            <translation>Enter a date.</translation>
        </message>
        <message>
            <source>日付として読めません（例: 2022/10/20）。</source>
            <translation>This is not a date I can read (e.g. 2022/10/20).</translation>
        </message>
        <message>
            <source>詳細</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>派遣の記録を修正</source>
            <translation>Correct a dispatch</translation>
        </message>
        <message>
            <source>アドバイザー派遣を記録</source>
            <translation>Record an adviser visit</translation>
        </message>
        <message>
            <source>空欄なら「派遣先 種別」</source>
            <translation>Blank means "visited + type"</translation>
        </message>
        <message>
            <source>日付・時刻(&amp;D):</source>
            <translation>&amp;Date and time:</translation>
        </message>
        <message>
            <source>種別(&amp;K):</source>
            <translation>Type (&amp;K):</translation>
        </message>
        <message>
            <source>派遣先(&amp;H):</source>
            <translation>Visited (&amp;H):</translation>
        </message>
        <message>
            <source>件名(&amp;T):</source>
            <translation>Subjec&amp;t:</translation>
        </message>
        <message>
            <source>アドバイザー(&amp;A):</source>
            <translation>&amp;Adviser:</translation>
        </message>
        <message>
            <source>派遣したアドバイザーにチェック（なしは県職員のみの訪問）</source>
            <translation>Tick the advisers sent (none means a visit by prefectural staff only)</translation>
        </message>
        <message>
            <source>保存する</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>記録する</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>※ {0}</source>
            <translation>* {0}</translation>
        </message>
        <message>
            <source>{0}（いま保存されている内容を表示しました）</source>
            <translation>{0} (The form now shows what is saved.)</translation>
        </message>
        <message>
            <source>行事を複製</source>
            <translation>Duplicate event</translation>
        </message>
        <message>
            <source>時間割と発表者をそのまま写した新しい行事を作ります（申込は写しません）。</source>
            <translation>Creates a new event with the same timetable and presenters (registrations are not copied).</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>行事名</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>%1　▲ %2</source>
            <translation>%1  ▲ %2</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>開始時刻</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>終了時刻</source>
            <translation>End</translation>
        </message>
        <message>
            <source>会場</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>オンライン会議URL</source>
            <translation>Online meeting URL</translation>
        </message>
        <message>
            <source>対象</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>主催</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>次第の注記</source>
            <translation>Agenda notes</translation>
        </message>
        <message>
            <source>例: 第1回市町村情報交換会</source>
            <translation>e.g. 1st municipal exchange meeting</translation>
        </message>
        <message>
            <source>行事を中止にします（一覧に「中止」と表示されます）</source>
            <translation>Cancels the event (the list shows "cancelled")</translation>
        </message>
        <message>
            <source>例: 埼玉県庁 第二庁舎 4階 第3会議室</source>
            <translation>e.g. Saitama Prefectural Office, Annex 2, 4F, Meeting Room 3</translation>
        </message>
        <message>
            <source>例: 市町村、市町村社協、地域包括支援センター</source>
            <translation>e.g. municipalities, social welfare councils, community support centres</translation>
        </message>
        <message>
            <source>例: 福祉部 地域包括ケア課</source>
            <translation>e.g. Welfare Dept., Community Care Division</translation>
        </message>
        <message>
            <source>内部向けのメモ（次第には印刷しません）</source>
            <translation>Internal note (not printed on the agenda)</translation>
        </message>
        <message>
            <source>次第の末尾に「※」付きで印刷する注記（1行に1つ）</source>
            <translation>Notes printed with "※" at the end of the agenda (one per line)</translation>
        </message>
        <message>
            <source>種別(&amp;K)</source>
            <translation>Type (&amp;K)</translation>
        </message>
        <message>
            <source>行事名(&amp;T)</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>開催日(&amp;D)</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>オンライン</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>土日・祝日に開催しますか？</source>
            <translation>Hold it on a weekend or public holiday?</translation>
        </message>
        <message>
            <source>%1の変更</source>
            <translation>Change %1</translation>
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation>Filter by year</translation>
        </message>
        <message>
            <source>行事を検索（行事名・種別・年度・会場）</source>
            <translation>Search events (title, type, year, venue)</translation>
        </message>
        <message>
            <source>派遣を表示</source>
            <translation>Show visits</translation>
        </message>
        <message>
            <source>アドバイザー派遣（市町村への訪問）を一覧に表示します</source>
            <translation>Show the adviser visits to municipalities in the list</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All years</translation>
        </message>
        <message>
            <source>名簿ファイルの選択</source>
            <translation>Choose the list file</translation>
        </message>
        <message>
            <source>Excel ブック（.xlsx）または CSV（UTF-8、Shift_JIS、UTF-16）を選んでください。</source>
            <translation>Choose an Excel workbook (.xlsx) or a CSV file (UTF-8, Shift_JIS, UTF-16).</translation>
        </message>
        <message>
            <source>（申込はしない）</source>
            <translation>(do not register)</translation>
        </message>
        <message>
            <source>取り込んだ人を申込(&amp;E)</source>
            <translation>R&amp;egister the people imported</translation>
        </message>
        <message>
            <source>名簿ファイル</source>
            <translation>List file</translation>
        </message>
        <message>
            <source>名簿ファイル (*.xlsx *.csv *.txt *.tsv);;すべてのファイル (*)</source>
            <translation>List file (*.xlsx *.csv *.txt *.tsv);;All files (*)</translation>
        </message>
        <message>
            <source>年度（4月～翌年3月）。西暦（2021）でも入力できます</source>
            <translation>Fiscal year (April to March). A Western year (2021) also works</translation>
        </message>
        <message>
            <source>要対応の人だけ表示(&amp;O)</source>
            <translation>Show &amp;only those to follow up</translation>
        </message>
        <message>
            <source>電話・手渡しでの伝達を記録(&amp;M)…</source>
            <translation>Record a delivery by phone or by &amp;hand…</translation>
        </message>
        <message>
            <source>配信記録を書き出す(&amp;X)…</source>
            <translation>E&amp;xport the delivery log…</translation>
        </message>
        <message>
            <source>配信記録</source>
            <translation>Delivery log</translation>
        </message>
        <message>
            <source>申込 {0} 人、出席 {1} 人、送付済み {2} 人、要対応 {3} 人</source>
            <translation>{0} registered, {1} attended, {2} sent the link, {3} to follow up</translation>
        </message>
        <message>
            <source>表で相手を選んでください（動画リンクがなければ先に追加してください）。</source>
            <translation>Choose people in the table (add a recording link first if there is none).</translation>
        </message>
        <message>
            <source>伝達の記録</source>
            <translation>Record of delivery</translation>
        </message>
        <message>
            <source>{0} さんへの伝達方法</source>
            <translation>How {0} was told</translation>
        </message>
        <message>
            <source>備考（日時・内容など）</source>
            <translation>Note (date, what was said …)</translation>
        </message>
        <message>
            <source>配信記録を書き出す</source>
            <translation>Export the delivery log</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>{0} 件を {1} に書き出しました。</source>
            <translation>Wrote {0} rows to {1}.</translation>
        </message>
        <message>
            <source>使い方</source>
            <translation>Guide</translation>
        </message>
        <message>
            <source>戻る</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>目次</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>受信サーバーの設定</source>
            <translation>Incoming server</translation>
        </message>
        <message>
            <source>SSL/TLS（推奨）</source>
            <translation>SSL/TLS (recommended)</translation>
        </message>
        <message>
            <source>自動</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <source>受信サーバー(&amp;H)</source>
            <translation>Incoming &amp;server</translation>
        </message>
        <message>
            <source>暗号化(&amp;E)</source>
            <translation>&amp;Encryption</translation>
        </message>
        <message>
            <source>ポート(&amp;O)</source>
            <translation>P&amp;ort</translation>
        </message>
        <message>
            <source>ユーザー名(&amp;U)</source>
            <translation>&amp;User name</translation>
        </message>
        <message>
            <source>パスワード(&amp;P)</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <source>フォルダー(&amp;F)</source>
            <translation>&amp;Folder</translation>
        </message>
        <message>
            <source>招待への返信を読むだけです。メールを既読にしたり、移動・削除したりはしません。</source>
            <translation>Only the replies to invitations are read. No mail is marked as read, moved or deleted.</translation>
        </message>
        <message>
            <source>招待メール — {0}</source>
            <translation>Invitation mail — {0}</translation>
        </message>
        <message>
            <source>自動（初めての人に招待、以前の版を受け取った人に変更）</source>
            <translation>Automatic (invitation to new recipients, update to those who had an earlier version)</translation>
        </message>
        <message>
            <source>既定に戻す</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>テンプレート(&amp;T)</source>
            <translation>&amp;Template</translation>
        </message>
        <message>
            <source>件名(&amp;U)</source>
            <translation>S&amp;ubject</translation>
        </message>
        <message>
            <source>本文(&amp;B)</source>
            <translation>&amp;Body</translation>
        </message>
        <message>
            <source>差し込み: {氏名} {所属} {行事名} {日時} {会場} {参加URL} {プログラム} {差出人} {問い合わせ先}</source>
            <translation>Fields: {氏名} name, {所属} organisation, {行事名} event, {日時} date and time, {会場} venue, {参加URL} join URL, {プログラム} programme, {差出人} sender, {問い合わせ先} contact</translation>
        </message>
        <message>
            <source>プレビュー(&amp;V)</source>
            <translation>Pre&amp;view</translation>
        </message>
        <message>
            <source>送信(&amp;S)…</source>
            <translation>&amp;Send…</translation>
        </message>
        <message>
            <source>メールファイルに保存(&amp;E)…</source>
            <translation>Save as mail fil&amp;es…</translation>
        </message>
        <message>
            <source>送る内容(&amp;K)</source>
            <translation>Message &amp;kind</translation>
        </message>
        <message>
            <source>差出人</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>次第を PDF で添付（招待・変更のお知らせ）</source>
            <translation>Attach the agenda as a PDF (invitations and updates)</translation>
        </message>
        <message>
            <source>添付</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>送信先</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>差出人のアドレスがありません。メール設定で入力してください。</source>
            <translation>No sender address. Enter it in the mail settings.</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>{0} 人（{1}）</source>
            <translation>{0} people ({1})</translation>
        </message>
        <message>
            <source>{0} 人</source>
            <translation>{0} people</translation>
        </message>
        <message>
            <source>　対象外 {0} 人</source>
            <translation>  {0} not counted</translation>
        </message>
        <message>
            <source>メールアドレスのある参加者がいません。</source>
            <translation>No participant has an email address.</translation>
        </message>
        <message>
            <source>{0} 人に{1}。よろしいですか？</source>
            <translation>{1} for {0} people. Continue?</translation>
        </message>
        <message>
            <source>SMTP のパスワード</source>
            <translation>SMTP password</translation>
        </message>
        <message>
            <source>{0} のパスワード</source>
            <translation>Password for {0}</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません。メール設定を開くか、メールファイルに保存してください。</source>
            <translation>No SMTP server is set up. Open the mail settings, or save the messages as mail files.</translation>
        </message>
        <message>
            <source>メールを送信します</source>
            <translation>Sending mail</translation>
        </message>
        <message>
            <source>。うち {0} 人は、すでにある予定表の予定を書き換えます（変更・取り消し）</source>
            <translation>. For {0} of them this changes an entry already in their calendar (update or cancellation)</translation>
        </message>
        <message>
            <source>メールファイルの保存先</source>
            <translation>Folder for the mail files</translation>
        </message>
        <message>
            <source>{0} 件のメールファイルを {1} に保存しました。</source>
            <translation>Saved {0} mail files to {1}.</translation>
        </message>
        <message>
            <source>メールファイルを作成しています…</source>
            <translation>Writing the e-mail files…</translation>
        </message>
        <message>
            <source>情報交換会</source>
            <translation>Information exchange</translation>
        </message>
        <message>
            <source>研修</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>部会</source>
            <translation>Working group</translation>
        </message>
        <message>
            <source>勉強会</source>
            <translation>Study session</translation>
        </message>
        <message>
            <source>ヒアリング</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <source>研修会</source>
            <translation>Municipal training</translation>
        </message>
        <message>
            <source>検討会議への参加</source>
            <translation>Review meeting</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>挨拶</source>
            <translation>Greeting</translation>
        </message>
        <message>
            <source>講演</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>説明</source>
            <translation>Briefing</translation>
        </message>
        <message>
            <source>事例発表</source>
            <translation>Case report</translation>
        </message>
        <message>
            <source>意見交換</source>
            <translation>Discussion</translation>
        </message>
        <message>
            <source>質疑応答</source>
            <translation>Q&amp;A</translation>
        </message>
        <message>
            <source>閉会</source>
            <translation>Closing</translation>
        </message>
        <message>
            <source>申込</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>出席（会場）</source>
            <translation>Attended (venue)</translation>
        </message>
        <message>
            <source>出席（オンライン）</source>
            <translation>Attended (online)</translation>
        </message>
        <message>
            <source>欠席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>送信待ち</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>送信中</source>
            <translation>Sending</translation>
        </message>
        <message>
            <source>送信済み</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>送信失敗</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>送信結果不明</source>
            <translation>Outcome unknown</translation>
        </message>
        <message>
            <source>ファイルに保存</source>
            <translation>Saved to file</translation>
        </message>
        <message>
            <source>対象外（送信せず）</source>
            <translation>Skipped (not sent)</translation>
        </message>
        <message>
            <source>伝達済み</source>
            <translation>Passed on</translation>
        </message>
        <message>
            <source>招待</source>
            <translation>Invitation</translation>
        </message>
        <message>
            <source>変更のお知らせ</source>
            <translation>Update</translation>
        </message>
        <message>
            <source>中止のお知らせ</source>
            <translation>Cancellation</translation>
        </message>
        <message>
            <source>参加取り消しのお知らせ</source>
            <translation>Withdrawal</translation>
        </message>
        <message>
            <source>録画のご案内</source>
            <translation>Recording link</translation>
        </message>
        <message>
            <source>リマインド</source>
            <translation>Reminder</translation>
        </message>
        <message>
            <source>メールファイル</source>
            <translation>E-mail file</translation>
        </message>
        <message>
            <source>電話で伝達</source>
            <translation>By phone</translation>
        </message>
        <message>
            <source>手渡し・口頭</source>
            <translation>By hand or in person</translation>
        </message>
        <message>
            <source>メール設定</source>
            <translation>Mail settings</translation>
        </message>
        <message>
            <source> 秒</source>
            <translation> s</translation>
        </message>
        <message>
            <source>サーバーが応答しないとき、この時間であきらめます（1 段階ごと）</source>
            <translation>When the server does not answer, give up after this long (for each step)</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>None</translation>
        </message>
        <message>
            <source> 分前</source>
            <translation> min before</translation>
        </message>
        <message>
            <source>上限なし</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>添付ファイルを含むメール 1 通の大きさの上限（職場のメールの制限に合わせる）</source>
            <translation>The largest message, attachments included (match your office mail system's limit)</translation>
        </message>
        <message>
            <source>このパソコンにはパスワードを保存できません。送信のたびに入力してください。</source>
            <translation>Passwords cannot be saved on this computer. Enter it each time you send.</translation>
        </message>
        <message>
            <source>パスワードは OS のキーリングに保存しますが、このパソコンにはキーリングがありません。環境変数 KENSHU_DESK_SMTP_PASSWORD でも指定できます。</source>
            <translation>Passwords are kept in the OS keyring, which this computer lacks. The environment variable KENSHU_DESK_SMTP_PASSWORD can also give it.</translation>
        </message>
        <message>
            <source>差出人名(&amp;N)</source>
            <translation>Sender &amp;name</translation>
        </message>
        <message>
            <source>差出人アドレス(&amp;A)</source>
            <translation>Sender &amp;address</translation>
        </message>
        <message>
            <source>送信サーバー(&amp;H)</source>
            <translation>Outgoing &amp;server</translation>
        </message>
        <message>
            <source>招待の通知(&amp;R)</source>
            <translation>Invitation &amp;reminder</translation>
        </message>
        <message>
            <source>応答を待つ時間(&amp;W)</source>
            <translation>&amp;Wait for an answer</translation>
        </message>
        <message>
            <source>メールの大きさの上限(&amp;L)</source>
            <translation>Message size &amp;limit</translation>
        </message>
        <message>
            <source>テストメールを送信(&amp;T)</source>
            <translation>Send a &amp;test message</translation>
        </message>
        <message>
            <source>受信サーバーの設定(&amp;I)…</source>
            <translation>&amp;Incoming server…</translation>
        </message>
        <message>
            <source>SMTP サーバーを入力してください。</source>
            <translation>Enter the SMTP server.</translation>
        </message>
        <message>
            <source>送信しています…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>{0} に送信しました（サーバーの応答: {1}）</source>
            <translation>Sent to {0} (server reply: {1})</translation>
        </message>
        <message>
            <source>送信できませんでした: {0}</source>
            <translation>Could not send: {0}</translation>
        </message>
        <message>
            <source>{0}（共有）</source>
            <translation>{0} (shared)</translation>
        </message>
        <message>
            <source>行事と時間割</source>
            <translation>Events and timetable</translation>
        </message>
        <message>
            <source>講師名簿</source>
            <translation>Speakers</translation>
        </message>
        <message>
            <source>行事 %1 件</source>
            <translation>%1 events</translation>
        </message>
        <message>
            <source>新しい行事</source>
            <translation>New event</translation>
        </message>
        <message>
            <source>新しい行事の作成</source>
            <translation>Create event</translation>
        </message>
        <message>
            <source>行事「%1」の複製</source>
            <translation>Duplicate event "%1"</translation>
        </message>
        <message>
            <source>行事「%1」と時間割を削除しますか？
「元に戻す」(Ctrl+Z) で取り消せます。</source>
            <translation>Delete the event "%1" and its timetable?
Undo (Ctrl+Z) brings it back.</translation>
        </message>
        <message>
            <source>行事「%1」を削除しますか？
この行事には%2があり、一緒に削除されます。
この削除は元に戻せません（元に戻す履歴も消去されます）。</source>
            <translation>Delete the event "%1"?
It has %2, which will be deleted with it.
This cannot be undone (the undo history is cleared too).</translation>
        </message>
        <message>
            <source>行事の削除</source>
            <translation>Delete event</translation>
        </message>
        <message>
            <source>行事「%1」の削除</source>
            <translation>Delete event "%1"</translation>
        </message>
        <message>
            <source>%1 を削除しました。</source>
            <translation>Deleted %1.</translation>
        </message>
        <message>
            <source>列の対応</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>見出しの行と、各項目がどの列かを確かめてください。</source>
            <translation>Check the header row and which column holds each field.</translation>
        </message>
        <message>
            <source>見出しの行(&amp;H)</source>
            <translation>&amp;Header row</translation>
        </message>
        <message>
            <source>見出しの下の行（先頭 10 行）</source>
            <translation>Rows below the header (first 10)</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>「氏名」（または「姓」）の列を選んでください。</source>
            <translation>Choose the column for the name (or the family name).</translation>
        </message>
        <message>
            <source>PDF・PowerPoint・Word・Excel のファイルを追加できます（エクスプローラーからここへドラッグしても追加できます）。</source>
            <translation>Add PDF, PowerPoint, Word or Excel files (you can also drag them here from Explorer).</translation>
        </message>
        <message>
            <source>追加(&amp;A)…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>上へ(&amp;U)</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <source>下へ(&amp;D)</source>
            <translation>Move &amp;down</translation>
        </message>
        <message>
            <source>題名の変更(&amp;T)…</source>
            <translation>Change &amp;title…</translation>
        </message>
        <message>
            <source>削除(&amp;R)</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>名前を付けて保存(&amp;S)…</source>
            <translation>&amp;Save as…</translation>
        </message>
        <message>
            <source>資料</source>
            <translation>Materials</translation>
        </message>
        <message>
            <source>資料を追加</source>
            <translation>Add materials</translation>
        </message>
        <message>
            <source>資料 ({0})</source>
            <translation>Materials ({0})</translation>
        </message>
        <message>
            <source>{0} 件の資料を追加しました。</source>
            <translation>Added {0} material file(s).</translation>
        </message>
        <message>
            <source>題名の変更</source>
            <translation>Change title</translation>
        </message>
        <message>
            <source>資料の題名:</source>
            <translation>Title of the material:</translation>
        </message>
        <message>
            <source>「{0}」を削除しますか？</source>
            <translation>Remove “{0}”?</translation>
        </message>
        <message>
            <source>名前を付けて保存</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>{0} に保存しました。</source>
            <translation>Saved to {0}.</translation>
        </message>
        <message>
            <source>なし・未定</source>
            <translation>None / undecided</translation>
        </message>
        <message>
            <source>実施・構築済み</source>
            <translation>In place</translation>
        </message>
        <message>
            <source>予定</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>開始した年度（わからなければ「年度未定」）</source>
            <translation>Year it started ("Year undecided" if unknown)</translation>
        </message>
        <message>
            <source>実施・構築を予定している年度</source>
            <translation>Year it is planned to start</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>市町村を検索（名前・コード・派遣実績）</source>
            <translation>Search municipalities (name, code, visits)</translation>
        </message>
        <message>
            <source>前年度から引き継ぐ(&amp;C)</source>
            <translation>&amp;Carry over from the previous year</translation>
        </message>
        <message>
            <source>前年度の実施・構築状況をこの年度の記録として作成します（既にある記録はそのまま）</source>
            <translation>Creates this year's records from last year's status (existing records are left as they are)</translation>
        </message>
        <message>
            <source>派遣を記録(&amp;D)…</source>
            <translation>Record a &amp;visit…</translation>
        </message>
        <message>
            <source>派遣を修正(&amp;E)…</source>
            <translation>Corr&amp;ect dispatch…</translation>
        </message>
        <message>
            <source>派遣実績で選んだ記録の日付・アドバイザーなどを直します</source>
            <translation>Correct the date, advisers and other details of the dispatch selected in the record</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>元に戻す(&amp;R)</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>派遣先</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>アドバイザー</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <source>行事</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>出席者</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>派遣実績</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>参加した行事</source>
            <translation>Events attended</translation>
        </message>
        <message>
            <source>年度(&amp;Y):</source>
            <translation>&amp;Year:</translation>
        </message>
        <message>
            <source>（中止）</source>
            <translation> (cancelled)</translation>
        </message>
        <message>
            <source>派遣実績（{0}件）</source>
            <translation>Visits ({0})</translation>
        </message>
        <message>
            <source>参加した行事（{0}件）</source>
            <translation>Events attended ({0})</translation>
        </message>
        <message>
            <source>{0}の{1}の記録を保存しました</source>
            <translation>Saved the {1} record of {0}</translation>
        </message>
        <message>
            <source>保存されている内容に戻しました</source>
            <translation>Reverted to the saved contents</translation>
        </message>
        <message>
            <source>派遣を記録しました</source>
            <translation>Visit recorded</translation>
        </message>
        <message>
            <source>派遣の記録を修正しました</source>
            <translation>The dispatch was corrected</translation>
        </message>
        <message>
            <source>この年度の記録はまだありません</source>
            <translation>No record for this year yet</translation>
        </message>
        <message>
            <source>年度未定</source>
            <translation>Year undecided</translation>
        </message>
        <message>
            <source>送信済みメール</source>
            <translation>Sent mail</translation>
        </message>
        <message>
            <source>選択中の行事のみ(&amp;O)</source>
            <translation>&amp;Only the selected event</translation>
        </message>
        <message>
            <source>失敗・結果不明を先頭に</source>
            <translation>Failed and unknown first</translation>
        </message>
        <message>
            <source>失敗・結果不明だけ</source>
            <translation>Only failed and unknown</translation>
        </message>
        <message>
            <source>送信した順</source>
            <translation>In the order sent</translation>
        </message>
        <message>
            <source>送れなかったメールを探しやすく並べます</source>
            <translation>Puts the messages that did not go out where you can find them</translation>
        </message>
        <message>
            <source>再送(&amp;R)</source>
            <translation>&amp;Resend</translation>
        </message>
        <message>
            <source>選んだメールを送ります（失敗・結果不明のものはもう一度、送信待ちのものはそのまま）</source>
            <translation>Sends the selected messages (failed or unknown ones again, waiting ones as they are)</translation>
        </message>
        <message>
            <source>最新の状態に更新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>記録はありません</source>
            <translation>No records</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません（メール → メール設定）。</source>
            <translation>No SMTP server is set up (Mail → Mail settings).</translation>
        </message>
        <message>
            <source>参加者の編集</source>
            <translation>Edit participant</translation>
        </message>
        <message>
            <source>参加者の追加</source>
            <translation>Add participant</translation>
        </message>
        <message>
            <source>ひらがな（例: たかはし　みさき）</source>
            <translation>Hiragana (e.g. たかはし　みさき)</translation>
        </message>
        <message>
            <source>市町村名、社会福祉協議会など</source>
            <translation>Municipality, social welfare council, etc.</translation>
        </message>
        <message>
            <source>氏名(&amp;N)</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>ふりがな(&amp;R)</source>
            <translation>&amp;Reading</translation>
        </message>
        <message>
            <source>所属(&amp;O)</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>部署(&amp;D)</source>
            <translation>&amp;Department</translation>
        </message>
        <message>
            <source>職名(&amp;T)</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>メールアドレス(&amp;E)</source>
            <translation>&amp;Email</translation>
        </message>
        <message>
            <source>電話番号(&amp;P)</source>
            <translation>&amp;Phone</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>他の方の変更（{0}）を取り入れました。</source>
            <translation>Their changes ({0}) have been taken in.</translation>
        </message>
        <message>
            <source>「{0}」は他の方も変更しています（他の方の値: {1}）。</source>
            <translation>“{0}” was also changed by someone else (their value: {1}).</translation>
        </message>
        <message>
            <source>空欄</source>
            <translation>empty</translation>
        </message>
        <message>
            <source>入力した内容は残っています。確かめてから、もう一度保存してください。</source>
            <translation>What you typed is still here. Check it, then save again.</translation>
        </message>
        <message>
            <source>ふりがな</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>部署</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>職名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>メールアドレス</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <source>参加者名簿</source>
            <translation>Participant list</translation>
        </message>
        <message>
            <source>氏名・ふりがな・所属・メールで絞り込み（全角・半角、カナ・かなどちらでも）</source>
            <translation>Filter by name, reading, organisation or email (full/half width, katakana/hiragana alike)</translation>
        </message>
        <message>
            <source>アーカイブ済みも表示</source>
            <translation>Show archived</translation>
        </message>
        <message>
            <source>出欠</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>分</source>
            <translation>Min</translation>
        </message>
        <message>
            <source>新規(&amp;N)</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>アーカイブ(&amp;A)</source>
            <translation>&amp;Archive</translation>
        </message>
        <message>
            <source>削除(&amp;D)</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>申込・出席した行事</source>
            <translation>Events registered for or attended</translation>
        </message>
        <message>
            <source>読み込み中…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>{0} 人中 {1} 人</source>
            <translation>{1} of {0} people</translation>
        </message>
        <message>
            <source>（アーカイブ済み）</source>
            <translation>(archived)</translation>
        </message>
        <message>
            <source>名簿に戻す(&amp;A)</source>
            <translation>Rest&amp;ore to the list</translation>
        </message>
        <message>
            <source>{0} さんを名簿に戻しました。</source>
            <translation>Restored {0} to the list.</translation>
        </message>
        <message>
            <source>{0} さんをアーカイブしました（「アーカイブ済みも表示」で見られます）。</source>
            <translation>Archived {0} (shown with "Show archived").</translation>
        </message>
        <message>
            <source>{0} さんには申込・出欠の記録があるため削除できません。アーカイブすると名簿に表示されなくなり、記録は残ります。</source>
            <translation>{0} has registration or attendance records and cannot be deleted. Archiving hides them from the list and keeps the records.</translation>
        </message>
        <message>
            <source>参加者の削除</source>
            <translation>Delete participant</translation>
        </message>
        <message>
            <source>{0} さんを名簿から削除しますか？</source>
            <translation>Delete {0} from the list?</translation>
        </message>
        <message>
            <source>参加者名簿の取り込み</source>
            <translation>Import participant list</translation>
        </message>
        <message>
            <source>&lt; 戻る(&amp;B)</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>次へ(&amp;N) &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>取り込む(&amp;I)</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>氏名・ふりがな・所属・メールで検索</source>
            <translation>Search by name, reading, organisation or email</translation>
        </message>
        <message>
            <source>Ctrl または Shift を押しながらクリックすると複数選べます。</source>
            <translation>Hold Ctrl or Shift while clicking to choose several.</translation>
        </message>
        <message>
            <source>名簿に新規登録(&amp;N)…</source>
            <translation>Register &amp;new person…</translation>
        </message>
        <message>
            <source>選択</source>
            <translation>Select</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>縮小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>拡大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>幅に合わせる</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>ページ全体</source>
            <translation>Whole page</translation>
        </message>
        <message>
            <source>並び順: </source>
            <translation>Sort: </translation>
        </message>
        <message>
            <source>所属順（市町村コード順）</source>
            <translation>By organisation (municipality code)</translation>
        </message>
        <message>
            <source>五十音順</source>
            <translation>By reading</translation>
        </message>
        <message>
            <source>受付簿（出欠・署名欄）</source>
            <translation>Sign-in sheet (attendance and signatures)</translation>
        </message>
        <message>
            <source>%1 / %2 ページ</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message>
            <source>PDFを作成しています…</source>
            <translation>Creating the PDF…</translation>
        </message>
        <message>
            <source>%v / %m ページ</source>
            <translation>Page %v of %m</translation>
        </message>
        <message>
            <source>PDFを作成しました。</source>
            <translation>PDF created.</translation>
        </message>
        <message>
            <source>PDFを作成できませんでした: </source>
            <translation>Could not create the PDF: </translation>
        </message>
        <message>
            <source>PDFの作成を中止しました。</source>
            <translation>PDF creation cancelled.</translation>
        </message>
        <message>
            <source>PDFがまだできていません。</source>
            <translation>The PDF is not ready yet.</translation>
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF ファイル (*.pdf)</source>
            <translation>PDF file (*.pdf)</translation>
        </message>
        <message>
            <source>保存できません</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <source>保存しました: </source>
            <translation>Saved: </translation>
        </message>
        <message>
            <source>印刷できません</source>
            <translation>Cannot print</translation>
        </message>
        <message>
            <source>%1 ページを印刷に送りました。</source>
            <translation>Sent %1 pages to the printer.</translation>
        </message>
        <message>
            <source>印刷 %v / %m ページ</source>
            <translation>Printing page %v of %m</translation>
        </message>
        <message>
            <source>プリンターを開けません。プリンターの設定を確認してください。</source>
            <translation>Cannot open the printer. Check the printer settings.</translation>
        </message>
        <message>
            <source>取り込みの確認</source>
            <translation>Review the import</translation>
        </message>
        <message>
            <source>まだ何も登録していません。内容を確かめて「取り込む」を押してください。</source>
            <translation>Nothing has been saved yet. Check the contents and press "Import".</translation>
        </message>
        <message>
            <source>エラーと注意のある行だけ表示</source>
            <translation>Show only rows with errors or warnings</translation>
        </message>
        <message>
            <source>エラーの行を飛ばして、残りを取り込む(&amp;S)</source>
            <translation>&amp;Skip the rows with errors and import the rest</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>
新しく登録する所属: {0}</source>
            <translation>
New organisation to register: {0}</translation>
        </message>
        <message>
            <source>（{0} 行目）</source>
            <translation> (line {0})</translation>
        </message>
        <message>
            <source>例: 参加自治体から事例発表市町村への質問</source>
            <translation>e.g. Questions from the participants to the presenting municipalities</translation>
        </message>
        <message>
            <source>開始時刻を固定</source>
            <translation>Fix start time</translation>
        </message>
        <message>
            <source>選択中の項目</source>
            <translation>Selected item</translation>
        </message>
        <message>
            <source>補足</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>選択中の項目（%1）</source>
            <translation>Selected item (%1)</translation>
        </message>
        <message>
            <source>項目の追加</source>
            <translation>Add item</translation>
        </message>
        <message>
            <source>項目の挿入</source>
            <translation>Insert item</translation>
        </message>
        <message>
            <source>休憩の追加</source>
            <translation>Add break</translation>
        </message>
        <message>
            <source>項目「%1」の削除</source>
            <translation>Delete item "%1"</translation>
        </message>
        <message>
            <source>項目の移動</source>
            <translation>Move item</translation>
        </message>
        <message>
            <source>所要時間の変更</source>
            <translation>Change duration</translation>
        </message>
        <message>
            <source>種別の変更</source>
            <translation>Change type</translation>
        </message>
        <message>
            <source>内容の変更</source>
            <translation>Change content</translation>
        </message>
        <message>
            <source>補足の変更</source>
            <translation>Change note</translation>
        </message>
        <message>
            <source>開始時刻の固定</source>
            <translation>Fix start time</translation>
        </message>
        <message>
            <source>開始時刻の固定を解除</source>
            <translation>Unfix start time</translation>
        </message>
        <message>
            <source>固定時刻の変更</source>
            <translation>Change fixed time</translation>
        </message>
        <message>
            <source>講師「%1」を登録して発表者に追加</source>
            <translation>Register speaker "%1" and add as presenter</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>進捗状況のグラフ</source>
            <translation>Progress chart</translation>
        </message>
        <message>
            <source>Excel に出力(&amp;E)…</source>
            <translation>Export to &amp;Excel…</translation>
        </message>
        <message>
            <source>PDF に出力(&amp;P)…</source>
            <translation>Export to &amp;PDF…</translation>
        </message>
        <message>
            <source>グラフを画像で保存(&amp;G)…</source>
            <translation>Save chart as ima&amp;ge…</translation>
        </message>
        <message>
            <source>グラフをコピー(&amp;C)</source>
            <translation>&amp;Copy chart</translation>
        </message>
        <message>
            <source>報告書や資料に貼り付けられるように、グラフをクリップボードにコピーします</source>
            <translation>Copies the chart to the clipboard for pasting into reports</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業・総合相談支援体制構築 実施・構築状況（市町村数・累計）</source>
            <translation>Multi-layered support system and comprehensive consultation: municipalities in place (cumulative)</translation>
        </message>
        <message>
            <source>県内 {0} 市町村のうち、{1}の記録がある市町村 {2}。各列はその時点までに実施・構築済み又は予定の市町村数（累計）です。</source>
            <translation>{2} of the {0} municipalities in the prefecture have a {1} record. Each column is the cumulative number of municipalities in place or planned by then.</translation>
        </message>
        <message>
            <source>{0} に保存できません。</source>
            <translation>Cannot save to {0}.</translation>
        </message>
        <message>
            <source>グラフをクリップボードにコピーしました</source>
            <translation>Chart copied to the clipboard</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PNG 画像 (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>進捗状況グラフ</source>
            <translation>Progress chart</translation>
        </message>
        <message>
            <source>進捗状況</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>進捗状況を出力</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <source>{0} に出力しました</source>
            <translation>Exported to {0}</translation>
        </message>
        <message>
            <source>―</source>
            <translation>—</translation>
        </message>
        <message>
            <source>アドバイザー派遣を希望(&amp;A)</source>
            <translation>Wants an &amp;adviser visit</translation>
        </message>
        <message>
            <source>ヒアリングで聞いた現状（1行に1項目）</source>
            <translation>Situation heard in interviews (one item per line)</translation>
        </message>
        <message>
            <source>県による支援内容（1行に1項目）</source>
            <translation>Support given by the prefecture (one item per line)</translation>
        </message>
        <message>
            <source>新規・継続(&amp;N):</source>
            <translation>&amp;New / continuing:</translation>
        </message>
        <message>
            <source>実施・構築状況</source>
            <translation>Implementation status</translation>
        </message>
        <message>
            <source>現状(&amp;G):</source>
            <translation>Situation (&amp;G):</translation>
        </message>
        <message>
            <source>支援内容(&amp;S):</source>
            <translation>&amp;Support:</translation>
        </message>
        <message>
            <source>記録あり</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>記録なし（保存すると作成）</source>
            <translation>No record (saving creates one)</translation>
        </message>
        <message>
            <source>{0}（{1}）　{2}　{3}</source>
            <translation>{0} ({1}), {2}: {3}</translation>
        </message>
        <message>
            <source>動画リンク</source>
            <translation>Recording links</translation>
        </message>
        <message>
            <source>公開期限あり</source>
            <translation>Has an end date</translation>
        </message>
        <message>
            <source>動画URL(&amp;U)</source>
            <translation>Recording &amp;URL</translation>
        </message>
        <message>
            <source>パスコード(&amp;P)</source>
            <translation>&amp;Passcode</translation>
        </message>
        <message>
            <source>公開期限(&amp;D)</source>
            <translation>Available &amp;until</translation>
        </message>
        <message>
            <source>備考(&amp;N)</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <source>録画の送付 — {0}</source>
            <translation>Send the recording — {0}</translation>
        </message>
        <message>
            <source>送信</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>確認</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>編集(&amp;E)…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>欠席者（出席の記録がない人）</source>
            <translation>Absentees (no attendance recorded)</translation>
        </message>
        <message>
            <source>申込者全員</source>
            <translation>All registrants</translation>
        </message>
        <message>
            <source>選んだ人</source>
            <translation>Chosen people</translation>
        </message>
        <message>
            <source>1 行に 1 件: 鳩山町 福祉課 &lt;fukushi@example.jp&gt;</source>
            <translation>One per line: Hatoyama Welfare Section &lt;fukushi@example.jp&gt;</translation>
        </message>
        <message>
            <source>行事の資料を添付</source>
            <translation>Attach the event's materials</translation>
        </message>
        <message>
            <source>既定の文面に戻す</source>
            <translation>Reset to the default text</translation>
        </message>
        <message>
            <source>メールファイルに保存…</source>
            <translation>Save as e-mail files…</translation>
        </message>
        <message>
            <source>動画(&amp;V)</source>
            <translation>Recording (&amp;V)</translation>
        </message>
        <message>
            <source>選ぶ人</source>
            <translation>Chosen people</translation>
        </message>
        <message>
            <source>追加の宛先(&amp;X)</source>
            <translation>E&amp;xtra addresses</translation>
        </message>
        <message>
            <source>差し込み: {氏名} {行事名} {動画URL} {パスコード} {公開期限}</source>
            <translation>Placeholders: {氏名} {行事名} {動画URL} {パスコード} {公開期限}</translation>
        </message>
        <message>
            <source>プレビュー(&amp;W)</source>
            <translation>Previe&amp;w</translation>
        </message>
        <message>
            <source>先に「動画リンク」で動画の URL を追加してください。</source>
            <translation>First add the recording's URL under "Recording links".</translation>
        </message>
        <message>
            <source>送信先 {0} 人</source>
            <translation>{0} recipients</translation>
        </message>
        <message>
            <source>（対象外 {0} 人: {1}）</source>
            <translation>({0} left out: {1})</translation>
        </message>
        <message>
            <source>（氏名）</source>
            <translation>(name)</translation>
        </message>
        <message>
            <source>宛先: {0}
件名: {1}

{2}</source>
            <translation>To: {0}
Subject: {1}

{2}</translation>
        </message>
        <message>
            <source>動画リンク {0} とその配信記録を削除します。よろしいですか？</source>
            <translation>Delete the recording link {0} and its delivery log?</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません。メール設定を開いてください。</source>
            <translation>No SMTP server is set up. Open the mail settings.</translation>
        </message>
        <message>
            <source>{0} 人に動画のご案内を送信します。よろしいですか？</source>
            <translation>Send the recording notice to {0} people?</translation>
        </message>
        <message>
            <source>申込・出欠 — {0}</source>
            <translation>Registrations and attendance — {0}</translation>
        </message>
        <message>
            <source>申込者を絞り込み（氏名・ふりがな・所属）</source>
            <translation>Filter registrants (name, reading, organisation)</translation>
        </message>
        <message>
            <source>申込を削除(&amp;R)</source>
            <translation>&amp;Remove registration</translation>
        </message>
        <message>
            <source>書き出し(&amp;X)…</source>
            <translation>E&amp;xport…</translation>
        </message>
        <message>
            <source>出欠(&amp;S)</source>
            <translation>Attendance (&amp;S)</translation>
        </message>
        <message>
            <source>申込 {0} 人</source>
            <translation>{0} registered</translation>
        </message>
        <message>
            <source>{0} さんを「{1}」に</source>
            <translation>Set {0} to "{1}"</translation>
        </message>
        <message>
            <source>{0} 人を「{1}」に</source>
            <translation>Set {0} people to "{1}"</translation>
        </message>
        <message>
            <source>しました（Ctrl+Z で元に戻せます）</source>
            <translation> done (Ctrl+Z undoes)</translation>
        </message>
        <message>
            <source>申込に追加する人</source>
            <translation>People to register</translation>
        </message>
        <message>
            <source>{0} 人を申込に追加しました。</source>
            <translation>Registered {0} people.</translation>
        </message>
        <message>
            <source>{0} 人は他の方が既に追加していました。</source>
            <translation>{0} had already been registered by another organiser.</translation>
        </message>
        <message>
            <source>{0} 人の申込を削除しました（Ctrl+Z で元に戻せます）。</source>
            <translation>Removed {0} registrations (Ctrl+Z undoes).</translation>
        </message>
        <message>
            <source>出欠の書き出し</source>
            <translation>Export attendance</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx);;CSV UTF-8 (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</translation>
        </message>
        <message>
            <source>資料とリマインド — {0}</source>
            <translation>Materials and reminders — {0}</translation>
        </message>
        <message>
            <source>予定なし</source>
            <translation>No schedule</translation>
        </message>
        <message>
            <source> 日前</source>
            <translation> days before</translation>
        </message>
        <message>
            <source>予定を保存(&amp;P)</source>
            <translation>Save sche&amp;dule</translation>
        </message>
        <message>
            <source>次第を PDF で添付</source>
            <translation>Attach the agenda as a PDF</translation>
        </message>
        <message>
            <source>資料を添付</source>
            <translation>Attach the materials</translation>
        </message>
        <message>
            <source>例: https://… 共有フォルダのリンク（資料の題名と一緒に本文に載せます）</source>
            <translation>e.g. https://… a shared folder's link (written in the text with the materials' titles)</translation>
        </message>
        <message>
            <source>リマインドを送る(&amp;S)</source>
            <translation>&amp;Send the reminder</translation>
        </message>
        <message>
            <source>送信を中止</source>
            <translation>Stop sending</translation>
        </message>
        <message>
            <source>送る日(&amp;D)</source>
            <translation>Send &amp;on</translation>
        </message>
        <message>
            <source>資料のリンク(&amp;L)</source>
            <translation>Materials &amp;link</translation>
        </message>
        <message>
            <source>差し込み</source>
            <translation>Fields</translation>
        </message>
        <message>
            <source>リマインドの送付日です（開催日の {0} 日前から）。まだ届いていない {1} 人に「リマインドを送る」で送れます。</source>
            <translation>The reminder is due ({0} days before the event). Use “Send the reminder” to send it to the {1} people who do not have it yet.</translation>
        </message>
        <message>
            <source>リマインドの予定を取り消しました。</source>
            <translation>The reminder schedule was removed.</translation>
        </message>
        <message>
            <source>リマインドの予定を保存しました（{0} から送付できます）。</source>
            <translation>The reminder schedule was saved (it can be sent from {0}).</translation>
        </message>
        <message>
            <source>送信先 {0} 人（送付済み {1} 人、欠席・取消 {2} 人）</source>
            <translation>{0} recipients ({1} already have it, {2} absent or cancelled)</translation>
        </message>
        <message>
            <source>　アドレスなど不備 {0} 人</source>
            <translation>  {0} with an unusable address</translation>
        </message>
        <message>
            <source>1 通の大きさ: 約 {0}</source>
            <translation>Size of one message: about {0}</translation>
        </message>
        <message>
            <source>それでも送りますか？</source>
            <translation>Send anyway?</translation>
        </message>
        <message>
            <source>{0} 人にリマインドを送信します。よろしいですか？</source>
            <translation>Send the reminder to {0} people?</translation>
        </message>
        <message>
            <source>返信（出欠の回答）</source>
            <translation>Replies to invitations</translation>
        </message>
        <message>
            <source>返信のメール（.eml）、Outlook のメッセージ（.msg）、予定表（.ics）をここにドロップしても取り込めます。受信サーバーのメールは既読にも移動にもしません。</source>
            <translation>You can also drop reply mails (.eml), Outlook messages (.msg) or calendar files (.ics) here. Mail on the server is never marked as read or moved.</translation>
        </message>
        <message>
            <source>受信サーバーから取り込む(&amp;F)</source>
            <translation>&amp;Fetch from the mail server</translation>
        </message>
        <message>
            <source>ファイルから取り込む(&amp;O)…</source>
            <translation>Import from &amp;files…</translation>
        </message>
        <message>
            <source>受信サーバーの設定(&amp;S)…</source>
            <translation>Incoming &amp;server…</translation>
        </message>
        <message>
            <source>申込者の回答にする(&amp;A)…</source>
            <translation>Make a registrant's &amp;answer…</translation>
        </message>
        <message>
            <source>招待していないアドレスからの返信を、選んだ申込者の回答として反映します</source>
            <translation>Applies a reply from an address not invited as the answer of the registrant you choose</translation>
        </message>
        <message>
            <source>取り込みを中止(&amp;C)</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <source>申込者の回答にする</source>
            <translation>Make a registrant's answer</translation>
        </message>
        <message>
            <source>{0} からの返信を、どの申込者の回答にしますか</source>
            <translation>Whose answer is the reply from {0}?</translation>
        </message>
        <message>
            <source>返信を申込者の回答として反映しました。</source>
            <translation>The reply was applied as the registrant's answer.</translation>
        </message>
        <message>
            <source>返信のファイルを選ぶ</source>
            <translation>Choose reply files</translation>
        </message>
        <message>
            <source>返信（*.eml *.msg *.ics）</source>
            <translation>Replies (*.eml *.msg *.ics)</translation>
        </message>
        <message>
            <source>取り込んでいます…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>中止しています…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>取り込みました</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>メールを作成しています</source>
            <translation>Composing the messages</translation>
        </message>
        <message>
            <source>講師を検索（名前・ふりがな・所属）</source>
            <translation>Search speakers (name, reading, organisation)</translation>
        </message>
        <message>
            <source>新しい講師(&amp;N)</source>
            <translation>&amp;New speaker</translation>
        </message>
        <message>
            <source>個人</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>ひらがなで（並び順に使います）</source>
            <translation>In hiragana (used for sorting)</translation>
        </message>
        <message>
            <source>例: 文京学院大学 人間学部</source>
            <translation>e.g. Bunkyo Gakuin University, Faculty of Human Studies</translation>
        </message>
        <message>
            <source>例: 教授</source>
            <translation>e.g. Professor</translation>
        </message>
        <message>
            <source>講師の情報</source>
            <translation>Speaker details</translation>
        </message>
        <message>
            <source>名前</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>敬称</source>
            <translation>Honorific</translation>
        </message>
        <message>
            <source>分野</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>登壇する行事（ダブルクリックで開きます）</source>
            <translation>Events they speak at (double-click to open)</translation>
        </message>
        <message>
            <source>%1 名</source>
            <translation>%1 people</translation>
        </message>
        <message>
            <source>講師の名前は空にできません。</source>
            <translation>A speaker's name cannot be empty.</translation>
        </message>
        <message>
            <source>講師「%1」の変更</source>
            <translation>Change speaker "%1"</translation>
        </message>
        <message>
            <source>新しい講師</source>
            <translation>New speaker</translation>
        </message>
        <message>
            <source>講師の登録</source>
            <translation>Register speaker</translation>
        </message>
        <message>
            <source>講師「%1」の削除</source>
            <translation>Delete speaker "%1"</translation>
        </message>
        <message>
            <source>起動しています…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>年間スケジュール</source>
            <translation>Year schedule</translation>
        </message>
        <message>
            <source>A3 横</source>
            <translation>A3 landscape</translation>
        </message>
        <message>
            <source>A4 横</source>
            <translation>A4 landscape</translation>
        </message>
        <message>
            <source>用紙</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>事業スケジュールとして PDF に保存します</source>
            <translation>Saves the programme schedule as a PDF</translation>
        </message>
        <message numerus="yes">
            <source>%n 件の行事</source>
            <translation>
                <numerusform>%n event</numerusform>
                <numerusform>%n events</numerusform>
            </translation>
        </message>
        <message>
            <source>PDF を作成しています…</source>
            <translation>Creating the PDF…</translation>
        </message>
        <message>
            <source>事業スケジュール</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>事業スケジュールを PDF に出力</source>
            <translation>Export the schedule to PDF</translation>
        </message>
        <message>
            <source>データベースを開いています…</source>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>バックアップを作ってから、データベースを更新しています…</source>
            <translation>Making a backup, then upgrading the database…</translation>
        </message>
        <message>
            <source>今、バックアップを作ってから更新しますか？</source>
            <translation>Make a backup and upgrade it now?</translation>
        </message>
        <message>
            <source>更新する</source>
            <translation>Upgrade</translation>
        </message>
        <message>
            <source>更新しないで終了</source>
            <translation>Quit without upgrading</translation>
        </message>
        <message>
            <source>画面を準備しています…</source>
            <translation>Preparing the window…</translation>
        </message>
        <message>
            <source>起動できませんでした: {0}</source>
            <translation>Could not start: {0}</translation>
        </message>
        <message>
            <source>データベースを新しい形式に更新しました。更新前のコピー: {0}</source>
            <translation>The database was upgraded to the new format. The copy from before: {0}</translation>
        </message>
        <message>
            <source>{0} 人を申込に追加</source>
            <translation>Register {0} people</translation>
        </message>
        <message>
            <source>{0} 人の申込を削除</source>
            <translation>Remove {0} registrations</translation>
        </message>
        <message>
            <source>「{0}」を実行できませんでした: {1}</source>
            <translation>Could not do "{0}": {1}</translation>
        </message>
        <message>
            <source>取り消しました: {0}</source>
            <translation>Undone: {0}</translation>
        </message>
        <message>
            <source>一覧で選んだ行事について</source>
            <translation>For the event selected in the list</translation>
        </message>
        <message>
            <source>先に行事を選んでください。</source>
            <translation>Choose an event first.</translation>
        </message>
        <message>
            <source>出席レポート(&amp;Z)…</source>
            <translation>Attendance report (&amp;Z)…</translation>
        </message>
        <message>
            <source>市町村別の記録</source>
            <translation>Records by municipality</translation>
        </message>
        <message>
            <source>県内の進捗状況</source>
            <translation>Progress in the prefecture</translation>
        </message>
        <message>
            <source>{0} さんの受付</source>
            <translation>Check in {0}</translation>
        </message>
        <message>
            <source>リマインドの送付日です: {0}（メール → 資料とリマインド で送れます）</source>
            <translation>Reminders due: {0} (send them from Mail → Materials and reminders)</translation>
        </message>
        <message>
            <source>送信待ち {0} 件</source>
            <translation>{0} waiting</translation>
        </message>
        <message>
            <source>送信結果不明 {0} 件</source>
            <translation>{0} with unknown result</translation>
        </message>
        <message>
            <source>送信失敗 {0} 件</source>
            <translation>{0} failed</translation>
        </message>
        <message>
            <source>メール: {0}（メール → 送信済みメール で確認できます）</source>
            <translation>Mail: {0} (see Mail → Sent mail)</translation>
        </message>
        <message>
            <source>行事を選んでください。</source>
            <translation>Choose an event.</translation>
        </message>
        <message>
            <source>カレンダーを書き出す</source>
            <translation>Export calendar</translation>
        </message>
        <message>
            <source>カレンダー (*.ics)</source>
            <translation>Calendar (*.ics)</translation>
        </message>
        <message>
            <source>{0} に書き出しました</source>
            <translation>Written to {0}</translation>
        </message>
        <message>
            <source>データベースの設定(&amp;D)…</source>
            <translation>&amp;Database settings…</translation>
        </message>
        <message>
            <source>使い方(&amp;U)</source>
            <translation>&amp;Guide</translation>
        </message>
        <message>
            <source>年間(&amp;Y)</source>
            <translation>&amp;Year</translation>
        </message>
        <message>
            <source>年間スケジュール(&amp;Y)</source>
            <translation>&amp;Year schedule</translation>
        </message>
        <message>
            <source>市町村別の記録(&amp;M)</source>
            <translation>Records by &amp;municipality</translation>
        </message>
        <message>
            <source>県内の進捗状況(&amp;P)</source>
            <translation>&amp;Progress in the prefecture</translation>
        </message>
        <message>
            <source>予期しないエラーが発生しました（{0}）。詳しい記録は標準エラー出力にあります。</source>
            <translation>An unexpected error occurred ({0}). The details are in the standard error output.</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>アドレス</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>件名</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>試行</source>
            <translation>Tries</translation>
        </message>
        <message>
            <source>送信日時</source>
            <translation>Sent at</translation>
        </message>
        <message>
            <source>サーバーの応答・エラー</source>
            <translation>Server reply / error</translation>
        </message>
        <message>
            <source>回答</source>
            <translation>Answer</translation>
        </message>
        <message>
            <source>日時</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>コメント</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>経路</source>
            <translation>Read from</translation>
        </message>
        <message>
            <source>要確認（招待していないアドレス）</source>
            <translation>To decide (an address not invited)</translation>
        </message>
        <message>
            <source>要確認（代理を指名）</source>
            <translation>To decide (delegated)</translation>
        </message>
        <message>
            <source>要確認（別の日時を提案）</source>
            <translation>To decide (another time proposed)</translation>
        </message>
        <message>
            <source>（変更前の案内への返信）</source>
            <translation> (to an earlier version)</translation>
        </message>
        <message>
            <source>出席予定 {0} 人、欠席の連絡 {1} 人、未定 {2} 人、返信なし {3} 人</source>
            <translation>Coming {0}, not coming {1}, undecided {2}, no reply {3}</translation>
        </message>
        <message>
            <source>出席予定</source>
            <translation>Coming</translation>
        </message>
        <message>
            <source>欠席の連絡</source>
            <translation>Not coming</translation>
        </message>
        <message>
            <source>未定</source>
            <translation>Undecided</translation>
        </message>
        <message>
            <source>、要確認 {0} 件</source>
            <translation>, to decide {0}</translation>
        </message>
        <message>
            <source>送信を始めます…</source>
            <translation>Starting to send…</translation>
        </message>
        <message>
            <source>送信中のメールが終わりしだい中止します…</source>
            <translation>Stopping after the message being sent…</translation>
        </message>
        <message>
            <source>ほか {0} 件は「送信済みメール」で確かめられます。</source>
            <translation>{0} more are listed in Sent mail.</translation>
        </message>
        <message>
            <source>グループ分け</source>
            <translation>Discussion groups</translation>
        </message>
        <message>
            <source>グループ数 </source>
            <translation>Groups </translation>
        </message>
        <message>
            <source>種 </source>
            <translation>Seed </translation>
        </message>
        <message>
            <source>自動で分ける(&amp;A)</source>
            <translation>Split &amp;automatically</translation>
        </message>
        <message>
            <source>印刷(&amp;P)…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>選んだ人を移動(&amp;M)</source>
            <translation>&amp;Move the selected person</translation>
        </message>
        <message>
            <source>（手で直してあります）</source>
            <translation> (edited by hand)</translation>
        </message>
        <message>
            <source>移動先</source>
            <translation>Move to</translation>
        </message>
        <message>
            <source>まだグループ分けがありません。「自動で分ける」で分けてください。</source>
            <translation>No groups yet: use "Split automatically".</translation>
        </message>
        <message>
            <source> まだグループのない人: </source>
            <translation> Not yet in a group: </translation>
        </message>
        <message>
            <source>人を別のグループへドラッグするか、選んで「移動」を押します。</source>
            <translation>Drag a person to another group, or select them and press Move.</translation>
        </message>
        <message>
            <source>同じ所属の人が同じグループにいます</source>
            <translation>Two people of one organisation are in this group</translation>
        </message>
        <message>
            <source>グループ %1</source>
            <translation>Group %1</translation>
        </message>
        <message>
            <source>手で直したグループ分けを分け直しますか？</source>
            <translation>Split again over the groups edited by hand?</translation>
        </message>
        <message>
            <source>%1 さんをグループ %2 へ</source>
            <translation>%1 to group %2</translation>
        </message>
        <message>
            <source>グループ %1（%2 人）</source>
            <translation>Group %1 (%2 people)</translation>
        </message>
        <message>
            <source>判定</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>エラー・注意</source>
            <translation>Errors / warnings</translation>
        </message>
        <message>
            <source>出席</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>オンライン（分）</source>
            <translation>Online (min)</translation>
        </message>
        <message>
            <source>返信</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>アーカイブ済み</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>アンケートの取り込み</source>
            <translation>Survey import</translation>
        </message>
        <message>
            <source>アンケートの回答を取り込む</source>
            <translation>Import survey answers</translation>
        </message>
        <message>
            <source>回答の書き出し (*.csv *.xlsx);;すべてのファイル (*)</source>
            <translation>Survey exports (*.csv *.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>取り込む</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>やめる</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>アンケート集計のプレビュー — </source>
            <translation>Survey summary preview — </translation>
        </message>
        <message>
            <source>動画URL</source>
            <translation>Recording URL</translation>
        </message>
        <message>
            <source>パスコード</source>
            <translation>Passcode</translation>
        </message>
        <message>
            <source>公開期限</source>
            <translation>Available until</translation>
        </message>
        <message>
            <source>方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>動画の送付</source>
            <translation>Send recording</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>修了証をプレビュー…</source>
            <translation>Preview the certificates…</translation>
        </message>
        <message>
            <source>修了証の設定…</source>
            <translation>Certificate settings…</translation>
        </message>
        <message>
            <source>修了証の設定</source>
            <translation>Certificate settings</translation>
        </message>
        <message>
            <source>例: 埼玉県福祉部地域包括ケア課長</source>
            <translation>e.g. Director, Community Care Division, Saitama Prefecture</translation>
        </message>
        <message>
            <source>画像を選ぶ…</source>
            <translation>Choose an image…</translation>
        </message>
        <message>
            <source>画像を外す</source>
            <translation>Remove the image</translation>
        </message>
        <message>
            <source>表題(&amp;H)</source>
            <translation>&amp;Heading</translation>
        </message>
        <message>
            <source>発行者の職名(&amp;T)</source>
            <translation>Issuer's &amp;title</translation>
        </message>
        <message>
            <source>発行者の氏名(&amp;N)</source>
            <translation>Issuer's &amp;name</translation>
        </message>
        <message>
            <source>公印の画像（PNG）</source>
            <translation>Seal image (PNG)</translation>
        </message>
        <message>
            <source>様</source>
            <translation>sama (polite)</translation>
        </message>
        <message>
            <source>殿</source>
            <translation>dono (formal)</translation>
        </message>
        <message>
            <source>（付けない）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>公印の画像</source>
            <translation>Seal image</translation>
        </message>
        <message>
            <source>修了証のプレビュー — </source>
            <translation>Certificates preview — </translation>
        </message>
        <message>
            <source>待つのをやめる</source>
            <translation>Stop waiting</translation>
        </message>
        <message>
            <source>保存しています</source>
            <translation>Saving</translation>
        </message>
        <message>
            <source>データベースサーバーの応答を待っています（%1 秒）…</source>
            <translation>Waiting for the database server to answer (%1 s)…</translation>
        </message>
        <message>
            <source>データベースサーバーが %1 秒応答しないため、待つのをやめました。この変更が保存されたかどうかは確かめられていません。</source>
            <translation>The database server did not answer for %1 s, so the program stopped waiting. Whether this change was saved has not been confirmed.</translation>
        </message>
        <message>
            <source>実施報告書を作成しています…</source>
            <translation>Writing the event report…</translation>
        </message>
        <message>
            <source>印刷(&amp;R)</source>
            <translation>P&amp;rint</translation>
        </message>
        <message>
            <source>次第をプレビュー…</source>
            <translation>Preview agenda…</translation>
        </message>
        <message>
            <source>参加者名簿をプレビュー…</source>
            <translation>Preview participant list…</translation>
        </message>
        <message>
            <source>受付簿をプレビュー…</source>
            <translation>Preview sign-in sheet…</translation>
        </message>
        <message>
            <source>実施報告書をプレビュー…</source>
            <translation>Preview the event report…</translation>
        </message>
        <message>
            <source>実施報告書を Excel で保存…</source>
            <translation>Save the event report as Excel…</translation>
        </message>
        <message>
            <source>受付簿のプレビュー — </source>
            <translation>Sign-in sheet preview — </translation>
        </message>
        <message>
            <source>参加者名簿のプレビュー — </source>
            <translation>Participant list preview — </translation>
        </message>
        <message>
            <source>実施報告書を Excel で保存</source>
            <translation>Save the event report as Excel</translation>
        </message>
        <message>
            <source>次第のプレビュー — </source>
            <translation>Agenda preview — </translation>
        </message>
        <message>
            <source>実施報告書のプレビュー — </source>
            <translation>Event report preview — </translation>
        </message>
        <message>
            <source>行事を選択してください。</source>
            <translation>Select an event.</translation>
        </message>
        <message>
            <source>実施報告書を %1 に保存しました。</source>
            <translation>Saved the event report to %1.</translation>
        </message>
        <message>
            <source>名札</source>
            <translation>Name cards</translation>
        </message>
        <message>
            <source>卓上名札</source>
            <translation>Table tents</translation>
        </message>
        <message>
            <source>名札をプレビュー…</source>
            <translation>Preview name cards…</translation>
        </message>
        <message>
            <source>卓上名札をプレビュー…</source>
            <translation>Preview table tents…</translation>
        </message>
        <message>
            <source>グループ分け…</source>
            <translation>Discussion groups…</translation>
        </message>
        <message>
            <source>グループ数:</source>
            <translation>Number of groups:</translation>
        </message>
        <message>
            <source>プログラム</source>
            <translation>The programme</translation>
        </message>
        <message>
            <source>プログラムが終了時刻を{0}分超えています</source>
            <translation>The programme runs {0} min past the end time</translation>
        </message>
        <message>
            <source>{1}の前に{0}分の空き時間があります</source>
            <translation>{1} is preceded by {0} min with nothing scheduled</translation>
        </message>
        <message>
            <source>{1}（時刻固定）が前の項目と{0}分重なっています</source>
            <translation>{1} (fixed start) overlaps the item before by {0} min</translation>
        </message>
        <message>
            <source>プログラムが終了時刻の{0}分前に終わります</source>
            <translation>The programme ends {0} min before the end time</translation>
        </message>
        <message>
            <source>{1}（時刻固定）が開始時刻より{0}分前に始まります</source>
            <translation>{1} (fixed start) begins {0} min before the event starts</translation>
        </message>
        <message>
            <source>{1}の所要時間が負の値です</source>
            <translation>{1} has a negative duration</translation>
        </message>
        <message>
            <source>{0}番目の項目：{1} は同じ時間帯に「{2}」の「{3}」（{4}）にも登壇します</source>
            <translation>Item {0}: {1} also presents in "{3}" of "{2}" at the same time ({4})</translation>
        </message>
        <message>
            <source>{0}番目の項目</source>
            <translation>Item {0}</translation>
        </message>
        <message>
            <source> 入力した内容は画面に残してあります。もう一度確定すると保存し直します。</source>
            <translation> What you typed is still on the screen; confirm it again to save it again.</translation>
        </message>
        <message>
            <source>データベースに保存できませんでした: </source>
            <translation>Could not save to the database: </translation>
        </message>
        <message>
            <source>「%1」を実行できませんでした: %2</source>
            <translation>Could not do "%1": %2</translation>
        </message>
        <message>
            <source>発表者</source>
            <translation>Presenters</translation>
        </message>
        <message>
            <source>演題</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>名前・ふりがな・所属の一部を入力し、↓ で候補を選んで Enter。名簿にない名前は Enter で新しく登録します。</source>
            <translation>Type part of a name, reading or organisation, choose with ↓ and press Enter. A name not in the list is registered with Enter.</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>入力した名前で講師名簿に登録し、発表者に加えます</source>
            <translation>Registers the typed name as a speaker and adds them as presenter</translation>
        </message>
        <message>
            <source>↑</source>
            <translation>↑</translation>
        </message>
        <message>
            <source>発表順を上げる</source>
            <translation>Move presenter up</translation>
        </message>
        <message>
            <source>↓</source>
            <translation>↓</translation>
        </message>
        <message>
            <source>発表順を下げる</source>
            <translation>Move presenter down</translation>
        </message>
        <message>
            <source>外す</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>選んだ発表者をこの項目から外します（講師名簿には残ります）</source>
            <translation>Removes the selected presenter from this item (they stay in the speaker list)</translation>
        </message>
        <message>
            <source>発表者の追加</source>
            <translation>Add presenter</translation>
        </message>
        <message>
            <source>演題の変更</source>
            <translation>Change topic</translation>
        </message>
        <message>
            <source>講師名・ふりがなで追加</source>
            <translation>Add by speaker name or reading</translation>
        </message>
        <message>
            <source>講師名簿を読み込み中…</source>
            <translation>Loading speakers…</translation>
        </message>
        <message>
            <source>発表者を外す</source>
            <translation>Remove presenter</translation>
        </message>
        <message>
            <source>発表順の変更</source>
            <translation>Change presenter order</translation>
        </message>
        <message>
            <source>候補が複数あります。一覧から選んでください。</source>
            <translation>Several people match. Choose one from the list.</translation>
        </message>
        <message>
            <source>%1 は既に発表者に入っています。</source>
            <translation>%1 is already a presenter.</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>開始時刻を %1 に固定しています</source>
            <translation>Start fixed at %1</translation>
        </message>
        <message>
            <source>所属・職名</source>
            <translation>Organisation / title</translation>
        </message>
        <message>
            <source>団体コード</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>新規・継続</source>
            <translation>New / continuing</translation>
        </message>
        <message>
            <source>①窓口</source>
            <translation>① Contact point</translation>
        </message>
        <message>
            <source>②チーム</source>
            <translation>② Team</translation>
        </message>
        <message>
            <source>重層</source>
            <translation>Multi-layered</translation>
        </message>
        <message>
            <source>移行準備</source>
            <translation>Transition</translation>
        </message>
        <message>
            <source>派遣希望</source>
            <translation>Visit wanted</translation>
        </message>
        <message>
            <source>県職員</source>
            <translation>Prefectural staff</translation>
        </message>
        <message>
            <source>ワンストップ型総合相談窓口</source>
            <translation>One-stop contact point</translation>
        </message>
        <message>
            <source>複合課題を調整するチーム</source>
            <translation>Team that coordinates complex cases</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業</source>
            <translation>Multi-layered support system project</translation>
        </message>
        <message>
            <source>移行準備事業</source>
            <translation>Transition preparation project</translation>
        </message>
        <message>
            <source>継続</source>
            <translation>Continuing</translation>
        </message>
        <message>
            <source>済</source>
            <translation>In place</translation>
        </message>
        <message>
            <source>希望</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>重層的支援体制関係</source>
            <translation>Multi-layered support system</translation>
        </message>
        <message>
            <source>市町村総合相談支援体制関係</source>
            <translation>Municipal comprehensive consultation</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業実施</source>
            <translation>Multi-layered support system project run</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業への移行準備事業実施</source>
            <translation>Transition preparation for the multi-layered project run</translation>
        </message>
        <message>
            <source>市町村総合相談支援体制構築</source>
            <translation>Comprehensive consultation system set up</translation>
        </message>
        <message>
            <source>①ワンストップ型総合相談窓口と②複合課題を調整するチームの両方を設置</source>
            <translation>Both ① a one-stop contact point and ② a team for complex cases</translation>
        </message>
        <message>
            <source>①ワンストップ型総合相談窓口のみ</source>
            <translation>① One-stop contact point only</translation>
        </message>
        <message>
            <source>②複合課題を調整するチームのみ</source>
            <translation>② Team for complex cases only</translation>
        </message>
        <message>
            <source>アドバイザー派遣希望市町村（各年度）</source>
            <translation>Municipalities wanting an adviser visit (each year)</translation>
        </message>
        <message>
            <source>アドバイザー派遣</source>
            <translation>Adviser visits</translation>
        </message>
        <message>
            <source>研修・情報交換会</source>
            <translation>Training and information exchange</translation>
        </message>
        <message>
            <source>予定(時期未定)</source>
            <translation>Planned (no date)</translation>
        </message>
        <message>
            <source>年度中予定</source>
            <translation>Within the year</translation>
        </message>
        <message>
            <source>{0}予定</source>
            <translation>Planned {0}</translation>
        </message>
        <message>
            <source>{0}
実施・構築済み</source>
            <translation>{0}
in place</translation>
        </message>
        <message>
            <source>{0}中
実施・構築予定</source>
            <translation>Planned
within {0}</translation>
        </message>
        <message>
            <source>{0}
実施・構築予定</source>
            <translation>Planned
by {0}</translation>
        </message>
        <message>
            <source>{0}以降
実施・構築予定</source>
            <translation>Planned
{0} or later</translation>
        </message>
    </context>
</TS>
