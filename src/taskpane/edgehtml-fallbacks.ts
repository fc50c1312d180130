/**
 * What EdgeHTML 18 (Office 2019 on Windows 10) lacks and Fluent UI's focus management (tabster, keyborg) calls on
 * every focus change and keyboard move: WeakRef and Event.prototype.composedPath (both Edge 79+, per
 * @mdn/browser-compat-data). Without them each focus throws, and keyboard navigation loses track of focus.
 *
 * WeakRef cannot be polyfilled: the stand-in holds its target strongly (as tabster's own fallback did before v8);
 * the pane is one small page, so the few elements it keeps bound the memory. composedPath is exact there:
 * EdgeHTML 18 has no shadow DOM, so the path is the target's ancestors, the document and the window.
 */
class StrongRef<T extends object> {
  constructor(private readonly target: T) {}
  deref(): T | undefined {
    return this.target;
  }
}

/** The event path without shadow roots: target, its ancestors, then the window (empty once dispatched). */
function composedPath(this: Event): EventTarget[] {
  const path: EventTarget[] = [];
  if (!this.currentTarget && this.eventPhase === 0) return path;
  for (let node = this.target as Node | null; node; node = node.parentNode) path.push(node);
  const doc = path[path.length - 1] as Document | undefined;
  if (doc && doc.nodeType === 9 && doc.defaultView) path.push(doc.defaultView);
  return path;
}

export interface FallbackScope {
  WeakRef?: unknown;
  Event?: { prototype: object };
}

/** Installs what the engine lacks; returns the names installed. */
export function installEdgeHtmlFallbacks(scope: FallbackScope): string[] {
  const installed: string[] = [];
  if (typeof scope.WeakRef !== "function") {
    Object.defineProperty(scope, "WeakRef", { value: StrongRef, writable: true, configurable: true });
    installed.push("WeakRef");
  }
  const proto = scope.Event?.prototype as { composedPath?: unknown } | undefined;
  if (proto && typeof proto.composedPath !== "function") {
    Object.defineProperty(proto, "composedPath", { value: composedPath, writable: true, configurable: true });
    installed.push("Event.prototype.composedPath");
  }
  return installed;
}
