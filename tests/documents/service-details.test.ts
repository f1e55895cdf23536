import { describe, expect, it } from 'vitest';
import { caseworkWorld, people } from '../support/casebook';
import { caseUntil } from '../support/process';

/**
 * Issue 14's first run: the service's address, phone and email are set in Settings → Service
 * and printed in letters in place of templates/documents/service.yaml's; a bad one is refused
 * on its field and changes nothing.
 */
describe('the service details in the settings', () => {
  it('print in the letterhead, and a wrong email is refused without changing what is stored', async () => {
    const w = await caseworkWorld();
    const v = await caseUntil(w, 'team');
    const letter = () => w.call('previewDocument', { kind: 'first-contact-letter', caseId: v.case.id, participantId: people(v).harmed, language: 'en' });
    expect((await letter()).html).toContain('1 Example Street');

    await w.call('updateSettings', { serviceAddress: '1 High Street\nNorthshire NS1 1AA', servicePhone: '01632 960 000', serviceEmail: 'rj@northshire.example' });
    const html = (await letter()).html;
    expect(html).toContain('1 High Street');
    expect(html).toContain('01632 960 000');
    expect(html).toContain('rj@northshire.example');
    expect(html).not.toContain('1 Example Street');

    const refused = await w.fails('updateSettings', { serviceEmail: 'rj at northshire', servicePhone: 'call us' });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/email address in the correct format|phone number in digits/);
    expect((await w.call('getSettings', {})).serviceEmail).toBe('rj@northshire.example');
  }, 60_000);
});
