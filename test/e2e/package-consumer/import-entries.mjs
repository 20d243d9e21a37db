// Imports the entries of the installed package in Node and prints what each exports and
// whether a tag is registered.
const entries = {
  'ls-admin': await import('ls-admin'),
  'ls-admin/elements': await import('ls-admin/elements'),
  'ls-admin/sdk': await import('ls-admin/sdk'),
};

const exportsOf = Object.fromEntries(
  Object.entries(entries).map(([name, module]) => [name, Object.keys(module).sort()]),
);
// Importing these entries registers no tag. `ls-admin/define` registers every tag, in Node on
// the DOM shim of Lit's Node build.
const registeredBefore = globalThis.customElements?.get('ls-workspace') !== undefined;
await import('ls-admin/define');
const registeredAfter = globalThis.customElements?.get('ls-workspace') !== undefined;
console.log(JSON.stringify({ exportsOf, registeredBefore, registeredAfter }));
