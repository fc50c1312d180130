/**
 * Which sheets the add-in may write: only those it can prove it generated.
 *
 * A name proves nothing (a user may delete our 要確認 and make their own, rename a data sheet to 評価集計, or copy a
 * settings sheet from another workbook). Every sheet we write carries a hidden, sheet-scoped defined name
 * (OWNER_NAME) whose constant value names the add-in, the workbook's id and the id of the run that created the
 * sheet. Excel keeps sheet-scoped names through renames and copies them with the sheet; both adapters can read
 * them (each adapter through its own sheet-scoped name API). A sheet is ours only when its marker
 * matches an entry of a verified settings sheet; a settings sheet is verified only when it carries a settings
 * marker whose workbook id equals the one stored inside it.
 */
import type { SheetVisibility } from "./model/snapshot";
import type { StoredState } from "./model/settings";
import type { GeneratedRole } from "./model/sheet-plan";
import { decodeState, SETTINGS_SHEET_NAME } from "./settings-store";

export const OWNER_NAME = "ProgressReview_Owner";
const MARKER_PREFIX = "progress-review/1";

export type OwnedRole = GeneratedRole | "settings";
const ROLES: readonly OwnedRole[] = ["summary", "list", "review", "settings"];

export interface OwnerMarker {
  role: OwnedRole;
  workbookId: string;
  runId: string;
}

/** Ids are short random tokens: letters and digits only, so they never need quoting in a formula. */
const ID = /^[A-Za-z0-9]{6,40}$/;

/** The defined name's formula: a string constant, e.g. `="progress-review/1 summary k3f9… r8a2…"`. */
export function markerFormula(m: OwnerMarker): string {
  if (!ID.test(m.workbookId) || !ID.test(m.runId)) throw new Error("owner marker ids must be 6-40 letters/digits");
  return `="${MARKER_PREFIX} ${m.role} ${m.workbookId} ${m.runId}"`;
}

/** Reads a marker back from the defined name's formula (with or without "=", as hosts report it); null if not ours. */
export function parseMarker(formula: string | null | undefined): OwnerMarker | null {
  if (typeof formula !== "string") return null;
  const m = /^=?\s*"([^"]*)"\s*$/.exec(formula.trim());
  const text = m ? m[1] : formula.trim();
  const parts = text.split(" ");
  if (parts.length !== 4 || parts[0] !== MARKER_PREFIX) return null;
  const [, role, workbookId, runId] = parts;
  if (!(ROLES as readonly string[]).includes(role) || !ID.test(workbookId) || !ID.test(runId)) return null;
  return { role: role as OwnedRole, workbookId, runId };
}

/** A random id for a workbook or a run (not a secret: it only has to be unlikely to be typed by accident). */
export function newOwnerId(random: () => number = Math.random): string {
  const chars = "abcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 16; i++) s += chars[Math.floor(random() * chars.length) % chars.length];
  return s;
}

/** One sheet of the workbook as the adapter sees it, with the raw formula of its OWNER_NAME (null if none). */
export interface SheetIdentity {
  name: string;
  visibility: SheetVisibility;
  marker: string | null;
}

/** Column A of a sheet whose marker has the role "settings". */
export interface SettingsCandidate {
  sheet: string;
  columnA: unknown[];
}

export interface OwnedSheet {
  role: GeneratedRole;
  name: string;
  runId: string;
}

export interface Ownership {
  /** The verified stored state, or null (none, or none that verifies). */
  state: StoredState | null;
  /** The verified settings sheet, or null. */
  settingsSheet: string | null;
  /** Where the settings are written: the verified sheet, or a name no other sheet has. */
  settingsSheetName: string;
  /** Sheets provably ours; only these may be rewritten, renamed or deleted. */
  owned: OwnedSheet[];
  workbookId: string;
  /** Every sheet's name (user, ours, hidden), so generated sheets never take one that is not ours. */
  allSheetNames: string[];
  /** Japanese, for stderr and the pane. */
  warnings: string[];
}

