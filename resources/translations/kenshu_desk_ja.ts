<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ja">
    <context>
        <name />
        <message>
            <source>カレンダーを書き出す(&amp;C)…</source>
            <translation>カレンダーを書き出す(&amp;C)…</translation>
        </message>
        <message>
            <source>招待メールを送信(&amp;I)…</source>
            <translation>招待メールを送信(&amp;I)…</translation>
        </message>
        <message>
            <source>送信済みメール(&amp;L)…</source>
            <translation>送信済みメール(&amp;L)…</translation>
        </message>
        <message>
            <source>録画の送付と配信記録(&amp;R)…</source>
            <translation>録画の送付と配信記録(&amp;R)…</translation>
        </message>
        <message>
            <source>返信を取り込む(&amp;P)…</source>
            <translation>返信を取り込む(&amp;P)…</translation>
        </message>
        <message>
            <source>資料とリマインド(&amp;M)…</source>
            <translation>資料とリマインド(&amp;M)…</translation>
        </message>
        <message>
            <source>メール設定(&amp;S)…</source>
            <translation>メール設定(&amp;S)…</translation>
        </message>
        <message>
            <source>参加者名簿(&amp;L)</source>
            <translation>参加者名簿(&amp;L)</translation>
        </message>
        <message>
            <source>申込・出欠(&amp;R)</source>
            <translation>申込・出欠(&amp;R)</translation>
        </message>
        <message>
            <source>受付(&amp;K)</source>
            <translation>受付(&amp;K)</translation>
        </message>
        <message>
            <source>参加者名簿の取り込み(&amp;I)…</source>
            <translation>参加者名簿の取り込み(&amp;I)…</translation>
        </message>
        <message>
            <source>出席レポートの取り込み（Zoom・Teams）(&amp;Z)…</source>
            <translation>出席レポートの取り込み（Zoom・Teams）(&amp;Z)…</translation>
        </message>
        <message>
            <source>出欠の書き出し(&amp;X)…</source>
            <translation>出欠の書き出し(&amp;X)…</translation>
        </message>
        <message>
            <source>アンケートの取り込み(&amp;Q)…</source>
            <translation>アンケートの取り込み(&amp;Q)…</translation>
        </message>
        <message>
            <source>アンケート集計をプレビュー(&amp;S)…</source>
            <translation>アンケート集計をプレビュー(&amp;S)…</translation>
        </message>
        <message>
            <source>市町村の参加状況(&amp;C)</source>
            <translation>市町村の参加状況(&amp;C)</translation>
        </message>
        <message>
            <source>表示言語(&amp;L)</source>
            <translation>表示言語(&amp;L)</translation>
        </message>
        <message>
            <source>自動（システムの言語に合わせる）</source>
            <translation>自動（システムの言語に合わせる）</translation>
        </message>
        <message>
            <source>表示言語は次の起動から切り替わります。 / The language changes at the next start.</source>
            <translation>表示言語は次の起動から切り替わります。 / The language changes at the next start.</translation>
        </message>
        <message>
            <source>新しい行事(&amp;N)</source>
            <translation>新しい行事(&amp;N)</translation>
        </message>
        <message>
            <source>新規</source>
            <translation>新規</translation>
        </message>
        <message>
            <source>行事を複製(&amp;C)…</source>
            <translation>行事を複製(&amp;C)…</translation>
        </message>
        <message>
            <source>複製</source>
            <translation>複製</translation>
        </message>
        <message>
            <source>行事を削除(&amp;R)…</source>
            <translation>行事を削除(&amp;R)…</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>編集(&amp;E)</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>行事(&amp;V)</source>
            <translation>行事(&amp;V)</translation>
        </message>
        <message>
            <source>参加者(&amp;P)</source>
            <translation>参加者(&amp;P)</translation>
        </message>
        <message>
            <source>メール(&amp;M)</source>
            <translation>メール(&amp;M)</translation>
        </message>
        <message>
            <source>表示(&amp;W)</source>
            <translation>表示(&amp;W)</translation>
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>終了(&amp;X)</source>
            <translation>終了(&amp;X)</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <source>やり直し</source>
            <translation>やり直し</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>検索(&amp;S)</translation>
        </message>
        <message>
            <source>行事と時間割(&amp;E)</source>
            <translation>行事と時間割(&amp;E)</translation>
        </message>
        <message>
            <source>講師名簿(&amp;S)</source>
            <translation>講師名簿(&amp;S)</translation>
        </message>
        <message>
            <source>kenshu-desk について(&amp;A)</source>
            <translation>kenshu-desk について(&amp;A)</translation>
        </message>
        <message>
            <source>項目を追加(&amp;A)</source>
            <translation>項目を追加(&amp;A)</translation>
        </message>
        <message>
            <source>＋追加</source>
            <translation>＋追加</translation>
        </message>
        <message>
            <source>選択中の項目の後に新しい項目を追加</source>
            <translation>選択中の項目の後に新しい項目を追加</translation>
        </message>
        <message>
            <source>項目を前に挿入(&amp;I)</source>
            <translation>項目を前に挿入(&amp;I)</translation>
        </message>
        <message>
            <source>挿入</source>
            <translation>挿入</translation>
        </message>
        <message>
            <source>選択中の項目の前に新しい項目を挿入</source>
            <translation>選択中の項目の前に新しい項目を挿入</translation>
        </message>
        <message>
            <source>休憩を追加(&amp;B)</source>
            <translation>休憩を追加(&amp;B)</translation>
        </message>
        <message>
            <source>休憩</source>
            <translation>休憩</translation>
        </message>
        <message>
            <source>選択中の項目の後に休憩（5分）を追加</source>
            <translation>選択中の項目の後に休憩（5分）を追加</translation>
        </message>
        <message>
            <source>項目を削除(&amp;D)</source>
            <translation>項目を削除(&amp;D)</translation>
        </message>
        <message>
            <source>選択中の項目を削除</source>
            <translation>選択中の項目を削除</translation>
        </message>
        <message>
            <source>項目を上へ(&amp;U)</source>
            <translation>項目を上へ(&amp;U)</translation>
        </message>
        <message>
            <source>↑上へ</source>
            <translation>↑上へ</translation>
        </message>
        <message>
            <source>選択中の項目を一つ前へ</source>
            <translation>選択中の項目を一つ前へ</translation>
        </message>
        <message>
            <source>項目を下へ(&amp;N)</source>
            <translation>項目を下へ(&amp;N)</translation>
        </message>
        <message>
            <source>↓下へ</source>
            <translation>↓下へ</translation>
        </message>
        <message>
            <source>選択中の項目を一つ後へ</source>
            <translation>選択中の項目を一つ後へ</translation>
        </message>
        <message>
            <source>開始時刻を固定(&amp;P)</source>
            <translation>開始時刻を固定(&amp;P)</translation>
        </message>
        <message>
            <source>時刻固定</source>
            <translation>時刻固定</translation>
        </message>
        <message>
            <source>選択中の項目の開始時刻を今の時刻に固定／固定を解除</source>
            <translation>選択中の項目の開始時刻を今の時刻に固定／固定を解除</translation>
        </message>
        <message>
            <source>kenshu-desk について</source>
            <translation>kenshu-desk について</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>フォントのライセンス</source>
            <translation>フォントのライセンス</translation>
        </message>
        <message>
            <source>ライブラリのライセンス</source>
            <translation>ライブラリのライセンス</translation>
        </message>
        <message>
            <source>研修・情報交換会の時間割、次第、招待、出欠、動画配信を机の上で。</source>
            <translation>研修・情報交換会の時間割、次第、招待、出欠、動画配信を机の上で。</translation>
        </message>
        <message>
            <source>データベース:</source>
            <translation>データベース:</translation>
        </message>
        <message>
            <source>バックアップの場所:</source>
            <translation>バックアップの場所:</translation>
        </message>
        <message>
            <source>（まだありません。形式を更新するときに自動で作成します）</source>
            <translation>（まだありません。形式を更新するときに自動で作成します）</translation>
        </message>
        <message>
            <source>バックアップ:</source>
            <translation>バックアップ:</translation>
        </message>
        <message>
            <source>フォルダを開く(&amp;O)</source>
            <translation>フォルダを開く(&amp;O)</translation>
        </message>
        <message>
            <source>サーバーのデータベースはサーバー側でバックアップしてください。</source>
            <translation>サーバーのデータベースはサーバー側でバックアップしてください。</translation>
        </message>
        <message>
            <source>ユーザーデータ:</source>
            <translation>ユーザーデータ:</translation>
        </message>
        <message>
            <source>実行環境:</source>
            <translation>実行環境:</translation>
        </message>
        <message>
            <source>画面と PDF には IPAexゴシック（ipaexg.ttf）と IPAex明朝（ipaexm.ttf）を同梱しています。IPAフォントライセンスv1.0 に従って再配布しています。</source>
            <translation>画面と PDF には IPAexゴシック（ipaexg.ttf）と IPAex明朝（ipaexm.ttf）を同梱しています。IPAフォントライセンスv1.0 に従って再配布しています。</translation>
        </message>
        <message>
            <source>kenshu-desk 本体は MIT ライセンスです。次のライブラリを利用しています（ライセンス名はインストールされたパッケージの情報から読んでいます）。</source>
            <translation>kenshu-desk 本体は MIT ライセンスです。次のライブラリを利用しています（ライセンス名はインストールされたパッケージの情報から読んでいます）。</translation>
        </message>
        <message>
            <source>ライブラリ</source>
            <translation>ライブラリ</translation>
        </message>
        <message>
            <source>バージョン</source>
            <translation>バージョン</translation>
        </message>
        <message>
            <source>ライセンス</source>
            <translation>ライセンス</translation>
        </message>
        <message>
            <source>出席レポートの取り込み — {0}</source>
            <translation>出席レポートの取り込み — {0}</translation>
        </message>
        <message>
            <source>参照(&amp;B)…</source>
            <translation>参照(&amp;B)…</translation>
        </message>
        <message>
            <source>読み込む(&amp;L)</source>
            <translation>読み込む(&amp;L)</translation>
        </message>
        <message>
            <source>レポートにいない申込者を欠席にする</source>
            <translation>レポートにいない申込者を欠席にする</translation>
        </message>
        <message>
            <source>記録済みの出席（オンライン）を欠席にしてよい</source>
            <translation>記録済みの出席（オンライン）を欠席にしてよい</translation>
        </message>
        <message>
            <source>行事の時間の何％以上で出席(&amp;T)</source>
            <translation>行事の時間の何％以上で出席(&amp;T)</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>所属</source>
            <translation>所属</translation>
        </message>
        <message>
            <source>現在</source>
            <translation>現在</translation>
        </message>
        <message>
            <source>変更後</source>
            <translation>変更後</translation>
        </message>
        <message>
            <source>参加（分）</source>
            <translation>参加（分）</translation>
        </message>
        <message>
            <source>レポートの名前</source>
            <translation>レポートの名前</translation>
        </message>
        <message>
            <source>メール</source>
            <translation>メール</translation>
        </message>
        <message>
            <source>行</source>
            <translation>行</translation>
        </message>
        <message>
            <source>対応</source>
            <translation>対応</translation>
        </message>
        <message>
            <source>出欠の変更</source>
            <translation>出欠の変更</translation>
        </message>
        <message>
            <source>照合できなかった行</source>
            <translation>照合できなかった行</translation>
        </message>
        <message>
            <source>反映する(&amp;A)</source>
            <translation>反映する(&amp;A)</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>出席レポート</source>
            <translation>出席レポート</translation>
        </message>
        <message>
            <source>出席レポート (*.csv *.tsv *.txt *.xlsx);;すべてのファイル (*)</source>
            <translation>出席レポート (*.csv *.tsv *.txt *.xlsx);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>「{0}」</source>
            <translation>「{0}」</translation>
        </message>
        <message>
            <source>{0} {1}（{2}）: {3} 人</source>
            <translation>{0} {1}（{2}）: {3} 人</translation>
        </message>
        <message>
            <source>注意: {0}</source>
            <translation>注意: {0}</translation>
        </message>
        <message>
            <source>除外: {0}（{1} 行目）{2}</source>
            <translation>除外: {0}（{1} 行目）{2}</translation>
        </message>
        <message>
            <source>（名前なし）</source>
            <translation>（名前なし）</translation>
        </message>
        <message>
            <source>（名簿に追加）</source>
            <translation>（名簿に追加）</translation>
        </message>
        <message>
            <source>（申込なし）</source>
            <translation>（申込なし）</translation>
        </message>
        <message>
            <source>照合できなかった行: {0}（対応を選ぶと反映されます。選ばない行は無視します）</source>
            <translation>照合できなかった行: {0}（対応を選ぶと反映されます。選ばない行は無視します）</translation>
        </message>
        <message>
            <source>端末名だけの行です。持ち主を選んでください</source>
            <translation>端末名だけの行です。持ち主を選んでください</translation>
        </message>
        <message>
            <source>同姓同名の別団体の人かもしれません</source>
            <translation>同姓同名の別団体の人かもしれません</translation>
        </message>
        <message>
            <source>同じ名前の人が複数います</source>
            <translation>同じ名前の人が複数います</translation>
        </message>
        <message>
            <source>無視する（{0}）</source>
            <translation>無視する（{0}）</translation>
        </message>
        <message>
            <source>無視する</source>
            <translation>無視する</translation>
        </message>
        <message>
            <source>（申込者）</source>
            <translation>（申込者）</translation>
        </message>
        <message>
            <source>→ {0}{1}</source>
            <translation>→ {0}{1}</translation>
        </message>
        <message>
            <source>→ 選んだ人（ID {0}）</source>
            <translation>→ 選んだ人（ID {0}）</translation>
        </message>
        <message>
            <source>名簿から選ぶ…</source>
            <translation>名簿から選ぶ…</translation>
        </message>
        <message>
            <source>名簿に追加して出欠を記録</source>
            <translation>名簿に追加して出欠を記録</translation>
        </message>
        <message>
            <source>「{0}」に当たる人</source>
            <translation>「{0}」に当たる人</translation>
        </message>
        <message>
            <source>他の方の変更を読み込みました</source>
            <translation>他の方の変更を読み込みました</translation>
        </message>
        <message>
            <source>受付 — {0}</source>
            <translation>受付 — {0}</translation>
        </message>
        <message>
            <source>ふりがな・氏名の一部を入力して Enter（例: たかは）</source>
            <translation>ふりがな・氏名の一部を入力して Enter（例: たかは）</translation>
        </message>
        <message>
            <source>直前の受付を取り消す (Ctrl+Z)</source>
            <translation>直前の受付を取り消す (Ctrl+Z)</translation>
        </message>
        <message>
            <source>受付済み {0} / 申込 {1} 人</source>
            <translation>受付済み {0} / 申込 {1} 人</translation>
        </message>
        <message>
            <source>「{0}」に当たる申込者がいません。</source>
            <translation>「{0}」に当たる申込者がいません。</translation>
        </message>
        <message>
            <source>{0}{1} さんは受付済みです。</source>
            <translation>{0}{1} さんは受付済みです。</translation>
        </message>
        <message>
            <source>（「{0}」から変更）</source>
            <translation>（「{0}」から変更）</translation>
        </message>
        <message>
            <source>✓ {0}{1} さんを受付しました{2}</source>
            <translation>✓ {0}{1} さんを受付しました{2}</translation>
        </message>
        <message>
            <source>時間割のチェック</source>
            <translation>時間割のチェック</translation>
        </message>
        <message>
            <source>時間割に問題はありません</source>
            <translation>時間割に問題はありません</translation>
        </message>
        <message>
            <source>クリックすると該当する項目を選択します</source>
            <translation>クリックすると該当する項目を選択します</translation>
        </message>
        <message>
            <source>市町村</source>
            <translation>市町村</translation>
        </message>
        <message>
            <source>参加回数</source>
            <translation>参加回数</translation>
        </message>
        <message>
            <source>{0} {1}（{2}）: {3} 市町村</source>
            <translation>{0} {1}（{2}）: {3} 市町村</translation>
        </message>
        <message numerus="yes">
            <source>{0}: %n 人</source>
            <translation>
                <numerusform>{0}: %n 人</numerusform>
            </translation>
        </message>
        <message>
            <source>市町村の参加状況</source>
            <translation>市町村の参加状況</translation>
        </message>
        <message>
            <source>出席で数える</source>
            <translation>出席で数える</translation>
        </message>
        <message>
            <source>申込で数える（これからの行事）</source>
            <translation>申込で数える（これからの行事）</translation>
        </message>
        <message>
            <source>年度(&amp;Y)</source>
            <translation>年度(&amp;Y)</translation>
        </message>
        <message>
            <source>{0}: {1} 市町村のうち {2} 市町村が参加、参加のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</source>
            <translation>{0}: {1} 市町村のうち {2} 市町村が参加、参加のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</translation>
        </message>
        <message>
            <source>{0}: {1} 市町村のうち {2} 市町村が申込、申込のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</source>
            <translation>{0}: {1} 市町村のうち {2} 市町村が申込、申込のない市町村 {3}（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）</translation>
        </message>
        <message>
            <source>参加のない市町村: {0}</source>
            <translation>参加のない市町村: {0}</translation>
        </message>
        <message>
            <source>なし（全市町村が参加）</source>
            <translation>なし（全市町村が参加）</translation>
        </message>
        <message>
            <source>データベースの設定</source>
            <translation>データベースの設定</translation>
        </message>
        <message>
            <source>このパソコンの内蔵データベース（標準）</source>
            <translation>このパソコンの内蔵データベース（標準）</translation>
        </message>
        <message>
            <source>共有サーバー（PostgreSQL・チーム利用）</source>
            <translation>共有サーバー（PostgreSQL・チーム利用）</translation>
        </message>
        <message>
            <source>例: db.example.lg.jp</source>
            <translation>例: db.example.lg.jp</translation>
        </message>
        <message>
            <source>例: kenshu</source>
            <translation>例: kenshu</translation>
        </message>
        <message>
            <source>標準（5432）</source>
            <translation>標準（5432）</translation>
        </message>
        <message>
            <source>変更しないときは空欄</source>
            <translation>変更しないときは空欄</translation>
        </message>
        <message>
            <source>サーバー名(&amp;H):</source>
            <translation>サーバー名(&amp;H):</translation>
        </message>
        <message>
            <source>データベース名(&amp;D):</source>
            <translation>データベース名(&amp;D):</translation>
        </message>
        <message>
            <source>利用者名(&amp;U):</source>
            <translation>利用者名(&amp;U):</translation>
        </message>
        <message>
            <source>パスワード(&amp;P):</source>
            <translation>パスワード(&amp;P):</translation>
        </message>
        <message>
            <source>接続テスト(&amp;T)</source>
            <translation>接続テスト(&amp;T)</translation>
        </message>
        <message>
            <source>このデータベースをサーバーにコピー(&amp;C)…</source>
            <translation>このデータベースをサーバーにコピー(&amp;C)…</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>設定は次回の起動から使われます。</source>
            <translation>設定は次回の起動から使われます。</translation>
        </message>
        <message>
            <source>パスワードは OS のキーリングに保存します。起動時の --db や環境変数 KENSHU_DESK_DB は、この設定より優先されます。</source>
            <translation>パスワードは OS のキーリングに保存します。起動時の --db や環境変数 KENSHU_DESK_DB は、この設定より優先されます。</translation>
        </message>
        <message>
            <source>ポート(&amp;O):</source>
            <translation>ポート(&amp;O):</translation>
        </message>
        <message>
            <source>接続 URL(&amp;L):</source>
            <translation>接続 URL(&amp;L):</translation>
        </message>
        <message>
            <source>接続しています…</source>
            <translation>接続しています…</translation>
        </message>
        <message>
            <source>コピーしています…</source>
            <translation>コピーしています…</translation>
        </message>
        <message>
            <source>次回の起動から、このサーバーを使うように設定しますか？</source>
            <translation>次回の起動から、このサーバーを使うように設定しますか？</translation>
        </message>
        <message>
            <source>例: 2022/10/20、R4.10.20</source>
            <translation>例: 2022/10/20、R4.10.20</translation>
        </message>
        <message>
            <source>2022/10/20・20221020・R4.10.20・令和4年10月20日 などの書き方で入力できます。月日だけ（10/20）なら年度から年を補います。</source>
            <translation>2022/10/20・20221020・R4.10.20・令和4年10月20日 などの書き方で入力できます。月日だけ（10/20）なら年度から年を補います。</translation>
        </message>
        <message>
            <source>カレンダーから選ぶ</source>
            <translation>カレンダーから選ぶ</translation>
        </message>
        <message>
            <source>日付を入力してください。</source>
            <translation>日付を入力してください。</translation>
        </message>
        <message>
            <source>日付として読めません（例: 2022/10/20）。</source>
            <translation>日付として読めません（例: 2022/10/20）。</translation>
        </message>
        <message>
            <source>詳細</source>
            <translation>詳細</translation>
        </message>
        <message>
            <source>派遣の記録を修正</source>
            <translation>派遣の記録を修正</translation>
        </message>
        <message>
            <source>アドバイザー派遣を記録</source>
            <translation>アドバイザー派遣を記録</translation>
        </message>
        <message>
            <source>空欄なら「派遣先 種別」</source>
            <translation>空欄なら「派遣先 種別」</translation>
        </message>
        <message>
            <source>日付・時刻(&amp;D):</source>
            <translation>日付・時刻(&amp;D):</translation>
        </message>
        <message>
            <source>種別(&amp;K):</source>
            <translation>種別(&amp;K):</translation>
        </message>
        <message>
            <source>派遣先(&amp;H):</source>
            <translation>派遣先(&amp;H):</translation>
        </message>
        <message>
            <source>件名(&amp;T):</source>
            <translation>件名(&amp;T):</translation>
        </message>
        <message>
            <source>アドバイザー(&amp;A):</source>
            <translation>アドバイザー(&amp;A):</translation>
        </message>
        <message>
            <source>派遣したアドバイザーにチェック（なしは県職員のみの訪問）</source>
            <translation>派遣したアドバイザーにチェック（なしは県職員のみの訪問）</translation>
        </message>
        <message>
            <source>保存する</source>
            <translation>保存する</translation>
        </message>
        <message>
            <source>記録する</source>
            <translation>記録する</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>※ {0}</source>
            <translation>※ {0}</translation>
        </message>
        <message>
            <source>{0}（いま保存されている内容を表示しました）</source>
            <translation>{0}（いま保存されている内容を表示しました）</translation>
        </message>
        <message>
            <source>行事を複製</source>
            <translation>行事を複製</translation>
        </message>
        <message>
            <source>時間割と発表者をそのまま写した新しい行事を作ります（申込は写しません）。</source>
            <translation>時間割と発表者をそのまま写した新しい行事を作ります（申込は写しません）。</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>開催日</translation>
        </message>
        <message>
            <source>行事名</source>
            <translation>行事名</translation>
        </message>
        <message>
            <source>%1　▲ %2</source>
            <translation>%1　▲ %2</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>種別</translation>
        </message>
        <message>
            <source>開始時刻</source>
            <translation>開始時刻</translation>
        </message>
        <message>
            <source>終了時刻</source>
            <translation>終了時刻</translation>
        </message>
        <message>
            <source>会場</source>
            <translation>会場</translation>
        </message>
        <message>
            <source>オンライン会議URL</source>
            <translation>オンライン会議URL</translation>
        </message>
        <message>
            <source>対象</source>
            <translation>対象</translation>
        </message>
        <message>
            <source>主催</source>
            <translation>主催</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>備考</translation>
        </message>
        <message>
            <source>次第の注記</source>
            <translation>次第の注記</translation>
        </message>
        <message>
            <source>例: 第1回市町村情報交換会</source>
            <translation>例: 第1回市町村情報交換会</translation>
        </message>
        <message>
            <source>行事を中止にします（一覧に「中止」と表示されます）</source>
            <translation>行事を中止にします（一覧に「中止」と表示されます）</translation>
        </message>
        <message>
            <source>例: 埼玉県庁 第二庁舎 4階 第3会議室</source>
            <translation>例: 埼玉県庁 第二庁舎 4階 第3会議室</translation>
        </message>
        <message>
            <source>例: 市町村、市町村社協、地域包括支援センター</source>
            <translation>例: 市町村、市町村社協、地域包括支援センター</translation>
        </message>
        <message>
            <source>例: 福祉部 地域包括ケア課</source>
            <translation>例: 福祉部 地域包括ケア課</translation>
        </message>
        <message>
            <source>内部向けのメモ（次第には印刷しません）</source>
            <translation>内部向けのメモ（次第には印刷しません）</translation>
        </message>
        <message>
            <source>次第の末尾に「※」付きで印刷する注記（1行に1つ）</source>
            <translation>次第の末尾に「※」付きで印刷する注記（1行に1つ）</translation>
        </message>
        <message>
            <source>種別(&amp;K)</source>
            <translation>種別(&amp;K)</translation>
        </message>
        <message>
            <source>行事名(&amp;T)</source>
            <translation>行事名(&amp;T)</translation>
        </message>
        <message>
            <source>開催日(&amp;D)</source>
            <translation>開催日(&amp;D)</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>時間</translation>
        </message>
        <message>
            <source>オンライン</source>
            <translation>オンライン</translation>
        </message>
        <message>
            <source>土日・祝日に開催しますか？</source>
            <translation>土日・祝日に開催しますか？</translation>
        </message>
        <message>
            <source>%1の変更</source>
            <translation>%1の変更</translation>
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation>年度で絞り込み</translation>
        </message>
        <message>
            <source>行事を検索（行事名・種別・年度・会場）</source>
            <translation>行事を検索（行事名・種別・年度・会場）</translation>
        </message>
        <message>
            <source>派遣を表示</source>
            <translation>派遣を表示</translation>
        </message>
        <message>
            <source>アドバイザー派遣（市町村への訪問）を一覧に表示します</source>
            <translation>アドバイザー派遣（市町村への訪問）を一覧に表示します</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>すべての年度</translation>
        </message>
        <message>
            <source>名簿ファイルの選択</source>
            <translation>名簿ファイルの選択</translation>
        </message>
        <message>
            <source>Excel ブック（.xlsx）または CSV（UTF-8、Shift_JIS、UTF-16）を選んでください。</source>
            <translation>Excel ブック（.xlsx）または CSV（UTF-8、Shift_JIS、UTF-16）を選んでください。</translation>
        </message>
        <message>
            <source>（申込はしない）</source>
            <translation>（申込はしない）</translation>
        </message>
        <message>
            <source>取り込んだ人を申込(&amp;E)</source>
            <translation>取り込んだ人を申込(&amp;E)</translation>
        </message>
        <message>
            <source>名簿ファイル</source>
            <translation>名簿ファイル</translation>
        </message>
        <message>
            <source>名簿ファイル (*.xlsx *.csv *.txt *.tsv);;すべてのファイル (*)</source>
            <translation>名簿ファイル (*.xlsx *.csv *.txt *.tsv);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>年度（4月～翌年3月）。西暦（2021）でも入力できます</source>
            <translation>年度（4月～翌年3月）。西暦（2021）でも入力できます</translation>
        </message>
        <message>
            <source>要対応の人だけ表示(&amp;O)</source>
            <translation>要対応の人だけ表示(&amp;O)</translation>
        </message>
        <message>
            <source>電話・手渡しでの伝達を記録(&amp;M)…</source>
            <translation>電話・手渡しでの伝達を記録(&amp;M)…</translation>
        </message>
        <message>
            <source>配信記録を書き出す(&amp;X)…</source>
            <translation>配信記録を書き出す(&amp;X)…</translation>
        </message>
        <message>
            <source>配信記録</source>
            <translation>配信記録</translation>
        </message>
        <message>
            <source>申込 {0} 人、出席 {1} 人、送付済み {2} 人、要対応 {3} 人</source>
            <translation>申込 {0} 人、出席 {1} 人、送付済み {2} 人、要対応 {3} 人</translation>
        </message>
        <message>
            <source>表で相手を選んでください（動画リンクがなければ先に追加してください）。</source>
            <translation>表で相手を選んでください（動画リンクがなければ先に追加してください）。</translation>
        </message>
        <message>
            <source>伝達の記録</source>
            <translation>伝達の記録</translation>
        </message>
        <message>
            <source>{0} さんへの伝達方法</source>
            <translation>{0} さんへの伝達方法</translation>
        </message>
        <message>
            <source>備考（日時・内容など）</source>
            <translation>備考（日時・内容など）</translation>
        </message>
        <message>
            <source>配信記録を書き出す</source>
            <translation>配信記録を書き出す</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel ブック (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>{0} 件を {1} に書き出しました。</source>
            <translation>{0} 件を {1} に書き出しました。</translation>
        </message>
        <message>
            <source>使い方</source>
            <translation>使い方</translation>
        </message>
        <message>
            <source>戻る</source>
            <translation>戻る</translation>
        </message>
        <message>
            <source>目次</source>
            <translation>目次</translation>
        </message>
        <message>
            <source>受信サーバーの設定</source>
            <translation>受信サーバーの設定</translation>
        </message>
        <message>
            <source>SSL/TLS（推奨）</source>
            <translation>SSL/TLS（推奨）</translation>
        </message>
        <message>
            <source>自動</source>
            <translation>自動</translation>
        </message>
        <message>
            <source>受信サーバー(&amp;H)</source>
            <translation>受信サーバー(&amp;H)</translation>
        </message>
        <message>
            <source>暗号化(&amp;E)</source>
            <translation>暗号化(&amp;E)</translation>
        </message>
        <message>
            <source>ポート(&amp;O)</source>
            <translation>ポート(&amp;O)</translation>
        </message>
        <message>
            <source>ユーザー名(&amp;U)</source>
            <translation>ユーザー名(&amp;U)</translation>
        </message>
        <message>
            <source>パスワード(&amp;P)</source>
            <translation>パスワード(&amp;P)</translation>
        </message>
        <message>
            <source>フォルダー(&amp;F)</source>
            <translation>フォルダー(&amp;F)</translation>
        </message>
        <message>
            <source>招待への返信を読むだけです。メールを既読にしたり、移動・削除したりはしません。</source>
            <translation>招待への返信を読むだけです。メールを既読にしたり、移動・削除したりはしません。</translation>
        </message>
        <message>
            <source>招待メール — {0}</source>
            <translation>招待メール — {0}</translation>
        </message>
        <message>
            <source>自動（初めての人に招待、以前の版を受け取った人に変更）</source>
            <translation>自動（初めての人に招待、以前の版を受け取った人に変更）</translation>
        </message>
        <message>
            <source>既定に戻す</source>
            <translation>既定に戻す</translation>
        </message>
        <message>
            <source>テンプレート(&amp;T)</source>
            <translation>テンプレート(&amp;T)</translation>
        </message>
        <message>
            <source>件名(&amp;U)</source>
            <translation>件名(&amp;U)</translation>
        </message>
        <message>
            <source>本文(&amp;B)</source>
            <translation>本文(&amp;B)</translation>
        </message>
        <message>
            <source>差し込み: {氏名} {所属} {行事名} {日時} {会場} {参加URL} {プログラム} {差出人} {問い合わせ先}</source>
            <translation>差し込み: {氏名} {所属} {行事名} {日時} {会場} {参加URL} {プログラム} {差出人} {問い合わせ先}</translation>
        </message>
        <message>
            <source>プレビュー(&amp;V)</source>
            <translation>プレビュー(&amp;V)</translation>
        </message>
        <message>
            <source>送信(&amp;S)…</source>
            <translation>送信(&amp;S)…</translation>
        </message>
        <message>
            <source>メールファイルに保存(&amp;E)…</source>
            <translation>メールファイルに保存(&amp;E)…</translation>
        </message>
        <message>
            <source>送る内容(&amp;K)</source>
            <translation>送る内容(&amp;K)</translation>
        </message>
        <message>
            <source>差出人</source>
            <translation>差出人</translation>
        </message>
        <message>
            <source>次第を PDF で添付（招待・変更のお知らせ）</source>
            <translation>次第を PDF で添付（招待・変更のお知らせ）</translation>
        </message>
        <message>
            <source>添付</source>
            <translation>添付</translation>
        </message>
        <message>
            <source>送信先</source>
            <translation>送信先</translation>
        </message>
        <message>
            <source>差出人のアドレスがありません。メール設定で入力してください。</source>
            <translation>差出人のアドレスがありません。メール設定で入力してください。</translation>
        </message>
        <message>
            <source>、</source>
            <translation>、</translation>
        </message>
        <message>
            <source>{0} 人（{1}）</source>
            <translation>{0} 人（{1}）</translation>
        </message>
        <message>
            <source>{0} 人</source>
            <translation>{0} 人</translation>
        </message>
        <message>
            <source>　対象外 {0} 人</source>
            <translation>　対象外 {0} 人</translation>
        </message>
        <message>
            <source>メールアドレスのある参加者がいません。</source>
            <translation>メールアドレスのある参加者がいません。</translation>
        </message>
        <message>
            <source>{0} 人に{1}。よろしいですか？</source>
            <translation>{0} 人に{1}。よろしいですか？</translation>
        </message>
        <message>
            <source>SMTP のパスワード</source>
            <translation>SMTP のパスワード</translation>
        </message>
        <message>
            <source>{0} のパスワード</source>
            <translation>{0} のパスワード</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません。メール設定を開くか、メールファイルに保存してください。</source>
            <translation>SMTP サーバーが設定されていません。メール設定を開くか、メールファイルに保存してください。</translation>
        </message>
        <message>
            <source>メールを送信します</source>
            <translation>メールを送信します</translation>
        </message>
        <message>
            <source>。うち {0} 人は、すでにある予定表の予定を書き換えます（変更・取り消し）</source>
            <translation>。うち {0} 人は、すでにある予定表の予定を書き換えます（変更・取り消し）</translation>
        </message>
        <message>
            <source>メールファイルの保存先</source>
            <translation>メールファイルの保存先</translation>
        </message>
        <message>
            <source>{0} 件のメールファイルを {1} に保存しました。</source>
            <translation>{0} 件のメールファイルを {1} に保存しました。</translation>
        </message>
        <message>
            <source>メールファイルを作成しています…</source>
            <translation>メールファイルを作成しています…</translation>
        </message>
        <message>
            <source>情報交換会</source>
            <translation>情報交換会</translation>
        </message>
        <message>
            <source>研修</source>
            <translation>研修</translation>
        </message>
        <message>
            <source>部会</source>
            <translation>部会</translation>
        </message>
        <message>
            <source>勉強会</source>
            <translation>勉強会</translation>
        </message>
        <message>
            <source>ヒアリング</source>
            <translation>ヒアリング</translation>
        </message>
        <message>
            <source>研修会</source>
            <translation>研修会</translation>
        </message>
        <message>
            <source>検討会議への参加</source>
            <translation>検討会議への参加</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>その他</translation>
        </message>
        <message>
            <source>挨拶</source>
            <translation>挨拶</translation>
        </message>
        <message>
            <source>講演</source>
            <translation>講演</translation>
        </message>
        <message>
            <source>説明</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>事例発表</source>
            <translation>事例発表</translation>
        </message>
        <message>
            <source>意見交換</source>
            <translation>意見交換</translation>
        </message>
        <message>
            <source>質疑応答</source>
            <translation>質疑応答</translation>
        </message>
        <message>
            <source>閉会</source>
            <translation>閉会</translation>
        </message>
        <message>
            <source>申込</source>
            <translation>申込</translation>
        </message>
        <message>
            <source>出席（会場）</source>
            <translation>出席（会場）</translation>
        </message>
        <message>
            <source>出席（オンライン）</source>
            <translation>出席（オンライン）</translation>
        </message>
        <message>
            <source>欠席</source>
            <translation>欠席</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>送信待ち</source>
            <translation>送信待ち</translation>
        </message>
        <message>
            <source>送信中</source>
            <translation>送信中</translation>
        </message>
        <message>
            <source>送信済み</source>
            <translation>送信済み</translation>
        </message>
        <message>
            <source>送信失敗</source>
            <translation>送信失敗</translation>
        </message>
        <message>
            <source>送信結果不明</source>
            <translation>送信結果不明</translation>
        </message>
        <message>
            <source>ファイルに保存</source>
            <translation>ファイルに保存</translation>
        </message>
        <message>
            <source>対象外（送信せず）</source>
            <translation>対象外（送信せず）</translation>
        </message>
        <message>
            <source>伝達済み</source>
            <translation>伝達済み</translation>
        </message>
        <message>
            <source>招待</source>
            <translation>招待</translation>
        </message>
        <message>
            <source>変更のお知らせ</source>
            <translation>変更のお知らせ</translation>
        </message>
        <message>
            <source>中止のお知らせ</source>
            <translation>中止のお知らせ</translation>
        </message>
        <message>
            <source>参加取り消しのお知らせ</source>
            <translation>参加取り消しのお知らせ</translation>
        </message>
        <message>
            <source>録画のご案内</source>
            <translation>録画のご案内</translation>
        </message>
        <message>
            <source>リマインド</source>
            <translation>リマインド</translation>
        </message>
        <message>
            <source>メールファイル</source>
            <translation>メールファイル</translation>
        </message>
        <message>
            <source>電話で伝達</source>
            <translation>電話で伝達</translation>
        </message>
        <message>
            <source>手渡し・口頭</source>
            <translation>手渡し・口頭</translation>
        </message>
        <message>
            <source>メール設定</source>
            <translation>メール設定</translation>
        </message>
        <message>
            <source> 秒</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>サーバーが応答しないとき、この時間であきらめます（1 段階ごと）</source>
            <translation>サーバーが応答しないとき、この時間であきらめます（1 段階ごと）</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>なし</translation>
        </message>
        <message>
            <source> 分前</source>
            <translation> 分前</translation>
        </message>
        <message>
            <source>上限なし</source>
            <translation>上限なし</translation>
        </message>
        <message>
            <source>添付ファイルを含むメール 1 通の大きさの上限（職場のメールの制限に合わせる）</source>
            <translation>添付ファイルを含むメール 1 通の大きさの上限（職場のメールの制限に合わせる）</translation>
        </message>
        <message>
            <source>このパソコンにはパスワードを保存できません。送信のたびに入力してください。</source>
            <translation>このパソコンにはパスワードを保存できません。送信のたびに入力してください。</translation>
        </message>
        <message>
            <source>パスワードは OS のキーリングに保存しますが、このパソコンにはキーリングがありません。環境変数 KENSHU_DESK_SMTP_PASSWORD でも指定できます。</source>
            <translation>パスワードは OS のキーリングに保存しますが、このパソコンにはキーリングがありません。環境変数 KENSHU_DESK_SMTP_PASSWORD でも指定できます。</translation>
        </message>
        <message>
            <source>差出人名(&amp;N)</source>
            <translation>差出人名(&amp;N)</translation>
        </message>
        <message>
            <source>差出人アドレス(&amp;A)</source>
            <translation>差出人アドレス(&amp;A)</translation>
        </message>
        <message>
            <source>送信サーバー(&amp;H)</source>
            <translation>送信サーバー(&amp;H)</translation>
        </message>
        <message>
            <source>招待の通知(&amp;R)</source>
            <translation>招待の通知(&amp;R)</translation>
        </message>
        <message>
            <source>応答を待つ時間(&amp;W)</source>
            <translation>応答を待つ時間(&amp;W)</translation>
        </message>
        <message>
            <source>メールの大きさの上限(&amp;L)</source>
            <translation>メールの大きさの上限(&amp;L)</translation>
        </message>
        <message>
            <source>テストメールを送信(&amp;T)</source>
            <translation>テストメールを送信(&amp;T)</translation>
        </message>
        <message>
            <source>受信サーバーの設定(&amp;I)…</source>
            <translation>受信サーバーの設定(&amp;I)…</translation>
        </message>
        <message>
            <source>SMTP サーバーを入力してください。</source>
            <translation>SMTP サーバーを入力してください。</translation>
        </message>
        <message>
            <source>送信しています…</source>
            <translation>送信しています…</translation>
        </message>
        <message>
            <source>{0} に送信しました（サーバーの応答: {1}）</source>
            <translation>{0} に送信しました（サーバーの応答: {1}）</translation>
        </message>
        <message>
            <source>送信できませんでした: {0}</source>
            <translation>送信できませんでした: {0}</translation>
        </message>
        <message>
            <source>{0}（共有）</source>
            <translation>{0}（共有）</translation>
        </message>
        <message>
            <source>行事と時間割</source>
            <translation>行事と時間割</translation>
        </message>
        <message>
            <source>講師名簿</source>
            <translation>講師名簿</translation>
        </message>
        <message>
            <source>行事 %1 件</source>
            <translation>行事 %1 件</translation>
        </message>
        <message>
            <source>新しい行事</source>
            <translation>新しい行事</translation>
        </message>
        <message>
            <source>新しい行事の作成</source>
            <translation>新しい行事の作成</translation>
        </message>
        <message>
            <source>行事「%1」の複製</source>
            <translation>行事「%1」の複製</translation>
        </message>
        <message>
            <source>行事「%1」と時間割を削除しますか？
「元に戻す」(Ctrl+Z) で取り消せます。</source>
            <translation>行事「%1」と時間割を削除しますか？
「元に戻す」(Ctrl+Z) で取り消せます。</translation>
        </message>
        <message>
            <source>行事「%1」を削除しますか？
この行事には%2があり、一緒に削除されます。
この削除は元に戻せません（元に戻す履歴も消去されます）。</source>
            <translation>行事「%1」を削除しますか？
この行事には%2があり、一緒に削除されます。
この削除は元に戻せません（元に戻す履歴も消去されます）。</translation>
        </message>
        <message>
            <source>行事の削除</source>
            <translation>行事の削除</translation>
        </message>
        <message>
            <source>行事「%1」の削除</source>
            <translation>行事「%1」の削除</translation>
        </message>
        <message>
            <source>%1 を削除しました。</source>
            <translation>%1 を削除しました。</translation>
        </message>
        <message>
            <source>列の対応</source>
            <translation>列の対応</translation>
        </message>
        <message>
            <source>見出しの行と、各項目がどの列かを確かめてください。</source>
            <translation>見出しの行と、各項目がどの列かを確かめてください。</translation>
        </message>
        <message>
            <source>見出しの行(&amp;H)</source>
            <translation>見出しの行(&amp;H)</translation>
        </message>
        <message>
            <source>見出しの下の行（先頭 10 行）</source>
            <translation>見出しの下の行（先頭 10 行）</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>（なし）</translation>
        </message>
        <message>
            <source>「氏名」（または「姓」）の列を選んでください。</source>
            <translation>「氏名」（または「姓」）の列を選んでください。</translation>
        </message>
        <message>
            <source>PDF・PowerPoint・Word・Excel のファイルを追加できます（エクスプローラーからここへドラッグしても追加できます）。</source>
            <translation>PDF・PowerPoint・Word・Excel のファイルを追加できます（エクスプローラーからここへドラッグしても追加できます）。</translation>
        </message>
        <message>
            <source>追加(&amp;A)…</source>
            <translation>追加(&amp;A)…</translation>
        </message>
        <message>
            <source>上へ(&amp;U)</source>
            <translation>上へ(&amp;U)</translation>
        </message>
        <message>
            <source>下へ(&amp;D)</source>
            <translation>下へ(&amp;D)</translation>
        </message>
        <message>
            <source>題名の変更(&amp;T)…</source>
            <translation>題名の変更(&amp;T)…</translation>
        </message>
        <message>
            <source>削除(&amp;R)</source>
            <translation>削除(&amp;R)</translation>
        </message>
        <message>
            <source>名前を付けて保存(&amp;S)…</source>
            <translation>名前を付けて保存(&amp;S)…</translation>
        </message>
        <message>
            <source>資料</source>
            <translation>資料</translation>
        </message>
        <message>
            <source>資料を追加</source>
            <translation>資料を追加</translation>
        </message>
        <message>
            <source>資料 ({0})</source>
            <translation>資料 ({0})</translation>
        </message>
        <message>
            <source>{0} 件の資料を追加しました。</source>
            <translation>{0} 件の資料を追加しました。</translation>
        </message>
        <message>
            <source>題名の変更</source>
            <translation>題名の変更</translation>
        </message>
        <message>
            <source>資料の題名:</source>
            <translation>資料の題名:</translation>
        </message>
        <message>
            <source>「{0}」を削除しますか？</source>
            <translation>「{0}」を削除しますか？</translation>
        </message>
        <message>
            <source>名前を付けて保存</source>
            <translation>名前を付けて保存</translation>
        </message>
        <message>
            <source>{0} に保存しました。</source>
            <translation>{0} に保存しました。</translation>
        </message>
        <message>
            <source>なし・未定</source>
            <translation>なし・未定</translation>
        </message>
        <message>
            <source>実施・構築済み</source>
            <translation>実施・構築済み</translation>
        </message>
        <message>
            <source>予定</source>
            <translation>予定</translation>
        </message>
        <message>
            <source>開始した年度（わからなければ「年度未定」）</source>
            <translation>開始した年度（わからなければ「年度未定」）</translation>
        </message>
        <message>
            <source>実施・構築を予定している年度</source>
            <translation>実施・構築を予定している年度</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>市町村を検索（名前・コード・派遣実績）</source>
            <translation>市町村を検索（名前・コード・派遣実績）</translation>
        </message>
        <message>
            <source>前年度から引き継ぐ(&amp;C)</source>
            <translation>前年度から引き継ぐ(&amp;C)</translation>
        </message>
        <message>
            <source>前年度の実施・構築状況をこの年度の記録として作成します（既にある記録はそのまま）</source>
            <translation>前年度の実施・構築状況をこの年度の記録として作成します（既にある記録はそのまま）</translation>
        </message>
        <message>
            <source>派遣を記録(&amp;D)…</source>
            <translation>派遣を記録(&amp;D)…</translation>
        </message>
        <message>
            <source>派遣を修正(&amp;E)…</source>
            <translation>派遣を修正(&amp;E)…</translation>
        </message>
        <message>
            <source>派遣実績で選んだ記録の日付・アドバイザーなどを直します</source>
            <translation>派遣実績で選んだ記録の日付・アドバイザーなどを直します</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>元に戻す(&amp;R)</source>
            <translation>元に戻す(&amp;R)</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>派遣先</source>
            <translation>派遣先</translation>
        </message>
        <message>
            <source>アドバイザー</source>
            <translation>アドバイザー</translation>
        </message>
        <message>
            <source>行事</source>
            <translation>行事</translation>
        </message>
        <message>
            <source>出席者</source>
            <translation>出席者</translation>
        </message>
        <message>
            <source>派遣実績</source>
            <translation>派遣実績</translation>
        </message>
        <message>
            <source>参加した行事</source>
            <translation>参加した行事</translation>
        </message>
        <message>
            <source>年度(&amp;Y):</source>
            <translation>年度(&amp;Y):</translation>
        </message>
        <message>
            <source>（中止）</source>
            <translation>（中止）</translation>
        </message>
        <message>
            <source>派遣実績（{0}件）</source>
            <translation>派遣実績（{0}件）</translation>
        </message>
        <message>
            <source>参加した行事（{0}件）</source>
            <translation>参加した行事（{0}件）</translation>
        </message>
        <message>
            <source>{0}の{1}の記録を保存しました</source>
            <translation>{0}の{1}の記録を保存しました</translation>
        </message>
        <message>
            <source>保存されている内容に戻しました</source>
            <translation>保存されている内容に戻しました</translation>
        </message>
        <message>
            <source>派遣を記録しました</source>
            <translation>派遣を記録しました</translation>
        </message>
        <message>
            <source>派遣の記録を修正しました</source>
            <translation>派遣の記録を修正しました</translation>
        </message>
        <message>
            <source>この年度の記録はまだありません</source>
            <translation>この年度の記録はまだありません</translation>
        </message>
        <message>
            <source>年度未定</source>
            <translation>年度未定</translation>
        </message>
        <message>
            <source>送信済みメール</source>
            <translation>送信済みメール</translation>
        </message>
        <message>
            <source>選択中の行事のみ(&amp;O)</source>
            <translation>選択中の行事のみ(&amp;O)</translation>
        </message>
        <message>
            <source>失敗・結果不明を先頭に</source>
            <translation>失敗・結果不明を先頭に</translation>
        </message>
        <message>
            <source>失敗・結果不明だけ</source>
            <translation>失敗・結果不明だけ</translation>
        </message>
        <message>
            <source>送信した順</source>
            <translation>送信した順</translation>
        </message>
        <message>
            <source>送れなかったメールを探しやすく並べます</source>
            <translation>送れなかったメールを探しやすく並べます</translation>
        </message>
        <message>
            <source>再送(&amp;R)</source>
            <translation>再送(&amp;R)</translation>
        </message>
        <message>
            <source>選んだメールを送ります（失敗・結果不明のものはもう一度、送信待ちのものはそのまま）</source>
            <translation>選んだメールを送ります（失敗・結果不明のものはもう一度、送信待ちのものはそのまま）</translation>
        </message>
        <message>
            <source>最新の状態に更新</source>
            <translation>最新の状態に更新</translation>
        </message>
        <message>
            <source>記録はありません</source>
            <translation>記録はありません</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません（メール → メール設定）。</source>
            <translation>SMTP サーバーが設定されていません（メール → メール設定）。</translation>
        </message>
        <message>
            <source>参加者の編集</source>
            <translation>参加者の編集</translation>
        </message>
        <message>
            <source>参加者の追加</source>
            <translation>参加者の追加</translation>
        </message>
        <message>
            <source>ひらがな（例: たかはし　みさき）</source>
            <translation>ひらがな（例: たかはし　みさき）</translation>
        </message>
        <message>
            <source>市町村名、社会福祉協議会など</source>
            <translation>市町村名、社会福祉協議会など</translation>
        </message>
        <message>
            <source>氏名(&amp;N)</source>
            <translation>氏名(&amp;N)</translation>
        </message>
        <message>
            <source>ふりがな(&amp;R)</source>
            <translation>ふりがな(&amp;R)</translation>
        </message>
        <message>
            <source>所属(&amp;O)</source>
            <translation>所属(&amp;O)</translation>
        </message>
        <message>
            <source>部署(&amp;D)</source>
            <translation>部署(&amp;D)</translation>
        </message>
        <message>
            <source>職名(&amp;T)</source>
            <translation>職名(&amp;T)</translation>
        </message>
        <message>
            <source>メールアドレス(&amp;E)</source>
            <translation>メールアドレス(&amp;E)</translation>
        </message>
        <message>
            <source>電話番号(&amp;P)</source>
            <translation>電話番号(&amp;P)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>他の方の変更（{0}）を取り入れました。</source>
            <translation>他の方の変更（{0}）を取り入れました。</translation>
        </message>
        <message>
            <source>「{0}」は他の方も変更しています（他の方の値: {1}）。</source>
            <translation>「{0}」は他の方も変更しています（他の方の値: {1}）。</translation>
        </message>
        <message>
            <source>空欄</source>
            <translation>空欄</translation>
        </message>
        <message>
            <source>入力した内容は残っています。確かめてから、もう一度保存してください。</source>
            <translation>入力した内容は残っています。確かめてから、もう一度保存してください。</translation>
        </message>
        <message>
            <source>ふりがな</source>
            <translation>ふりがな</translation>
        </message>
        <message>
            <source>部署</source>
            <translation>部署</translation>
        </message>
        <message>
            <source>職名</source>
            <translation>職名</translation>
        </message>
        <message>
            <source>メールアドレス</source>
            <translation>メールアドレス</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>電話番号</translation>
        </message>
        <message>
            <source>参加者名簿</source>
            <translation>参加者名簿</translation>
        </message>
        <message>
            <source>氏名・ふりがな・所属・メールで絞り込み（全角・半角、カナ・かなどちらでも）</source>
            <translation>氏名・ふりがな・所属・メールで絞り込み（全角・半角、カナ・かなどちらでも）</translation>
        </message>
        <message>
            <source>アーカイブ済みも表示</source>
            <translation>アーカイブ済みも表示</translation>
        </message>
        <message>
            <source>出欠</source>
            <translation>出欠</translation>
        </message>
        <message>
            <source>分</source>
            <translation>分</translation>
        </message>
        <message>
            <source>新規(&amp;N)</source>
            <translation>新規(&amp;N)</translation>
        </message>
        <message>
            <source>アーカイブ(&amp;A)</source>
            <translation>アーカイブ(&amp;A)</translation>
        </message>
        <message>
            <source>削除(&amp;D)</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>申込・出席した行事</source>
            <translation>申込・出席した行事</translation>
        </message>
        <message>
            <source>読み込み中…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <source>{0} 人中 {1} 人</source>
            <translation>{0} 人中 {1} 人</translation>
        </message>
        <message>
            <source>（アーカイブ済み）</source>
            <translation>（アーカイブ済み）</translation>
        </message>
        <message>
            <source>名簿に戻す(&amp;A)</source>
            <translation>名簿に戻す(&amp;A)</translation>
        </message>
        <message>
            <source>{0} さんを名簿に戻しました。</source>
            <translation>{0} さんを名簿に戻しました。</translation>
        </message>
        <message>
            <source>{0} さんをアーカイブしました（「アーカイブ済みも表示」で見られます）。</source>
            <translation>{0} さんをアーカイブしました（「アーカイブ済みも表示」で見られます）。</translation>
        </message>
        <message>
            <source>{0} さんには申込・出欠の記録があるため削除できません。アーカイブすると名簿に表示されなくなり、記録は残ります。</source>
            <translation>{0} さんには申込・出欠の記録があるため削除できません。アーカイブすると名簿に表示されなくなり、記録は残ります。</translation>
        </message>
        <message>
            <source>参加者の削除</source>
            <translation>参加者の削除</translation>
        </message>
        <message>
            <source>{0} さんを名簿から削除しますか？</source>
            <translation>{0} さんを名簿から削除しますか？</translation>
        </message>
        <message>
            <source>参加者名簿の取り込み</source>
            <translation>参加者名簿の取り込み</translation>
        </message>
        <message>
            <source>&lt; 戻る(&amp;B)</source>
            <translation>&lt; 戻る(&amp;B)</translation>
        </message>
        <message>
            <source>次へ(&amp;N) &gt;</source>
            <translation>次へ(&amp;N) &gt;</translation>
        </message>
        <message>
            <source>取り込む(&amp;I)</source>
            <translation>取り込む(&amp;I)</translation>
        </message>
        <message>
            <source>氏名・ふりがな・所属・メールで検索</source>
            <translation>氏名・ふりがな・所属・メールで検索</translation>
        </message>
        <message>
            <source>Ctrl または Shift を押しながらクリックすると複数選べます。</source>
            <translation>Ctrl または Shift を押しながらクリックすると複数選べます。</translation>
        </message>
        <message>
            <source>名簿に新規登録(&amp;N)…</source>
            <translation>名簿に新規登録(&amp;N)…</translation>
        </message>
        <message>
            <source>選択</source>
            <translation>選択</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>印刷…</translation>
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation>PDFとして保存…</translation>
        </message>
        <message>
            <source>縮小</source>
            <translation>縮小</translation>
        </message>
        <message>
            <source>拡大</source>
            <translation>拡大</translation>
        </message>
        <message>
            <source>幅に合わせる</source>
            <translation>幅に合わせる</translation>
        </message>
        <message>
            <source>ページ全体</source>
            <translation>ページ全体</translation>
        </message>
        <message>
            <source>並び順: </source>
            <translation>並び順: </translation>
        </message>
        <message>
            <source>所属順（市町村コード順）</source>
            <translation>所属順（市町村コード順）</translation>
        </message>
        <message>
            <source>五十音順</source>
            <translation>五十音順</translation>
        </message>
        <message>
            <source>受付簿（出欠・署名欄）</source>
            <translation>受付簿（出欠・署名欄）</translation>
        </message>
        <message>
            <source>%1 / %2 ページ</source>
            <translation>%1 / %2 ページ</translation>
        </message>
        <message>
            <source>PDFを作成しています…</source>
            <translation>PDFを作成しています…</translation>
        </message>
        <message>
            <source>%v / %m ページ</source>
            <translation>%v / %m ページ</translation>
        </message>
        <message>
            <source>PDFを作成しました。</source>
            <translation>PDFを作成しました。</translation>
        </message>
        <message>
            <source>PDFを作成できませんでした: </source>
            <translation>PDFを作成できませんでした: </translation>
        </message>
        <message>
            <source>PDFの作成を中止しました。</source>
            <translation>PDFの作成を中止しました。</translation>
        </message>
        <message>
            <source>PDFがまだできていません。</source>
            <translation>PDFがまだできていません。</translation>
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation>PDFとして保存</translation>
        </message>
        <message>
            <source>PDF ファイル (*.pdf)</source>
            <translation>PDF ファイル (*.pdf)</translation>
        </message>
        <message>
            <source>保存できません</source>
            <translation>保存できません</translation>
        </message>
        <message>
            <source>保存しました: </source>
            <translation>保存しました: </translation>
        </message>
        <message>
            <source>印刷できません</source>
            <translation>印刷できません</translation>
        </message>
        <message>
            <source>%1 ページを印刷に送りました。</source>
            <translation>%1 ページを印刷に送りました。</translation>
        </message>
        <message>
            <source>印刷 %v / %m ページ</source>
            <translation>印刷 %v / %m ページ</translation>
        </message>
        <message>
            <source>プリンターを開けません。プリンターの設定を確認してください。</source>
            <translation>プリンターを開けません。プリンターの設定を確認してください。</translation>
        </message>
        <message>
            <source>取り込みの確認</source>
            <translation>取り込みの確認</translation>
        </message>
        <message>
            <source>まだ何も登録していません。内容を確かめて「取り込む」を押してください。</source>
            <translation>まだ何も登録していません。内容を確かめて「取り込む」を押してください。</translation>
        </message>
        <message>
            <source>エラーと注意のある行だけ表示</source>
            <translation>エラーと注意のある行だけ表示</translation>
        </message>
        <message>
            <source>エラーの行を飛ばして、残りを取り込む(&amp;S)</source>
            <translation>エラーの行を飛ばして、残りを取り込む(&amp;S)</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>確認しています…</translation>
        </message>
        <message>
            <source>
新しく登録する所属: {0}</source>
            <translation>
新しく登録する所属: {0}</translation>
        </message>
        <message>
            <source>（{0} 行目）</source>
            <translation>（{0} 行目）</translation>
        </message>
        <message>
            <source>例: 参加自治体から事例発表市町村への質問</source>
            <translation>例: 参加自治体から事例発表市町村への質問</translation>
        </message>
        <message>
            <source>開始時刻を固定</source>
            <translation>開始時刻を固定</translation>
        </message>
        <message>
            <source>選択中の項目</source>
            <translation>選択中の項目</translation>
        </message>
        <message>
            <source>補足</source>
            <translation>補足</translation>
        </message>
        <message>
            <source>選択中の項目（%1）</source>
            <translation>選択中の項目（%1）</translation>
        </message>
        <message>
            <source>項目の追加</source>
            <translation>項目の追加</translation>
        </message>
        <message>
            <source>項目の挿入</source>
            <translation>項目の挿入</translation>
        </message>
        <message>
            <source>休憩の追加</source>
            <translation>休憩の追加</translation>
        </message>
        <message>
            <source>項目「%1」の削除</source>
            <translation>項目「%1」の削除</translation>
        </message>
        <message>
            <source>項目の移動</source>
            <translation>項目の移動</translation>
        </message>
        <message>
            <source>所要時間の変更</source>
            <translation>所要時間の変更</translation>
        </message>
        <message>
            <source>種別の変更</source>
            <translation>種別の変更</translation>
        </message>
        <message>
            <source>内容の変更</source>
            <translation>内容の変更</translation>
        </message>
        <message>
            <source>補足の変更</source>
            <translation>補足の変更</translation>
        </message>
        <message>
            <source>開始時刻の固定</source>
            <translation>開始時刻の固定</translation>
        </message>
        <message>
            <source>開始時刻の固定を解除</source>
            <translation>開始時刻の固定を解除</translation>
        </message>
        <message>
            <source>固定時刻の変更</source>
            <translation>固定時刻の変更</translation>
        </message>
        <message>
            <source>講師「%1」を登録して発表者に追加</source>
            <translation>講師「%1」を登録して発表者に追加</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>区分</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>項目</translation>
        </message>
        <message>
            <source>進捗状況のグラフ</source>
            <translation>進捗状況のグラフ</translation>
        </message>
        <message>
            <source>Excel に出力(&amp;E)…</source>
            <translation>Excel に出力(&amp;E)…</translation>
        </message>
        <message>
            <source>PDF に出力(&amp;P)…</source>
            <translation>PDF に出力(&amp;P)…</translation>
        </message>
        <message>
            <source>グラフを画像で保存(&amp;G)…</source>
            <translation>グラフを画像で保存(&amp;G)…</translation>
        </message>
        <message>
            <source>グラフをコピー(&amp;C)</source>
            <translation>グラフをコピー(&amp;C)</translation>
        </message>
        <message>
            <source>報告書や資料に貼り付けられるように、グラフをクリップボードにコピーします</source>
            <translation>報告書や資料に貼り付けられるように、グラフをクリップボードにコピーします</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業・総合相談支援体制構築 実施・構築状況（市町村数・累計）</source>
            <translation>重層的支援体制整備事業・総合相談支援体制構築 実施・構築状況（市町村数・累計）</translation>
        </message>
        <message>
            <source>県内 {0} 市町村のうち、{1}の記録がある市町村 {2}。各列はその時点までに実施・構築済み又は予定の市町村数（累計）です。</source>
            <translation>県内 {0} 市町村のうち、{1}の記録がある市町村 {2}。各列はその時点までに実施・構築済み又は予定の市町村数（累計）です。</translation>
        </message>
        <message>
            <source>{0} に保存できません。</source>
            <translation>{0} に保存できません。</translation>
        </message>
        <message>
            <source>グラフをクリップボードにコピーしました</source>
            <translation>グラフをクリップボードにコピーしました</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx)</source>
            <translation>Excel ブック (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PNG 画像 (*.png)</source>
            <translation>PNG 画像 (*.png)</translation>
        </message>
        <message>
            <source>進捗状況グラフ</source>
            <translation>進捗状況グラフ</translation>
        </message>
        <message>
            <source>進捗状況</source>
            <translation>進捗状況</translation>
        </message>
        <message>
            <source>進捗状況を出力</source>
            <translation>進捗状況を出力</translation>
        </message>
        <message>
            <source>{0} に出力しました</source>
            <translation>{0} に出力しました</translation>
        </message>
        <message>
            <source>―</source>
            <translation>―</translation>
        </message>
        <message>
            <source>アドバイザー派遣を希望(&amp;A)</source>
            <translation>アドバイザー派遣を希望(&amp;A)</translation>
        </message>
        <message>
            <source>ヒアリングで聞いた現状（1行に1項目）</source>
            <translation>ヒアリングで聞いた現状（1行に1項目）</translation>
        </message>
        <message>
            <source>県による支援内容（1行に1項目）</source>
            <translation>県による支援内容（1行に1項目）</translation>
        </message>
        <message>
            <source>新規・継続(&amp;N):</source>
            <translation>新規・継続(&amp;N):</translation>
        </message>
        <message>
            <source>実施・構築状況</source>
            <translation>実施・構築状況</translation>
        </message>
        <message>
            <source>現状(&amp;G):</source>
            <translation>現状(&amp;G):</translation>
        </message>
        <message>
            <source>支援内容(&amp;S):</source>
            <translation>支援内容(&amp;S):</translation>
        </message>
        <message>
            <source>記録あり</source>
            <translation>記録あり</translation>
        </message>
        <message>
            <source>記録なし（保存すると作成）</source>
            <translation>記録なし（保存すると作成）</translation>
        </message>
        <message>
            <source>{0}（{1}）　{2}　{3}</source>
            <translation>{0}（{1}）　{2}　{3}</translation>
        </message>
        <message>
            <source>動画リンク</source>
            <translation>動画リンク</translation>
        </message>
        <message>
            <source>公開期限あり</source>
            <translation>公開期限あり</translation>
        </message>
        <message>
            <source>動画URL(&amp;U)</source>
            <translation>動画URL(&amp;U)</translation>
        </message>
        <message>
            <source>パスコード(&amp;P)</source>
            <translation>パスコード(&amp;P)</translation>
        </message>
        <message>
            <source>公開期限(&amp;D)</source>
            <translation>公開期限(&amp;D)</translation>
        </message>
        <message>
            <source>備考(&amp;N)</source>
            <translation>備考(&amp;N)</translation>
        </message>
        <message>
            <source>録画の送付 — {0}</source>
            <translation>録画の送付 — {0}</translation>
        </message>
        <message>
            <source>送信</source>
            <translation>送信</translation>
        </message>
        <message>
            <source>確認</source>
            <translation>確認</translation>
        </message>
        <message>
            <source>編集(&amp;E)…</source>
            <translation>編集(&amp;E)…</translation>
        </message>
        <message>
            <source>欠席者（出席の記録がない人）</source>
            <translation>欠席者（出席の記録がない人）</translation>
        </message>
        <message>
            <source>申込者全員</source>
            <translation>申込者全員</translation>
        </message>
        <message>
            <source>選んだ人</source>
            <translation>選んだ人</translation>
        </message>
        <message>
            <source>1 行に 1 件: 鳩山町 福祉課 &lt;fukushi@example.jp&gt;</source>
            <translation>1 行に 1 件: 鳩山町 福祉課 &lt;fukushi@example.jp&gt;</translation>
        </message>
        <message>
            <source>行事の資料を添付</source>
            <translation>行事の資料を添付</translation>
        </message>
        <message>
            <source>既定の文面に戻す</source>
            <translation>既定の文面に戻す</translation>
        </message>
        <message>
            <source>メールファイルに保存…</source>
            <translation>メールファイルに保存…</translation>
        </message>
        <message>
            <source>動画(&amp;V)</source>
            <translation>動画(&amp;V)</translation>
        </message>
        <message>
            <source>選ぶ人</source>
            <translation>選ぶ人</translation>
        </message>
        <message>
            <source>追加の宛先(&amp;X)</source>
            <translation>追加の宛先(&amp;X)</translation>
        </message>
        <message>
            <source>差し込み: {氏名} {行事名} {動画URL} {パスコード} {公開期限}</source>
            <translation>差し込み: {氏名} {行事名} {動画URL} {パスコード} {公開期限}</translation>
        </message>
        <message>
            <source>プレビュー(&amp;W)</source>
            <translation>プレビュー(&amp;W)</translation>
        </message>
        <message>
            <source>先に「動画リンク」で動画の URL を追加してください。</source>
            <translation>先に「動画リンク」で動画の URL を追加してください。</translation>
        </message>
        <message>
            <source>送信先 {0} 人</source>
            <translation>送信先 {0} 人</translation>
        </message>
        <message>
            <source>（対象外 {0} 人: {1}）</source>
            <translation>（対象外 {0} 人: {1}）</translation>
        </message>
        <message>
            <source>（氏名）</source>
            <translation>（氏名）</translation>
        </message>
        <message>
            <source>宛先: {0}
件名: {1}

{2}</source>
            <translation>宛先: {0}
件名: {1}

{2}</translation>
        </message>
        <message>
            <source>動画リンク {0} とその配信記録を削除します。よろしいですか？</source>
            <translation>動画リンク {0} とその配信記録を削除します。よろしいですか？</translation>
        </message>
        <message>
            <source>SMTP サーバーが設定されていません。メール設定を開いてください。</source>
            <translation>SMTP サーバーが設定されていません。メール設定を開いてください。</translation>
        </message>
        <message>
            <source>{0} 人に動画のご案内を送信します。よろしいですか？</source>
            <translation>{0} 人に動画のご案内を送信します。よろしいですか？</translation>
        </message>
        <message>
            <source>申込・出欠 — {0}</source>
            <translation>申込・出欠 — {0}</translation>
        </message>
        <message>
            <source>申込者を絞り込み（氏名・ふりがな・所属）</source>
            <translation>申込者を絞り込み（氏名・ふりがな・所属）</translation>
        </message>
        <message>
            <source>申込を削除(&amp;R)</source>
            <translation>申込を削除(&amp;R)</translation>
        </message>
        <message>
            <source>書き出し(&amp;X)…</source>
            <translation>書き出し(&amp;X)…</translation>
        </message>
        <message>
            <source>出欠(&amp;S)</source>
            <translation>出欠(&amp;S)</translation>
        </message>
        <message>
            <source>申込 {0} 人</source>
            <translation>申込 {0} 人</translation>
        </message>
        <message>
            <source>{0} さんを「{1}」に</source>
            <translation>{0} さんを「{1}」に</translation>
        </message>
        <message>
            <source>{0} 人を「{1}」に</source>
            <translation>{0} 人を「{1}」に</translation>
        </message>
        <message>
            <source>しました（Ctrl+Z で元に戻せます）</source>
            <translation>しました（Ctrl+Z で元に戻せます）</translation>
        </message>
        <message>
            <source>申込に追加する人</source>
            <translation>申込に追加する人</translation>
        </message>
        <message>
            <source>{0} 人を申込に追加しました。</source>
            <translation>{0} 人を申込に追加しました。</translation>
        </message>
        <message>
            <source>{0} 人は他の方が既に追加していました。</source>
            <translation>{0} 人は他の方が既に追加していました。</translation>
        </message>
        <message>
            <source>{0} 人の申込を削除しました（Ctrl+Z で元に戻せます）。</source>
            <translation>{0} 人の申込を削除しました（Ctrl+Z で元に戻せます）。</translation>
        </message>
        <message>
            <source>出欠の書き出し</source>
            <translation>出欠の書き出し</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx);;CSV UTF-8 (*.csv)</source>
            <translation>Excel ブック (*.xlsx);;CSV UTF-8 (*.csv)</translation>
        </message>
        <message>
            <source>資料とリマインド — {0}</source>
            <translation>資料とリマインド — {0}</translation>
        </message>
        <message>
            <source>予定なし</source>
            <translation>予定なし</translation>
        </message>
        <message>
            <source> 日前</source>
            <translation> 日前</translation>
        </message>
        <message>
            <source>予定を保存(&amp;P)</source>
            <translation>予定を保存(&amp;P)</translation>
        </message>
        <message>
            <source>次第を PDF で添付</source>
            <translation>次第を PDF で添付</translation>
        </message>
        <message>
            <source>資料を添付</source>
            <translation>資料を添付</translation>
        </message>
        <message>
            <source>例: https://… 共有フォルダのリンク（資料の題名と一緒に本文に載せます）</source>
            <translation>例: https://… 共有フォルダのリンク（資料の題名と一緒に本文に載せます）</translation>
        </message>
        <message>
            <source>リマインドを送る(&amp;S)</source>
            <translation>リマインドを送る(&amp;S)</translation>
        </message>
        <message>
            <source>送信を中止</source>
            <translation>送信を中止</translation>
        </message>
        <message>
            <source>送る日(&amp;D)</source>
            <translation>送る日(&amp;D)</translation>
        </message>
        <message>
            <source>資料のリンク(&amp;L)</source>
            <translation>資料のリンク(&amp;L)</translation>
        </message>
        <message>
            <source>差し込み</source>
            <translation>差し込み</translation>
        </message>
        <message>
            <source>リマインドの送付日です（開催日の {0} 日前から）。まだ届いていない {1} 人に「リマインドを送る」で送れます。</source>
            <translation>リマインドの送付日です（開催日の {0} 日前から）。まだ届いていない {1} 人に「リマインドを送る」で送れます。</translation>
        </message>
        <message>
            <source>リマインドの予定を取り消しました。</source>
            <translation>リマインドの予定を取り消しました。</translation>
        </message>
        <message>
            <source>リマインドの予定を保存しました（{0} から送付できます）。</source>
            <translation>リマインドの予定を保存しました（{0} から送付できます）。</translation>
        </message>
        <message>
            <source>送信先 {0} 人（送付済み {1} 人、欠席・取消 {2} 人）</source>
            <translation>送信先 {0} 人（送付済み {1} 人、欠席・取消 {2} 人）</translation>
        </message>
        <message>
            <source>　アドレスなど不備 {0} 人</source>
            <translation>　アドレスなど不備 {0} 人</translation>
        </message>
        <message>
            <source>1 通の大きさ: 約 {0}</source>
            <translation>1 通の大きさ: 約 {0}</translation>
        </message>
        <message>
            <source>それでも送りますか？</source>
            <translation>それでも送りますか？</translation>
        </message>
        <message>
            <source>{0} 人にリマインドを送信します。よろしいですか？</source>
            <translation>{0} 人にリマインドを送信します。よろしいですか？</translation>
        </message>
        <message>
            <source>返信（出欠の回答）</source>
            <translation>返信（出欠の回答）</translation>
        </message>
        <message>
            <source>返信のメール（.eml）、Outlook のメッセージ（.msg）、予定表（.ics）をここにドロップしても取り込めます。受信サーバーのメールは既読にも移動にもしません。</source>
            <translation>返信のメール（.eml）、Outlook のメッセージ（.msg）、予定表（.ics）をここにドロップしても取り込めます。受信サーバーのメールは既読にも移動にもしません。</translation>
        </message>
        <message>
            <source>受信サーバーから取り込む(&amp;F)</source>
            <translation>受信サーバーから取り込む(&amp;F)</translation>
        </message>
        <message>
            <source>ファイルから取り込む(&amp;O)…</source>
            <translation>ファイルから取り込む(&amp;O)…</translation>
        </message>
        <message>
            <source>受信サーバーの設定(&amp;S)…</source>
            <translation>受信サーバーの設定(&amp;S)…</translation>
        </message>
        <message>
            <source>申込者の回答にする(&amp;A)…</source>
            <translation>申込者の回答にする(&amp;A)…</translation>
        </message>
        <message>
            <source>招待していないアドレスからの返信を、選んだ申込者の回答として反映します</source>
            <translation>招待していないアドレスからの返信を、選んだ申込者の回答として反映します</translation>
        </message>
        <message>
            <source>取り込みを中止(&amp;C)</source>
            <translation>取り込みを中止(&amp;C)</translation>
        </message>
        <message>
            <source>申込者の回答にする</source>
            <translation>申込者の回答にする</translation>
        </message>
        <message>
            <source>{0} からの返信を、どの申込者の回答にしますか</source>
            <translation>{0} からの返信を、どの申込者の回答にしますか</translation>
        </message>
        <message>
            <source>返信を申込者の回答として反映しました。</source>
            <translation>返信を申込者の回答として反映しました。</translation>
        </message>
        <message>
            <source>返信のファイルを選ぶ</source>
            <translation>返信のファイルを選ぶ</translation>
        </message>
        <message>
            <source>返信（*.eml *.msg *.ics）</source>
            <translation>返信（*.eml *.msg *.ics）</translation>
        </message>
        <message>
            <source>取り込んでいます…</source>
            <translation>取り込んでいます…</translation>
        </message>
        <message>
            <source>中止しています…</source>
            <translation>中止しています…</translation>
        </message>
        <message>
            <source>取り込みました</source>
            <translation>取り込みました</translation>
        </message>
        <message>
            <source>メールを作成しています</source>
            <translation>メールを作成しています</translation>
        </message>
        <message>
            <source>講師を検索（名前・ふりがな・所属）</source>
            <translation>講師を検索（名前・ふりがな・所属）</translation>
        </message>
        <message>
            <source>新しい講師(&amp;N)</source>
            <translation>新しい講師(&amp;N)</translation>
        </message>
        <message>
            <source>個人</source>
            <translation>個人</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>団体</translation>
        </message>
        <message>
            <source>ひらがなで（並び順に使います）</source>
            <translation>ひらがなで（並び順に使います）</translation>
        </message>
        <message>
            <source>例: 文京学院大学 人間学部</source>
            <translation>例: 文京学院大学 人間学部</translation>
        </message>
        <message>
            <source>例: 教授</source>
            <translation>例: 教授</translation>
        </message>
        <message>
            <source>講師の情報</source>
            <translation>講師の情報</translation>
        </message>
        <message>
            <source>名前</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>敬称</source>
            <translation>敬称</translation>
        </message>
        <message>
            <source>分野</source>
            <translation>分野</translation>
        </message>
        <message>
            <source>登壇する行事（ダブルクリックで開きます）</source>
            <translation>登壇する行事（ダブルクリックで開きます）</translation>
        </message>
        <message>
            <source>%1 名</source>
            <translation>%1 名</translation>
        </message>
        <message>
            <source>講師の名前は空にできません。</source>
            <translation>講師の名前は空にできません。</translation>
        </message>
        <message>
            <source>講師「%1」の変更</source>
            <translation>講師「%1」の変更</translation>
        </message>
        <message>
            <source>新しい講師</source>
            <translation>新しい講師</translation>
        </message>
        <message>
            <source>講師の登録</source>
            <translation>講師の登録</translation>
        </message>
        <message>
            <source>講師「%1」の削除</source>
            <translation>講師「%1」の削除</translation>
        </message>
        <message>
            <source>起動しています…</source>
            <translation>起動しています…</translation>
        </message>
        <message>
            <source>年間スケジュール</source>
            <translation>年間スケジュール</translation>
        </message>
        <message>
            <source>A3 横</source>
            <translation>A3 横</translation>
        </message>
        <message>
            <source>A4 横</source>
            <translation>A4 横</translation>
        </message>
        <message>
            <source>用紙</source>
            <translation>用紙</translation>
        </message>
        <message>
            <source>事業スケジュールとして PDF に保存します</source>
            <translation>事業スケジュールとして PDF に保存します</translation>
        </message>
        <message numerus="yes">
            <source>%n 件の行事</source>
            <translation>
                <numerusform>%n 件の行事</numerusform>
            </translation>
        </message>
        <message>
            <source>PDF を作成しています…</source>
            <translation>PDF を作成しています…</translation>
        </message>
        <message>
            <source>事業スケジュール</source>
            <translation>事業スケジュール</translation>
        </message>
        <message>
            <source>事業スケジュールを PDF に出力</source>
            <translation>事業スケジュールを PDF に出力</translation>
        </message>
        <message>
            <source>データベースを開いています…</source>
            <translation>データベースを開いています…</translation>
        </message>
        <message>
            <source>バックアップを作ってから、データベースを更新しています…</source>
            <translation>バックアップを作ってから、データベースを更新しています…</translation>
        </message>
        <message>
            <source>今、バックアップを作ってから更新しますか？</source>
            <translation>今、バックアップを作ってから更新しますか？</translation>
        </message>
        <message>
            <source>更新する</source>
            <translation>更新する</translation>
        </message>
        <message>
            <source>更新しないで終了</source>
            <translation>更新しないで終了</translation>
        </message>
        <message>
            <source>画面を準備しています…</source>
            <translation>画面を準備しています…</translation>
        </message>
        <message>
            <source>起動できませんでした: {0}</source>
            <translation>起動できませんでした: {0}</translation>
        </message>
        <message>
            <source>データベースを新しい形式に更新しました。更新前のコピー: {0}</source>
            <translation>データベースを新しい形式に更新しました。更新前のコピー: {0}</translation>
        </message>
        <message>
            <source>{0} 人を申込に追加</source>
            <translation>{0} 人を申込に追加</translation>
        </message>
        <message>
            <source>{0} 人の申込を削除</source>
            <translation>{0} 人の申込を削除</translation>
        </message>
        <message>
            <source>「{0}」を実行できませんでした: {1}</source>
            <translation>「{0}」を実行できませんでした: {1}</translation>
        </message>
        <message>
            <source>取り消しました: {0}</source>
            <translation>取り消しました: {0}</translation>
        </message>
        <message>
            <source>一覧で選んだ行事について</source>
            <translation>一覧で選んだ行事について</translation>
        </message>
        <message>
            <source>先に行事を選んでください。</source>
            <translation>先に行事を選んでください。</translation>
        </message>
        <message>
            <source>出席レポート(&amp;Z)…</source>
            <translation>出席レポート(&amp;Z)…</translation>
        </message>
        <message>
            <source>市町村別の記録</source>
            <translation>市町村別の記録</translation>
        </message>
        <message>
            <source>県内の進捗状況</source>
            <translation>県内の進捗状況</translation>
        </message>
        <message>
            <source>{0} さんの受付</source>
            <translation>{0} さんの受付</translation>
        </message>
        <message>
            <source>リマインドの送付日です: {0}（メール → 資料とリマインド で送れます）</source>
            <translation>リマインドの送付日です: {0}（メール → 資料とリマインド で送れます）</translation>
        </message>
        <message>
            <source>送信待ち {0} 件</source>
            <translation>送信待ち {0} 件</translation>
        </message>
        <message>
            <source>送信結果不明 {0} 件</source>
            <translation>送信結果不明 {0} 件</translation>
        </message>
        <message>
            <source>送信失敗 {0} 件</source>
            <translation>送信失敗 {0} 件</translation>
        </message>
        <message>
            <source>メール: {0}（メール → 送信済みメール で確認できます）</source>
            <translation>メール: {0}（メール → 送信済みメール で確認できます）</translation>
        </message>
        <message>
            <source>行事を選んでください。</source>
            <translation>行事を選んでください。</translation>
        </message>
        <message>
            <source>カレンダーを書き出す</source>
            <translation>カレンダーを書き出す</translation>
        </message>
        <message>
            <source>カレンダー (*.ics)</source>
            <translation>カレンダー (*.ics)</translation>
        </message>
        <message>
            <source>{0} に書き出しました</source>
            <translation>{0} に書き出しました</translation>
        </message>
        <message>
            <source>データベースの設定(&amp;D)…</source>
            <translation>データベースの設定(&amp;D)…</translation>
        </message>
        <message>
            <source>使い方(&amp;U)</source>
            <translation>使い方(&amp;U)</translation>
        </message>
        <message>
            <source>年間(&amp;Y)</source>
            <translation>年間(&amp;Y)</translation>
        </message>
        <message>
            <source>年間スケジュール(&amp;Y)</source>
            <translation>年間スケジュール(&amp;Y)</translation>
        </message>
        <message>
            <source>市町村別の記録(&amp;M)</source>
            <translation>市町村別の記録(&amp;M)</translation>
        </message>
        <message>
            <source>県内の進捗状況(&amp;P)</source>
            <translation>県内の進捗状況(&amp;P)</translation>
        </message>
        <message>
            <source>予期しないエラーが発生しました（{0}）。詳しい記録は標準エラー出力にあります。</source>
            <translation>予期しないエラーが発生しました（{0}）。詳しい記録は標準エラー出力にあります。</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>状態</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>宛先</translation>
        </message>
        <message>
            <source>アドレス</source>
            <translation>アドレス</translation>
        </message>
        <message>
            <source>件名</source>
            <translation>件名</translation>
        </message>
        <message>
            <source>試行</source>
            <translation>試行</translation>
        </message>
        <message>
            <source>送信日時</source>
            <translation>送信日時</translation>
        </message>
        <message>
            <source>サーバーの応答・エラー</source>
            <translation>サーバーの応答・エラー</translation>
        </message>
        <message>
            <source>回答</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>日時</source>
            <translation>日時</translation>
        </message>
        <message>
            <source>コメント</source>
            <translation>コメント</translation>
        </message>
        <message>
            <source>経路</source>
            <translation>経路</translation>
        </message>
        <message>
            <source>要確認（招待していないアドレス）</source>
            <translation>要確認（招待していないアドレス）</translation>
        </message>
        <message>
            <source>要確認（代理を指名）</source>
            <translation>要確認（代理を指名）</translation>
        </message>
        <message>
            <source>要確認（別の日時を提案）</source>
            <translation>要確認（別の日時を提案）</translation>
        </message>
        <message>
            <source>（変更前の案内への返信）</source>
            <translation>（変更前の案内への返信）</translation>
        </message>
        <message>
            <source>出席予定 {0} 人、欠席の連絡 {1} 人、未定 {2} 人、返信なし {3} 人</source>
            <translation>出席予定 {0} 人、欠席の連絡 {1} 人、未定 {2} 人、返信なし {3} 人</translation>
        </message>
        <message>
            <source>出席予定</source>
            <translation>出席予定</translation>
        </message>
        <message>
            <source>欠席の連絡</source>
            <translation>欠席の連絡</translation>
        </message>
        <message>
            <source>未定</source>
            <translation>未定</translation>
        </message>
        <message>
            <source>、要確認 {0} 件</source>
            <translation>、要確認 {0} 件</translation>
        </message>
        <message>
            <source>送信を始めます…</source>
            <translation>送信を始めます…</translation>
        </message>
        <message>
            <source>送信中のメールが終わりしだい中止します…</source>
            <translation>送信中のメールが終わりしだい中止します…</translation>
        </message>
        <message>
            <source>ほか {0} 件は「送信済みメール」で確かめられます。</source>
            <translation>ほか {0} 件は「送信済みメール」で確かめられます。</translation>
        </message>
        <message>
            <source>グループ分け</source>
            <translation>グループ分け</translation>
        </message>
        <message>
            <source>グループ数 </source>
            <translation>グループ数 </translation>
        </message>
        <message>
            <source>種 </source>
            <translation>種 </translation>
        </message>
        <message>
            <source>自動で分ける(&amp;A)</source>
            <translation>自動で分ける(&amp;A)</translation>
        </message>
        <message>
            <source>印刷(&amp;P)…</source>
            <translation>印刷(&amp;P)…</translation>
        </message>
        <message>
            <source>選んだ人を移動(&amp;M)</source>
            <translation>選んだ人を移動(&amp;M)</translation>
        </message>
        <message>
            <source>（手で直してあります）</source>
            <translation>（手で直してあります）</translation>
        </message>
        <message>
            <source>移動先</source>
            <translation>移動先</translation>
        </message>
        <message>
            <source>まだグループ分けがありません。「自動で分ける」で分けてください。</source>
            <translation>まだグループ分けがありません。「自動で分ける」で分けてください。</translation>
        </message>
        <message>
            <source> まだグループのない人: </source>
            <translation> まだグループのない人: </translation>
        </message>
        <message>
            <source>人を別のグループへドラッグするか、選んで「移動」を押します。</source>
            <translation>人を別のグループへドラッグするか、選んで「移動」を押します。</translation>
        </message>
        <message>
            <source>同じ所属の人が同じグループにいます</source>
            <translation>同じ所属の人が同じグループにいます</translation>
        </message>
        <message>
            <source>グループ %1</source>
            <translation>グループ %1</translation>
        </message>
        <message>
            <source>手で直したグループ分けを分け直しますか？</source>
            <translation>手で直したグループ分けを分け直しますか？</translation>
        </message>
        <message>
            <source>%1 さんをグループ %2 へ</source>
            <translation>%1 さんをグループ %2 へ</translation>
        </message>
        <message>
            <source>グループ %1（%2 人）</source>
            <translation>グループ %1（%2 人）</translation>
        </message>
        <message>
            <source>判定</source>
            <translation>判定</translation>
        </message>
        <message>
            <source>エラー・注意</source>
            <translation>エラー・注意</translation>
        </message>
        <message>
            <source>出席</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>オンライン（分）</source>
            <translation>オンライン（分）</translation>
        </message>
        <message>
            <source>返信</source>
            <translation>返信</translation>
        </message>
        <message>
            <source>アーカイブ済み</source>
            <translation>アーカイブ済み</translation>
        </message>
        <message>
            <source>アンケートの取り込み</source>
            <translation>アンケートの取り込み</translation>
        </message>
        <message>
            <source>アンケートの回答を取り込む</source>
            <translation>アンケートの回答を取り込む</translation>
        </message>
        <message>
            <source>回答の書き出し (*.csv *.xlsx);;すべてのファイル (*)</source>
            <translation>回答の書き出し (*.csv *.xlsx);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>取り込む</source>
            <translation>取り込む</translation>
        </message>
        <message>
            <source>やめる</source>
            <translation>やめる</translation>
        </message>
        <message>
            <source>アンケート集計のプレビュー — </source>
            <translation>アンケート集計のプレビュー — </translation>
        </message>
        <message>
            <source>動画URL</source>
            <translation>動画URL</translation>
        </message>
        <message>
            <source>パスコード</source>
            <translation>パスコード</translation>
        </message>
        <message>
            <source>公開期限</source>
            <translation>公開期限</translation>
        </message>
        <message>
            <source>方法</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>動画の送付</source>
            <translation>動画の送付</translation>
        </message>
        <message>
            <source>次の対応</source>
            <translation>次の対応</translation>
        </message>
        <message>
            <source>修了証をプレビュー…</source>
            <translation>修了証をプレビュー…</translation>
        </message>
        <message>
            <source>修了証の設定…</source>
            <translation>修了証の設定…</translation>
        </message>
        <message>
            <source>修了証の設定</source>
            <translation>修了証の設定</translation>
        </message>
        <message>
            <source>例: 埼玉県福祉部地域包括ケア課長</source>
            <translation>例: 埼玉県福祉部地域包括ケア課長</translation>
        </message>
        <message>
            <source>画像を選ぶ…</source>
            <translation>画像を選ぶ…</translation>
        </message>
        <message>
            <source>画像を外す</source>
            <translation>画像を外す</translation>
        </message>
        <message>
            <source>表題(&amp;H)</source>
            <translation>表題(&amp;H)</translation>
        </message>
        <message>
            <source>発行者の職名(&amp;T)</source>
            <translation>発行者の職名(&amp;T)</translation>
        </message>
        <message>
            <source>発行者の氏名(&amp;N)</source>
            <translation>発行者の氏名(&amp;N)</translation>
        </message>
        <message>
            <source>公印の画像（PNG）</source>
            <translation>公印の画像（PNG）</translation>
        </message>
        <message>
            <source>様</source>
            <translation>様</translation>
        </message>
        <message>
            <source>殿</source>
            <translation>殿</translation>
        </message>
        <message>
            <source>（付けない）</source>
            <translation>（付けない）</translation>
        </message>
        <message>
            <source>公印の画像</source>
            <translation>公印の画像</translation>
        </message>
        <message>
            <source>修了証のプレビュー — </source>
            <translation>修了証のプレビュー — </translation>
        </message>
        <message>
            <source>待つのをやめる</source>
            <translation>待つのをやめる</translation>
        </message>
        <message>
            <source>保存しています</source>
            <translation>保存しています</translation>
        </message>
        <message>
            <source>データベースサーバーの応答を待っています（%1 秒）…</source>
            <translation>データベースサーバーの応答を待っています（%1 秒）…</translation>
        </message>
        <message>
            <source>データベースサーバーが %1 秒応答しないため、待つのをやめました。この変更が保存されたかどうかは確かめられていません。</source>
            <translation>データベースサーバーが %1 秒応答しないため、待つのをやめました。この変更が保存されたかどうかは確かめられていません。</translation>
        </message>
        <message>
            <source>実施報告書を作成しています…</source>
            <translation>実施報告書を作成しています…</translation>
        </message>
        <message>
            <source>印刷(&amp;R)</source>
            <translation>印刷(&amp;R)</translation>
        </message>
        <message>
            <source>次第をプレビュー…</source>
            <translation>次第をプレビュー…</translation>
        </message>
        <message>
            <source>参加者名簿をプレビュー…</source>
            <translation>参加者名簿をプレビュー…</translation>
        </message>
        <message>
            <source>受付簿をプレビュー…</source>
            <translation>受付簿をプレビュー…</translation>
        </message>
        <message>
            <source>実施報告書をプレビュー…</source>
            <translation>実施報告書をプレビュー…</translation>
        </message>
        <message>
            <source>実施報告書を Excel で保存…</source>
            <translation>実施報告書を Excel で保存…</translation>
        </message>
        <message>
            <source>受付簿のプレビュー — </source>
            <translation>受付簿のプレビュー — </translation>
        </message>
        <message>
            <source>参加者名簿のプレビュー — </source>
            <translation>参加者名簿のプレビュー — </translation>
        </message>
        <message>
            <source>実施報告書を Excel で保存</source>
            <translation>実施報告書を Excel で保存</translation>
        </message>
        <message>
            <source>次第のプレビュー — </source>
            <translation>次第のプレビュー — </translation>
        </message>
        <message>
            <source>実施報告書のプレビュー — </source>
            <translation>実施報告書のプレビュー — </translation>
        </message>
        <message>
            <source>行事を選択してください。</source>
            <translation>行事を選択してください。</translation>
        </message>
        <message>
            <source>実施報告書を %1 に保存しました。</source>
            <translation>実施報告書を %1 に保存しました。</translation>
        </message>
        <message>
            <source>名札</source>
            <translation>名札</translation>
        </message>
        <message>
            <source>卓上名札</source>
            <translation>卓上名札</translation>
        </message>
        <message>
            <source>名札をプレビュー…</source>
            <translation>名札をプレビュー…</translation>
        </message>
        <message>
            <source>卓上名札をプレビュー…</source>
            <translation>卓上名札をプレビュー…</translation>
        </message>
        <message>
            <source>グループ分け…</source>
            <translation>グループ分け…</translation>
        </message>
        <message>
            <source>グループ数:</source>
            <translation>グループ数:</translation>
        </message>
        <message>
            <source>プログラム</source>
            <translation>プログラム</translation>
        </message>
        <message>
            <source>プログラムが終了時刻を{0}分超えています</source>
            <translation>プログラムが終了時刻を{0}分超えています</translation>
        </message>
        <message>
            <source>{1}の前に{0}分の空き時間があります</source>
            <translation>{1}の前に{0}分の空き時間があります</translation>
        </message>
        <message>
            <source>{1}（時刻固定）が前の項目と{0}分重なっています</source>
            <translation>{1}（時刻固定）が前の項目と{0}分重なっています</translation>
        </message>
        <message>
            <source>プログラムが終了時刻の{0}分前に終わります</source>
            <translation>プログラムが終了時刻の{0}分前に終わります</translation>
        </message>
        <message>
            <source>{1}（時刻固定）が開始時刻より{0}分前に始まります</source>
            <translation>{1}（時刻固定）が開始時刻より{0}分前に始まります</translation>
        </message>
        <message>
            <source>{1}の所要時間が負の値です</source>
            <translation>{1}の所要時間が負の値です</translation>
        </message>
        <message>
            <source>{0}番目の項目：{1} は同じ時間帯に「{2}」の「{3}」（{4}）にも登壇します</source>
            <translation>{0}番目の項目：{1} は同じ時間帯に「{2}」の「{3}」（{4}）にも登壇します</translation>
        </message>
        <message>
            <source>{0}番目の項目</source>
            <translation>{0}番目の項目</translation>
        </message>
        <message>
            <source> 入力した内容は画面に残してあります。もう一度確定すると保存し直します。</source>
            <translation> 入力した内容は画面に残してあります。もう一度確定すると保存し直します。</translation>
        </message>
        <message>
            <source>データベースに保存できませんでした: </source>
            <translation>データベースに保存できませんでした: </translation>
        </message>
        <message>
            <source>「%1」を実行できませんでした: %2</source>
            <translation>「%1」を実行できませんでした: %2</translation>
        </message>
        <message>
            <source>発表者</source>
            <translation>発表者</translation>
        </message>
        <message>
            <source>演題</source>
            <translation>演題</translation>
        </message>
        <message>
            <source>名前・ふりがな・所属の一部を入力し、↓ で候補を選んで Enter。名簿にない名前は Enter で新しく登録します。</source>
            <translation>名前・ふりがな・所属の一部を入力し、↓ で候補を選んで Enter。名簿にない名前は Enter で新しく登録します。</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>新規登録</translation>
        </message>
        <message>
            <source>入力した名前で講師名簿に登録し、発表者に加えます</source>
            <translation>入力した名前で講師名簿に登録し、発表者に加えます</translation>
        </message>
        <message>
            <source>↑</source>
            <translation>↑</translation>
        </message>
        <message>
            <source>発表順を上げる</source>
            <translation>発表順を上げる</translation>
        </message>
        <message>
            <source>↓</source>
            <translation>↓</translation>
        </message>
        <message>
            <source>発表順を下げる</source>
            <translation>発表順を下げる</translation>
        </message>
        <message>
            <source>外す</source>
            <translation>外す</translation>
        </message>
        <message>
            <source>選んだ発表者をこの項目から外します（講師名簿には残ります）</source>
            <translation>選んだ発表者をこの項目から外します（講師名簿には残ります）</translation>
        </message>
        <message>
            <source>発表者の追加</source>
            <translation>発表者の追加</translation>
        </message>
        <message>
            <source>演題の変更</source>
            <translation>演題の変更</translation>
        </message>
        <message>
            <source>講師名・ふりがなで追加</source>
            <translation>講師名・ふりがなで追加</translation>
        </message>
        <message>
            <source>講師名簿を読み込み中…</source>
            <translation>講師名簿を読み込み中…</translation>
        </message>
        <message>
            <source>発表者を外す</source>
            <translation>発表者を外す</translation>
        </message>
        <message>
            <source>発表順の変更</source>
            <translation>発表順の変更</translation>
        </message>
        <message>
            <source>候補が複数あります。一覧から選んでください。</source>
            <translation>候補が複数あります。一覧から選んでください。</translation>
        </message>
        <message>
            <source>%1 は既に発表者に入っています。</source>
            <translation>%1 は既に発表者に入っています。</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>開始時刻を %1 に固定しています</source>
            <translation>開始時刻を %1 に固定しています</translation>
        </message>
        <message>
            <source>所属・職名</source>
            <translation>所属・職名</translation>
        </message>
        <message>
            <source>団体コード</source>
            <translation>団体コード</translation>
        </message>
        <message>
            <source>新規・継続</source>
            <translation>新規・継続</translation>
        </message>
        <message>
            <source>①窓口</source>
            <translation>①窓口</translation>
        </message>
        <message>
            <source>②チーム</source>
            <translation>②チーム</translation>
        </message>
        <message>
            <source>重層</source>
            <translation>重層</translation>
        </message>
        <message>
            <source>移行準備</source>
            <translation>移行準備</translation>
        </message>
        <message>
            <source>派遣希望</source>
            <translation>派遣希望</translation>
        </message>
        <message>
            <source>県職員</source>
            <translation>県職員</translation>
        </message>
        <message>
            <source>ワンストップ型総合相談窓口</source>
            <translation>ワンストップ型総合相談窓口</translation>
        </message>
        <message>
            <source>複合課題を調整するチーム</source>
            <translation>複合課題を調整するチーム</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業</source>
            <translation>重層的支援体制整備事業</translation>
        </message>
        <message>
            <source>移行準備事業</source>
            <translation>移行準備事業</translation>
        </message>
        <message>
            <source>継続</source>
            <translation>継続</translation>
        </message>
        <message>
            <source>済</source>
            <translation>済</translation>
        </message>
        <message>
            <source>希望</source>
            <translation>希望</translation>
        </message>
        <message>
            <source>重層的支援体制関係</source>
            <translation>重層的支援体制関係</translation>
        </message>
        <message>
            <source>市町村総合相談支援体制関係</source>
            <translation>市町村総合相談支援体制関係</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業実施</source>
            <translation>重層的支援体制整備事業実施</translation>
        </message>
        <message>
            <source>重層的支援体制整備事業への移行準備事業実施</source>
            <translation>重層的支援体制整備事業への移行準備事業実施</translation>
        </message>
        <message>
            <source>市町村総合相談支援体制構築</source>
            <translation>市町村総合相談支援体制構築</translation>
        </message>
        <message>
            <source>①ワンストップ型総合相談窓口と②複合課題を調整するチームの両方を設置</source>
            <translation>①ワンストップ型総合相談窓口と②複合課題を調整するチームの両方を設置</translation>
        </message>
        <message>
            <source>①ワンストップ型総合相談窓口のみ</source>
            <translation>①ワンストップ型総合相談窓口のみ</translation>
        </message>
        <message>
            <source>②複合課題を調整するチームのみ</source>
            <translation>②複合課題を調整するチームのみ</translation>
        </message>
        <message>
            <source>アドバイザー派遣希望市町村（各年度）</source>
            <translation>アドバイザー派遣希望市町村（各年度）</translation>
        </message>
        <message>
            <source>アドバイザー派遣</source>
            <translation>アドバイザー派遣</translation>
        </message>
        <message>
            <source>研修・情報交換会</source>
            <translation>研修・情報交換会</translation>
        </message>
        <message>
            <source>予定(時期未定)</source>
            <translation>予定(時期未定)</translation>
        </message>
        <message>
            <source>年度中予定</source>
            <translation>年度中予定</translation>
        </message>
        <message>
            <source>{0}予定</source>
            <translation>{0}予定</translation>
        </message>
        <message>
            <source>{0}
実施・構築済み</source>
            <translation>{0}
実施・構築済み</translation>
        </message>
        <message>
            <source>{0}中
実施・構築予定</source>
            <translation>{0}中
実施・構築予定</translation>
        </message>
        <message>
            <source>{0}
実施・構築予定</source>
            <translation>{0}
実施・構築予定</translation>
        </message>
        <message>
            <source>{0}以降
実施・構築予定</source>
            <translation>{0}以降
実施・構築予定</translation>
        </message>
    </context>
</TS>
