/**
 * Runs `callback` in a task after the next frame is painted, so that work it does cannot delay
 * that frame. In a hidden document, which paints no frames, it runs in the next task.
 * Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (document.visibilityState === 'hidden') {
    timer = setTimeout(callback);
  } else {
    // A task posted from an animation frame callback runs after that frame's paint.
    frame = requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(callback);
    });
  }
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
