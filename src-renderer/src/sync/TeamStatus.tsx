import { useState } from 'react';
import { SyncIntervalInputSchema, type SyncResult, type SyncStatus } from '../../../src-main/domain/sync/status';
import { useNav } from '../app/nav';
import { Row } from '../cases/shared';
import { call, messageOf } from '../shared/api/client';
import { ActionError } from '../shared/components/ActionError';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { InputField } from '../shared/components/Fields';
import { formatDateTime } from '../shared/lib/dates';
import { useSync } from './sync-state';
import { ago, intervalWords, plural, toResolveWords } from './sync-words';

/** Team use is on: where and how often this computer syncs, "Sync now", and what the last sync found. */
export function TeamStatus({ status }: { status: SyncStatus }) {
  const go = useNav((s) => s.go);
  const { syncing, error, syncNow } = useSync();
  const [synced, setSynced] = useState<{ result: SyncResult; key: number }>();
  const sync = async () => {
    const result = await syncNow();
    if (result) setSynced((o) => ({ result, key: (o?.key ?? 0) + 1 }));
  };
  // Numbered from 1 on screen, as the changes to resolve name computers ("from … on computer 1").
  const rows: [string, React.ReactNode][] = [
    ['Server', status.remote ?? 'Not set'],
    ['This computer', status.machine ? `Computer ${status.machine.number + 1}${status.machine.name ? `, ${status.machine.name}` : ''}` : 'Not numbered yet'],
    ['Last synced', status.lastSyncedAt ? `${formatDateTime(status.lastSyncedAt)} (${ago(status.lastSyncedAt, new Date())})` : 'Not yet'],
    ['Changes waiting to be sent', String(status.waiting)],
    [
      'Changes to resolve',
      status.toResolve > 0 ? (
        <button type="button" className="cb-link-button" onClick={() => go('changes-to-resolve')}>
          {toResolveWords(status.toResolve)}
        </button>
      ) : (
        'None'
      ),
    ],
    ['Syncs', intervalWords(status.intervalMinutes)],
  ];
  return (
    <>
      {synced && (
        <Banner title="Success" success messageKey={synced.key}>
          <p className="govuk-notification-banner__heading">
            Synced: sent {plural(synced.result.pushed, 'change')}, fetched {plural(synced.result.pulled, 'change')}
            {synced.result.toResolve > 0 ? `; ${toResolveWords(synced.result.toResolve)}` : ''}.
          </p>
        </Banner>
      )}
      <section aria-labelledby="team-on-title">
        <h2 className="govuk-heading-m" id="team-on-title">
          This computer and the server
        </h2>
        <dl className="govuk-summary-list" data-testid="team-status">
          {rows.map(([k, v]) => (
            <Row key={k} label={k}>
              {v}
            </Row>
          ))}
        </dl>
        <ActionError message={error} />
        <button type="button" className="govuk-button govuk-button--secondary" disabled={syncing || status.running} onClick={() => void sync()}>
          {syncing || status.running ? 'Syncing…' : 'Sync now'}
        </button>
      </section>
      <IntervalForm minutes={status.intervalMinutes} />
      <LastSyncFound status={status} />
    </>
  );
}

/** How often to sync while the casebook is unlocked; 0 = only when someone presses Sync now. */
function IntervalForm({ minutes }: { minutes: number }) {
  const refresh = useSync((s) => s.refresh);
  const [value, setValue] = useState(String(minutes));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [saved, setSaved] = useState<{ words: string; key: number }>();
  const [busy, setBusy] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const typed = value.trim();
    const checked = SyncIntervalInputSchema.safeParse({ minutes: /^\d+$/.test(typed) ? Number(typed) : Number.NaN });
    if (!checked.success) {
      setErrors([{ fieldId: 'sync-interval', message: /^\d+$/.test(typed) ? (checked.error.issues[0]?.message ?? 'Enter a number of minutes') : 'Enter the minutes as a whole number, for example 5, or 0 for only when asked' }]);
      return setFocusKey((k) => k + 1);
    }
    setErrors([]);
    setBusy(true);
    try {
      const s = await call('setSyncInterval', checked.data);
      setSaved((o) => ({ words: s.intervalMinutes === 0 ? 'This computer syncs only when someone presses Sync now.' : `This computer syncs ${intervalWords(s.intervalMinutes).toLowerCase()} while the casebook is unlocked.`, key: (o?.key ?? 0) + 1 }));
      await refresh();
    } catch (err) {
      setErrors([{ message: messageOf(err) }]);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="sync-interval-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="sync-interval-title">
        How often to sync
      </h2>
      {saved && (
        <Banner title="Success" success messageKey={saved.key}>
          <p className="govuk-notification-banner__heading">{saved.words}</p>
        </Banner>
      )}
      <ErrorSummary errors={errors} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={(e) => void save(e)}>
        <InputField
          id="sync-interval"
          label="Minutes between syncs"
          hint="While the casebook is unlocked. 0 means only when someone presses Sync now."
          value={value}
          onValue={setValue}
          error={errors.find((x) => x.fieldId === 'sync-interval')?.message}
          widthClass="govuk-input--width-4"
          inputMode="numeric"
          autoComplete="off"
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          Save how often to sync
        </button>
      </form>
    </section>
  );
}

/** What the last sync found wrong with what the server sent, each kept away from local data. */
function LastSyncFound({ status }: { status: SyncStatus }) {
  return (
    <section aria-labelledby="last-sync-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="last-sync-title">
        What the last sync found
      </h2>
      {status.problem && (
        <p className="govuk-body">
          <strong>The last sync did not finish:</strong> {status.problem}
        </p>
      )}
      {status.serverProblems.length === 0 ? (
        <p className="govuk-body">Nothing wrong with what the server sent.</p>
      ) : (
        <>
          <p className="govuk-body">The server sent these, and none of them was let near this casebook. Tell whoever runs the server.</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="server-problems">
            {status.serverProblems.map((p, i) => (
              <li key={`${p.record}-${i}`}>
                <strong>{p.record}:</strong> {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
