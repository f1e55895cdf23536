import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../shared/api/client';
import { loadRecord, useQuality, type LoadedRecord } from './quality-state';

/** One person's record and checks (your own when `staffId` is undefined), read again with `reload` after each save. */
export function useRecord(staffId: string | undefined) {
  const [loaded, setLoaded] = useState<LoadedRecord>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      setLoaded(await loadRecord(staffId));
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [staffId]);
  useEffect(() => {
    // Another person's record (or your own): a banner about the last one does not belong here.
    useQuality.getState().clearBanner();
    setLoaded(undefined);
    void reload();
  }, [reload]);
  return { loaded, error, reload };
}
