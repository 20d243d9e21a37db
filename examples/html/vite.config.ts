import { fileURLToPath } from 'node:url';

import { exampleConfig } from '../example-config.js';

// The dev server serves the repository's dist/ folder at the root, so the page finds
// /ls-admin.bundle.js after `npm run build`.
export default exampleConfig(import.meta.url, {
  publicDir: fileURLToPath(new URL('../../dist', import.meta.url)),
});
