// hono/jsx without AsyncLocalStorage: Node 20's AsyncLocalStorage turns on promise hooks for the whole process.
// See docs/decisions/0017-jsx-without-async-hooks.md.

let installed = false;

/**
 * hono/jsx renders inside an AsyncLocalStorage whenever the runtime has one, so that useContext() still finds its
 * provider after an await. On Node 20 that storage is built on async_hooks: its first run() turns on promise hooks
 * for the process, and from then on every promise of every request pays for them. Clubroll's views use no JSX
 * context, and hono/jsx's own fallback keeps the render context for synchronous rendering, which is all they
 * need. hono looks the class up through process.getBuiltinModule (nothing else in the app does), so it is hidden
 * there. Idempotent; createApp calls it before the first render.
 */
export function renderJsxWithoutAsyncHooks(): void {
  if (installed) return;
  installed = true;
  const getBuiltinModule = process.getBuiltinModule.bind(process);
  process.getBuiltinModule = ((id: string) => {
    const module = getBuiltinModule(id);
    return id === 'node:async_hooks' || id === 'async_hooks' ? { ...module, AsyncLocalStorage: undefined } : module;
  }) as typeof process.getBuiltinModule;
}
