/**
 * The file port on an in-memory ExcelJS workbook: what applyPlans may write
 * (only free names or sheets provably ours), all-or-nothing validation, the
 * settings round trip, and a second recompute refreshing instead of adding.
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import { DEFAULT_RULES, type StoredState } from "../../../src/core/model/settings";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import { noOwnership, type Ownership } from "../../../src/core/ownership";
import { recompute } from "../../../src/core/recompute";
import { createXlsxPort } from "../../../src/xlsx/xlsx-port";
import { writePackage } from "../../../src/xlsx/package/package-writer";
import { PackageReader } from "../../../src/xlsx/package/package-reader";
import { createPackagePort } from "../../../src/xlsx/xlsx-package-port";
import { emptyPlan } from "../../helpers/sheet-plan-fixture";

let ids = 0;
const newId = () => `id${String(++ids).padStart(6, "0")}`;

function plan(name: string, role: SheetPlan["role"], text = name): SheetPlan {
  return emptyPlan({ role, name, owner: { role, workbookId: "wbtest01", runId: newId() }, rows: [[text]] });
}

function state(generated: StoredState["generated"]): StoredState {
  return {
    format: "progress-review/1",
    rules: DEFAULT_RULES,
    workbookId: "wbtest01",
    generated,
    fingerprint: "f1",
    generatedAt: null,
  };
}

function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("データ").getCell("A1").value = 1;
  wb.addWorksheet("評価集計").getCell("A1").value = "利用者のシート";
  return wb;
}

async function ownershipOf(wb: ExcelJS.Workbook): Promise<Ownership> {
  const read = await createXlsxPort(wb, { source: "t.xlsx" }).readState();
  return noOwnership(read.identities, () => "wbtest01");
}

async function reload(parts: ReturnType<ReturnType<typeof createXlsxPort>["output"]>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(writePackage(parts) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("applyPlans", () => {
  it("a generated sheet may not take the name of a sheet that is not ours", async () => {
    const wb = userWorkbook();
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(port.applyPlans([plan("評価集計", "summary")], await ownershipOf(wb), state([]))).rejects.toThrow(
      /not ours/,
    );
    expect(() => port.output()).toThrow(/applyPlans has not run/);
  });

  it("an invalid plan (overlapping merges) is refused before anything is built", async () => {
    const wb = userWorkbook();
    const bad = {
      ...plan("評価一覧", "list"),
      merges: [
        { top: 0, left: 0, bottom: 2, right: 2 },
        { top: 1, left: 1, bottom: 3, right: 3 },
      ],
    };
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(port.applyPlans([plan("要確認", "review"), bad], await ownershipOf(wb), state([]))).rejects.toThrow(
      /overlap/,
    );
  });

  it("a plan without an owner marker is refused", async () => {
    const wb = userWorkbook();
    const { owner: _owner, ...unmarked } = plan("評価一覧", "list");
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(port.applyPlans([unmarked], await ownershipOf(wb), state([]))).rejects.toThrow(/owner marker/);
  });

  it("adds the sheets and a very hidden settings sheet whose column A is text; user sheets come first, unchanged", async () => {
    const wb = userWorkbook();
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await port.applyPlans([plan("評価一覧", "list", "=1+1")], await ownershipOf(wb), state([]));
    const out = await reload(port.output());
    expect(out.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["データ", "visible"],
      ["評価集計", "visible"],
      ["評価一覧", "visible"],
      [SETTINGS_SHEET_NAME, "veryHidden"],
    ]);
    expect(out.getWorksheet("評価集計")!.getCell("A1").value).toBe("利用者のシート");
    expect(out.getWorksheet("評価一覧")!.getCell("A1").value).toBe("=1+1"); // text stays text
    expect(out.getWorksheet(SETTINGS_SHEET_NAME)!.getCell("A1").value).toBe("progress-review-settings/1");
  });
});

describe("recompute through the file port (real core)", () => {
  it("a second run refreshes our sheets in place instead of adding more, and reads the stored state back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗状況");
    ws.getCell("A1").value = "令和3年度 進捗状況評価結果一覧";
    ws.addRow([]);
    ws.addRow(["No", "システム名", "主担当課", "R3評価"]);
    ["電子申請", "統合宛名", "文書管理"].forEach((n, i) => ws.addRow([i + 1, n, "デジタル戦略課", ["A", "B", "C"][i]]));
    const port1 = createXlsxPort(wb, { source: "t.xlsx", newId });
    const r1 = await recompute(port1, { newId, rules: { ...DEFAULT_RULES, count: "items" } });
    // the second run reads the saved file's package (an ExcelJS round trip would drop the owner names)
    const bytes = writePackage(port1.output());
    const port2 = createPackagePort({
      source: "t.xlsx",
      newId,
      user: await PackageReader.open(bytes, "t.xlsx"),
      workbook: await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer),
    });
    const r2 = await recompute(port2, { newId });
    expect(r2.ownership.state?.workbookId).toBe(r1.stored.workbookId);
    expect(r2.ownership.owned.map((o) => o.name).sort()).toEqual(r1.plans.map((p) => p.name).sort());
    const parts = port2.output();
    const names = [
      ...strFromU8(unzipSync(writePackage(parts))["xl/workbook.xml"]!).matchAll(/<sheet\b[^>]*\sname="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(names).toEqual(["進捗状況", ...r1.plans.map((p) => p.name), SETTINGS_SHEET_NAME]);
  });
});

describe("parts ExcelJS cannot write", () => {
  it("a drawing added to the scratch package (decorateScratch) reaches the output with its sheet", async () => {
    const { unzipSync: unzip, zipSync, strToU8 } = await import("fflate");
    const wb = userWorkbook();
    const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;
    const port = createPackagePort({
      source: "t.xlsx",
      user: await PackageReader.open(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), "t.xlsx"),
      workbook: wb,
      decorateScratch: async (bytes, plans) => {
        const parts = unzip(bytes);
        const sheet = "xl/worksheets/sheet1.xml"; // the first plan's sheet in the scratch package
        expect(plans[0]!.name).toBe("評価一覧");
        parts["xl/drawings/drawing1.xml"] = strToU8(DRAWING);
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
        );
        parts[sheet] = strToU8(strFromU8(parts[sheet]!).replace("</worksheet>", '<drawing r:id="rId9"/></worksheet>'));
        parts["[Content_Types].xml"] = strToU8(
          strFromU8(parts["[Content_Types].xml"]!).replace(
            "</Types>",
            '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
          ),
        );
        return zipSync(parts);
      },
    });
    await port.applyPlans([plan("評価一覧", "list")], await ownershipOf(wb), state([]));
    const out = unzip(writePackage(port.output()));
    const drawings = Object.keys(out).filter((n) => n.startsWith("xl/drawings/") && n.endsWith(".xml"));
    expect(drawings).toHaveLength(1);
    expect(strFromU8(out[drawings[0]!]!)).toBe(DRAWING);
    expect(strFromU8(out["[Content_Types].xml"]!)).toContain(`/${drawings[0]}`);
  });
});
