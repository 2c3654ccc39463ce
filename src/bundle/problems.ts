/** One thing wrong with a bundle, located as a spreadsheet user finds it: file, row, column. */
export interface Problem {
  file: string;
  /** The header is row 1, the first record row 2; event.json is always row 1. */
  row: number;
  /** The column's header, or a field path in event.json (`desks.check_in`). */
  column: string;
  message: string;
}

/** Collects every error and warning of a read, so that all are reported at once. */
export class ProblemList {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(file: string, row: number, column: string, message: string): void {
    this.errors.push({ file, row, column, message });
  }

  warn(file: string, row: number, column: string, message: string): void {
    this.warnings.push({ file, row, column, message });
  }

  /** An error-reporting function bound to one file and row. */
  at(file: string, row: number): (column: string, message: string) => void {
    return (column, message) => this.error(file, row, column, message);
  }
}

/** `FILE:ROW:COLUMN: message`, the form the command line and the web page both show. */
export function formatProblem(problem: Problem, kind: 'error' | 'warning' = 'error'): string {
  const label = kind === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.row}:${problem.column}: ${label}${problem.message}`;
}
