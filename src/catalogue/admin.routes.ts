// Catalogue administration, mounted as one: terms, offerings, meetings and the CSV import, each its own routes.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { ImportService } from './import.service.ts';
import { importRoutes } from './import.routes.tsx';
import type { MeetingsService } from './meetings.service.ts';
import { meetingsRoutes } from './meetings.routes.tsx';
import type { OfferingsService } from './offerings.service.ts';
import { offeringsRoutes } from './offerings.routes.tsx';
import type { TermsService } from './terms.service.ts';
import { termsRoutes } from './terms.routes.tsx';

export function catalogueAdminRoutes(deps: { terms: TermsService; offerings: OfferingsService; meetings: MeetingsService; imports: ImportService; timeZone: string }) {
  const app = new Hono<AppEnv>();
  app.route('/', termsRoutes(deps));
  app.route('/', offeringsRoutes(deps));
  app.route('/', meetingsRoutes(deps));
  app.route('/', importRoutes(deps));
  return app;
}
