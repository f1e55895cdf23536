import type { CasebookService } from '../../services/casebook/api';
import type { figuresCommands } from '../commands/figures';
import type { HandlersOf } from './types';

/** The figures commands, each a call into `service.figures`. */
export function figuresHandlers(s: CasebookService): HandlersOf<typeof figuresCommands> {
  return {
    getFigures: async (i) => s.figures.getFigures(i),
    saveFiguresCsv: (i) => s.figures.saveFiguresCsv(i),
    saveFiguresReport: (i) => s.figures.saveFiguresReport(i),
  };
}
