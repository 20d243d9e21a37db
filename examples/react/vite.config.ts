import { exampleConfig } from '../example-config.js';

// Vite compiles the JSX itself: `jsx` in tsconfig.json selects React's automatic runtime.
export default exampleConfig(import.meta.url);
