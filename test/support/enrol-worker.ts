// A separate OS process that enrols children through the real service, for the multi-process rush test.
// argv: <database target JSON> <parent id> <offering id> <child ids, comma-separated>; prints one JSON line.
import { systemClock } from '../../src/clock.ts';
import { connect } from '../../src/db/connect.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';

const [targetJson, parentText, offeringText, childrenText] = process.argv.slice(2);
const handle = await connect(JSON.parse(targetJson!), { poolSize: 4 });
const service = createEnrollmentService({ db: handle.db, clock: systemClock });
const results = await Promise.all(
  childrenText!.split(',').map(async (child) => {
    try {
      const answer = await service.enrol(Number(parentText), Number(offeringText), Number(child));
      return answer.ok ? answer.status : `refused:${'refusal' in answer ? answer.refusal.reason : answer.reason}`;
    } catch (error) {
      return `error:${(error as Error).message}`;
    }
  }),
);
await handle.close();
console.log(JSON.stringify(results));
