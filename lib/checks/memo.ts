/**
 * What rules compute more than once in one evaluation of a stack (a connection's tunnel checks, the
 * stack's index of objects, its environments), kept only while that evaluation runs: views, bodies
 * and rules are plain objects a caller may change between two evaluations, never during one (rules
 * do not mutate what they read). Outside an evaluation every call computes afresh.
 */

let current: WeakMap<object, Map<string, unknown>> | undefined;

/** Runs `evaluate` with a fresh memo (an evaluation inside another gets its own, then the outer's again). */
export function withEvaluationMemo<T>(evaluate: () => T): T {
  const outer = current;
  current = new WeakMap();
  try {
    return evaluate();
  } finally {
    current = outer;
  }
}

/** Whether an evaluation is running (its memo in use). */
export function inEvaluation(): boolean {
  return current !== undefined;
}

/** `compute()`, once per `owner` and `key` in the running evaluation. */
export function memoized<T>(owner: object, key: string, compute: () => T): T {
  if (current === undefined) return compute();
  let byKey = current.get(owner);
  if (byKey === undefined) {
    byKey = new Map();
    current.set(owner, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}
