/**
 * Placeholder task pane. A later version builds the real pane (grades,
 * summary, settings); this one only shows what the add-in is and that the
 * command is coming. Japanese first.
 */
import { Body1, Button, Caption1, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  paragraph: {
    margin: 0,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
});

export interface AppProps {
  /** Office host name when running inside Office, null in a plain browser. */
  host: string | null;
}

export default function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} lang="ja">
      <Title2 as="h1" className={styles.paragraph}>
        Progress Review（進捗評価）
      </Title2>
      <Body1 as="p" className={styles.paragraph}>
        各課の進捗状況シートを読み取り、指標の目標値と実績値からA～Dの評価案を作成します。
      </Body1>
      <Body1 as="p" className={styles.paragraph}>
        集計結果は「評価集計」「評価一覧」「要確認」の各シートとしてこのブックに書き出します。元のシートは変更しません。
      </Body1>
      <Button appearance="primary" disabled aria-describedby="recompute-note">
        集計を更新
      </Button>
      <Caption1 as="p" id="recompute-note" className={mergeClasses(styles.paragraph, styles.note)}>
        この機能は今後のバージョンで利用できるようになります。（Coming in a later version.）
      </Caption1>
      {host === null && (
        <Caption1 as="p" className={mergeClasses(styles.paragraph, styles.note)}>
          Excel の外で表示しています。ブックを操作するには Excel でこのアドインを開いてください。
        </Caption1>
      )}
    </main>
  );
}