const lower = (s: string) => s.toLowerCase();

export function resolveOwnership(
  identities: SheetIdentity[],
  candidates: SettingsCandidate[],
  newId: () => string = () => newOwnerId(),
): Ownership {
  const warnings: string[] = [];
  const markers = new Map<string, OwnerMarker | null>(identities.map((s) => [s.name, parseMarker(s.marker)]));

  // 1. The settings sheet: marker role "settings", decodable, and the same workbook id inside and on the marker.
  const verified: { sheet: string; state: StoredState }[] = [];
  for (const c of candidates) {
    const marker = markers.get(c.sheet);
    if (!marker || marker.role !== "settings") continue;
    const decoded = decodeState(c.columnA);
    if (!decoded.ok) {
      warnings.push(`設定シート「${c.sheet}」を読めないため、無視しました（${decoded.message}）。`);
      continue;
    }
    if (decoded.state.workbookId !== marker.workbookId) {
      warnings.push(`設定シート「${c.sheet}」は別のブックのものと見られるため、無視しました。`);
      continue;
    }
    verified.push({ sheet: c.sheet, state: decoded.state });
  }
  verified.sort((a, b) => Number(b.sheet === SETTINGS_SHEET_NAME) - Number(a.sheet === SETTINGS_SHEET_NAME));
  if (verified.length > 1)
    warnings.push(`設定シートが複数あります。「${verified[0].sheet}」を使い、ほかは変更しません。`);
  const chosen = verified[0] ?? null;
  const state = chosen?.state ?? null;

  const namedSettings = identities.find((s) => lower(s.name) === lower(SETTINGS_SHEET_NAME));
  if (namedSettings && namedSettings.name !== chosen?.sheet)
    warnings.push(
      `シート「${namedSettings.name}」は本アドインが作成したことを確認できないため、設定として読まず、変更もしません。`,
    );

  // 2. Generated sheets: the marker matches an entry of the verified state (role, workbook id and run id).
  const owned: OwnedSheet[] = [];
  if (state && state.workbookId) {
    for (const g of state.generated) {
      const matches = identities.filter((s) => {
        const m = markers.get(s.name);
        return m && m.role === g.role && m.workbookId === state.workbookId && m.runId === g.runId;
      });
      let pick = matches.length === 1 ? matches[0] : undefined;
      // A copied sheet carries the same marker; only the one under the recorded name is the original.
      if (matches.length > 1) pick = matches.find((s) => lower(s.name) === lower(g.name));
      if (matches.length > 1 && !pick)
        warnings.push(
          `生成シートの複製（${matches.map((s) => `「${s.name}」`).join("")}）のどれが元か分からないため、どれも変更しません。`,
        );
      if (pick && !owned.some((o) => o.name === pick.name))
        owned.push({ role: g.role, name: pick.name, runId: g.runId });
    }
  }

  // 3. Where to keep the settings: the verified sheet, else a name no sheet has.
  let settingsSheetName = chosen?.sheet ?? SETTINGS_SHEET_NAME;
  if (!chosen) {
    const names = new Set(identities.map((s) => lower(s.name)));
    for (let i = 2; names.has(lower(settingsSheetName)); i++) settingsSheetName = `${SETTINGS_SHEET_NAME} (${i})`;
  }

  return {
    state,
    settingsSheet: chosen?.sheet ?? null,
    settingsSheetName,
    owned,
    workbookId: state?.workbookId ?? newId(),
    allSheetNames: identities.map((s) => s.name),
    warnings,
  };
}

/** Names of every sheet the add-in may write, rename or delete (and never reads as data). */
export function ownedSheetNames(o: Ownership): string[] {
  return [...o.owned.map((s) => s.name), ...(o.settingsSheet ? [o.settingsSheet] : [])];
}

/** An ownership for a workbook that has nothing of ours yet (tests, previews of a fresh file). */
export function noOwnership(identities: SheetIdentity[] = [], newId?: () => string): Ownership {
  return resolveOwnership(identities, [], newId);
}
