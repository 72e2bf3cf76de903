// PostgreSQL only: a parent's seat claim as one function call (issue 25). It takes the child's row lock, checks that
// the child's other places in the term are still the ones the enrolment rules were checked against (else it answers
// 'stale' and writes nothing), takes the offering's row lock, and then claims a free seat nobody waits for or
// appends to the waitlist, writing the child's place — each step a statement of its own, so each reads what the
// locks it waited for let through (READ COMMITTED). Answers 'new' (written), 'placed' (the child already held a
// place here) or 'stale'/'gone'. SQLite needs none of it: its writers are serial.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function clubroll_place(p_offering integer, p_child integer, p_term integer, p_others integer[], p_at timestamptz)
    returns table (place_outcome text, place_id integer, place_status text, place_position integer)
    language plpgsql volatile as $$
    declare
      v_id integer;
      v_status text;
      v_position integer;
    begin
      perform 1 from children where id = p_child for update;
      if not found then
        return query select 'gone'::text, null::integer, null::text, null::integer;
        return;
      end if;
      if array(
        select e.offering_id from enrollments e join offerings o on o.id = e.offering_id
        where e.child_id = p_child and e.status in ('enrolled', 'waitlisted') and o.term_id = p_term and o.id <> p_offering
        order by 1
      ) is distinct from array(select unnest(p_others) order by 1) then
        return query select 'stale'::text, null::integer, null::text, null::integer;
        return;
      end if;
      perform 1 from offerings where id = p_offering for update;
      if not found then
        return query select 'gone'::text, null::integer, null::text, null::integer;
        return;
      end if;
      select e.id, e.status, e.waitlist_position into v_id, v_status, v_position from enrollments e where e.offering_id = p_offering and e.child_id = p_child;
      if v_status in ('enrolled', 'waitlisted') then
        return query select 'placed'::text, v_id, v_status, v_position;
        return;
      end if;
      update offerings set seats_taken = seats_taken + 1
      where id = p_offering and seats_taken + 1 <= capacity
        and not exists (select 1 from enrollments w where w.offering_id = p_offering and w.status = 'waitlisted');
      if found then
        v_status := 'enrolled';
        v_position := null;
      else
        v_status := 'waitlisted';
        select coalesce(max(w.waitlist_position), 0) + 1 into v_position from enrollments w where w.offering_id = p_offering and w.status = 'waitlisted';
      end if;
      if v_id is not null then
        update enrollments set status = v_status, waitlist_position = v_position, updated_at = p_at where id = v_id;
      else
        insert into enrollments (offering_id, child_id, status, waitlist_position, updated_at, created_at)
        values (p_offering, p_child, v_status, v_position, p_at, p_at) returning id into v_id;
      end if;
      return query select 'new'::text, v_id, v_status, v_position;
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function if exists clubroll_place(integer, integer, integer, integer[], timestamptz)`.execute(db);
}
