import { exampleConfig } from '../example-config.js';

// Vite compiles the JSX itself, with React's automatic runtime, so no React plugin is needed.
export default exampleConfig(import.meta.url);
