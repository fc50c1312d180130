/**
 * The preview page around the pane: a toolbar (open a workbook, save the result, save
 * summary.json) and a spreadsheet view of the simulated workbook (sheet tabs, displayed text,
 * merged cells, the selected cell). Clicking a cell raises Excel's selection event for the pane.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { SIMULATED_HOST_LABEL, SimulatedExcel } from "../simulated-excel";
import type { PreviewEvents } from "../preview-events";
import { columnLetters, cellAddress } from "../../core/a1-address";
import { readActiveSheet, readGrid, readTabs, writeCell, type GridData, type SheetTab } from "./grid-reader";
import { stashWorkbook } from "./workbook-stash";
import { openFailureMessage } from "./open-failure";
import { summaryJsonOf } from "./summary-json";
import { saveFileInBrowser, XLSX_MIME } from "../../taskpane/host/save-file";

export interface PreviewAppProps {
  sim: SimulatedExcel;
  events: PreviewEvents;
  fileName: string;
  /** Registers a callback run after each Excel.run of the pane. */
  afterBatch(listener: () => void): void;
  loadError: string | null;
}

const baseName = (n: string) => n.replace(/\.(xlsx|xlsm)$/i, "");

export function PreviewApp({ sim, events, fileName, afterBatch, loadError }: PreviewAppProps) {
  const [tabs, setTabs] = useState<SheetTab[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<GridData | null>(null);
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(null);
  const [message, setMessage] = useState<string | null>(loadError);
  const [editText, setEditText] = useState("");
  const activeRef = useRef<string | null>(null);
  activeRef.current = active;

  const refresh = useCallback(
    async (sheet?: string | null) => {
      const list = await readTabs(sim);
      setTabs(list);
      const visible = list.filter((t) => t.visibility === "Visible");
      let name = sheet ?? activeRef.current;
      if (!name || !visible.some((t) => t.name === name)) name = (await readActiveSheet(sim)) ?? visible[0]?.name ?? null;
      setActive(name);
      setGrid(name ? await readGrid(sim, name) : null);
    },
    [sim],
  );

  useEffect(() => {
    void refresh();
    let pending: ReturnType<typeof setTimeout> | undefined;
    let known = new Set<string>();
    afterBatch(() => {
      clearTimeout(pending);
      pending = setTimeout(async () => {
        const before = known;
        await refresh();
        const now = new Set((await readTabs(sim)).map((t) => t.id));
        known = now;
        if (before.size) await events.sheetsAddedOrDeleted([...now].filter((id) => !before.has(id)), [...before].filter((id) => !now.has(id)));
      }, 50);
    });
    void readTabs(sim).then((l) => (known = new Set(l.map((t) => t.id))));
    const offSelect = events.onSelect((s) => {
      setSelected({ row: s.row, col: s.col });
      void refresh(s.sheet).then(() => document.querySelector(`[data-cell="${s.address}"]`)?.scrollIntoView({ block: "center", inline: "nearest" }));
    });
    const offActivate = events.onActivate((name) => void refresh(name));
    return () => {
      offSelect();
      offActivate();
    };
  }, [sim, events, afterBatch, refresh]);

  useEffect(() => {
    if (!grid || !selected) return setEditText("");
    setEditText(grid.text[selected.row]?.[selected.col] ?? "");
  }, [grid, selected]);

  const selectCell = (row: number, col: number) => {
    if (!active) return;
    setSelected({ row, col });
    void events.userSelect(active, row, col);
  };

  const openFile = async (file: File) => {
    setMessage(`「${file.name}」を開いています… / Opening…`);
    const bytes = await file.arrayBuffer();
    try {
      await SimulatedExcel.fromBuffer(bytes); // refuse a file that is not a workbook before leaving this one
    } catch {
      setMessage(openFailureMessage(file.name, new Uint8Array(bytes)));
      return;
    }
    await stashWorkbook({ name: file.name, bytes });
    location.reload();
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (!selected || !grid) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const row = Math.max(0, Math.min(grid.text.length - 1, selected.row + m[0]));
    const col = Math.max(0, Math.min((grid.text[0]?.length ?? 1) - 1, selected.col + m[1]));
    selectCell(row, col);
    document.querySelector<HTMLElement>(`[data-cell="${cellAddress(row, col)}"]`)?.focus();
  };

  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of grid?.merges ?? []) {
    spans.set(`${m.r0},${m.c0}`, { rowSpan: m.r1 - m.r0 + 1, colSpan: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const cols = grid?.text[0]?.length ?? 0;

  return (
    <div className="preview">
      <header className="toolbar">
        <strong>Progress Review プレビュー / preview</strong>
        <span className="badge" title="The product is the add-in in Excel">{SIMULATED_HOST_LABEL}</span>
        <label className="file">
          ブックを開く / Open workbook
          <input
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="ブックを開く / Open workbook"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
            }}
          />
        </label>
        <button type="button" onClick={() => void sim.toArrayBuffer().then((b) => saveFileInBrowser(`${baseName(fileName)}-result.xlsx`, new Uint8Array(b), XLSX_MIME))}>
          結果を保存 / Save workbook
        </button>
        <button
          type="button"
          onClick={() =>
            void summaryJsonOf(sim).then(
              (json) => saveFileInBrowser(`${baseName(fileName)}-summary.json`, new TextEncoder().encode(json), "application/json"),
              (e) => setMessage(`summary.json を作れませんでした / Could not build summary.json: ${e instanceof Error ? e.message : String(e)}`),
            )
          }
        >
          summary.json を保存
        </button>
        <span className="file-name" data-testid="file-name">
          {fileName}
        </span>
      </header>
      {message && (
        <p className="message" role="alert">
          {message}{" "}
          <button type="button" onClick={() => setMessage(null)}>
            閉じる / Close
          </button>
        </p>
      )}
      <div className="formula">
        <label>
          <span className="address">{selected ? cellAddress(selected.row, selected.col) : ""}</span>
          <input
            aria-label="セルの値 / Cell value"
            value={editText}
            disabled={!selected}
            onChange={(e) => setEditText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter" || !selected || !active) return;
              const at = cellAddress(selected.row, selected.col);
              void writeCell(sim, active, selected.row, selected.col, editText)
                .then(() => events.userChanged(active, at))
                .then(() => refresh(active));
            }}
          />
        </label>
      </div>
      <div className="grid-wrap" tabIndex={-1}>
        {grid && (
          <table className="grid" role="grid" aria-label={`${active ?? ""}`} onKeyDown={onGridKey}>
            <thead>
              <tr>
                <th className="corner" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col">
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.text.map((row, r) => (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {row.map((text, c) => {
                    if (covered.has(`${r},${c}`)) return null;
                    const span = spans.get(`${r},${c}`);
                    const isSel = selected?.row === r && selected?.col === c;
                    return (
                      <td
                        key={c}
                        data-cell={cellAddress(r, c)}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        className={isSel ? "sel" : undefined}
                        aria-selected={isSel}
                        tabIndex={isSel || (!selected && r === 0 && c === 0) ? 0 : -1}
                        onClick={() => selectCell(r, c)}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {grid?.clipped && <p className="note">（先頭の {grid.text.length} 行・{cols} 列を表示 / first rows and columns shown）</p>}
      </div>
      <nav className="tabs" aria-label="シート / Sheets">
        {tabs
          .filter((t) => t.visibility === "Visible")
          .map((t) => (
            <button
              key={t.id}
              type="button"
              className={t.name === active ? "tab active" : "tab"}
              aria-current={t.name === active ? "page" : undefined}
              data-sheet-tab={t.name}
              onClick={() => {
                setSelected(null);
                void events.userActivate(t.name).then(() => refresh(t.name));
              }}
            >
              {t.name}
            </button>
          ))}
      </nav>
    </div>
  );
}
