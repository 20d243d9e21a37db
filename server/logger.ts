/**
 * The logging calls the server makes. A pino logger fits this shape; tests pass
 * `silentLogger`. Log objects must never contain a secret.
 */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops every entry. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};
