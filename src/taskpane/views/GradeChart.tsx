/**
 * A small stacked bar of the grade counts, drawn from the same numbers as the card. Each
 * segment carries its letter (grades are never told by colour alone); the whole is one image
 * with a text alternative. In forced-colours mode the segments fall back to system colours.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../i18n/i18n";

const WIDTH = 300;
const HEIGHT = 24;

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto" },
  seg: {
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "1px",
    "@media (forced-colors: active)": { fill: "Canvas", stroke: "CanvasText" },
  },
  letter: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "13px",
    fontWeight: tokens.fontWeightSemibold,
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
});

const FILLS = [
  tokens.colorPaletteGreenBackground2,
  tokens.colorPaletteLightGreenBackground2,
  tokens.colorPaletteYellowBackground2,
  tokens.colorPaletteRedBackground2,
  tokens.colorPalettePurpleBackground2,
  tokens.colorNeutralBackground4,
];

export function GradeChart({
  label,
  counts,
  order,
}: {
  label: string;
  counts: Record<string, number>;
  /** The scale best first (else the counts' key order). */
  order?: string[];
}) {
  const styles = useStyles();
  const { t } = useMessages();
  const entries: [string, number][] = order ? order.map((g) => [g, counts[g] ?? 0]) : Object.entries(counts);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const parts = entries.map(([g, n]) => `${g} ${t.count(n)}`).join(", ");
  let x = 0;
  const segments = entries.map(([g, n], i) => {
    const w = total === 0 ? 0 : (n / total) * WIDTH;
    const at = x;
    x += w;
    if (n === 0) return null;
    return (
      <g key={g}>
        <rect className={styles.seg} x={at} y={0} width={w} height={HEIGHT} fill={FILLS[i % FILLS.length]} />
        {w >= 14 && (
          <text className={styles.letter} x={at + w / 2} y={HEIGHT / 2 + 5} textAnchor="middle">
            {g}
          </text>
        )}
      </g>
    );
  });
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t.chartLabel(label, parts)}>
      {total === 0 ? <rect className={styles.seg} x={0} y={0} width={WIDTH} height={HEIGHT} fill={tokens.colorNeutralBackground3} /> : segments}
    </svg>
  );
}
