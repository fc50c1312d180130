/** The pane's state and the one reducer that changes it. */
import type { ReviewResult } from "../../core/run-review";
import type { Rules } from "../../core/model/settings";
import type { ProgressStep } from "../host/pane-host";
import type { PaneError } from "../host/pane-errors";

export type PaneStatus = "loading" | "ready" | "running";

export interface PaneState {
  status: PaneStatus;
  progress: { step: ProgressStep; fraction: number } | null;
  result: ReviewResult | null;
  /** Rules stored in the workbook (what the next recompute uses unless the user applies new ones). */
  rules: Rules | null;
  generated: string[];
  stale: boolean;
  /** The last recompute stopped part-way: the generated sheets are incomplete until the next one. */
  incomplete: boolean;
  notes: string[];
  error: PaneError | null;
  /** The last selected cell (1-based row). */
  selection: { sheet: string; row: number; col: number } | null;
  /** Increments after each finished recompute (focus moves to the result then). */
  runs: number;
  /** The workbook as it is now, read again after the user typed (この行 follows it; nothing is written). */
  live: ReviewResult | null;
}

export const initialState: PaneState = {
  status: "loading",
  progress: null,
  result: null,
  rules: null,
  generated: [],
  stale: false,
  incomplete: false,
  notes: [],
  error: null,
  selection: null,
  runs: 0,
  live: null,
};

export type PaneAction =
  | { type: "opened"; result: ReviewResult; rules: Rules; generated: string[]; stale: boolean; incomplete?: boolean; notes: string[] }
  | { type: "idle" }
  | { type: "start" }
  | { type: "progress"; step: ProgressStep; fraction: number }
  | { type: "finished"; result: ReviewResult; rules: Rules; generated: string[]; notes: string[] }
  | { type: "failed"; error: PaneError }
  | { type: "dismissError" }
  | { type: "selected"; sheet: string; row: number; col: number }
  | { type: "sourceChanged" }
  | { type: "live"; result: ReviewResult };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "opened":
      return { ...state, status: "ready", result: action.result, rules: action.rules, generated: action.generated, stale: action.stale, incomplete: action.incomplete ?? false, notes: action.notes };
    case "idle":
      return { ...state, status: "ready" };
    case "start":
      return { ...state, status: "running", progress: { step: "read", fraction: 0 }, error: null };
    case "progress":
      return { ...state, progress: { step: action.step, fraction: action.fraction } };
    case "finished":
      return {
        ...state,
        status: "ready",
        progress: null,
        result: action.result,
        rules: action.rules,
        generated: action.generated,
        stale: false,
        incomplete: false,
        notes: action.notes,
        runs: state.runs + 1,
        live: null,
      };
    case "failed":
      return { ...state, status: state.result ? "ready" : "ready", progress: null, error: action.error };
    case "dismissError":
      return { ...state, error: null };
    case "selected":
      return { ...state, selection: { sheet: action.sheet, row: action.row, col: action.col } };
    case "sourceChanged":
      return state.stale ? state : { ...state, stale: true };
    case "live":
      // A late read must not undo a recompute that finished meanwhile.
      return state.status === "running" ? state : { ...state, live: action.result };
  }
}
