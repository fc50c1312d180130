/**
 * Finds the header row(s) of a progress table and maps each column to a role.
 * Works on the family of real municipal sheets: a title above the header,
 * one- or two-row headers with merged cells (評価結果 over R3 / 総括), year
 * columns (令和元年度…), and Japanese or English wording. The user's column
 * override is an input of the same function, so a wrong guess can be fixed.
 */
import type { ColumnOverride } from "../model/settings";
import { headerKey } from "../japanese/normalize-text";
import { parseFiscalYear, isOverallLabel } from "../japanese/fiscal-year";
import { SheetGrid } from "./sheet-grid";
import {
  matchHeaderRole,
  matchLooseRole,
  PARENT_ROLE_PATTERNS,
  GROUP_WHEN_ITEM_ELSEWHERE,
  KIND_TARGET,
  KIND_ACTUAL,
} from "./header-vocabulary";
import type { ColumnMapping, SheetDetection, TableLayout } from "./table-model";
import { statedYear } from "./stated-year";
import { excludedWord, parseNumberText } from "../cells/parse-indicator-value";

/** How far below the top of the used range a header may start (titles, notes, blank rows). */
const HEADER_SEARCH_ROWS = 40;

const IDENTITY_ROLES = new Set(["item", "indicator", "key"]);
const VALUE_ROLES = new Set(["selfGrade", "target", "actual", "year", "kind"]);
/** Roles that name a row (never found under a parent word in a two-row header). */
const NAMING_ROLES = new Set(["item", "indicator", "key", "group", "department"]);

interface CellGuess {
  role: ColumnMapping["role"];
  confidence: number;
  fiscalYear?: number | null;
  overall?: boolean;
}

/** A footnote mark after a header word: 目標値※1, 自己評価※, 実績値(注2), 実績値*. */
const FOOTNOTE = /(※|\*|注)[0-9]*$|\((※|注)[0-9]*\)$/;

/** headerKey() of a header cell with its footnote mark dropped (the mark points to a note below). */
function cellKey(text: string): string {
  const k = headerKey(text);
  const bare = k.replace(FOOTNOTE, "");
  // 「注」 alone ends words (発注); it is a mark only with a number or in brackets.
  return bare && (k.endsWith("注") ? /\d|\(/.test(k.slice(bare.length)) : true) ? bare : k;
}

const YEAR_WORDS =
  /(令和|平成|昭和)(元|\d+|[一二三四五六七八九十]+)年度?|fy\d{4}|\d{4}(年度?)?|[rhs]0?\d{1,2}(年度)?/gi;
/** 「令和3年度末」「R3末時点」: a year's end (or a point in it) is still that year. */
const YEAR_END = /(末|末時点|時点|末現在|現在)$/;

/**
 * A year-ish header cell: 令和２年度, R3, 2021年度, FY2021, 2021 (typed as a number), 令和3年度末,
 * 令和3年度（2021）, 総括, 3か年総括.
 */
function yearLabel(text: string): { fiscalYear: number | null; overall: boolean } | null {
  const k = cellKey(text);
  if (!k || k.length > 20) return null;
  const core = k.replace(YEAR_END, "");
  const fy = parseFiscalYear(core);
  // A year label is mostly the year itself; 「令和3年度実績」 is a role word with a year.
  if (fy !== null) {
    const rest = core.replace(YEAR_WORDS, "");
    if (rest.length === 0)
      return /^\d{4}$/.test(core) && !/^(19[89]|20\d)\d$/.test(core) ? null : { fiscalYear: fy, overall: false };
    // The same year twice, era and Western: 令和3年度（2021）, 2021（R3）.
    const both = /^([^()]+)\(([^()]+)\)$/.exec(core);
    if (rest === "()" && both) {
      const inner = /^\d{4}$/.test(both[2]!) ? `${both[2]}年度` : both[2]!;
      if (parseFiscalYear(both[1]!) === fy && parseFiscalYear(inner) === fy) return { fiscalYear: fy, overall: false };
    }
  }
  if (OVERALL_ONLY.test(k)) return { fiscalYear: null, overall: true };
  return null;
}

const OVERALL_ONLY = /^(\d+(か|ヵ|ケ|カ|ヶ)?年(間)?)?総括$|^最終$|^overall$|^計画期間(全体)?$/;
// No lookbehind (IE11 / EdgeHTML 18 cannot parse it; Babel cannot rewrite it): the character before
// R3 / H30 is matched instead (group 3) and the token itself is group 4.
const YEAR_TOKEN =
  /(令和|平成|昭和)(元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})年度?|fy\s?\d{4}|\d{4}年度?|(^|[^a-z])([rh]0?\d{1,2})(?!\d)|(\d+(か|ヵ|ケ|カ|ヶ)年)?総括/i;

