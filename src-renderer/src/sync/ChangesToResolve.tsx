import { useEffect, useState } from 'react';
import type { ChangeToResolve } from '../../../src-main/domain/sync/status';
import { call, messageOf } from '../shared/api/client';
import { ActionError } from '../shared/components/ActionError';
import { Banner } from '../shared/components/Banner';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ChangeVersions } from './ChangeVersions';
import { useSync } from './sync-state';
import './sync.scss';

/**
 * Changes to resolve (issue 16): a field changed two ways on different computers before they
 * synced. Both versions are kept until someone chooses; the record holds one meanwhile. The
 * choice reaches the other computers at their next sync and is in the audit trail.
 */
export function ChangesToResolve() {
  const h1 = usePageTitle('Changes to resolve');
  const refreshStatus = useSync((s) => s.refresh);
  const [changes, setChanges] = useState<ChangeToResolve[]>();
  const [problem, setProblem] = useState<string>();
  const [kept, setKept] = useState<{ words: string; key: number }>();
  useEffect(() => {
    call('listChangesToResolve').then(setChanges, (e: unknown) => setProblem(messageOf(e)));
  }, []);
  const resolved = (left: ChangeToResolve[], words: string) => {
    setChanges(left);
    setKept((o) => ({ words, key: (o?.key ?? 0) + 1 }));
    void refreshStatus();
  };
  return (
    <>
      {kept && (
        <Banner title="Success" success messageKey={kept.key}>
          <p className="govuk-notification-banner__heading">{kept.words}</p>
        </Banner>
      )}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Changes to resolve
      </h1>
      <p className="govuk-body">
        These were changed in two different ways on two computers before they synced. Nothing has been lost: both versions are kept here until someone chooses, and the record shows the one
        marked &ldquo;kept for now&rdquo; meanwhile. Your choice reaches the other computers when they next sync, and is recorded in the audit trail.
      </p>
      <ActionError message={problem} />
      {changes?.length === 0 && (
        <p className="govuk-body govuk-!-font-weight-bold" data-testid="nothing-to-resolve">
          Nothing to resolve
        </p>
      )}
      {changes?.map((c) => <ChangeVersions key={c.id} change={c} onResolved={resolved} />)}
    </>
  );
}
