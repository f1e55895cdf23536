import { useCallback, useEffect, useState } from 'react';
import { call, messageOf } from '../../shared/api/client';
import type { CommandName, InputOf, OutputOf } from '../../../../src-main/ipc/contract';
import { Banner } from '../../shared/components/Banner';

/** A command's answer for a page, read when it appears and again on `reload`; a failure is kept to show. */
export function useLoaded<N extends CommandName>(name: N, input: InputOf<N>, key: string) {
  const [value, setValue] = useState<OutputOf<N>>();
  const [error, setError] = useState<string>();
  // `key` stands for the input, which is a new object on every render.
  const reload = useCallback(() => call(name, input).then(setValue, (e: unknown) => setError(messageOf(e))), [name, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

/** What was just saved, and the page's loading error if any. */
export function PageNotices({ done, error }: { done?: string; error?: string }) {
  return (
    <>
      {error && <p className="govuk-error-message">{error}</p>}
      {done && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
    </>
  );
}
