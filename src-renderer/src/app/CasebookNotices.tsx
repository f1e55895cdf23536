import { useEffect, useState } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import { needsRepair, type CasebookNotice, type Session } from '../../../src-main/domain/casebook/session';
import { call } from '../shared/api/client';
import { useAction } from '../shared/hooks/useAction';
import { ActionError } from '../shared/components/ActionError';
import { ConfirmAction } from '../shared/components/ConfirmAction';
import { Details } from '../shared/components/Details';
import { WarningText } from '../shared/components/WarningText';
import { useNav } from './nav';
import { useSession } from './session';

/** How often a screen left open looks for new notices (a getStatus call: memory only in the main process). */
const NOTICES_EVERY_MS = 20_000;

/**
 * What the person must know about this casebook while it is open, on every screen: someone
 * else has it, the folder cannot be written, its files do not match its last save, it is an
 * older copy than one seen before, backups are failing, case files do not open. Each says what
 * to do about it.
 */
export function CasebookNotices() {
  const session = useSession((s) => s.session);
  const refreshNotices = useSession((s) => s.refreshNotices);
  const page = useNav((n) => n.page);
  // Some notices come after unlocking (the background check of every case file): look again on
  // each move to another screen, and now and then on a screen left open.
  useEffect(() => {
    void refreshNotices();
  }, [page, refreshNotices]);
  useEffect(() => {
    const timer = setInterval(() => void refreshNotices(), NOTICES_EVERY_MS);
    return () => clearInterval(timer);
  }, [refreshNotices]);
  if (!session || session.notices.length === 0) return null;
  return (
    <div data-testid="casebook-notices">
      {session.notices.map((n) => (
        <Notice key={n.kind} notice={n} session={session} />
      ))}
    </div>
  );
}

function Notice({ notice, session }: { notice: CasebookNotice; session: Session }) {
  return (
    <div className="cb-notice">
      <WarningText>{notice.message}</WarningText>
      {notice.problems.length > 0 && (
        <Details summary="What does not match">
          <ul className="govuk-list govuk-list--bullet">
            {notice.problems.map((p) => (
              <li key={`${p.file}:${p.message}`}>
                <code>{p.file}</code>: {p.message}
              </li>
            ))}
          </ul>
        </Details>
      )}
      {notice.kind === 'does-not-match' && needsRepair(session) && can(session.user.role, 'accept-casebook-as-it-is') && <Repair />}
    </div>
  );
}

/** The administrator's two ways out: restore a backup (in Settings), or keep the files as they are. */
function Repair() {
  const go = useNav((n) => n.go);
  const unlocked = useSession((s) => s.unlocked);
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  const accept = () => run(async () => unlocked(await call('acceptCasebookAsItIs', { confirm: true })));
  return (
    <>
      <p className="govuk-body">
        Restore the newest backup from before this happened, or, if you have looked and know why, keep the casebook as it is.
      </p>
      <ActionError message={error} />
      {asking ? (
        <ConfirmAction title="Keep the casebook as it is?" confirmLabel="Yes, keep it as it is" busy={busy} onCancel={() => setAsking(false)} onConfirm={() => void accept()}>
          <p className="govuk-body">
            Anything in the files that were rolled back or lost stays lost. The casebook is sealed as it is now, can be changed again, and your decision is recorded in the audit trail.
          </p>
        </ConfirmAction>
      ) : (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('settings-backups')}>
            Choose a backup to restore
          </button>
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => setAsking(true)}>
            Accept the casebook as it is
          </button>
        </div>
      )}
    </>
  );
}
