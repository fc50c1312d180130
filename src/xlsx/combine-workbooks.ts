/**
 * Several department workbooks → one workbook for the secretariat's
 * consolidated review. The first workbook is the base (its sheets, theme,
 * defined names and stored settings stay as they are); every user sheet of
 * the others is copied after them: values, formulas with cached results,
 * styles, number formats, merges, column widths, row heights, visibility,
 * views, page setup, data validation, conditional formats, tables, images.
 * The others' settings sheets and the sheets they generated are left out
 * (stale summaries of a part would be reviewed as data).
 */
import type ExcelJS from "exceljs";
import { SETTINGS_SHEET_NAME } from "../core/settings-store";
import { readStoredState } from "./xlsx-port";

export interface InputWorkbook {
  /** File name, for messages. */
  label: string;
  workbook: ExcelJS.Workbook;
}

export interface CombineResult {
  workbook: ExcelJS.Workbook;
  /** Sheets copied under another name: input label, original name, new name. */
  renamed: { input: string; from: string; to: string }[];
  warnings: string[];
}

/** "Name (2)", "Name (3)" … within 31 characters and unused (case-insensitive). */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    let base = "";
    for (const ch of name) {
      if (base.length + ch.length + suffix.length > 31) break;
      base += ch;
    }
    base = base.replace(/'+$/, "");
    const candidate = base + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function tableNames(wb: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { model?: { name?: string } }> }).tables ?? {};
    for (const [key, t] of Object.entries(tables)) out.add((t.model?.name ?? key).toLowerCase());
  }
  return out;
}

interface MediumModel {
  type: string;
  imageId: number | string;
  [k: string]: unknown;
}

type SheetModel = ExcelJS.WorksheetModel & {
  merges?: string[];
  mergeCells?: string[];
  media?: MediumModel[];
  tables?: { name?: string; displayName?: string; [k: string]: unknown }[];
  views?: Partial<ExcelJS.WorksheetView>[];
};

/**
 * Copy one worksheet of `from` into `to` under `name` (appended at the end).
 * Returns notes about what could not be carried over.
 */
export function copyWorksheet(
  src: ExcelJS.Worksheet,
  from: ExcelJS.Workbook,
  to: ExcelJS.Workbook,
  name: string,
): string[] {
  const notes: string[] = [];
  const model = src.model as SheetModel;
  const ws = to.addWorksheet(name);

  // Images live in the workbook: copy each one and point the sheet at the copy.
  const imageMap = new Map<string, number>();
  const media: MediumModel[] = [];
  for (const m of model.media ?? []) {
    const key = String(m.imageId);
    let id = imageMap.get(key);
    if (id === undefined) {
      const image = from.getImage(Number(m.imageId)) as unknown as
        { buffer?: Buffer; base64?: string; extension?: string } | undefined;
      if (!image || (!image.buffer && !image.base64)) {
        notes.push(`an image of sheet "${src.name}" could not be copied`);
        continue;
      }
      id = to.addImage({
        ...(image.buffer ? { buffer: image.buffer as unknown as ExcelJS.Buffer } : { base64: image.base64! }),
        extension: (image.extension ?? "png") as "png" | "jpeg" | "gif",
      });
      imageMap.set(key, id);
    }
    media.push({ ...m, imageId: id });
  }

  // Table names are unique in a workbook.
  const takenTables = tableNames(to);
  const tables = (model.tables ?? []).map((t) => {
    let tname = String(t.name ?? "Table");
    if (takenTables.has(tname.toLowerCase())) {
      let n = 2;
      while (takenTables.has(`${tname}_${n}`.toLowerCase())) n++;
      notes.push(`table "${tname}" of sheet "${src.name}" was renamed to "${tname}_${n}"`);
      tname = `${tname}_${n}`;
    }
    takenTables.add(tname.toLowerCase());
    return { ...t, name: tname, displayName: tname };
  });

  ws.model = {
    ...model,
    name,
    mergeCells: model.merges ?? [],
    media,
    tables,
    // one selected tab per workbook, otherwise Excel opens with sheets grouped
    views: (model.views ?? []).map((v) => ({ ...v, tabSelected: false })),
  } as unknown as ExcelJS.WorksheetModel;
  ws.state = src.state;
  const rowBreaks = (src as unknown as { rowBreaks?: unknown[] }).rowBreaks;
  if (Array.isArray(rowBreaks) && rowBreaks.length)
    (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [...rowBreaks];
  return notes;
}

/** Copy the user sheets of inputs[1..] into inputs[0]'s workbook. */
export function combineWorkbooks(inputs: InputWorkbook[]): CombineResult {
  if (inputs.length === 0) throw new Error("no input workbook");
  const base = inputs[0]!.workbook;
  const renamed: CombineResult["renamed"] = [];
  const warnings: string[] = [];
  const taken = new Set(base.worksheets.map((ws) => ws.name.toLowerCase()));
  taken.add(SETTINGS_SHEET_NAME.toLowerCase());
  const baseDate1904 = base.properties?.date1904 === true;

  for (const input of inputs.slice(1)) {
    const wb = input.workbook;
    const stored = readStoredState(wb, input.label);
    if (stored.warning) warnings.push(stored.warning);
    const generated = new Set((stored.state?.generated ?? []).map((g) => g.name.toLowerCase()));
    if ((wb.properties?.date1904 === true) !== baseDate1904)
      warnings.push(
        `${input.label}: 日付の基準（1900/1904年）が最初のブックと異なります / this workbook uses a different date system than the first one; dates are kept as dates`,
      );
    const definedNames = (wb.definedNames as unknown as { model?: unknown[] }).model ?? [];
    if (definedNames.length)
      warnings.push(
        `${input.label}: 名前の定義はコピーされません / defined names are not copied (cached formula results are kept)`,
      );

    for (const ws of wb.worksheets) {
      if (ws.name === SETTINGS_SHEET_NAME) continue;
      if (generated.has(ws.name.toLowerCase())) {
        warnings.push(
          `${input.label}: 以前に生成されたシート「${ws.name}」は取り込みません / previously generated sheet "${ws.name}" is not copied`,
        );
        continue;
      }
      const name = uniqueSheetName(ws.name, taken);
      taken.add(name.toLowerCase());
      if (name !== ws.name) {
        renamed.push({ input: input.label, from: ws.name, to: name });
        warnings.push(
          `${input.label}: シート「${ws.name}」は「${name}」としてコピーしました / sheet "${ws.name}" was copied as "${name}"` +
            " (formulas referring to it by name keep their cached results)",
        );
      }
      for (const note of copyWorksheet(ws, wb, base, name)) warnings.push(`${input.label}: ${note}`);
    }
  }
  return { workbook: base, renamed, warnings };
}
