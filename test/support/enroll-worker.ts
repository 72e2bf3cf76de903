// A separate OS process that enrols children through the real service, for the multi-process rush test.
// argv: <database target JSON> <parent id> <offering id> <child ids, comma-separated>; prints one JSON line.
import { systemClock } from '../../src/kernel/clock.ts';
import { connect } from '../../src/db/connect.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { SQLITE_DRIVER } from './sqlite-driver.ts';

const [targetJson, parentText, offeringText, childrenText] = process.argv.slice(2);
const POOL = 4;
const handle = await connect(JSON.parse(targetJson!), { poolSize: POOL, sqliteDriver: SQLITE_DRIVER });
const service = createEnrollmentService({ db: handle.db, clock: systemClock });
const children = childrenText!.split(',').map(Number);
const results: string[] = new Array(children.length);
// Twice as many enrolments in flight as the pool has connections, as a server's bounded queue would send: every
// connection stays busy with a transaction contending for the offering, and none waits for a connection for
// the whole rush (on a slow machine that passed the pool's 5 s connect timeout).
let next = 0;
const lane = async () => {
  while (next < children.length) {
    const index = next++;
    try {
      const answer = await service.enroll(Number(parentText), Number(offeringText), children[index]!);
      results[index] = answer.ok ? answer.status : `refused:${'refusal' in answer ? answer.refusal.reason : answer.reason}`;
    } catch (error) {
      results[index] = `error:${(error as Error).message}`;
    }
  }
};
await Promise.all(Array.from({ length: POOL * 2 }, lane));
await handle.close();
console.log(JSON.stringify(results));
