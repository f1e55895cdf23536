import { caseworkWorld, type World } from './casebook';

/** A year of demo casework (40 cases, seed 'pack') with the quality lead signed in: the evidence pack's tests start here. */
export async function packWorld(): Promise<World> {
  const w = await caseworkWorld();
  await w.service.addDemoCases({ count: 40, seed: 'pack' });
  await w.as('quality-lead');
  return w;
}
