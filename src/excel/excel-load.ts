/**
 * Office.js's load() takes member names in a string, where a misspelt or missing member fails only at run time.
 * These send the same string, built from names the compiler checks against @types/office-js.
 */

/** The names of an Office.js object's plain properties (not methods, not navigations to other objects). */
export type LoadableName<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown
    ? never
    : T[K] extends OfficeExtension.ClientObject
      ? never
      : K;
}[keyof T] &
  string;

/** `object.load("a,b")`, the names checked against the object's type. */
export function loadNames<T extends { load(names: string): unknown }>(object: T, ...names: LoadableName<T>[]): T {
  object.load(names.join(","));
  return object;
}

/** `collection.load("items/a,items/b")`, the names checked against the type of the collection's items. */
export function loadItemNames<C extends { items: object[]; load(names: string): unknown }>(
  collection: C,
  ...names: LoadableName<C["items"][number]>[]
): C {
  collection.load(names.map((n) => `items/${n}`).join(","));
  return collection;
}
