// A rush of real enrolment requests against a running server: parents signed in by writing session rows
// into its SQLite file, each enrolling a child of theirs into an offering their grade fits.
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';

export interface RushRequest {
  session: string;
  childId: number;
  offeringId: number;
}

export interface RushAnswer extends RushRequest {
  status: number;
  body: string;
}

/** Up to `count` (child, offering) pairs of one school, each with a fresh session for the child's guardian. */
export function prepareRush(databasePath: string, schoolSlug: string, count: number, seed = 1): RushRequest[] {
  const db = new SQLite(databasePath);
  try {
    db.pragma('busy_timeout = 5000');
    const children = db
      .prepare(
        `select c.id as child_id, c.grade, min(g.user_id) as parent_id from children c
         join schools s on s.id = c.school_id join guardianships g on g.child_id = c.id
         where s.slug = ? group by c.id order by c.id`,
      )
      .all(schoolSlug) as { child_id: number; grade: number; parent_id: number }[];
    const offerings = db
      .prepare(
        `select o.id, o.grade_min, o.grade_max from offerings o join terms t on t.id = o.term_id join schools s on s.id = t.school_id
         where s.slug = ? and o.status = 'published' order by o.id`,
      )
      .all(schoolSlug) as { id: number; grade_min: number; grade_max: number }[];
    const sessions = new Map<number, string>();
    const insert = db.prepare('insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)');
    const requests: RushRequest[] = [];
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let i = 0; requests.length < count && i < count * 10; i++) {
      const child = children[next() % children.length]!;
      const fitting = offerings.filter((offering) => child.grade >= offering.grade_min && child.grade <= offering.grade_max);
      if (fitting.length === 0) continue;
      const offering = fitting[next() % fitting.length]!;
      let session = sessions.get(child.parent_id);
      if (!session) {
        session = randomBytes(20).toString('hex');
        insert.run(session, child.parent_id, new Date(Date.now() + 86_400_000).toISOString(), new Date().toISOString());
        sessions.set(child.parent_id, session);
      }
      requests.push({ session, childId: child.child_id, offeringId: offering.id });
    }
    return requests;
  } finally {
    db.close();
  }
}

/** Sends the requests with at most `concurrency` in flight; a refused connection is an answer with status 0. */
export async function fireRush(url: string, requests: readonly RushRequest[], concurrency: number, onAnswer?: (answer: RushAnswer) => void): Promise<RushAnswer[]> {
  const answers: RushAnswer[] = [];
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const request = requests[next++]!;
      try {
        const response = await fetch(`${url}/offerings/${request.offeringId}/enrollments`, {
          method: 'POST',
          headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', cookie: `clubroll_session=${request.session}`, 'hx-request': 'true' },
          body: new URLSearchParams({ child: String(request.childId) }),
        });
        const answer = { ...request, status: response.status, body: await response.text() };
        answers.push(answer);
        onAnswer?.(answer);
      } catch {
        answers.push({ ...request, status: 0, body: '' });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}
