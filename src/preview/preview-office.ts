/**
 * The `Office` and `Excel` globals of the browser preview (test and trial host only), built on
 * the simulated host: what the pane's code calls in Excel, and nothing else.
 *
 * Adds what the simulator lacks: `Office.onReady(callback)` (called once the workbook is
 * loaded), `Office.context.displayLanguage`, `Office.context.officeTheme`, host/platform and
 * the HostType enum. `Excel.run` waits for the workbook and tells the preview after every batch
 * (so the grid can show what the add-in wrote).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Office.js shapes */
import type { SimulatedExcel } from "./simulated-excel";

export type PreviewTheme = "light" | "dark" | "colorful" | "black";

export interface PreviewOfficeOptions {
  /** e.g. "ja-JP" (default) or "en-US". */
  displayLanguage?: string;
  theme?: PreviewTheme;
}

/** Office's four themes as OfficeTheme objects (colours of Excel on the web). */
export function officeThemeOf(theme: PreviewTheme): Record<string, unknown> {
  const dark = theme === "dark" || theme === "black";
  const body = theme === "black" ? "#000000" : theme === "dark" ? "#292929" : "#ffffff";
  const fg = dark ? "#ffffff" : "#000000";
  return {
    isDarkTheme: dark,
    bodyBackgroundColor: body,
    bodyForegroundColor: fg,
    controlBackgroundColor: dark ? "#1f1f1f" : "#ffffff",
    controlForegroundColor: fg,
    themeId: theme === "black" ? 4 : theme === "dark" ? 3 : theme === "colorful" ? 2 : 0,
  };
}

export interface PreviewGlobals {
  Office: any;
  Excel: any;
  /** Resolves the workbook: onReady callbacks run and Excel.run batches proceed. */
  ready(sim: SimulatedExcel): void;
  /** Called after each Excel.run of the add-in settles (success or failure). */
  afterBatch(listener: () => void): void;
}

export function makePreviewGlobals(options: PreviewOfficeOptions = {}): PreviewGlobals {
  let resolveSim!: (sim: SimulatedExcel) => void;
  const simReady = new Promise<SimulatedExcel>((r) => (resolveSim = r));
  let current: SimulatedExcel | null = null;
  const listeners: (() => void)[] = [];
  const info = { host: "Excel", platform: "OfficeOnline" };

  const Office: any = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (i: typeof info) => void) {
      return simReady.then(() => {
        if (callback) callback(info);
        return info;
      });
    },
    context: {
      displayLanguage: options.displayLanguage ?? "ja-JP",
      contentLanguage: options.displayLanguage ?? "ja-JP",
      officeTheme: officeThemeOf(options.theme ?? "light"),
      host: "Excel",
      platform: "OfficeOnline",
      requirements: {
        isSetSupported(name: string, version?: string) {
          // Before the workbook loads nothing is known; the pane asks after onReady.
          return current ? current.Office.context.requirements.isSetSupported(name, version) : false;
        },
      },
    },
  };

  const Excel: any = {
    run(...args: unknown[]) {
      return simReady.then(async (sim) => {
        try {
          return await (sim.Excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          for (const l of listeners) l();
        }
      });
    },
  };

  return {
    Office,
    Excel,
    ready(sim) {
      current = sim;
      Object.assign(Excel, sim.Excel, { run: Excel.run });
      resolveSim(sim);
    },
    afterBatch(listener) {
      listeners.push(listener);
    },
  };
}