/** The year part of a header as written (「R3評価」→ R3, 「総括評価」→ 総括), for evaluation labels. */
export function yearToken(text: string): string | null {
  const m = YEAR_TOKEN.exec(text.replace(/\s+/g, ""));
  if (!m) return null;
  return m[4] ?? m[0];
}

/**
 * 「自己\n評価」 (Alt+Enter) and 「自 己 評 価」 read as 自己評価 for a label: the space that stands for a
 * line break or for padding between two Japanese characters is dropped; spaces between words stay.
 */
function joinWrapped(text: string): string {
  return text.replace(/([^ -~])\s+(?=[^ -~])/g, "$1");
}

/** Role of one header cell on its own (no parent). */
function guessCell(text: string): CellGuess | null {
  const k = cellKey(text);
  if (!k) return null;
  const y = yearLabel(text);
  if (y) return { role: "year", confidence: 0.9, ...y };
  const v = matchHeaderRole(k);
  if (v) return { role: v.role, confidence: v.confidence };
  // 「令和3年度評価」「R3評価」「評価(R3)」「2021年度目標」「実績（令和3年度）」
  const fy = parseFiscalYear(k);
  const overall = isOverallLabel(k);
  if ((fy !== null || overall) && k.length <= 24) {
    for (const p of PARENT_ROLE_PATTERNS) {
      if (p.pattern.test(k.replace(/総括/g, "")))
        return { role: p.role, confidence: 0.9, fiscalYear: fy, overall: overall && fy === null };
    }
    if (overall) return { role: "selfGrade", confidence: 0.7, fiscalYear: null, overall: true };
  }
  const loose = matchLooseRole(k);
  if (loose) return { role: loose.role, confidence: loose.confidence };
  return null;
}

function rowGuesses(grid: SheetGrid, r: number): Map<number, CellGuess> {
  const out = new Map<number, CellGuess>();
  for (let c = grid.left; c <= grid.right; c++) {
    const g = guessCell(grid.label(r, c));
    if (g) out.set(c, g);
  }
  return out;
}

function scoreRoles(guesses: Iterable<CellGuess>): { score: number; identity: boolean; value: boolean } {
  const roles = new Set<string>();
  let identity = false;
  let value = false;
  for (const g of guesses) {
    roles.add(g.role);
    if (IDENTITY_ROLES.has(g.role)) identity = true;
    if (VALUE_ROLES.has(g.role)) value = true;
  }
  return { score: roles.size, identity, value };
}

/** Is row r+1 the second row of a two-row header starting at r? */
function isSecondHeaderRow(grid: SheetGrid, r: number): boolean {
  const below = r + 1;
  if (below > grid.bottom) return false;
  const own = grid.ownCells(below);
  let continuation = false;
  for (let c = grid.left; c <= grid.right; c++) {
    const m = grid.merge(below, c);
    if (m && m.top <= r && m.bottom >= below) continuation = true;
  }
  if (own.length === 0) return continuation;
  // Every own cell must read as a header word (year label, role word), none as data.
  const guesses = own.map((c) => guessCell(grid.label(below, c)));
  if (guesses.some((g) => g === null)) return false;
  // Under a different word, No / 事業名 / 指標 are not the lower half of a header: the row above is
  // something else (a grade legend 「評価 | 基準」 right above the header).
  for (let i = 0; i < own.length; i++) {
    const c = own[i]!;
    const above = grid.label(r, c);
    if (above && above !== grid.label(below, c) && NAMING_ROLES.has(guesses[i]!.role)) return false;
  }
  // A lone cell that only contains a header word (the first data row 「Indicator 1」 of an
  // indicator-only table) is data, unless a merge from the row above makes the rows one header.
  if (own.length === 1 && !continuation && guesses[0]!.confidence < 0.9) return false;
  return true;
}

