import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import sizeLimit from 'size-limit';

import type { Figure, Suite, SuiteOptions } from './support/figures.js';
import { round } from './support/figures.js';

const ROOT = resolve(import.meta.dirname, '..');

/** One entry of `.size-limit.js`, in the fields this suite reads. */
interface BudgetCheck {
  name: string;
  path?: string;
  import?: Record<string, string>;
  limit: string;
  gzip: true;
  modifyEsbuildConfig?: (config: object) => object;
}

/** A check as size-limit's plugins read and fill it. */
interface MeasuredCheck extends BudgetCheck {
  files: string[];
  size?: number;
  esbuildMetafile?: { outputs: Record<string, { inputs: Record<string, InputShare> }> };
}

interface InputShare {
  bytesInOutput: number;
}

/** The parts of the whole-kit bundle reported by the breakdown, by the paths of their modules. */
const BREAKDOWN_GROUPS: { name: string; pattern: RegExp }[] = [
  { name: 'zod', pattern: /node_modules\/zod\// },
  { name: 'ky', pattern: /node_modules\/ky\// },
  {
    name: 'Lit (lit, lit-html, lit-element, @lit/reactive-element)',
    pattern: /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//,
  },
  { name: '@lit/context', pattern: /node_modules\/@lit\/context\// },
  { name: 'floating-ui (@floating-ui/dom, core, utils)', pattern: /node_modules\/@floating-ui\// },
  { name: 'the SDK (sdk/)', pattern: /^sdk\// },
  { name: 'the elements (src/)', pattern: /^src\// },
];

/**
 * Measures the bundle budgets of `.size-limit.js` the way `size-limit` does (esbuild, minified,
 * gzip level 9, every dependency bundled in), and breaks the whole kit down by dependency.
 * The work is the same at both scales: three esbuild builds of a few seconds together.
 */
export async function run(_options: SuiteOptions): Promise<Suite[]> {
  const { checks: configured, budgets: targets } = await loadBudgetChecks();
  const checks = configured.map(prepareCheck);
  await sizeLimit(await loadSizeLimitPlugins(), { checks });

  const budgets: Figure[] = checks.map((check, index) => {
    if (check.size === undefined) {
      throw new Error(`size-limit measured no size for '${check.name}'.`);
    }
    return {
      name: `${check.name}, gzip`,
      value: round(check.size / 1000),
      unit: 'kB',
      budget: Number.parseFloat(targets[index] ?? check.limit),
      note: `${describeEntry(configured[index]!)}; npm test holds it at ${check.limit}`,
    };
  });

  const wholeKit = checks[0];
  if (wholeKit?.esbuildMetafile === undefined) {
    throw new Error(
      'size-limit returned no esbuild metafile for the first check of .size-limit.js.',
    );
  }
  return [
    { title: 'Bundle sizes, minified and gzipped with every dependency', figures: budgets },
    {
      title: `Whole kit by dependency, minified bytes before gzip (${wholeKit.name})`,
      figures: breakdown(wholeKit.esbuildMetafile),
    },
  ];
}

/** Loads the checks of `.size-limit.js` and the budgets they aim at, in the same order. */
async function loadBudgetChecks(): Promise<{ checks: BudgetCheck[]; budgets: string[] }> {
  const config = (await import(pathToFileURL(resolve(ROOT, '.size-limit.js')).href)) as {
    default: BudgetCheck[];
    budgets: string[];
  };
  return { checks: config.default, budgets: config.budgets };
}

/**
 * size-limit's plugins for esbuild and gzip, as its small-library preset lists them. The
 * preset ships no type declarations, so it is imported through a specifier that TypeScript
 * does not resolve.
 */
async function loadSizeLimitPlugins(): Promise<Parameters<typeof sizeLimit>[0]> {
  const presetName = '@size-limit/preset-small-lib';
  const preset = (await import(presetName)) as { default: Parameters<typeof sizeLimit>[0] };
  return preset.default;
}

/** Names what a check bundles, such as `src/define.ts` or `{ a, b } from sdk/index.ts`. */
function describeEntry(check: BudgetCheck): string {
  if (check.path !== undefined) return check.path;
  return Object.entries(check.import ?? {})
    .map(([file, names]) => `${names} from ${file}`)
    .join(', ');
}

/** Resolves a check's paths against the repository, as the size-limit command does. */
function prepareCheck(check: BudgetCheck): MeasuredCheck {
  const imports =
    check.import === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(check.import).map(([file, names]) => [resolve(ROOT, file), names]),
        );
  return {
    ...check,
    files: check.path === undefined ? [] : [resolve(ROOT, check.path)],
    import: imports,
    // Module paths in the metafile are relative to the repository wherever the suite runs.
    modifyEsbuildConfig: (config) => ({
      ...(check.modifyEsbuildConfig?.(config) ?? config),
      absWorkingDir: ROOT,
    }),
  };
}

function breakdown(metafile: NonNullable<MeasuredCheck['esbuildMetafile']>): Figure[] {
  const bytes = new Map<string, number>(BREAKDOWN_GROUPS.map((group) => [group.name, 0]));
  let other = 0;
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const group = BREAKDOWN_GROUPS.find((candidate) => candidate.pattern.test(path));
      if (group === undefined) other += input.bytesInOutput;
      else bytes.set(group.name, bytes.get(group.name)! + input.bytesInOutput);
    }
  }

  const total = [...bytes.values()].reduce((sum, value) => sum + value, other);
  const figures: Figure[] = [...bytes].map(([name, value]) => ({
    name,
    value: round(value / 1000),
    unit: 'kB',
    note: `${Math.round((100 * value) / total)}% of ${round(total / 1000)} kB`,
  }));
  if (other > 0) figures.push({ name: 'other modules', value: round(other / 1000), unit: 'kB' });
  return figures;
}
