/**
 * What the preview's 「結果を保存」 downloads must be a workbook the command line (and Excel) opens again:
 * after a recompute, the saved package carries our print titles and owner names as written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { createExcelPort } from "../../../src/excel/excel-port";
import { recompute } from "../../../src/core/recompute";
import { main } from "../../../src/cli/main";

const SAMPLE = path.join(__dirname, "../../../assets/sample-progress.xlsx");

test("a recomputed workbook saved by the simulated host keeps its print titles and opens in the CLI", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-saved-"));
  const sim = await SimulatedExcel.fromFile(SAMPLE);
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office } as unknown as Parameters<
    typeof createExcelPort
  >[0]);
  await recompute(port, {});
  const saved = path.join(dir, "saved.xlsx");
  await sim.saveToFile(saved);

  const xml = await (await JSZip.loadAsync(fs.readFileSync(saved))).file("xl/workbook.xml")!.async("string");
  expect(xml).toContain("&apos;評価一覧&apos;!$1:$1");
  expect(xml).not.toContain("!</sheets>");

  let stderr = "";
  const code = await main(["summarize", saved, "--out", path.join(dir, "again.xlsx")], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
  });
  expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
  // The second run refreshed our sheets instead of adding 評価集計 (2): the owner names survived the save.
  expect(stderr).toContain("評価集計");
  expect(stderr).not.toContain("評価集計 (2)");
});
