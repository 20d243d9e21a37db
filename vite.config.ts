import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

import { defineConfig, type Plugin } from 'vite';

/** The reference server that `/v1` is proxied to; `npm run server` listens on PORT, default 8787. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

/**
 * The dev server's port. Vite moves to the next free port when this one is taken, unless
 * `strictPort` is set.
 */
const devServerPort = readPort('VITE_PORT', 5173);

function readPort(variable: string, fallback: number): number {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`${variable} must be an integer from 1 to 65535, not "${text}".`);
  }
  return port;
}

/** Written by the reference server when it seeds the demo workspace on its first start. */
const credentialsPath = '.data/demo-credentials.json';

/**
 * Serves the demo credentials at `/demo-credentials.json` so that `index.html` can sign in
 * as the seeded admin. Only the dev server does this: a build never contains the tokens.
 */
function demoCredentials(): Plugin {
  return {
    name: 'ls-demo-credentials',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/demo-credentials.json', (_request, response) => {
        void sendCredentials(response);
      });
    },
  };
}

async function sendCredentials(response: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readFile(credentialsPath, 'utf8');
  } catch {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end(`${credentialsPath} not found. Start the reference server with npm run server.\n`);
    return;
  }

  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Cache-Control', 'no-store');
  response.end(body);
}

export default defineConfig({
  plugins: [demoCredentials()],
  // The examples' pages import the built package by name, so scanning them before a build
  // fails. The demo page is the only page this dev server serves.
  optimizeDeps: { entries: ['index.html'] },
  server: {
    port: devServerPort,
    proxy: {
      '/v1': { target: apiTarget },
    },
  },
});
