import { CasebookError } from '../../domain/shared/errors';
import { IDLE, type WorkProgress, type WorkTask } from '../../domain/shared/work-progress';

/**
 * The one piece of long work running now, its step, and whether the person asked to stop it.
 * The work calls `step` between its parts and `checkpoint` inside long loops: both throw
 * CANCELLED once a stop was asked for, so the work ends between parts, before anything is
 * written. Reading progress and asking to stop never wait in the service's queue.
 */
export class Work {
  private now: WorkProgress = IDLE;
  private stopAsked = false;
  private cancelledMessage = '';

  progress(): WorkProgress {
    return { ...this.now, cancelling: this.stopAsked && this.now.task !== undefined };
  }

  /** Runs `job` as `task` with `of` steps; progress goes back to idle when it ends, however it ends. */
  async run<T>(task: WorkTask, of: number, cancelled: string, job: () => Promise<T>): Promise<T> {
    this.now = { task, step: 0, of, label: '', cancelling: false };
    this.stopAsked = false;
    this.cancelledMessage = cancelled;
    try {
      return await job();
    } finally {
      this.now = IDLE;
      this.stopAsked = false;
    }
  }

  async step(label: string): Promise<void> {
    this.checkpoint();
    this.now = { ...this.now, step: this.now.step + 1, label };
    // Let a waiting "how far?" or "stop" through before the next part starts.
    await new Promise((r) => setImmediate(r));
    this.checkpoint();
  }

  /** A new label within the current step (a count in a long loop); throws if a stop was asked for. */
  checkpoint(label?: string): void {
    if (this.stopAsked && this.now.task) throw new CasebookError('CANCELLED', this.cancelledMessage);
    if (label !== undefined) this.now = { ...this.now, label };
  }

  cancel(task: WorkTask): boolean {
    if (this.now.task !== task) return false;
    this.stopAsked = true;
    return true;
  }
}
