/**
 * A small validator for the settings JSON (rules files, the settings sheet): declared shapes, defaults, and a
 * message at the field for everything refused, in Japanese and English.
 *
 * Hand-written rather than zod: zod 4 builds BigInt values when it loads, and Office 2019's webviews (IE11,
 * EdgeHTML 18) have no BigInt, so the ribbon command and the pane could not start there (issue 15). This is
 * also about a tenth of zod's size in the pane's bundle. Only what the settings need is here.
 */

export type IssuePath = (string | number)[];

export interface Issue {
  readonly path: IssuePath;
  readonly message: string;
  /** Keys a strict object does not know (their own issue, so that a near miss can be suggested). */
  readonly unknownKeys?: string[];
}

export type SafeParse<T> = { success: true; data: T; error?: undefined } | { success: false; error: { issues: Issue[] } };

/** Adds an issue at a path relative to the value being refined. */
export interface RefineContext {
  addIssue(issue: { path?: IssuePath; message: string }): void;
}

export abstract class Schema<T> {
  /** The value, or undefined with issues added (the issues, not the return value, tell failure). */
  abstract check(input: unknown, path: IssuePath, issues: Issue[]): T | undefined;

  /** The schema of a member, for "did you mean" hints (null: none). */
  member(key: string | number): Schema<unknown> | null {
    void key;
    return null;
  }
  /** The keys an object schema knows. */
  knownKeys(): string[] {
    return [];
  }

  safeParse(input: unknown): SafeParse<T> {
    const issues: Issue[] = [];
    const data = this.check(input, [], issues);
    return issues.length === 0 ? { success: true, data: data as T } : { success: false, error: { issues } };
  }

