/**
 * Fuzzing of the environment intake: generated requests, valid and invalid mixed, with a fixed seed.
 * Each either throws the library's own validation error (stable code, the prop named in the message)
 * or synthesizes output that passes the Cloud Foundry schema checker and the policy pack, with no
 * `undefined`/`null` leaking into strings. Determinism: a request synthesizes byte-identical JSON
 * twice (checked on every tenth valid case, so each case costs one synth).
 *
 * `PE_FUZZ_RUNS` sets the number of cases (default 150; `npm run fuzz` runs 1,000).
 */
import { PrivateEgressError } from "../../lib/core/errors";
import { blockingFindings, evaluateStack } from "../../lib/checks/evaluate";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { stackViewFromJson } from "../../lib/checks/view";
import {
  buildStack,
  Flaw,
  FUZZ_SEED,
  FuzzRequest,
  policyProfileOf,
  sampleRequests,
  synthText,
} from "./fuzz-requests";

const RUNS = Number(process.env.PE_FUZZ_RUNS ?? 150);

/** Strings of a synthesized document that show a value leaked as text. */
function leakedStrings(value: unknown, path = "$", out: string[] = []): string[] {
  if (typeof value === "string") {
    // "null" only as a word of its own: libreswan's `aes_gcm256-null` (no integrity with GCM) is fine
    if (/\bundefined\b|(^|[\s=:"'])null($|[\s,;"'])|\bNaN\b|\[object Object\]|\bInfinity\b/.test(value)) {
      out.push(`${path}: ${value}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leakedStrings(v, `${path}[${i}]`, out));
  } else if (value === null) {
    out.push(`${path}: null`);
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      leakedStrings(v, `${path}.${k}`, out);
  }
  return out;
}

interface Outcome {
  readonly request: FuzzRequest;
  readonly error?: unknown;
  readonly text?: string;
}

describe(`environment intake fuzz (${RUNS} requests, seed ${FUZZ_SEED})`, () => {
  const schema = cloudFoundrySchema();
  const started = Date.now();
  const outcomes: Outcome[] = sampleRequests(RUNS).map((request) => {
    try {
      return { request, text: synthText(buildStack(request)) };
    } catch (error) {
      return { request, error };
    }
  });
  const elapsed = Date.now() - started;
  const valid = outcomes.filter((o) => o.text !== undefined);
  const invalid = outcomes.filter((o) => o.error !== undefined);
  const codes = new Map<string, number>();
  for (const o of invalid) {
    const code = o.error instanceof PrivateEgressError ? o.error.code : "(foreign)";
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  process.stdout.write(
    `fuzz: ${RUNS} requests, ${valid.length} valid, ${invalid.length} refused, ${elapsed} ms; codes ${JSON.stringify(
      Object.fromEntries([...codes].sort()),
    )}\n`,
  );

  const describeRequest = (o: Outcome) => JSON.stringify(o.request);

  test("generates both valid and invalid requests (at least a quarter of each)", () => {
    expect(valid.length).toBeGreaterThanOrEqual(RUNS / 4);
    expect(invalid.length).toBeGreaterThanOrEqual(RUNS / 4);
  });

  test("every request without a flaw synthesizes, and every flawed request is refused", () => {
    const refusedValid = invalid
      .filter((o) => o.request.flaw === Flaw.NONE)
      .map((o) => `${String(o.error)}\n  request: ${describeRequest(o)}`);
    const acceptedFlawed = valid
      .filter((o) => o.request.flaw !== Flaw.NONE)
      .map((o) => `accepted with flaw ${o.request.flaw}\n  request: ${describeRequest(o)}`);
    expect([...refusedValid, ...acceptedFlawed]).toEqual([]);
  });

  test("every refusal is a PrivateEgressError with a stable code, naming its prop in the message", () => {
    const bad = invalid
      .filter((o) => {
        const e = o.error;
        return !(
          e instanceof PrivateEgressError &&
          /^PE-[A-Z]+-\d{3}$/.test(e.code) &&
          e.prop.length > 0 &&
          e.message.includes(e.prop)
        );
      })
      .map((o) => `${String(o.error)}\n  request: ${describeRequest(o)}`);
    expect(bad).toEqual([]);
  });

  test("every accepted request passes the Cloud Foundry schema checker", () => {
    const bad = valid
      .map((o) => ({ o, problems: checkAgainstSchema(JSON.parse(o.text!), schema, "cloudfoundry_") }))
      .filter((x) => x.problems.length > 0)
      .map((x) => `${JSON.stringify(x.problems)}\n  request: ${describeRequest(x.o)}`);
    expect(bad).toEqual([]);
  });

  test("every accepted request passes the policy pack (cloud.gov profile for IKEv1, strict otherwise)", () => {
    const bad = valid.flatMap((o) => {
      const view = stackViewFromJson(JSON.parse(o.text!), "fuzz");
      return blockingFindings(evaluateStack(view, { profile: policyProfileOf(o.request.crypto) })).map(
        (f) => `${f.ruleId} ${f.address}: ${f.message}\n  request: ${describeRequest(o)}`,
      );
    });
    expect(bad).toEqual([]);
  });

  test("no undefined, null, NaN or [object Object] leaks into the synthesized output", () => {
    const bad = valid.flatMap((o) =>
      leakedStrings(JSON.parse(o.text!)).map((l) => `${l}\n  request: ${describeRequest(o)}`),
    );
    expect(bad).toEqual([]);
  });

  test("the same request synthesizes byte-identical JSON (every tenth valid case)", () => {
    for (const o of valid.filter((_, i) => i % 10 === 0)) {
      expect(synthText(buildStack(o.request))).toBe(o.text);
    }
  });
});
