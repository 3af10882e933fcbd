import 'server-only';

/**
 * Cuts a long loop into slices of about `sliceMs`, giving the event loop a turn between them, so
 * the server keeps answering other requests (and the page its progress polls) while an import
 * runs. `due()` is cheap enough to ask on every row.
 */
export function timeSlicer(sliceMs = 15) {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= sliceMs,
    async pause() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    },
  };
}
