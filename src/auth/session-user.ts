// The signed-in person as the rest of the app sees them (never the password hash).
import type { Lang, Role } from '../db/schema.ts';

export interface SessionUser {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly schoolId: number | null;
  readonly lang: Lang;
  /** The e-mail or phone they log in with. */
  readonly login: string;
  /** The staff member's school, in both languages (null for parents and district admins). */
  readonly schoolName: Readonly<Record<Lang, string>> | null;
}
