import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

/** The parts of a Custom Elements Manifest (schema 1.0.0) that the element types are read from. */
export interface Manifest {
  modules: {
    path: string;
    declarations?: {
      name: string;
      tagName?: string;
      customElement?: boolean;
      members?: {
        kind: string;
        name: string;
        static?: boolean;
        readonly?: boolean;
        privacy?: string;
      }[];
    }[];
  }[];
}

interface ElementFields {
  tag: string;
  className: string;
  fields: string[];
}

/** The generated file, `types/elements.ts`. */
export const ELEMENT_TYPES_PATH = fileURLToPath(
  new URL('../../types/elements.ts', import.meta.url),
);

const HEADER = `// Generated from custom-elements.json by scripts/element-types/generate.ts. Do not edit:
// after changing an element's fields, run \`npm run analyze\` and then \`npm run element-types\`.`;

/**
 * Renders `types/elements.ts`: for each element in the manifest, its class and the
 * public fields that a host page may set, that is every instance field that is neither private
 * nor read-only.
 */
export async function renderElementTypes(manifest: Manifest): Promise<string> {
  const elements = listElements(manifest);
  const classNames = elements.map((element) => element.className).sort();
  const classes = elements.map(({ tag, className }) => `  '${tag}': ${className};`);
  const properties = elements.map(({ tag, className, fields }) => {
    const keys = fields.length === 0 ? 'never' : fields.map((field) => `'${field}'`).join(' | ');
    return `  '${tag}': Pick<${className}, ${keys}>;`;
  });

  const source = `${HEADER}

import type { ${classNames.join(', ')} } from '../src/index.js';

/** The class of each ls-admin element, by tag. */
export interface LsElements {
${classes.join('\n')}
}

/**
 * The properties that a host page sets on each ls-admin element: the public fields listed in
 * the Custom Elements Manifest, without the read-only ones.
 */
export interface LsElementProperties {
${properties.join('\n')}
}
`;
  const options = await resolveConfig(ELEMENT_TYPES_PATH);
  return format(source, { ...options, filepath: ELEMENT_TYPES_PATH });
}

function listElements(manifest: Manifest): ElementFields[] {
  const elements: ElementFields[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement !== true || declaration.tagName === undefined) continue;
      const fields = (declaration.members ?? [])
        .filter((member) => member.kind === 'field' && member.static !== true)
        .filter((member) => member.readonly !== true)
        .filter((member) => member.privacy === undefined || member.privacy === 'public')
        .map((member) => member.name);
      elements.push({ tag: declaration.tagName, className: declaration.name, fields });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}
