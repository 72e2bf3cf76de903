// The shared ways a route reads its request: ids in the path through Hono's validator middleware (an id that is
// not one answers the not-found page, as for a row that does not exist), forms through parseForm (forms.ts).
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z } from 'zod';
import { parseId } from '../kernel/ids.ts';
import type { AppEnv } from './app-env.ts';
import { errorPage } from './pages.tsx';

const idText = z.string().transform((text, context) => {
  const id = parseId(text);
  if (id === null) context.addIssue({ code: 'custom', message: 'not an id' });
  return id ?? 0;
});

/** Path parameters that are row ids: `ids('id')`, then `const { id } = c.req.valid('param')` is a number. */
export function ids<const Names extends readonly [string, ...string[]]>(...names: Names) {
  const shape = Object.fromEntries(names.map((name) => [name, idText])) as { [Name in Names[number]]: typeof idText };
  return zValidator('param', z.object(shape), (result, c) => {
    // Every route runs behind the app's middleware, so its context is an AppEnv one whatever the hook's type says.
    if (!result.success) return errorPage(c as unknown as Context<AppEnv>, 404);
  });
}
