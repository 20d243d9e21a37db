/**
 * The message the server sends over the IPC channel when a parent process started it with one,
 * as `npm start` does, so the parent learns the outcome without polling the API.
 */
export type StartupMessage =
  /** The server listens on `url` and has written the demo credentials file. */
  | { type: 'ready'; url: string; credentialsPath: string }
  /** The server failed to start, for the reason in `detail`, and is exiting. */
  | { type: 'failed'; detail: string };

/** Sends a startup message to the parent process, if there is an IPC channel to one. */
export function reportStartup(message: StartupMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) {
      resolve();
      return;
    }
    // The callback runs once the message is written, so exiting after it does not lose it.
    process.send(message, undefined, {}, () => resolve());
  });
}
