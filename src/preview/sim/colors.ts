/** Colours as the Excel API takes and returns them ("#RRGGBB" or an HTML name) and as ExcelJS stores them (ARGB / theme / indexed). */
import { simError } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", lime: "#00FF00", blue: "#0000FF", yellow: "#FFFF00",
  fuchsia: "#FF00FF", magenta: "#FF00FF", aqua: "#00FFFF", cyan: "#00FFFF", maroon: "#800000", green: "#008000",
  navy: "#000080", olive: "#808000", purple: "#800080", teal: "#008080", silver: "#C0C0C0", gray: "#808080",
  grey: "#808080", orange: "#FFA500", pink: "#FFC0CB", brown: "#A52A2A", gold: "#FFD700", lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3", darkgray: "#A9A9A9", darkgrey: "#A9A9A9", lightblue: "#ADD8E6", lightgreen: "#90EE90",
  lightyellow: "#FFFFE0", darkblue: "#00008B", darkgreen: "#006400", darkred: "#8B0000", orangered: "#FF4500",
  skyblue: "#87CEEB", violet: "#EE82EE", indigo: "#4B0082", beige: "#F5F5DC", salmon: "#FA8072", khaki: "#F0E68C",
};

/** Normalises an API colour input to "#RRGGBB"; throws InvalidArgument for anything else. */
export function normalizeColor(input: unknown): string {
  if (typeof input !== "string") throw simError("InvalidArgument", "A colour must be a string such as \"#FF0000\" or \"red\".");
  const s = input.trim();
  let m = /^#([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  throw simError("InvalidArgument", `"${input}" is not a valid colour.`);
}

export function hexToArgb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

// Office 2013–2022 default theme, in SpreadsheetML theme-index order (lt1, dk1, lt2, dk2, accent1..6, hlink, folHlink).
const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"];

const INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", "FFFFFF",
];

function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((c) => Math.round(tint < 0 ? c * (1 + tint) : c + (255 - c) * tint));
  return out.map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, "0")).join("").toUpperCase();
}

/** ExcelJS colour object → "#RRGGBB", or null when it carries no colour. */
export function excelJsColorToHex(color: unknown): string | null {
  if (!color || typeof color !== "object") return null;
  const c = color as { argb?: string; theme?: number; tint?: number; indexed?: number };
  if (typeof c.argb === "string" && /^[0-9a-fA-F]{6,8}$/.test(c.argb)) return `#${c.argb.slice(-6).toUpperCase()}`;
  if (typeof c.theme === "number" && THEME[c.theme]) return `#${applyTint(THEME[c.theme], c.tint ?? 0)}`;
  if (typeof c.indexed === "number" && INDEXED[c.indexed]) return `#${INDEXED[c.indexed]}`;
  return null;
}
