import { useEffect, useState } from 'react';
import type { SyncResult } from '../../../src-main/domain/sync/status';
import { Banner } from '../shared/components/Banner';
import { plural } from './sync-words';
import { useSync } from './sync-state';
import { TurnOnTeam } from './TurnOnTeam';
import { TeamStatus } from './TeamStatus';

/**
 * Settings → Team (administrators, issue 16): a form to turn team use on while it is off;
 * once on, where this computer syncs, how often, "Sync now" and what the last sync found.
 */
export function TeamSettings() {
  const { status, refresh } = useSync();
  const [turnedOn, setTurnedOn] = useState<SyncResult>();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!status) return <p className="govuk-body">Reading how this casebook syncs…</p>;
  return (
    <>
      {turnedOn && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">Team use is on</p>
          <p className="govuk-body">
            Sent {plural(turnedOn.pushed, 'document')} to the server. Others can now join from their computers with &ldquo;Join a team casebook&rdquo; on the first screen.
          </p>
        </Banner>
      )}
      {status.enabled ? (
        <TeamStatus status={status} />
      ) : (
        <TurnOnTeam
          onDone={(r) => {
            setTurnedOn(r);
            void refresh();
          }}
        />
      )}
    </>
  );
}
