import { z } from 'zod';

/**
 * Long work the person waits for (building an evidence pack reads every case file, draws it
 * and checks it) says how far it has got, and can be stopped. The page asks for progress while
 * it waits, since the work itself holds the service's queue; the answer carries step names and
 * counts only, never what is being read.
 */
export const WORK_TASKS = ['evidence-pack'] as const;
export type WorkTask = (typeof WORK_TASKS)[number];

export const WorkProgressSchema = z.strictObject({
  task: z.enum(WORK_TASKS).optional(),
  /** 1-based step of `of`, and what it is doing, like "Reading the case files (1,200 of 2,000)". */
  step: z.number().int().min(0),
  of: z.number().int().min(0),
  label: z.string().max(200),
  cancelling: z.boolean(),
});
export type WorkProgress = z.infer<typeof WorkProgressSchema>;

export const CancelWorkInputSchema = z.strictObject({ task: z.enum(WORK_TASKS, { error: 'Say which work to stop: evidence-pack' }) });
export const IDLE: WorkProgress = { step: 0, of: 0, label: '', cancelling: false };
