import type { Work } from './work';
import type { Case, CaseSummary } from '../../domain/cases/case';
import type { Store } from '../../store/store';
import type { CaseworkTemplates } from '../templates/loader';
import type { FilePorts } from './files';

/**
 * What every feature's use cases are built from: the unlocked store (`need` throws LOCKED when
 * there is none), the data files read at start-up, the one queue every store change runs in,
 * and the file ports. One per casebook service.
 */
export interface ServiceContext {
  need(): Store;
  /** The store if unlocked, without throwing. */
  current(): Store | undefined;
  readonly templates: CaseworkTemplates;
  /** Store reads and commits run here, one at a time; dialogs run outside it (an idle lock is never held up). */
  serial<T>(job: () => Promise<T>): Promise<T>;
  readonly files: FilePorts;
  /** The long work running now (an evidence pack): its progress, and a stop the person asked for. */
  readonly work: Work;
  /** Summary rows for the case list, with each case's next due date (today read once per call). */
  summariser(): (c: Case) => CaseSummary;
  /** The folder holding templates/ and resources/ (the app's own unless a test says otherwise). */
  readonly documentsRoot?: string | URL | undefined;
}
