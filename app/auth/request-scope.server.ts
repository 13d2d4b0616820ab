import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one HTTP request has already looked up, shared by the loaders Remix
 * runs for it. Remix hands each loader its own copy of the Request, so the
 * copy cannot be the key; the server (server/index.ts) opens a scope around
 * each request instead. The server and the built app are separate module
 * graphs, so the storage hangs on one well-known global.
 */
type Scope = Map<string, unknown>;

const KEY = Symbol.for("anchor-charter.request-scope");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<Scope> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs the rest of a request's handling inside a scope of its own. */
export function runInRequestScope<T>(work: () => T): T {
  return storage.run(new Map(), work);
}

/**
 * The value under `key` for this request, made once. Outside a scope (tests
 * calling loaders directly, scripts) it is made every time, as before.
 */
export function oncePerRequest<T>(key: string, make: () => T): T {
  const scope = storage.getStore();
  if (!scope) return make();
  if (!scope.has(key)) scope.set(key, make());
  return scope.get(key) as T;
}
