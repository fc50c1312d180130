/**
 * jsonTextChunks joined is JSON.stringify(value, null, indent), character for character, on odd values:
 * escapes, control characters, lone surrogates, U+2028, -0, 1e21, NaN / Infinity, undefined members, toJSON.
 */
import fc from "fast-check";
import { jsonTextChunks } from "../../../../src/core/format/json-text-chunks";

const joined = (value: unknown, indent = 2, chunk?: number) => [...jsonTextChunks(value, indent, chunk)].join("");

/** Strings a spreadsheet can hold and JSON must escape. */
const oddString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    '"',
    "\\",
    "\u2028",
    "\u2029",
    "\ud800",
    "\udfff",
    "a\ud83d",
    "\ude00b",
    "😀",
    "\u0000",
    "\u001f",
    "\u007f",
    "=1+1",
    "令和２年度",
  ),
  fc.string({
    unit: fc.constantFrom('"', "\\", "\n", "\r", "\t", "\b", "\f", "\u0001", "\u2028", "\ud800", "\udc00", "あ", "x"),
  }),
);

const oddNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    -0,
    0,
    1e21,
    1e-7,
    1e-6,
    123456789012345680000,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -1.5,
  ),
);

const leaf = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.integer());

const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("any"), { maxLength: 6 }),
  object: fc.dictionary(oddString, tie("any"), { maxKeys: 6 }),
})).any;

describe("jsonTextChunks", () => {
  test("joined chunks equal JSON.stringify(v, null, 2) on random values with odd strings and numbers", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 64 }), (v, chunk) => {
        fc.pre(v !== undefined);
        expect(joined(v, 2, chunk)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  test("equal JSON.stringify on fast-check's own anything(): boxed values, null prototypes, sparse arrays, dates", () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withNullPrototype: true,
      withSparseArray: true,
      withDate: true,
      withObjectString: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(anything, (v) => {
        fc.pre(v !== undefined);
        expect(joined(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  test("other indents and none", () => {
    const v = { a: [1, { b: "x" }, []], c: {}, d: [undefined, () => 1], e: undefined };
    for (const indent of [0, 1, 4, 12]) expect(joined(v, indent)).toBe(JSON.stringify(v, null, indent));
  });

  test("the numbers JSON.stringify rewrites", () => {
    expect(joined([-0, 1e21, NaN, Infinity, -Infinity, 0.1 + 0.2])).toBe(
      "[\n  0,\n  1e+21,\n  null,\n  null,\n  null,\n  0.30000000000000004\n]",
    );
  });

  test("undefined, functions and symbols: left out of objects, null in arrays; an object of only those is {}", () => {
    expect(joined({ a: undefined, f: () => 1, s: Symbol("s") })).toBe("{}");
    expect(joined([undefined, () => 1, Symbol("s")])).toBe("[\n  null,\n  null,\n  null\n]");
    expect(joined({ a: undefined, b: 1 })).toBe('{\n  "b": 1\n}');
  });

  test("toJSON is called with its key, as JSON.stringify does", () => {
    const keys: string[] = [];
    const probe = { toJSON: (k: string) => (keys.push(k), `at ${k}`) };
    const v = { x: probe, list: [probe, probe] };
    expect(joined(v)).toBe(JSON.stringify(v, null, 2));
    expect(keys).toEqual(["x", "0", "1", "x", "0", "1"]);
  });

  test("a circular structure or a bigint is a TypeError, as with JSON.stringify", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => joined(a)).toThrow(TypeError);
    expect(() => joined({ n: 1n })).toThrow(TypeError);
    // the same object twice (not nested in itself) is fine
    const shared = { y: 2 };
    expect(joined([shared, shared])).toBe(JSON.stringify([shared, shared], null, 2));
  });

  test("a value with no JSON text is refused (JSON.stringify would return undefined)", () => {
    expect(() => joined(undefined)).toThrow(TypeError);
  });

  test("chunks are bounded and never split a surrogate pair", () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ name: `事業${i}😀`, achievement: i / 7, reason: '"q"\\' }));
    const chunks = [...jsonTextChunks({ evaluations: [{ items }] }, 2, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) {
      expect(c.length).toBeLessThan(4096 + 200); // a chunk is cut after the token that crosses the size
      expect(/^[\udc00-\udfff]/.test(c)).toBe(false);
      expect(/[\ud800-\udbff]$/.test(c)).toBe(false);
    }
  });
});
