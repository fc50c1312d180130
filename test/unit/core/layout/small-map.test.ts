/**
 * SmallMap stands in for Map in the table model: after any sequence of sets, it answers get / has / size /
 * keys / entries exactly as a Map given the same sequence (insertion order kept, a set of a known key updates
 * in place).
 */
import fc from "fast-check";
import { SmallMap } from "../../../../src/core/layout/small-map";

describe("SmallMap behaves as Map", () => {
  it("over random sequences of sets of year keys", () => {
    const key = fc.oneof(fc.integer({ min: 2019, max: 2026 }), fc.constant("single" as const));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 12 }), key, (sets, probe) => {
        const small = new SmallMap<number | "single", number>();
        const map = new Map<number | "single", number>();
        for (const [k, v] of sets) {
          small.set(k, v);
          map.set(k, v);
        }
        expect(small.size).toBe(map.size);
        expect([...small]).toEqual([...map]);
        expect([...small.keys()]).toEqual([...map.keys()]);
        expect(small.has(probe)).toBe(map.has(probe));
        expect(small.get(probe)).toBe(map.get(probe));
      }),
    );
  });

  it("a second set of the first key replaces its value and keeps its place", () => {
    const m = new SmallMap<number, string>().set(2021, "a").set(2022, "b").set(2021, "c");
    expect([...m]).toEqual([
      [2021, "c"],
      [2022, "b"],
    ]);
  });
});
