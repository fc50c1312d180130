/**
 * JSON text in pieces: the chunks joined are exactly `JSON.stringify(value, null, indent)`, produced a few
 * kilobytes at a time, so a large summary.json can be written without the whole text (and its UTF-8 copy) in
 * memory. Pure: the CLI pipes the chunks into a file stream.
 *
 * Same rules as JSON.stringify: toJSON (with its key), boxed primitives unwrapped, undefined / functions /
 * symbols left out of objects and written as null in arrays, non-finite numbers as null, every leaf formatted by
 * JSON.stringify itself (escapes, lone surrogates, -0, 1e21), a circular structure or a bigint is a TypeError.
 */

interface Frame {
  /** Array or object being written. */
  readonly container: unknown[] | Record<string, unknown>;
  /** Keys of an object (null for an array). */
  readonly keys: string[] | null;
  next: number;
  /** Whether a member was written (an object whose members are all undefined is "{}"). */
  written: boolean;
  /** Indentation of the container's closing bracket. */
  readonly outer: string;
}

const DEFAULT_CHUNK_CHARS = 16 * 1024;

/** The value as JSON.stringify sees it: toJSON applied, boxed primitives unwrapped. */
function jsonView(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  } else if (typeof value === "bigint") {
    const toJSON = (BigInt.prototype as unknown as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  }
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean) return value.valueOf();
  return value;
}

/** undefined, a function or a symbol: left out of an object, null in an array. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * Yields strings whose concatenation equals `JSON.stringify(value, null, indent)`. Chunks end only between
 * tokens, so a chunk never splits a surrogate pair (each chunk can be encoded to UTF-8 on its own).
 */
export function* jsonTextChunks(
  value: unknown,
  indent = 2,
  chunkChars: number = DEFAULT_CHUNK_CHARS,
): Generator<string, void, undefined> {
  const step = " ".repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  const root = jsonView(value, "");
  if (isSkipped(root))
    throw new TypeError("jsonTextChunks: the value has no JSON text (undefined, a function or a symbol)");

  const stack: Frame[] = [];
  const open = new Set<unknown>(); // containers being written, for the circular-structure check
  let buffer = "";

  /** Writes a leaf, or opens a container (its members follow). */
  const begin = (v: unknown, outer: string): void => {
    if (v === null || typeof v !== "object") {
      buffer += typeof v === "number" && !Number.isFinite(v) ? "null" : (JSON.stringify(v) as string);
      return;
    }
    if (open.has(v)) throw new TypeError("Converting circular structure to JSON");
    open.add(v);
    if (Array.isArray(v)) stack.push({ container: v, keys: null, next: 0, written: false, outer });
    else stack.push({ container: v as Record<string, unknown>, keys: Object.keys(v), next: 0, written: false, outer });
  };

  begin(root, "");
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const inner = frame.outer + step;
    const sep = step ? `\n${inner}` : "";
    if (frame.keys === null) {
      const array = frame.container as unknown[];
      if (frame.next < array.length) {
        const i = frame.next++;
        buffer += frame.written ? `,${sep}` : `[${sep}`;
        frame.written = true;
        const v = jsonView(array[i], String(i));
        if (isSkipped(v)) buffer += "null";
        else begin(v, inner);
      } else {
        buffer += frame.written ? (step ? `\n${frame.outer}]` : "]") : "[]";
        open.delete(stack.pop()!.container);
      }
    } else {
      const object = frame.container as Record<string, unknown>;
      let opened = false;
      while (frame.next < frame.keys.length) {
        const key = frame.keys[frame.next++]!;
        const v = jsonView(object[key], key);
        if (isSkipped(v)) continue;
        buffer += (frame.written ? `,${sep}` : `{${sep}`) + JSON.stringify(key) + (step ? ": " : ":");
        frame.written = true;
        begin(v, inner);
        opened = true;
        break;
      }
      if (!opened) {
        buffer += frame.written ? (step ? `\n${frame.outer}}` : "}") : "{}";
        open.delete(stack.pop()!.container);
      }
    }
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
