import { useEffect } from 'react';
import { useSession } from './session';
import { listenForLock } from './reset';
import { CreateCasebook } from '../casebook/CreateCasebook';
import { RecoveryKey } from '../casebook/RecoveryKey';
import { Unlock } from '../casebook/Unlock';
import { Recover } from '../casebook/Recover';
import { Shell } from './Shell';
import { MustChangePassphrase } from '../casebook/MustChangePassphrase';
import { PublicLayout } from '../shared/components/PublicLayout';
import { JoinTeam } from '../sync/JoinTeam';

/** Chooses the top-level screen from the session phase; listens for locks from the main process. */
export function App() {
  const phase = useSession((s) => s.phase);
  const problem = useSession((s) => s.problem);
  const mustChange = useSession((s) => s.session?.user.mustChangePassphrase === true);

  useEffect(() => {
    const stop = listenForLock();
    void useSession.getState().refresh();
    return stop;
  }, []);

  switch (phase) {
    case 'create':
      return <CreateCasebook />;
    case 'join':
      return <JoinTeam />;
    case 'recovery-key':
      return <RecoveryKey />;
    case 'locked':
      return <Unlock />;
    case 'recover':
      return <Recover />;
    case 'unlocked':
      return mustChange ? <MustChangePassphrase /> : <Shell />;
    case 'unavailable':
      return (
        <PublicLayout>
          <h1 className="govuk-heading-l">RJ Casebook cannot open</h1>
          <p className="govuk-body">{problem}</p>
        </PublicLayout>
      );
    default:
      return (
        <PublicLayout>
          <p className="govuk-body" role="status">
            Opening RJ Casebook…
          </p>
        </PublicLayout>
      );
  }
}
