import { useEffect } from 'react';
import { useSession } from './state/session';
import { listenForLock } from './state/reset';
import { CreateCasebook } from './screens/CreateCasebook';
import { RecoveryKey } from './screens/RecoveryKey';
import { Unlock } from './screens/Unlock';
import { Recover } from './screens/Recover';
import { Shell } from './screens/Shell';
import { PublicLayout } from './components/PublicLayout';

/** Chooses the top-level screen from the session phase; listens for locks from the main process. */
export function App() {
  const phase = useSession((s) => s.phase);
  const problem = useSession((s) => s.problem);

  useEffect(() => {
    const stop = listenForLock();
    void useSession.getState().refresh();
    return stop;
  }, []);

  switch (phase) {
    case 'create':
      return <CreateCasebook />;
    case 'recovery-key':
      return <RecoveryKey />;
    case 'locked':
      return <Unlock />;
    case 'recover':
      return <Recover />;
    case 'unlocked':
      return <Shell />;
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
