import { describe, expect, it } from 'vitest';
import { exitReason, NO_REASON_GIVEN } from '../../src-main/domain/cases/exit-reason';

describe('the reason a case ended early', () => {
  it('keeps what the person said, trimmed', () => {
    expect(exitReason('withdrawn', '  Wants to focus on her recovery. ')).toEqual({ ok: true, value: 'Wants to focus on her recovery.' });
    expect(exitReason('declined', 'Did not want to meet.')).toEqual({ ok: true, value: 'Did not want to meet.' });
  });

  it('records "No reason given" for a withdrawal with nothing said, and refuses only the service\'s own endings without one', () => {
    for (const nothing of [undefined, '', ' \n ']) {
      expect(exitReason('withdrawn', nothing)).toEqual({ ok: true, value: NO_REASON_GIVEN });
      for (const kind of ['not-suitable', 'no-contact', 'declined'] as const) expect(exitReason(kind, nothing)).toMatchObject({ ok: false, reason: 'Enter the reason the case is ending' });
    }
  });
});
