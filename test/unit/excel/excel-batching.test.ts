import {
  budgetOf,
  jsonBytes,
  packBatches,
  splitRowBlocks,
  splitUniformRows,
  utf8Length,
} from "../../../src/excel/excel-batching";

describe("excel-batching", () => {
  test("UTF-8 sizes count Japanese as 3 bytes and surrogate pairs as 4", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("評価")).toBe(6);
    expect(utf8Length("𠮷")).toBe(4);
    expect(jsonBytes([["評価", 1, null]])).toBe(Buffer.byteLength(JSON.stringify([["評価", 1, null]])));
  });

  test("row blocks stay within the budget and cover every row once", () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => 10 + (i % 7) * 100);
    const blocks = splitRowBlocks(sizes.length, (r) => sizes[r]!, 5000);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(1000);
    let next = 0;
    for (const b of blocks) {
      expect(b.start).toBe(next);
      next += b.count;
      const bytes = sizes.slice(b.start, b.start + b.count).reduce((a, c) => a + c, 0);
      expect(bytes).toBeLessThanOrEqual(5000);
    }
  });

  test("a row larger than the budget gets a block of its own", () => {
    expect(splitRowBlocks(3, (r) => (r === 1 ? 100 : 1), 10)).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 1 },
      { start: 2, count: 1 },
    ]);
    expect(splitUniformRows(10, 3, 10)).toEqual([
      { start: 0, count: 3 },
      { start: 3, count: 3 },
      { start: 6, count: 3 },
      { start: 9, count: 1 },
    ]);
  });

  test("packing keeps order and the budget", () => {
    const units = [4, 4, 4, 9, 1, 1].map((bytes, i) => ({ bytes, i }));
    expect(packBatches(units, 10).map((b) => b.map((u) => u.i))).toEqual([[0, 1], [2], [3, 4], [5]]);
    expect(budgetOf(5 * 1024 * 1024)).toBeLessThan(5 * 1024 * 1024);
  });
});
