/**
 * --out and --json as one unit: unwritable places refused before the job,
 * both files written or neither, temporary files never left behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { OutputError, OutputFiles } from "../../../src/cli/output-files";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-outfiles-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ls = () => fs.readdirSync(dir).sort();
const write = (text: string) => (file: string) => fs.promises.writeFile(file, text);

it("refuses a target that is a directory, naming the option, and leaves nothing behind", async () => {
  fs.mkdirSync(path.join(dir, "out.xlsx"));
  await expect(
    OutputFiles.reserve([
      { option: "--json", file: path.join(dir, "s.json") },
      { option: "--out", file: path.join(dir, "out.xlsx") },
    ]),
  ).rejects.toThrow(
    new OutputError(`--out: フォルダです。ファイル名を指定してください / ${path.join(dir, "out.xlsx")} is a directory`),
  );
  expect(ls()).toEqual(["out.xlsx"]);
});

it("refuses a place where no file can be created", async () => {
  const file = path.join(dir, "a-file");
  fs.writeFileSync(file, "x");
  // a path below a plain file cannot be created, whoever runs the test
  await expect(OutputFiles.reserve([{ option: "--out", file: path.join(file, "out.xlsx") }])).rejects.toThrow(
    /--out: .*(ENOTDIR|EEXIST)/,
  );
  expect(ls()).toEqual(["a-file"]);
});

it("holds a hidden temporary file beside each target until commit, then only the targets remain", async () => {
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "s.json");
  const files = await OutputFiles.reserve([
    { option: "--out", file: out },
    { option: "--json", file: json },
  ]);
  expect(ls()).toHaveLength(2);
  expect(ls().every((n) => n.startsWith(".") && n.endsWith(".tmp"))).toBe(true);
  await files.commit([
    { file: out, write: write("book") },
    { file: json, write: write("{}") },
  ]);
  expect(ls()).toEqual(["out.xlsx", "s.json"]);
  expect(fs.readFileSync(out, "utf8")).toBe("book");
});

it("when the second file cannot be written, the first is not written either (and an old one stays as it was)", async () => {
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "s.json");
  fs.writeFileSync(out, "old book");
  const files = await OutputFiles.reserve([
    { option: "--out", file: out },
    { option: "--json", file: json },
  ]);
  await expect(
    files.commit([
      { file: out, write: write("new book") },
      {
        file: json,
        write: async () => {
          throw new Error("disk full");
        },
      },
    ]),
  ).rejects.toThrow("disk full");
  expect(ls()).toEqual(["out.xlsx"]);
  expect(fs.readFileSync(out, "utf8")).toBe("old book");
});

it("when putting the second file in place fails, the first target is restored", async () => {
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "s.json");
  fs.writeFileSync(out, "old book");
  const files = await OutputFiles.reserve([
    { option: "--out", file: out },
    { option: "--json", file: json },
  ]);
  // the json place turns into a non-empty directory while the job runs: its rename fails
  fs.mkdirSync(json);
  fs.writeFileSync(path.join(json, "x"), "x");
  await expect(
    files.commit([
      { file: out, write: write("new book") },
      { file: json, write: write("{}") },
    ]),
  ).rejects.toThrow();
  expect(fs.readFileSync(out, "utf8")).toBe("old book");
  expect(ls()).toEqual(["out.xlsx", "s.json"]);
  expect(fs.readdirSync(json)).toEqual(["x"]);
});

it("discard removes the temporary files", async () => {
  const files = await OutputFiles.reserve([{ option: "--out", file: path.join(dir, "out.xlsx") }]);
  await files.discard();
  expect(ls()).toEqual([]);
});
