// The shared ways a route reads its request: ids in the path through Hono's validator middleware (an id that is
// not one answers the not-found page, as for a row that does not exist), forms through parseForm (forms.ts).
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import { type Id, parseId } from '../kernel/ids.ts';
import type { AppEnv } from './app-env.ts';
import { errorPage } from './pages.tsx';

/** Path parameters that are row ids: `ids('id')`, then `const { id } = c.req.valid('param')` is a number. */
export function ids<const Names extends readonly [string, ...string[]]>(...names: Names) {
  return validator('param', (params: Record<string, string>, c) => {
    const valid = {} as Record<Names[number], Id>;
    for (const name of names as readonly Names[number][]) {
      const id = parseId(params[name]);
      // Every route runs behind the app's middleware, so its context is an AppEnv one whatever the hook's type says.
      if (id === null) return errorPage(c as unknown as Context<AppEnv>, 404);
      valid[name] = id;
    }
    return valid;
  });
}
