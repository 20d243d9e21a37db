import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS properties by name, such as `{ 'inline-size': '40%' }`, custom properties included. */
export type InlineStyleProperties = Readonly<Record<string, string>>;

class InlineStyleDirective extends Directive {
  #names = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new TypeError(
        'inlineStyle() must be used in element position, such as ' +
          '<div ${inlineStyle({ width: "40%" })}>, not in an attribute or content.',
      );
    }
  }

  render(_properties: InlineStyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [InlineStyleProperties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#names) {
      if (!Object.hasOwn(properties, name)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#names = new Set(Object.keys(properties));
    return noChange;
  }
}

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), never through
 * its `style` attribute, and removes the ones that a later render leaves out. A
 * Content-Security-Policy whose `style-src` lacks 'unsafe-inline' blocks style attributes,
 * including the one that Lit's `styleMap` writes on its first render, but not the CSSOM.
 * Use it in element position: `<div ${inlineStyle({ 'inline-size': '40%' })}>`.
 */
export const inlineStyle = directive(InlineStyleDirective);
