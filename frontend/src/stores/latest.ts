/**
 * Numbers requests of one kind so that only the answer to the most recent
 * is applied: an older answer arriving late is dropped. next() starts a
 * request and returns a check for whether it is still the latest.
 */
export function latestGate() {
  let n = 0
  return {
    next(): () => boolean {
      const seq = ++n
      return () => seq === n
    },
  }
}
