// The public lottery page (commitment, frozen list, seed, results, how to verify) and a child's ranked choices.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export interface LotteryPageView {
  schoolName: string;
  schoolSlug: string;
  termName: string;
  stage: 'not_open' | 'open' | 'closed' | 'drawn';
  opensAt: string;
  closesAt: string;
  /** When the named 双色球 draw takes place (the lottery runs after it), in the district's zone. */
  publicDrawAt: string;
  drawnAt: string | null;
  commitment: string | null;
  publicValueSource: string | null;
  entries: number | null;
  entriesHash: string | null;
  seed: string | null;
  publicValue: string | null;
  algorithmVersion: number | null;
  offerings: { code: string; title: string; seats: number[]; waitlist: number[]; demand: number; capacity: number }[];
  /** The signed-in parent's own children only; `position` is the place in the draw order once drawn. */
  yourEntries: { child: string; number: number; position: number | null }[];
  /** Set for an admin of this school once the window has closed and nothing is drawn yet. */
  drawForm: { termId: number; value: string; error?: string | undefined } | null;
  notice?: string | undefined;
  /** Why a draw was refused, when the draw form is not there to show it. */
  error?: string | undefined;
}

function Hex(props: { value: string }) {
  return <code class="hex">{props.value}</code>;
}

export function LotteryPage(props: { chrome: Chrome; view: LotteryPageView | null; schoolName: string }) {
  const { t } = props.chrome.i18n;
  const { view } = props;
  if (!view) {
    return (
      <Layout chrome={props.chrome} title={t('lottery.title')}>
        <h1>{t('lottery.title')}</h1>
        <p class="empty">{t('lottery.none')}</p>
      </Layout>
    );
  }
  const stageText = {
    not_open: t('lottery.stage.not_open', { opens: view.opensAt }),
    open: t('lottery.stage.open', { closes: view.closesAt }),
    closed: t('lottery.stage.closed'),
    drawn: t('lottery.stage.drawn', { at: view.drawnAt ?? '' }),
  }[view.stage];
  const whenText = {
    not_open: t('lottery.when.not_open', { opens: view.opensAt, closes: view.closesAt, draw: view.publicDrawAt }),
    open: t('lottery.when.open', { closes: view.closesAt, draw: view.publicDrawAt }),
    closed: t('lottery.when.closed', { draw: view.publicDrawAt }),
    drawn: t('lottery.when.drawn', { at: view.drawnAt ?? '' }),
  }[view.stage];
  return (
    <Layout chrome={props.chrome} title={t('lottery.title')}>
      <p>
        <a href={`/s/${view.schoolSlug}`}>← {view.schoolName}</a>
      </p>
      <h1>{t('lottery.heading', { school: view.schoolName, term: view.termName })}</h1>
      <p>{t('lottery.intro')}</p>
      {view.notice ? <Notice kind="success">{view.notice}</Notice> : null}
      {view.error ? <Notice kind="error">{view.error}</Notice> : null}
      <Notice kind="info">{stageText}</Notice>

      {view.yourEntries.length > 0 ? (
        <section class="card" aria-labelledby="your-entries">
          <h2 id="your-entries">{t('lottery.yourEntries')}</h2>
          <ul>
            {view.yourEntries.map((entry) => (
              <li>
                {entry.position !== null
                  ? t('lottery.yourPosition', { child: entry.child, number: entry.number, position: entry.position, total: view.entries ?? 0 })
                  : t('lottery.yourEntry', { child: entry.child, number: entry.number })}
              </li>
            ))}
          </ul>
          <p class="muted">{view.yourEntries.some((entry) => entry.position !== null) ? t('lottery.yourPositionHint') : t('lottery.yourEntriesHint')}</p>
        </section>
      ) : null}

      <section class="card lottery-how" aria-labelledby="how">
        <h2 id="how">{t('lottery.how.title')}</h2>
        <ol class="lottery-steps">
          <li>{t('lottery.how.order')}</li>
          <li>{t('lottery.how.allocate')}</li>
          <li>{t('lottery.how.honest')}</li>
        </ol>
        <h3>{t('lottery.when.title')}</h3>
        <p>{whenText}</p>
      </section>

      {view.commitment ? <LotteryCheck t={t} view={view} /> : null}

      {view.drawForm ? (
        <section class="card" aria-labelledby="draw-title">
          <h2 id="draw-title">{t('lottery.draw.title')}</h2>
          <form method="post" action={`/admin/terms/${view.drawForm.termId}/lottery/draw`}>
            <div class={view.drawForm.error ? 'field field--invalid' : 'field'}>
              <label for="public-value">{t('lottery.draw.valueLabel')}</label>
              <p class="field__hint" id="public-value-hint">
                {view.publicValueSource}
              </p>
              {view.drawForm.error ? (
                <p class="field__error" id="public-value-error">
                  {view.drawForm.error}
                </p>
              ) : null}
              <input
                id="public-value"
                name="public_value"
                type="text"
                maxlength={200}
                required
                value={view.drawForm.value}
                aria-describedby={view.drawForm.error ? 'public-value-error public-value-hint' : 'public-value-hint'}
                aria-invalid={view.drawForm.error ? 'true' : undefined}
              />
            </div>
            <button type="submit" class="button button--primary">
              {t('lottery.draw.submit')}
            </button>
          </form>
        </section>
      ) : null}

      {view.stage === 'closed' || view.stage === 'drawn' ? (
        <section aria-labelledby="results">
          <h2 id="results">{view.stage === 'drawn' ? t('lottery.results') : t('lottery.col.demand')}</h2>
          <div class="table-scroll" tabindex={0} role="region" aria-labelledby="results">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('lottery.col.offering')}</th>
                  <th scope="col">{t('lottery.col.demand')}</th>
                  {view.stage === 'drawn' ? (
                    <>
                      <th scope="col">{t('lottery.col.seats')}</th>
                      <th scope="col">{t('lottery.col.waitlist')}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {view.offerings.map((offering) => (
                  <tr>
                    <th scope="row">
                      {offering.title} <span class="muted">{offering.code}</span>
                    </th>
                    <td>{t('lottery.demand', { requests: offering.demand, seats: offering.capacity })}</td>
                    {view.stage === 'drawn' ? (
                      <>
                        <td>{offering.seats.join(', ')}</td>
                        <td>{offering.waitlist.join(', ')}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

/**
 * Checking the draw: a button that recomputes it in the browser (static/lottery-check.js, hidden until the script
 * finds WebCrypto), and the published facts folded under "details for checking" with the command-line way.
 */
function LotteryCheck(props: { t: I18n['t']; view: LotteryPageView }) {
  const { t, view } = props;
  const exportUrl = `/s/${view.schoolSlug}/lottery/export.json`;
  // The script's words, translated here ({name} placeholders filled in the browser).
  const words = {
    'data-t-working': t('lottery.check.working'),
    'data-t-failed': t('lottery.check.failed'),
    'data-t-none': t('lottery.check.none'),
    'data-t-matches': t('lottery.check.matches', { count: '{count}' }),
    'data-t-each-course': t('lottery.check.eachCourse', { count: '{count}' }),
    'data-t-offering-matches': t('lottery.check.offeringMatches', { title: '{title}', code: '{code}' }),
    'data-t-offering-differs': t('lottery.check.offeringDiffers', {
      title: '{title}',
      code: '{code}',
      publishedSeats: '{publishedSeats}',
      publishedWaitlist: '{publishedWaitlist}',
      seats: '{seats}',
      waitlist: '{waitlist}',
    }),
    'data-t-problem-format': t('lottery.check.problem.format'),
    'data-t-problem-commitment': t('lottery.check.problem.commitment'),
    'data-t-problem-entries-hash': t('lottery.check.problem.entriesHash'),
    'data-t-problem-not-drawn': t('lottery.check.problem.notDrawn'),
    'data-t-problem-mismatch': t('lottery.check.problem.mismatch'),
    'data-t-problem-inconsistent': t('lottery.check.problem.inconsistent'),
    'data-t-inconsistent-not-frozen': t('lottery.check.inconsistent.notFrozen', { code: '{code}' }),
    'data-t-inconsistent-over-seats': t('lottery.check.inconsistent.overSeats', { code: '{code}', seated: '{seated}', seats: '{seats}' }),
    'data-t-inconsistent-twice': t('lottery.check.inconsistent.twice', { code: '{code}' }),
    'data-t-inconsistent-unknown': t('lottery.check.inconsistent.unknown', { code: '{code}', entries: '{entries}' }),
    'data-t-inconsistent-unknown-skipped': t('lottery.check.inconsistent.unknownSkipped', { entries: '{entries}' }),
  };
  const checkable = view.seed !== null && view.entriesHash !== null;
  return (
    <section class="card lottery-check" aria-labelledby="published" {...(checkable ? { 'data-export': exportUrl, ...words } : {})}>
      <h2 id="published">{checkable ? t('lottery.check.title') : t('lottery.verify')}</h2>
      {checkable ? (
        <>
          <p>{t('lottery.check.intro')}</p>
          <button type="button" class="button button--primary lottery-check__run" hidden>
            {t('lottery.check.run')}
          </button>
          <div class="lottery-check__result" role="status" aria-live="polite"></div>
          <p class="muted">{t('lottery.check.fallback')}</p>
        </>
      ) : null}
      <details class="lottery-details">
        <summary>{t('lottery.check.details')}</summary>
        <dl class="details">
          {view.commitment ? (
            <>
              <dt>{t('lottery.commitment')}</dt>
              <dd>
                <Hex value={view.commitment} />
                <p class="field__hint">{t('lottery.commitmentHint')}</p>
              </dd>
            </>
          ) : null}
          {view.publicValueSource ? (
            <>
              <dt>{t('lottery.publicValueSource')}</dt>
              <dd>
                {view.publicValueSource}
                <p class="field__hint">{t('lottery.publicValueHint')}</p>
              </dd>
            </>
          ) : null}
          {view.entriesHash ? (
            <>
              <dt>{t('lottery.entriesHash')}</dt>
              <dd>
                <Hex value={view.entriesHash} />
                <p>{t('lottery.entries', { count: view.entries ?? 0 })}</p>
              </dd>
            </>
          ) : null}
          {view.seed ? (
            <>
              <dt>{t('lottery.seed')}</dt>
              <dd>
                <Hex value={view.seed} />
              </dd>
              <dt>{t('lottery.publicValue')}</dt>
              <dd>{view.publicValue}</dd>
              <dt>{t('lottery.algorithm')}</dt>
              <dd>{view.algorithmVersion}</dd>
            </>
          ) : null}
        </dl>
        {view.entriesHash ? (
          <>
            <p>
              <a href={exportUrl} download>
                {t('lottery.export')}
              </a>
            </p>
            {view.seed ? (
              <>
                <div class="field">
                  <label for="check-seed">{t('lottery.check.seedLabel')}</label>
                  <input id="check-seed" class="lottery-check__seed" type="text" autocomplete="off" spellcheck={false} maxlength={64} value={view.seed} />
                </div>
                <p>{t('lottery.verifyHow')}</p>
                <pre class="command">
                  <code>{`npm run lottery:verify -- export.json ${view.seed}`}</code>
                </pre>
              </>
            ) : null}
          </>
        ) : null}
      </details>
      {checkable ? <script src="/static/lottery-check.js" defer></script> : null}
    </section>
  );
}

export interface ChoiceView {
  enrollmentId: number;
  offeringId: number;
  title: string;
  rank: number;
}

export function ChoiceList(props: { i18n: I18n; childId: number; choices: ChoiceView[]; editable: boolean; message?: string | undefined }) {
  const { t } = props.i18n;
  const swap = { 'hx-target': '#choices', 'hx-swap': 'outerHTML' };
  return (
    <div id="choices">
      {props.message ? <Notice kind="error">{props.message}</Notice> : null}
      {props.choices.length === 0 ? (
        <p class="empty">{t('lottery.choices.empty')}</p>
      ) : (
        <ol class="choice-list">
          {props.choices.map((choice, index) => (
            <li class="choice">
              <span class="choice__rank">{t('lottery.choices.rank', { rank: choice.rank })}</span>
              <a href={`/offerings/${choice.offeringId}`} class="choice__title">
                {choice.title}
              </a>
              {props.editable ? (
                <span class="choice__actions">
                  {index > 0 ? (
                    <form method="post" action={`/choices/${choice.enrollmentId}/up`} hx-post={`/choices/${choice.enrollmentId}/up`} {...swap}>
                      <button type="submit" class="button button--small" aria-label={`${t('lottery.choices.up')}：${choice.title}`}>
                        ↑ {t('lottery.choices.up')}
                      </button>
                    </form>
                  ) : null}
                  {index < props.choices.length - 1 ? (
                    <form method="post" action={`/choices/${choice.enrollmentId}/down`} hx-post={`/choices/${choice.enrollmentId}/down`} {...swap}>
                      <button type="submit" class="button button--small" aria-label={`${t('lottery.choices.down')}：${choice.title}`}>
                        ↓ {t('lottery.choices.down')}
                      </button>
                    </form>
                  ) : null}
                  <form method="post" action={`/choices/${choice.enrollmentId}/remove`} hx-post={`/choices/${choice.enrollmentId}/remove`} {...swap}>
                    <button type="submit" class="link-button link-button--ink" aria-label={`${t('lottery.choices.remove')}：${choice.title}`}>
                      {t('lottery.choices.remove')}
                    </button>
                  </form>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function ChoicesPage(props: {
  chrome: Chrome;
  childId: number;
  childName: string;
  schoolSlug: string;
  termName: string | null;
  limit: number;
  entryNumber: number | null;
  editable: boolean;
  choices: ChoiceView[];
}) {
  const i18n = props.chrome.i18n;
  const { t } = i18n;
  return (
    <Layout chrome={props.chrome} title={t('lottery.choices.title', { child: props.childName })}>
      <p>
        <a href={`/children/${props.childId}`}>← {props.childName}</a>
      </p>
      <h1>{t('lottery.choices.title', { child: props.childName })}</h1>
      {props.termName === null ? (
        <p class="empty">{t('lottery.choices.noTerm')}</p>
      ) : (
        <>
          <p>{t('lottery.choices.intro', { term: props.termName, limit: props.limit })}</p>
          {props.entryNumber !== null ? <p class="muted">{t('lottery.choices.entry', { number: props.entryNumber })}</p> : null}
          {props.editable ? null : <Notice kind="info">{t('lottery.choices.closed')}</Notice>}
          <ChoiceList i18n={i18n} childId={props.childId} choices={props.choices} editable={props.editable} />
          <p>
            <a href={`/s/${props.schoolSlug}`}>{t('lottery.choices.catalogue')}</a> · <a href={`/s/${props.schoolSlug}/lottery`}>{t('lottery.choices.publicPage')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
