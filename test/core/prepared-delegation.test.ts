/**
 * Issue 17: the preparing resolution hands cdktf's `resolve` only what is not plain data, at that
 * value's own path; plain values (most of a resource) never reach it.
 */
import * as resolveModule from "cdktf/lib/tokens/private/resolve";
import { App, TerraformStack, Token } from "cdktf";
import { resolvePreparing } from "../../lib/core/prepared";

jest.mock("cdktf/lib/tokens/private/resolve", () => {
  const actual = jest.requireActual("cdktf/lib/tokens/private/resolve");
  return { ...actual, resolve: jest.fn(actual.resolve) };
});
const cdktfResolve = resolveModule.resolve as jest.MockedFunction<typeof resolveModule.resolve>;

describe("what reaches cdktf's resolve", () => {
  const stack = new TerraformStack(new App(), "s");
  beforeEach(() => cdktfResolve.mockClear());

  test("plain data: nothing", () => {
    const value = { a: "text", b: [1, "x", { c: true, d: null }], e: { f: "1.5" } };
    expect(resolvePreparing(value, stack)).toStrictEqual(value);
    expect(cdktfResolve).not.toHaveBeenCalled();
  });

  test("a token: only the token, at its own path", () => {
    const ref = Token.asString({ resolve: () => "${aws_vpc.x.id}" });
    const value = { a: "text", b: [1, { c: ref }] };
    expect(resolvePreparing(value, stack)).toStrictEqual({ a: "text", b: [1, { c: "${aws_vpc.x.id}" }] });
    expect(cdktfResolve).toHaveBeenCalledTimes(1); // the token string (cdktf recurses inside its module)
    expect(cdktfResolve.mock.calls[0][0]).toBe(ref);
    expect(cdktfResolve.mock.calls[0][1].prefix).toEqual(["b", "1", "c"]);
  });
});
