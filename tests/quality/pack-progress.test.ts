import { describe, expect, it } from 'vitest';
import { packWorld } from '../support/pack-world';

/**
 * Building a pack says how far it has got and can be stopped: progress and the stop are
 * answered while the build holds the service's queue, and a stopped build writes nothing.
 */
const PACK = { framework: 'rsqm', from: '2025-03-17', to: '2026-03-16', format: 'pdf' } as const;
const tick = () => new Promise((r) => setTimeout(r, 0));


describe('progress and stopping a pack', () => {
  it('reports each part of the build while it runs, and is idle afterwards', async () => {
    const w = await packWorld();
    expect(await w.call('getWorkProgress', {})).toEqual({ step: 0, of: 0, label: '', cancelling: false });
    const seen: { step: number; of: number; label: string }[] = [];
    let done = false;
    const build = w.call('saveEvidencePack', PACK).finally(() => (done = true));
    while (!done) {
      const p = await w.call('getWorkProgress', {});
      if (p.task === 'evidence-pack' && p.step > 0) seen.push({ step: p.step, of: p.of, label: p.label });
      await tick();
    }
    expect((await build).saved).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.of === 5 && p.step >= 1 && p.step <= 5)).toBe(true);
    // Steps only move forward.
    expect(seen.map((p) => p.step)).toEqual([...seen.map((p) => p.step)].sort((a, b) => a - b));
    expect(await w.call('getWorkProgress', {})).toEqual({ step: 0, of: 0, label: '', cancelling: false });
  });

  it('stops when asked, before anything is written, and says so', async () => {
    const w = await packWorld();
    const saved = w.files.saved.length;
    const build = w.call('saveEvidencePack', PACK).then(
      () => undefined,
      (e: unknown) => e,
    );
    for (let i = 0; i < 1000 && (await w.call('getWorkProgress', {})).task === undefined; i++) await tick();
    expect(await w.call('cancelWork', { task: 'evidence-pack' })).toEqual({ cancelling: true });
    expect((await w.call('getWorkProgress', {})).cancelling).toBe(true);
    const e = (await build) as { error?: { code: string; message: string } };
    expect(e.error).toMatchObject({ code: 'CANCELLED', message: 'The pack was not built: you stopped it. Nothing was saved.' });
    expect(w.files.saved.length).toBe(saved);
    // Nothing running: a stop is answered, and changes nothing.
    expect(await w.call('cancelWork', { task: 'evidence-pack' })).toEqual({ cancelling: false });
    // The next build runs to the end.
    expect((await w.call('saveEvidencePack', PACK)).saved).toBe(true);
  });
});
