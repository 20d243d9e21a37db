import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'examples/*/dist/',
      '.data/',
      'coverage/',
      'storybook-static/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  // The elements render every value through Lit bindings, which insert text and set attributes
  // and properties without parsing markup. These rules reject the ways around that: Lit's
  // unsafe directives, unsafeStatic, and DOM APIs or property bindings that parse a string as
  // HTML. Each one would let a display name such as `<img src=x onerror=…>` run script.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/static-html.js',
              importNames: ['unsafeStatic'],
              message: 'Use literal`…` for fixed tags and Lit bindings for data.',
            },
            {
              name: 'lit-html/static.js',
              importNames: ['unsafeStatic'],
              message: 'Use literal`…` for fixed tags and Lit bindings for data.',
            },
          ],
          patterns: [
            {
              group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
              message:
                'Render text with Lit bindings, because unsafe directives parse strings as markup.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'parseHTMLUnsafe'].map(
          (property) => ({ property, message: 'Render text with Lit bindings.' }),
        ),
        ...['createContextualFragment', 'parseFromString'].map((property) => ({
          property,
          message: 'Render markup with Lit templates, because this API parses a string as HTML.',
        })),
        ...['write', 'writeln'].map((property) => ({
          object: 'document',
          property,
          message: 'Render with Lit, because document.write parses a string as HTML.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Property:matches([key.name=/^(innerHTML|outerHTML)$/], [key.value=/^(innerHTML|outerHTML)$/])',
          message: 'Render text with Lit bindings.',
        },
        {
          selector:
            'TaggedTemplateExpression TemplateElement[value.raw=/\\.(innerHTML|outerHTML)\\s*=\\s*["\']?$/]',
          message:
            'Bind text with ${…} in content, not a .innerHTML or .outerHTML property binding.',
        },
        {
          selector:
            'TaggedTemplateExpression TemplateElement[value.raw=/<[a-z][^>]*\\son[a-z]+\\s*=/i]',
          message:
            'Listen with @event=${…}, because a strict Content-Security-Policy blocks inline ' +
            'on… handler attributes.',
        },
        {
          selector: 'ImportExpression[source.value=/directives\\/unsafe-/]',
          message:
            'Render text with Lit bindings, because unsafe directives parse strings as markup.',
        },
      ],
    },
  },
  // A page with a strict Content-Security-Policy (no 'unsafe-eval') rejects code built from
  // strings, so neither the elements nor the SDK may evaluate any.
  {
    files: ['src/**/*.ts', 'sdk/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['sdk/**/*.ts'],
    rules: {
      'no-console': 'error',
    },
  },
);
