/**
 * Unusable output places and meaningless rules are refused before the job
 * (exit 2, one line naming the option or field), and nothing is written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { featureWorkbook } from "../../helpers/feature-workbook";

let tmp: string;
let input: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-places-"));
  input = path.join(tmp, "in.xlsx");
  fs.writeFileSync(input, featureWorkbook());
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr };
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(tmp, "d-"));
}

it("--out that is a directory: exit 2 before the job, nothing written", async () => {
  const dir = freshDir();
  fs.mkdirSync(path.join(dir, "out.xlsx"));
  const r = await run("summarize", input, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "s.json"));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^エラー \/ error: --out: .*is a directory\n$/);
  expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
});

it("--json that cannot be written: exit 2 and the workbook is not written either", async () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, "file"), "x");
  const r = await run(
    "summarize",
    input,
    "--out",
    path.join(dir, "out.xlsx"),
    "--json",
    path.join(dir, "file", "s.json"),
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--json/);
  expect(fs.readdirSync(dir)).toEqual(["file"]);
});

it.each([
  [{ Bands: [] }, /unknown field "Bands" \(did you mean "bands"\?\)/],
  [
    {
      bands: [
        { label: "A", min: 0.5 },
        { label: "B", min: 0.8 },
        { label: "D", min: null },
      ],
    },
    /bands\.1\.min: .*descending/,
  ],
  [{ sheetNames: { summary: "集計/2020" } }, /sheetNames\.summary: .*invalid sheet name/],
])("--rules %j: exit 2 naming the field, nothing written", async (rules, message) => {
  const dir = freshDir();
  const file = path.join(dir, "rules.json");
  fs.writeFileSync(file, JSON.stringify(rules));
  const r = await run("summarize", input, "--out", path.join(dir, "out.xlsx"), "--rules", file);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(fs.readdirSync(dir)).toEqual(["rules.json"]);
});
