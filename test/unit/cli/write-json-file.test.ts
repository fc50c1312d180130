/**
 * summary.json streamed to a file: the bytes are exactly JSON.stringify(summary, null, 2) + "\n" (what the
 * command wrote before it streamed), on the reference workbooks' summaries, the sample's, and random odd values.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { writeJsonFile } from "../../../src/cli/write-json-file";
import { review } from "../../helpers/review-fixture";

// The project's copies of ../shared/fixtures (the reference workbooks).
const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample-progress.xlsx");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-json-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function summaryOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return review(wb).summary;
}

const expectedBytes = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + "\n", "utf8");

describe("writeJsonFile", () => {
  test.each([
    ["tokorozawa-r3-list.xlsx", path.join(FIXTURES, "tokorozawa-r3-list.xlsx")],
    ["suita-5year-plan.xlsx", path.join(FIXTURES, "suita-5year-plan.xlsx")],
    ["the sample workbook", SAMPLE],
  ])("%s: the file holds exactly JSON.stringify(summary, null, 2) + newline", async (_name, input) => {
    const summary = await summaryOf(input);
    expect(summary.evaluations.length).toBeGreaterThan(0);
    const file = path.join(dir, `${path.basename(input)}.json`);
    await writeJsonFile(file, summary);
    expect(fs.readFileSync(file).equals(expectedBytes(summary))).toBe(true);
  });

  test("the reference summary (suita expected.json) round-trips byte for byte", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "suita-5year-plan.expected.json"), "utf8"));
    const file = path.join(dir, "expected.json");
    await writeJsonFile(file, expected);
    expect(fs.readFileSync(file).equals(expectedBytes(expected))).toBe(true);
  });

  test("random odd strings (lone surrogates, U+2028, quotes, control characters) and numbers: same bytes", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom("\ud800", "x\udc00", "😀", "\u2028", '"\\', "\u0000\u001f"),
    );
    const num = fc.oneof(fc.double(), fc.constantFrom(-0, 1e21, NaN, Infinity));
    const item = fc.record({ name: text, reason: text, achievement: fc.option(num), row: fc.integer() });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 40 }), async (items) => {
        const v = { evaluations: [{ label: "R3", items }] };
        const file = path.join(dir, "random.json");
        await writeJsonFile(file, v);
        expect(fs.readFileSync(file).equals(expectedBytes(v))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test("a large summary (many chunks) is written whole and replaces what the file held", async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      sheet: "進捗",
      row: i + 2,
      name: `事業 ${i} 😀`,
      grade: "A",
    }));
    const v = { evaluations: [{ label: "R3", items }] };
    const file = path.join(dir, "large.json");
    fs.writeFileSync(file, "x".repeat(5_000_000)); // longer than the JSON: the file is truncated
    await writeJsonFile(file, v);
    expect(fs.readFileSync(file).equals(expectedBytes(v))).toBe(true);
  });

  test("an unwritable place rejects with the file system's error (no crash)", async () => {
    await expect(writeJsonFile(path.join(dir, "no-such-dir", "s.json"), { a: 1 })).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
