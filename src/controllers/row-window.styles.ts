import { css } from 'lit';

/**
 * The rules for the spacer rows of `RowWindowController`. Without padding or borders a spacer
 * is exactly as tall as the rows it replaces. `overflow-anchor: none` keeps the browser from
 * choosing a spacer as the element that CSS scroll anchoring holds in place when rows above
 * the viewport change height.
 */
export const rowWindowStyles = css`
  tr.row-window-spacer {
    padding: 0;
    border: 0;
    overflow-anchor: none;
  }

  tr.row-window-spacer > td {
    padding: 0;
    border: 0;
  }
`;
