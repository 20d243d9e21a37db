// The mocha globals that the browser tests use. @web/test-runner-mocha bundles mocha without
// its types, and @types/mocha is not a dependency.
// TODO: replace this file with @types/mocha when it is added to the devDependencies.
type MochaDone = (error?: unknown) => void;
type MochaCallback = (this: unknown, done: MochaDone) => void | Promise<unknown>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaCallback): void;
declare function before(body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function after(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
