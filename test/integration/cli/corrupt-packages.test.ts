/**
 * Corrupt packages (issue 19, items 3 and 4), built in the test: a part whose bytes do not match its CRC-32 —
 * one the reader parses and one the writer only copies — and a ZIP64 entry that declares more data than the file
 * holds. Each is bad input: exit 2 with one line, no output left behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { makeZipWith, progressWorkbook, type ZipEntryOptions } from "../../fixtures/hostile/make-hostile";

let tmp: string;
let parts: Record<string, Uint8Array>;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-corrupt-"));
  const wb = await progressWorkbook();
  parts = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  // a part that only the copy carries (ExcelJS does not read it)
  parts["customXml/item1.xml"] = Buffer.from('<?xml version="1.0"?><root>利用者のデータ</root>', "utf8");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr };
}

async function runOn(name: string, options: Record<string, ZipEntryOptions>) {
  const input = path.join(tmp, `${name}.xlsx`);
  fs.writeFileSync(input, makeZipWith(parts, options));
  const dir = path.join(tmp, `${name}-out`);
  fs.mkdirSync(dir);
  const r = await run("summarize", input, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "s.json"));
  return { ...r, left: fs.readdirSync(dir) };
}

/** Swap one byte of text for another of the same length: still well-formed XML, but not the bytes the CRC covers. */
const flipText = (from: string, to: string) => (b: Buffer) => {
  const i = b.indexOf(Buffer.from(from, "utf8"));
  expect(i).toBeGreaterThanOrEqual(0);
  Buffer.from(to, "utf8").copy(b, i);
  return b;
};

it("the untouched package is accepted (the generated ZIP is sound)", async () => {
  const r = await runOn("sound", {});
  expect(r.stderr).toContain("完了");
  expect(r.code).toBe(0);
});

it("a sheet whose bytes fail its CRC-32 is refused (exit 2), not read", async () => {
  const r = await runOn("bad-crc-sheet", { "xl/worksheets/sheet1.xml": { damage: flipText('r="A1"', 'r="B1"') } });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^エラー \/ error: .*CRC-32.*\n$/);
  expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
  expect(r.left).toEqual([]);
});

it("a part that is only copied and fails its CRC-32 is refused (exit 2), not copied with the same bad CRC", async () => {
  const r = await runOn("bad-crc-copied", { "customXml/item1.xml": { damage: flipText("root", "ruut") } });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("customXml/item1.xml");
  expect(r.stderr).toContain("CRC-32");
  expect(r.left).toEqual([]);
});

it("a deflated part that fails its CRC-32 is refused too", async () => {
  const r = await runOn("bad-crc-deflated", {
    "customXml/item1.xml": { deflate: true, damage: (b) => b },
    "xl/styles.xml": {
      deflate: true,
      // a well-formed deflate stream of other bytes: inflates fine, CRC differs
      damage: () => deflateRawSync(Buffer.from(Buffer.from(parts["xl/styles.xml"]!).toString("utf8").replace("Calibri", "Calibra"))),
    },
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("xl/styles.xml");
  expect(r.stderr).toContain("CRC-32");
});

it("a ZIP64 entry declaring more data than the file holds is bad input (exit 2), not an internal error", async () => {
  const sheet = parts["xl/worksheets/sheet1.xml"]!;
  const r = await runOn("zip64-mismatch", {
    "xl/worksheets/sheet1.xml": { deflate: true, zip64CompressedSize: sheet.length * 50 + 100_000 },
  });
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain("内部エラー");
  expect(r.stderr).toMatch(/^エラー \/ error: .*xl\/worksheets\/sheet1\.xml.*\n$/);
  expect(r.left).toEqual([]);
});
