import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src-main/ipc/command-names';
import { commands } from '../../src-main/ipc/contract';

// The preload is built from COMMAND_NAMES (to keep zod out of it); the registry from the
// contract. If they drift, the window either lacks a command or exposes a dead one.
describe('command names', () => {
  it('COMMAND_NAMES lists exactly the contract commands, in the same order', () => {
    expect([...COMMAND_NAMES]).toEqual(Object.keys(commands));
  });

  it('has no duplicates', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });
});
