/**
 * Returns the index of the member row that a key moves focus to from the row at `index`, or
 * `null` when the key does not move focus. ArrowUp and ArrowDown go to the previous and next
 * row, and Home and End to the first and last loaded row.
 */
export function rowIndexAfterKey(key: string, index: number, count: number): number | null {
  let target: number;
  switch (key) {
    case 'ArrowDown':
      target = index + 1;
      break;
    case 'ArrowUp':
      target = index - 1;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = count - 1;
      break;
    default:
      return null;
  }
  return target >= 0 && target < count && target !== index ? target : null;
}
