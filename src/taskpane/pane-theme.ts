/**
 * Which Fluent theme follows Office's: the Black theme (or Windows' contrast themes, seen as forced colors) gets
 * Fluent's high-contrast theme, not just the dark one; Dark Gray gets dark; the rest light.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

export type PaneThemeName = "light" | "dark" | "highContrast";

export function paneThemeName(officeTheme: OfficeThemeLike | undefined, forcedColors: boolean): PaneThemeName {
  if (forcedColors) return "highContrast";
  if (!officeTheme?.isDarkTheme) return "light";
  // Office's Black theme paints the body pure black; Dark Gray does not.
  return /^#?0{6}$/i.test((officeTheme.bodyBackgroundColor ?? "").trim()) ? "highContrast" : "dark";
}

export const PANE_THEMES: Record<PaneThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
