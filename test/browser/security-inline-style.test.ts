import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

import { inlineStyle, type InlineStyleProperties } from '../../src/shared/inline-style.js';

/**
 * Runs `work` and returns the values that scripts wrote to `style` attributes meanwhile. A page
 * whose Content-Security-Policy forbids inline styles blocks each such write.
 */
function styleAttributeWrites(work: () => void): string[] {
  const writes: string[] = [];
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style') writes.push(value);
    return setAttribute.call(this, name, value);
  };
  try {
    work();
  } finally {
    Element.prototype.setAttribute = setAttribute;
  }
  return writes;
}

function renderBox(container: HTMLElement, properties: InlineStyleProperties): HTMLElement {
  render(html`<div class="box" ${inlineStyle(properties)}></div>`, container);
  return container.querySelector('.box') as HTMLElement;
}

describe('inlineStyle', () => {
  let container: HTMLElement;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
  });

  it('sets properties without a style attribute', () => {
    let box: HTMLElement | undefined;

    const writes = styleAttributeWrites(() => {
      box = renderBox(container, { 'inline-size': '40px', '--ls-example': 'red' });
    });

    expect(writes).to.deep.equal([]);
    expect(getComputedStyle(box as HTMLElement).inlineSize).to.equal('40px');
    expect(box?.style.getPropertyValue('--ls-example')).to.equal('red');
  });

  it('removes properties that a render leaves out', () => {
    renderBox(container, { 'inline-size': '40px', 'block-size': '10px' });

    const box = renderBox(container, { 'inline-size': '60px' });

    expect(box.style.getPropertyValue('inline-size')).to.equal('60px');
    expect(box.style.getPropertyValue('block-size')).to.equal('');
  });

  it('rejects an attribute position', () => {
    const properties = { 'inline-size': '40px' };

    expect(() => render(html`<div style=${inlineStyle(properties)}></div>`, container)).to.throw(
      TypeError,
      /element position/,
    );
  });

  it('differs from styleMap, which writes the attribute', () => {
    // The control case: styleMap's first render writes a style attribute, so the spy works.
    const writes = styleAttributeWrites(() => {
      render(html`<div style=${styleMap({ 'inline-size': '40px' })}></div>`, container);
    });

    expect(writes).to.deep.equal(['inline-size:40px;']);
  });
});
