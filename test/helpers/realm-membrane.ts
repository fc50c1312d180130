/**
 * Hands a host object (the simulated Excel, running in the test's own realm) to code in a webview realm the
 * way Office.js would: data read from the host arrives as the realm's own arrays and objects (Office.js parses
 * its responses inside the page), so the page's polyfills see their own Array.prototype, iterators and
 * Promise; data the page passes in is copied back. Host objects stay host objects behind a wrapper.
 * With Office.js running in a webview realm (test/helpers/office-js-realm.ts) it is the webview's bridge: the
 * simulated host's window.external answers reach Office.js as the realm's own objects.
 */
import vm from "vm";

type AnyFn = (...args: unknown[]) => unknown;

export function membrane(context: vm.Context): { wrap(host: unknown): unknown } {
  const realmArray = vm.runInContext("Array", context) as ArrayConstructor;
  const realmObject = vm.runInContext("Object", context) as ObjectConstructor;
  const isRealm = (v: object) => v instanceof realmArray || Object.getPrototypeOf(v) === realmObject.prototype;
  const wrappers = new WeakMap<object, unknown>();
  const targets = new WeakMap<object, object>();
  /** The same host function for the same page function (a handler added, then removed). */
  const callbacks = new WeakMap<object, AnyFn>();

  /** Host → realm. */
  function wrap(v: unknown): unknown {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return v;
    if (targets.has(v as object)) return v;
    if (Array.isArray(v)) {
      const out = new realmArray();
      for (const x of v) out.push(wrap(x));
      return out;
    }
    if (v instanceof Promise) return v.then(wrap);
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const out = new realmObject() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = wrap(x);
      return out;
    }
    if (isRealm(v as object)) return v;
    const known = wrappers.get(v as object);
    if (known) return known;
    const proxy = new Proxy(v as object, {
      get(t, key) {
        const x = Reflect.get(t, key, t) as unknown;
        if (typeof x === "function" && key !== "constructor")
          return (...args: unknown[]) => wrap((x as AnyFn).apply(t, args.map(unwrap)));
        return wrap(x);
      },
      set(t, key, value) {
        return Reflect.set(t, key, unwrap(value), t);
      },
      apply(t, _this, args) {
        return wrap((t as AnyFn)(...args.map(unwrap)));
      },
    });
    wrappers.set(v as object, proxy);
    targets.set(proxy, v as object);
    return proxy;
  }

  /** Realm → host. */
  function unwrap(v: unknown): unknown {
    if (v === null || typeof v !== "object") {
      if (typeof v !== "function") return v;
      const target = targets.get(v);
      if (target) return target;
      let callback = callbacks.get(v);
      if (!callback) callbacks.set(v, (callback = (...args: unknown[]) => unwrap((v as AnyFn)(...args.map(wrap)))));
      return callback;
    }
    const target = targets.get(v);
    if (target) return target;
    if (Array.isArray(v)) return v.map(unwrap);
    if (Object.getPrototypeOf(v) === realmObject.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = unwrap(x);
      return out;
    }
    return v;
  }

  return { wrap };
}
