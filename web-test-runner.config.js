// Browser tests in the system Chromium against the real reference server (see
// test/browser/support/reference-server-plugin.ts). The config is plain JavaScript because the
// test runner loads only .js, .mjs and .cjs configs; tsx's `tsImport` loads the TypeScript.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('./test/browser/support/reference-server-plugin.ts')} */
const { referenceServer } = await tsImport(
  './test/browser/support/reference-server-plugin.ts',
  import.meta.url,
);

const reference = referenceServer();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  testFramework: {
    config: { timeout: 10_000 },
  },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  middleware: [reference.middleware],
  plugins: [
    // Without `tsconfig`, esbuild ignores the legacy decorator settings and Lit throws
    // "Unsupported decorator location: field".
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    reference.plugin,
  ],
  // Lit announces its development build once per page; every other log line stays visible.
  filterBrowserLogs: ({ args }) =>
    !args.some((arg) => typeof arg === 'string' && arg.startsWith('Lit is in dev mode')),
  // Chromium reports a benign "ResizeObserver loop" error when an observer's callback changes
  // layout. Mocha would count it as an uncaught error, so a listener added first swallows it.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>
          window.addEventListener('error', (event) => {
            if (String(event.message).includes('ResizeObserver loop')) {
              event.stopImmediatePropagation();
              event.preventDefault();
            }
          });
        </script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