/**
 * Is row r a row of years with 目標 / 実績 words right under it — the lower two rows of a three-row
 * header (目標・実績 / 令和3年度 | 令和4年度 / 目標 | 実績 | 目標 | 実績)?
 */
function isYearsOverPairs(grid: SheetGrid, r: number): boolean {
  if (!isSecondHeaderRow(grid, r)) return false;
  const years = [...rowGuesses(grid, r).values()].filter((g) => g.role === "year" && !g.overall).length;
  const below = grid.ownCells(r + 1).map((c) => guessCell(grid.label(r + 1, c))?.role);
  return years >= 1 && below.includes("target") && below.includes("actual");
}

/** Texts above the header (title, subtitle, a year written beside the title), top to bottom. */
function textsAbove(grid: SheetGrid, headerTop: number): string[] {
  const out: string[] = [];
  for (let r = grid.top; r < headerTop; r++) {
    for (const c of grid.ownCells(r)) {
      const text = grid.label(r, c);
      if (text && text.length <= 200) out.push(text);
    }
  }
  return out;
}

/** 「所管課：デジタル推進課」「担当課: 市民課」 in the texts above the header: the sheet's department, else null. */
export function sheetDepartmentIn(texts: readonly string[]): string | null {
  for (const t of texts) {
    const m = /^\s*[【［[]?(?:主担当課|所管課|担当課|主管課|所管部署|担当部署|所管部局|担当部局)[】］\]]?\s*[：:]\s*(\S.{0,40}?)\s*$/.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

const PAIR_ROLES = new Set<string>(["target", "actual", "selfGrade"]);

/**
 * The top header text of a column whose top cell is blank but sits inside a year written over the
 * cell to its left without a merge (centred across the selection: 「令和3年度」 over 目標 | 実績 typed
 * once). The year carries right while the cells below name distinct roles (目標 → 実績 → 評価).
 */
function carriedYearParent(grid: SheetGrid, top: number, bottom: number, c: number): string | null {
  // The years are on the row right above the 目標 / 実績 row (the top row, or the middle of three).
  if (bottom <= top) return null;
  top = bottom - 1;
  if (grid.label(top, c) || grid.isContinuation(top, c)) return null;
  const seen = new Set<string>();
  const own = guessCell(grid.label(bottom, c));
  if (!own || !PAIR_ROLES.has(own.role)) return null;
  seen.add(own.role);
  for (let x = c - 1; x >= grid.left && x >= c - 3; x--) {
    const below = guessCell(grid.label(bottom, x));
    if (!below || !PAIR_ROLES.has(below.role) || seen.has(below.role)) return null;
    seen.add(below.role);
    const above = grid.label(top, x);
    if (above) return typeof yearLabel(above)?.fiscalYear === "number" ? above : null;
  }
  return null;
}

/**
 * Roles of every column given the header rows (parent/child combination). `underParent` collects the
 * year columns that took their role from a word above them (目標 over R3 | R4), which a pairs table
 * may turn back into plain year columns.
 */
function mapColumns(grid: SheetGrid, top: number, bottom: number, underParent: Set<number>): ColumnMapping[] {
  const cols: ColumnMapping[] = [];
  for (let c = grid.left; c <= grid.right; c++) {
    const parts: string[] = [];
    const carried = carriedYearParent(grid, top, bottom, c);
    if (carried) parts.push(carried);
    for (let r = top; r <= bottom; r++) {
      const t = grid.label(r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    if (parts.length === 0) continue;
    const header = parts.join(" / ");
    const child = parts[parts.length - 1]!;
    const parent = parts.length > 1 ? parts.slice(0, -1).join("") : null;
    const childGuess = guessCell(child);
    let mapping: ColumnMapping | null = null;
    if (childGuess?.role === "year" && parent) {
      const pk = cellKey(parent);
      const p = PARENT_ROLE_PATTERNS.find((x) => x.pattern.test(pk));
      if (p) {
        mapping = {
          col: c,
          role: p.role,
          header,
          confidence: 0.95,
          fiscalYear: childGuess.fiscalYear ?? null,
          overall: childGuess.overall ?? false,
          label: child,
        };
        underParent.add(c);
      }
    } else if (
      childGuess &&
      parent &&
      (childGuess.role === "target" || childGuess.role === "actual" || childGuess.role === "selfGrade")
    ) {
      // 令和3年度 over 目標 / 実績: the parent carries the year (the nearest year part of a three-row
      // header 目標・実績 / 令和3年度 / 目標 labels it).
      const yearPart = parts
        .slice(0, -1)
        .reverse()
        .find((p) => yearLabel(p) !== null);
      const labelText = yearPart ?? parent;
      const py =
        yearLabel(labelText) ??
        (parseFiscalYear(parent) !== null ? { fiscalYear: parseFiscalYear(parent), overall: false } : null);
      if (py)
        mapping = {
          col: c,
          role: childGuess.role,
          header,
          confidence: 0.95,
          fiscalYear: py.fiscalYear,
          overall: py.overall,
          label: labelText,
        };
    }
    if (!mapping) {
      const g = childGuess ?? (parent ? guessCell(parent + child) : null) ?? (parent ? guessCell(parent) : null);
      if (!g) {
        mapping = { col: c, role: "note", header, confidence: 0.2 };
      } else {
        mapping = { col: c, role: g.role, header, confidence: g.confidence };
        if (g.fiscalYear !== undefined) mapping.fiscalYear = g.fiscalYear;
        if (g.overall) mapping.overall = true;
        if (g.role === "selfGrade")
          mapping.label = g.fiscalYear !== undefined || g.overall ? (yearToken(child) ?? child) : joinWrapped(child);
        if (g.role === "year") mapping.label = child;
      }
    }
    cols.push(mapping);
  }
  return cols;
}

/** One column per singular role; extra candidates become notes or groups. */
function resolveConflicts(cols: ColumnMapping[]): void {
  const items = cols.filter((c) => c.role === "item");
  if (items.length > 1) {
    for (const c of items) {
      if (GROUP_WHEN_ITEM_ELSEWHERE.test(headerKey(c.header)) && items.some((o) => o !== c && o.role === "item")) {
        c.role = "group";
        c.confidence = 0.6;
      }
    }
    const rest = cols.filter((c) => c.role === "item").sort((a, b) => b.confidence - a.confidence || a.col - b.col);
    for (const c of rest.slice(1)) c.role = "note";
  }
  // 評価項目 beside 評価指標: the indicator is the exact word, and the other names the item when nothing else does.
  const indicators = cols.filter((c) => c.role === "indicator").sort((a, b) => b.confidence - a.confidence || a.col - b.col);
  if (indicators.length > 1 && !cols.some((c) => c.role === "item")) {
    const second = indicators[1]!;
    if (second.confidence < 1) {
      second.role = "item";
      second.confidence = 0.6;
    }
  }
  for (const role of ["key", "department", "indicator", "unit", "baseline", "kind", "direction"] as const) {
    const same = cols.filter((c) => c.role === role).sort((a, b) => b.confidence - a.confidence || a.col - b.col);
    for (const c of same.slice(1)) c.role = "note";
  }
  for (const role of ["target", "actual"] as const) {
    // Several plain (yearless) target columns: keep the surest (an exact word before a guess), then the first.
    const plain = cols
      .filter((c) => c.role === role && c.fiscalYear === undefined)
      .sort((a, b) => b.confidence - a.confidence || a.col - b.col);
    for (const c of plain.slice(1)) c.role = "note";
  }
}

/** How many cells of column c below the header say 目標 and how many 実績 (the 区分 of a pair). */
function kindWords(grid: SheetGrid, from: number, c: number): { t: number; a: number } {
  const limit = Math.min(grid.bottom, from + 60);
  let t = 0;
  let a = 0;
  for (let r = from; r <= limit; r++) {
    const k = headerKey(grid.label(r, c));
    if (KIND_TARGET.test(k)) t++;
    else if (KIND_ACTUAL.test(k)) a++;
  }
  return { t, a };
}

/**
 * Does a column below the header hold 目標 / 実績 words (the pairs layout)? Columns with a header
 * word are tried, and also columns whose header is blank (a 区分 column left unheaded), which are
 * then added to the mapping.
 */
function findKindColumn(grid: SheetGrid, from: number, cols: ColumnMapping[]): number | null {
  let best: { col: number; hits: number } | null = null;
  const mapped = new Map(cols.map((m) => [m.col, m]));
  for (let c = grid.left; c <= grid.right; c++) {
    const m = mapped.get(c);
    if (m && (m.role === "year" || m.role === "target" || m.role === "actual")) continue;
    const { t, a } = kindWords(grid, from, c);
    if (t >= 1 && a >= 1 && (!best || t + a > best.hits)) best = { col: c, hits: t + a };
  }
  if (best && !mapped.has(best.col)) {
    cols.push({ col: best.col, role: "note", header: "", confidence: 0.2 });
    cols.sort((x, y) => x.col - y.col);
  }
  return best?.col ?? null;
}

/**
 * 「目標・実績」「計画年度」「年度別目標」 merged over R3 | R4 | R5 read as target (or actual) columns of
 * those years; with a 区分 column of 目標 / 実績 rows below, the word only names the block and the
 * columns are the years of a pairs table. Not when a year has both a target and an actual column
 * (目標 over the years and 実績 over the years: one row per item).
 */
function yearsOfPairsTable(grid: SheetGrid, from: number, cols: ColumnMapping[], underParent: Set<number>): void {
  const fromParent = cols.filter(
    (c) =>
      underParent.has(c.col) &&
      !c.overridden &&
      (c.role === "target" || c.role === "actual") &&
      typeof c.fiscalYear === "number",
  );
  if (fromParent.length === 0) return;
  const roleOfYear = new Map<number, string>();
  for (const c of cols) {
    if ((c.role !== "target" && c.role !== "actual") || typeof c.fiscalYear !== "number") continue;
    const seen = roleOfYear.get(c.fiscalYear);
    if (seen !== undefined && seen !== c.role) return;
    roleOfYear.set(c.fiscalYear, c.role);
  }
  const named = cols.find((c) => c.role === "kind");
  const words = named ? kindWords(grid, from, named.col) : null;
  const kindCol = words && words.t >= 1 && words.a >= 1 ? named!.col : findKindColumn(grid, from, cols);
  if (kindCol === null) return;
  for (const c of cols) {
    if (c.col === kindCol) {
      c.role = "kind";
      c.confidence = Math.max(c.confidence, 0.8);
    } else if (c.role === "kind") c.role = "note";
  }
  for (const c of fromParent) {
    c.role = "year";
    c.confidence = 0.9;
  }
}

/**
 * In a row-per-item table a column headed only by a year or 総括 (「R3」「3か年総括」 in a one-row
 * header) is a grade column when its cells hold grades: A–D, ◎○△, or words like 評価期間前.
 */
function gradeColumnsFromContent(grid: SheetGrid, from: number, cols: ColumnMapping[]): void {
  const limit = Math.min(grid.bottom, from + 200);
  for (const m of cols) {
    if (m.role !== "year") continue;
    let grades = 0;
    let other = 0;
    for (let r = from; r <= limit; r++) {
      const t = headerKey(grid.label(r, m.col));
      if (!t) continue;
      if (/^[a-ds◎○△×]$|^[-－―ー]$|評価期間前|対象外/i.test(t)) grades++;
      else other++;
    }
    if (m.overall || (grades > 0 && grades >= other)) {
      m.role = "selfGrade";
      m.label = yearToken(m.header) ?? m.header;
    }
  }
}

/**
 * The wide form of a progress sheet: one target column (「毎年67,000」「最終年度に30,000」) and then
 * a column per year holding that year's figure, with no 実績 word anywhere. Year columns whose
 * cells read as numbers (or as 評価期間前 / -) are that year's actuals.
 */
function actualColumnsFromContent(grid: SheetGrid, from: number, cols: ColumnMapping[]): void {
  if (!cols.some((c) => c.role === "target") || cols.some((c) => c.role === "actual")) return;
  const limit = Math.min(grid.bottom, from + 200);
  for (const m of cols) {
    if (m.role !== "year" || typeof m.fiscalYear !== "number") continue;
    let numbers = 0;
    let other = 0;
    for (let r = from; r <= limit; r++) {
      const v = grid.value(r, m.col);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      if (typeof v === "number" || (typeof v === "string" && (parseNumberText(v) || excludedWord(v) !== null)))
        numbers++;
      else other++;
    }
    if (numbers > 0 && numbers >= other) m.role = "actual";
  }
}

/** How many of a column's cells below the header read as numbers, and how many as something else. */
function numberCells(grid: SheetGrid, from: number, c: number): { numbers: number; other: number } {
  const limit = Math.min(grid.bottom, from + 200);
  let numbers = 0;
  let other = 0;
  for (let r = from; r <= limit; r++) {
    const v = grid.value(r, c);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v === "number" || (typeof v === "string" && (parseNumberText(v) || excludedWord(v) !== null))) numbers++;
    else other++;
  }
  return { numbers, other };
}

/**
 * A column with an unknown heading right of the only target column (or left of the only actual column) that
 * holds numbers is the missing half of the pair: 「数値目標 | 令和5年度末」. Low confidence, shown as a guess.
 */
function pairFromContent(grid: SheetGrid, from: number, cols: ColumnMapping[]): void {
  const targets = cols.filter((c) => c.role === "target");
  const actuals = cols.filter((c) => c.role === "actual");
  if (targets.length + actuals.length !== 1) return;
  const known = targets[0] ?? actuals[0]!;
  const next = cols.find((c) => c.col === known.col + (targets.length === 1 ? 1 : -1));
  if (!next || next.role !== "note" || next.confidence > 0.2 || next.overridden) return;
  const { numbers, other } = numberCells(grid, from, next.col);
  if (numbers === 0 || numbers < other) return;
  next.role = targets.length === 1 ? "actual" : "target";
  next.confidence = 0.5;
  if (known.fiscalYear !== undefined) next.fiscalYear = known.fiscalYear;
}

/**
 * The item names when the heading of the name column is unknown: the first column right of a No column that
 * holds text (not numbers), so that items are not named 「1」「2」.
 */
function itemNamesFromContent(grid: SheetGrid, from: number, cols: ColumnMapping[]): void {
  const key = cols.find((c) => c.role === "key");
  if (!key || cols.some((c) => c.role === "item")) return;
  for (const c of cols) {
    if (c.col <= key.col) continue;
    if (c.role !== "note" || c.confidence > 0.2 || c.overridden) {
      if (c.role === "indicator" || c.role === "note" || c.role === "group" || c.role === "department") continue;
      return;
    }
    const { numbers, other } = numberCells(grid, from, c.col);
    if (other > 0 && other > numbers) {
      c.role = "item";
      c.confidence = 0.5;
      return;
    }
  }
}

export function detectTable(grid: SheetGrid, override?: ColumnOverride): SheetDetection {
  const sheet = grid.sheet.name;
  const fail = (reason: string, reasonJa: string): SheetDetection => ({ ok: false, sheet, reason, reasonJa });
  if (grid.rowCount <= 0 || grid.right < grid.left) return fail("empty sheet", "空のシート");
  if (override?.skip) return fail("skipped by the user", "利用者の設定で対象外");

  let headerTop = -1;
  let headerBottom = -1;
  if (override?.headerRow !== undefined) {
    headerBottom = override.headerRow;
    headerTop = headerBottom;
    if (headerTop > grid.top && isSecondHeaderRow(grid, headerTop - 1)) headerTop -= 1;
    // The top of a three-row header (目標・実績 over the years over 目標 | 実績).
    if (headerTop < headerBottom && headerTop > grid.top && isYearsOverPairs(grid, headerTop))
      if (isSecondHeaderRow(grid, headerTop - 1)) headerTop -= 1;
  } else {
    let best: { r: number; score: number; rows: 1 | 2 | 3 } | null = null;
    const last = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
    for (let r = grid.top; r <= last; r++) {
      const g = rowGuesses(grid, r);
      if (g.size < 2) continue;
      const two = isSecondHeaderRow(grid, r);
      const all = [...g.values()];
      if (two) for (const x of rowGuesses(grid, r + 1).values()) all.push(x);
      const three = two && isYearsOverPairs(grid, r + 1);
      if (three) for (const x of rowGuesses(grid, r + 2).values()) all.push(x);
      const s = scoreRoles(all);
      if (!s.identity || !s.value || s.score < 2) continue;
      if (!best || s.score > best.score) best = { r, score: s.score, rows: three ? 3 : two ? 2 : 1 };
    }
    if (!best) {
      return fail(
        "no progress table: no header row names an item and a grade, target or actual column",
        "進捗表が見つかりません（項目名と評価・目標・実績の見出しがある行がありません）",
      );
    }
    headerTop = best.r;
    headerBottom = best.r + best.rows - 1;
  }

  const underParent = new Set<number>();
  const columns = mapColumns(grid, headerTop, headerBottom, underParent);
  if (override?.columns) {
    for (const [colText, role] of Object.entries(override.columns)) {
      const col = Number(colText);
      const existing = columns.find((c) => c.col === col);
      if (existing) {
        existing.role = role;
        existing.confidence = 1;
        existing.overridden = true;
      } else columns.push({ col, role, header: "", confidence: 1, overridden: true });
    }
    columns.sort((a, b) => a.col - b.col);
  }
  resolveConflicts(columns);
  yearsOfPairsTable(grid, headerBottom + 1, columns, underParent);

  const hasYearCols = columns.some((c) => c.role === "year");
  let kindCol = columns.find((c) => c.role === "kind")?.col ?? null;
  if (kindCol === null && hasYearCols) {
    kindCol = findKindColumn(grid, headerBottom + 1, columns);
    if (kindCol !== null) {
      const m = columns.find((c) => c.col === kindCol)!;
      m.role = "kind";
      m.confidence = 0.8;
    }
  }
  if (kindCol === null) {
    gradeColumnsFromContent(grid, headerBottom + 1, columns);
    actualColumnsFromContent(grid, headerBottom + 1, columns);
    pairFromContent(grid, headerBottom + 1, columns);
  }
  itemNamesFromContent(grid, headerBottom + 1, columns);
  const has = (role: string) => columns.some((c) => c.role === role);
  const identity = has("item") || has("indicator") || has("key");
  let kind: TableLayout["kind"];
  if (kindCol !== null && hasYearCols) kind = "pairs";
  else if ((has("target") && has("actual")) || has("selfGrade")) kind = "rowPerItem";
  else {
    return fail(
      "no progress table: no grade column and no target/actual columns",
      "進捗表が見つかりません（評価列も目標・実績列もありません）",
    );
  }
  if (!identity)
    return fail(
      "no progress table: no item, indicator or No column",
      "進捗表が見つかりません（項目名の列がありません）",
    );
  // A pairs table has year columns that are not role columns; they stay "year".
  if (kind === "rowPerItem") for (const c of columns) if (c.role === "year") c.role = "note";
  const above = textsAbove(grid, headerTop);
  const titleText = above[0] ?? null;
  // Self grades alone, though the table names indicators or half a target / actual pair: the suggestions that
  // cannot be made are listed on 要確認, never left out silently.
  const valuesNotFound =
    kind === "rowPerItem" && !(has("target") && has("actual")) && (has("indicator") || has("target") || has("actual"));
  return {
    ok: true,
    layout: {
      ...(valuesNotFound ? { valuesNotFound: true } : {}),
      sheet,
      kind,
      headerTop,
      headerBottom,
      columns,
      titleYear: titleText === null ? null : parseFiscalYear(titleText),
      titleText,
      sheetDepartment: sheetDepartmentIn(above),
      statedYear: statedYear(columns, above, sheet),
    },
  };
}
