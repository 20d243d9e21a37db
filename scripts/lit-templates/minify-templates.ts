import ts from 'typescript';

import { minifyCss } from './minify-css.js';
import { minifyHtml } from './minify-html.js';

type TemplateKind = 'css' | 'html';

/** The modules whose `css`, `html` and `svg` tags mark templates that can be minified. */
const LIT_MODULES = new Set(['lit', 'lit-element', 'lit-html', 'lit/static-html.js']);
const KIND_OF_EXPORT: Record<string, TemplateKind> = { css: 'css', html: 'html', svg: 'html' };
const IMPORT_FROM_LIT = /from\s*['"]lit[-/'"]/;

/** Stands for an expression of a template while its text is minified; no source contains it. */
const EXPRESSION_MARK = '\0';

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Minifies the text of every Lit `css`, `html` and `svg` tagged template in a TypeScript or
 * JavaScript module, and returns the new source, or `null` when nothing changed. Tags are
 * recognised by their import from Lit, also under another local name, so other `html` tags
 * stay as written. The source keeps its line count, so a line-level source map still fits.
 */
export function minifyLitTemplates(code: string, fileName: string): string | null {
  // Parsing is the slow part, so modules that import nothing from Lit are skipped first.
  if (!IMPORT_FROM_LIT.test(code)) return null;

  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  const tags = litTagsOf(source);
  if (tags.size === 0) return null;

  const replacements: Replacement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const kind = tags.get(node.tag.text);
      if (kind !== undefined) replacements.push(...minifyTemplate(source, node.template, kind));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  let output = code;
  let changed = false;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) {
    if (code.slice(start, end) === text) continue;
    output = output.slice(0, start) + text + output.slice(end);
    changed = true;
  }
  return changed ? output : null;
}

/** Maps each local name of Lit's template tags to the kind of text its templates hold. */
function litTagsOf(source: ts.SourceFile): Map<string, TemplateKind> {
  const tags = new Map<string, TemplateKind>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const module = statement.moduleSpecifier;
    if (!ts.isStringLiteral(module) || !LIT_MODULES.has(module.text)) continue;

    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const kind = KIND_OF_EXPORT[(element.propertyName ?? element.name).text];
      if (kind !== undefined && !element.isTypeOnly) tags.set(element.name.text, kind);
    }
  }
  return tags;
}

/**
 * Minifies the literal parts of one template as a whole, with a mark where each expression
 * sits, so that CSS and HTML read across expressions. Returns one replacement per part.
 */
function minifyTemplate(
  source: ts.SourceFile,
  template: ts.TemplateLiteral,
  kind: TemplateKind,
): Replacement[] {
  const parts = literalParts(source, template);
  const text = parts.map((part) => source.text.slice(part.start, part.end)).join(EXPRESSION_MARK);
  const minified = kind === 'css' ? minifyCss(text) : minifyHtml(text);

  const pieces = minified.split(EXPRESSION_MARK);
  if (pieces.length !== parts.length) {
    throw new Error(
      `Minifying the ${kind} template at ${source.fileName}:${lineOf(source, template)} ` +
        `lost an expression: ${parts.length} literal parts became ${pieces.length}.`,
    );
  }
  return parts.map((part, index) => ({ ...part, text: pieces[index]! }));
}

/** The source ranges of a template's literal parts, without the backticks, `${` and `}`. */
function literalParts(source: ts.SourceFile, template: ts.TemplateLiteral) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    return [{ start: template.getStart(source) + 1, end: template.end - 1 }];
  }
  const head = { start: template.head.getStart(source) + 1, end: template.head.end - 2 };
  const spans = template.templateSpans.map(({ literal }) => ({
    start: literal.getStart(source) + 1,
    end: ts.isTemplateTail(literal) ? literal.end - 1 : literal.end - 2,
  }));
  return [head, ...spans];
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}