  parse(input: unknown): T {
    const r = this.safeParse(input);
    if (r.success) return r.data;
    throw new TypeError(r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "));
  }

  /** undefined becomes a fresh copy of the value (so no two results share a default array). */
  default(value: T): Schema<T> {
    return new Wrapped<T, T>(this, (input, path, issues) =>
      this.check(input === undefined ? copy(value) : input, path, issues),
    );
  }

  optional(): Schema<T | undefined> {
    return new Wrapped<T, T | undefined>(this, (input, path, issues) =>
      input === undefined ? undefined : this.check(input, path, issues),
    );
  }

  nullable(): Schema<T | null> {
    return new Wrapped<T, T | null>(this, (input, path, issues) =>
      input === null ? null : this.check(input, path, issues),
    );
  }

  /** Checks that need the whole value (run only when the value itself is valid). */
  refine(check: (value: T, ctx: RefineContext) => void): Schema<T> {
    return new Wrapped<T, T>(this, (input, path, issues) => {
      const before = issues.length;
      const value = this.check(input, path, issues);
      if (issues.length !== before) return undefined;
      check(value as T, { addIssue: (i) => issues.push({ path: [...path, ...(i.path ?? [])], message: i.message }) });
      return value;
    });
  }
}

function copy<T>(value: T): T {
  return value === null || typeof value !== "object" ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** default / optional / nullable / refine around an inner schema (members and keys are the inner's). */
class Wrapped<I, T> extends Schema<T> {
  constructor(
    private readonly inner: Schema<I>,
    private readonly run: (input: unknown, path: IssuePath, issues: Issue[]) => T | undefined,
  ) {
    super();
  }
  check(input: unknown, path: IssuePath, issues: Issue[]): T | undefined {
    return this.run(input, path, issues);
  }
  override member(key: string | number) {
    return this.inner.member(key);
  }
  override knownKeys() {
    return this.inner.knownKeys();
  }
}

class Leaf<T> extends Schema<T> {
  constructor(private readonly run: (input: unknown) => { value: T } | { message: string }) {
    super();
  }
  check(input: unknown, path: IssuePath, issues: Issue[]): T | undefined {
    const r = this.run(input);
    if ("message" in r) {
      issues.push({ path, message: r.message });
      return undefined;
    }
    return r.value;
  }
}

const json = (v: unknown) => JSON.stringify(v) ?? String(v);
const typeWords = {
  string: "文字列 / a string",
  number: "数値 / a number",
  boolean: "true または false / true or false",
  array: "配列 / an array",
  object: "オブジェクト / an object",
};
function wrongType(expected: keyof typeof typeWords, input: unknown): { message: string } {
  const [ja, en] = typeWords[expected].split(" / ");
  const got = input === null ? "null" : Array.isArray(input) ? "array" : typeof input;
  return { message: `${ja}にしてください / expected ${en}, received ${got}` };
}

export interface StringRules {
  /** Remove surrounding white space before the length checks. */
  trim?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
}

export function string(rules: StringRules = {}): Schema<string> {
  return new Leaf((input) => {
    if (typeof input !== "string") return wrongType("string", input);
    const s = rules.trim ? input.trim() : input;
    if (rules.minLength !== undefined && s.length < rules.minLength)
      return rules.minLength === 1
        ? { message: "空にはできません / must not be empty" }
        : { message: `${rules.minLength} 文字以上にしてください / must have at least ${rules.minLength} characters` };
    if (rules.maxLength !== undefined && s.length > rules.maxLength)
      return { message: `${rules.maxLength} 文字以内にしてください / must have at most ${rules.maxLength} characters` };
    if (rules.pattern && !rules.pattern.test(s))
      return { message: `形式が正しくありません / does not match ${String(rules.pattern)}` };
    return { value: s };
  });
}

export interface NumberRules {
  integer?: boolean;
  min?: number;
  max?: number;
}

/** A finite number (JSON has no others). */
export function number(rules: NumberRules = {}): Schema<number> {
  return new Leaf((input) => {
    if (typeof input !== "number" || !Number.isFinite(input)) return wrongType("number", input);
    if (rules.integer && Math.floor(input) !== input)
      return { message: `整数にしてください / expected a whole number, received ${input}` };
    if (rules.min !== undefined && input < rules.min)
      return { message: `${rules.min} 以上にしてください / must be at least ${rules.min}, received ${input}` };
    if (rules.max !== undefined && input > rules.max)
      return { message: `${rules.max} 以下にしてください / must be at most ${rules.max}, received ${input}` };
    return { value: input };
  });
}

export function boolean(): Schema<boolean> {
  return new Leaf((input) => (typeof input === "boolean" ? { value: input } : wrongType("boolean", input)));
}

export function literal<const T extends string | number>(value: T): Schema<T> {
  return new Leaf<T>((input) =>
    input === value ? { value } : { message: `${json(value)} にしてください / expected ${json(value)}, received ${json(input)}` },
  );
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  const list = values.map((v) => json(v)).join(", ");
  return new Leaf<T[number]>((input) =>
    typeof input === "string" && values.includes(input)
      ? { value: input as T[number] }
      : { message: `次のどれかにしてください: ${list} / expected one of ${list}, received ${json(input)}` },
  );
}

export interface ArrayRules {
  minItems?: number;
  maxItems?: number;
}

class ArraySchema<T> extends Schema<T[]> {
  constructor(
    private readonly element: Schema<T>,
    private readonly rules: ArrayRules,
  ) {
    super();
  }
  check(input: unknown, path: IssuePath, issues: Issue[]): T[] | undefined {
    if (!Array.isArray(input)) {
      issues.push({ path, message: wrongType("array", input).message });
      return undefined;
    }
    const { minItems, maxItems } = this.rules;
    if (minItems !== undefined && input.length < minItems)
      issues.push({ path, message: `${minItems} 個以上にしてください / must have at least ${minItems} entries` });
    if (maxItems !== undefined && input.length > maxItems)
      issues.push({ path, message: `${maxItems} 個以内にしてください / must have at most ${maxItems} entries` });
    return input.map((v, i) => this.element.check(v, [...path, i], issues) as T);
  }
  override member() {
    return this.element;
  }
}

export function array<T>(element: Schema<T>, rules: ArrayRules = {}): Schema<T[]> {
  return new ArraySchema(element, rules);
}

/** A JSON object used as a map: every key must match `key` (a pattern), every value `value`. */
class RecordSchema<T> extends Schema<Record<string, T>> {
  constructor(
    private readonly value: Schema<T>,
    private readonly key: RegExp | null,
  ) {
    super();
  }
  check(input: unknown, path: IssuePath, issues: Issue[]): Record<string, T> | undefined {
    if (!isPlainObject(input)) {
      issues.push({ path, message: wrongType("object", input).message });
      return undefined;
    }
    const out: Record<string, T> = {};
    for (const k of Object.keys(input)) {
      if (this.key && !this.key.test(k)) {
        issues.push({ path: [...path, k], message: `この名前は使えません / invalid key ${json(k)}` });
        continue;
      }
      out[k] = this.value.check(input[k], [...path, k], issues) as T;
    }
    return out;
  }
  override member() {
    return this.value;
  }
}

export function record<T>(value: Schema<T>, key: RegExp | null = null): Schema<Record<string, T>> {
  return new RecordSchema(value, key);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

type Shape = Record<string, Schema<unknown>>;
type Out<S> = S extends Schema<infer T> ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Out<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Out<S[K]> } & { [K in OptionalKeys<S>]?: Out<S[K]> }
>;

class ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  constructor(
    private readonly shape: S,
    /** Refuse keys the shape does not name (else they are dropped). */
    private readonly strict: boolean,
  ) {
    super();
  }
  check(input: unknown, path: IssuePath, issues: Issue[]): ObjectOf<S> | undefined {
    if (!isPlainObject(input)) {
      issues.push({ path, message: wrongType("object", input).message });
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(this.shape)) {
      const v = this.shape[k]!.check(input[k], [...path, k], issues);
      if (v !== undefined) out[k] = v;
    }
    if (this.strict) {
      const unknownKeys = Object.keys(input).filter((k) => !Object.prototype.hasOwnProperty.call(this.shape, k));
      if (unknownKeys.length > 0)
        issues.push({ path, message: `不明な項目 / unknown fields: ${unknownKeys.join(", ")}`, unknownKeys });
    }
    return out as ObjectOf<S>;
  }
  override member(key: string | number) {
    return Object.prototype.hasOwnProperty.call(this.shape, key) ? this.shape[key]! : null;
  }
  override knownKeys() {
    return Object.keys(this.shape);
  }
}

/** An object whose unknown keys are refused (a misspelt setting must not be ignored silently). */
export function strictObject<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return new ObjectSchema(shape, true);
}

/** An object whose unknown keys are dropped (stored state written by other versions). */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return new ObjectSchema(shape, false);
}

export type Infer<S> = Out<S>;
