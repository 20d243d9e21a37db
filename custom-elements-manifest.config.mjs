/**
 * Configuration of `cem analyze` (@custom-elements-manifest/analyzer 0.11), which writes
 * `custom-elements.json` from the JSDoc of the element classes.
 */
export default {
  globs: ['src/**/*.ts'],
  // Style sheets and the generated message catalogs are no part of the API, and their full text
  // would change the manifest with every style change or translation.
  exclude: [
    'src/demo/**',
    'src/locales/**',
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/**/*.styles.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; without this the analyzer rewrites that field.
  packagejson: false,
  plugins: [documentedEventsOnly(), publicMembersOnly(), modulesByPath()],
};

/**
 * Keeps the `@fires` list of an element as its events. Besides that list, the analyzer infers
 * events from `this.dispatchEvent(new SomeEvent(arg))` and takes the first argument's name as
 * the event name (`member`, `error`), which would list events that do not exist.
 */
function documentedEventsOnly() {
  return {
    name: 'ls-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const events = declaration.events ?? [];
          const documented = events.filter((event) => event.name && event.description);
          if (documented.length > 0) declaration.events = documented;
        }
      }
    },
  };
}

/**
 * Drops private and `#` members and the static `styles`, which are no part of an element's API,
 * so that the committed manifest changes only when the public API or its documentation does.
 */
function publicMembersOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    !member.name.startsWith('#') &&
    !(member.static && member.name === 'styles');
  return {
    name: 'ls-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        }
      }
    },
  };
}

/**
 * Sorts the modules by path. The analyzer lists them in the order its file reads finish, which
 * changes from run to run, so the committed manifest would differ after every run.
 */
function modulesByPath() {
  return {
    name: 'ls-modules-by-path',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}
