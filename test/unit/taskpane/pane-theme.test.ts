/** Office's theme → the pane's: the colours Office reports for its themes (Excel on the web, Windows). */
import { paneThemeName } from "../../../src/taskpane/pane-theme";

test.each([
  [{ isDarkTheme: false, bodyBackgroundColor: "#ffffff" }, false, "light"], // White / Colorful
  [{ isDarkTheme: true, bodyBackgroundColor: "#292929" }, false, "dark"], // Dark Gray
  [{ isDarkTheme: true, bodyBackgroundColor: "#000000" }, false, "highContrast"], // Black
  [{ isDarkTheme: false, bodyBackgroundColor: "#ffffff" }, true, "highContrast"], // Windows contrast theme
  [undefined, false, "light"], // outside Office
])("%j, forced colors %s → %s", (officeTheme, forced, name) => {
  expect(paneThemeName(officeTheme, forced)).toBe(name);
});
