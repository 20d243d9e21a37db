import type { Logger } from '../../../server/logger.js';

/** One call the server made to its logger. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

/** A logger that keeps every call, so tests can inspect what the server logged. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  info(fields: object, message: string): void {
    this.entries.push({ level: 'info', fields, message });
  }

  warn(fields: object, message: string): void {
    this.entries.push({ level: 'warn', fields, message });
  }

  error(fields: object, message: string): void {
    this.entries.push({ level: 'error', fields, message });
  }

  /**
   * Returns every string in the logged entries: messages, field values at any depth, object
   * keys, and the message, stack and cause of logged errors, which a JSON logger such as pino
   * writes out as well.
   */
  loggedStrings(): string[] {
    const strings: string[] = [];
    const seen = new WeakSet<object>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') {
        strings.push(value);
        return;
      }
      if (typeof value !== 'object' || value === null || seen.has(value)) {
        if (value !== undefined && value !== null) strings.push(String(value));
        return;
      }
      seen.add(value);
      if (value instanceof Error) {
        visit(value.message);
        visit(value.stack);
        visit(value.cause);
      }
      for (const [key, entry] of Object.entries(value)) {
        strings.push(key);
        visit(entry);
      }
    };
    for (const entry of this.entries) {
      visit(entry.message);
      visit(entry.fields);
    }
    return strings;
  }
}
