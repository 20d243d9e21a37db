import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<SqlJsStatic> | undefined;

/**
 * Loads sql.js and its WebAssembly module once per page. Vite resolves `sql.js` to its
 * browser build and the `?url` import to the file it copies into the build, which the server
 * must serve as `application/wasm` for streaming compilation.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs({ locateFile: () => wasmUrl });
  return sqlJs;
}
