/**
 * The settings validator: every refusal names its field and says what is expected, in Japanese and English;
 * defaults are fresh copies; it loads where there is no BigInt (IE11, EdgeHTML 18).
 */
import { DEFAULT_RULES, parseRules, rulesSchema, storedStateSchema } from "../../../../src/core/model/settings";

const refused = (input: unknown) => {
  const r = parseRules(input);
  if (r.ok) throw new Error("accepted: " + JSON.stringify(input));
  return r.message;
};

describe("messages at the field", () => {
  it.each([
    [{ year: "2024" }, /^year: 数値にしてください \/ expected a number, received string$/],
    [{ year: 2024.5 }, /^year: 整数にしてください \/ expected a whole number/],
    [{ year: 1900 }, /^year: 1989 以上にしてください \/ must be at least 1989/],
    [{ mode: "ratios" }, /^mode: 次のどれかにしてください: "ratio", "baseline" \/ expected one of/],
    [{ version: 2 }, /^version: 1 にしてください \/ expected 1, received 2$/],
    [{ bands: [{ label: " ", min: 1 }, { label: "D", min: null }] }, /^bands\.0\.label: 空にはできません \/ must not be empty$/],
    [{ bands: [{ label: "A", min: null }] }, /^bands: 2 個以上にしてください \/ must have at least 2 entries$/],
    [{ includeExcludedInDenominator: "yes" }, /^includeExcludedInDenominator: true または false/],
    [{ columnOverrides: { 表: { columns: { B: "item" } } } }, /^columnOverrides\.表\.columns\.B: /],
    [{ columnOverrides: { 表: { columns: { "1": "items" } } } }, /^columnOverrides\.表\.columns\.1: .*"item"/],
    [{ directionOverrides: { 人口: "up" } }, /^directionOverrides\.人口: .*"higher", "lower"/],
    [[], /^\(root\): オブジェクトにしてください \/ expected an object, received array$/],
  ])("%j", (input, message) => {
    expect(refused(input)).toMatch(message);
  });

  it("lists every problem, not only the first", () => {
    expect(refused({ year: "x", mode: "y", colour: 1 }).split("; ")).toHaveLength(3);
  });

  it("trims band labels and keeps the defaults of fields not given", () => {
    const r = parseRules({ bands: [{ label: " S ", min: 1 }, { label: "D", min: null }] });
    expect(r.ok && r.rules.bands[0]!.label).toBe("S");
    expect(r.ok && r.rules.sheetNames).toEqual(DEFAULT_RULES.sheetNames);
  });

  it("gives every result its own copy of a default (changing one run's bands cannot change the next)", () => {
    const a = rulesSchema.parse({});
    a.bands[0]!.min = 0.9;
    expect(rulesSchema.parse({}).bands[0]!.min).toBe(1);
    expect(DEFAULT_RULES.bands[0]!.min).toBe(1);
  });

  it("parse throws with the fields named", () => {
    expect(() => rulesSchema.parse({ year: "x" })).toThrow(/year: /);
  });
});

describe("the stored state", () => {
  const state = { format: "progress-review/1", rules: {} };

  it("fills defaults and drops keys a later version may have added", () => {
    const r = storedStateSchema.safeParse({ ...state, addedLater: 1 });
    expect(r.success && r.data).toEqual({
      format: "progress-review/1",
      rules: DEFAULT_RULES,
      workbookId: null,
      generated: [],
      fingerprint: null,
      generatedAt: null,
    });
  });

  it("refuses another format and bad generated entries, naming the field", () => {
    expect(storedStateSchema.safeParse({ ...state, format: "x" }).error?.issues[0]?.path).toEqual(["format"]);
    const r = storedStateSchema.safeParse({ ...state, generated: [{ role: "chart", name: "x" }] });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["generated.0.role"]);
  });
});

describe("where there is no BigInt (IE11, EdgeHTML 18)", () => {
  it("the settings module loads and validates", () => {
    const saved = globalThis.BigInt;
    // @ts-expect-error removed as in those engines
    delete globalThis.BigInt;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded afresh without BigInt
        const settings = require("../../../../src/core/model/settings") as typeof import("../../../../src/core/model/settings");
        expect(settings.parseRules({ year: 2024 }).ok).toBe(true);
        expect(settings.parseRules({ yaer: 2024 }).ok).toBe(false);
      });
    } finally {
      globalThis.BigInt = saved;
    }
  });
});
