import { Fn, Lazy, Token } from "cdktf";
import { checkIdentifier, escapeText, guardStrings, ID, listOf, mapOf, TEXT } from "../../lib/core/boundary";
import { isUnresolved } from "../../lib/core/tokens";

describe("input boundary", () => {
  test("escapes literal text so Terraform prints it: ${ -> $${, %{ -> %%{", () => {
    expect(escapeText('a ${file("x")} %{if true}b%{endif}')).toBe('a $${file("x")} %%{if true}b%%{endif}');
    expect(escapeText("plain")).toBe("plain");
  });

  test("escapes once: text a construct already escaped passes through the constructs it composes", () => {
    const once = escapeText("X${y}");
    expect(escapeText(once)).toBe(once);
  });

  test("leaves real cdktf tokens untouched and escapes only the literal around them", () => {
    const token = Lazy.stringValue({ produce: () => "v" });
    expect(escapeText(`\${x} ${token}`)).toBe(`$\${x} ${token}`);
    expect(() => checkIdentifier("p", `org-${token}`)).not.toThrow();
    expect(() => checkIdentifier("p", Fn.lower(token))).not.toThrow();
  });

  test("fails when an identifier carries ${, %{ or a control character, naming the prop", () => {
    expect(() => checkIdentifier("tenant.org", "a${b}")).toThrow(
      '[PE-INPUT-006] `tenant.org` "a${b}" contains Terraform template syntax `${`',
    );
    expect(() => checkIdentifier("p", "a%{if x}")).toThrow("contains Terraform template syntax `%{`");
    expect(() => checkIdentifier("p", "a\tb")).toThrow("contains a control character (U+0009)");
    expect(() => checkIdentifier("p", "agency-prod")).not.toThrow();
  });

  test("fails when a list element or map key is bad: the path has the index or the map", () => {
    expect(() => guardStrings({ spaces: ["a", "b${c}"] }, { spaces: listOf(ID) })).toThrow("`spaces[1]`");
    expect(() => guardStrings({ tags: { "k${x}": "v" } }, { tags: mapOf(ID, TEXT) })).toThrow("`tags`");
    expect(guardStrings({ tags: { k: "v${x}" } }, { tags: mapOf(ID, TEXT) })).toEqual({
      tags: { k: "v$${x}" },
    });
  });

  test("'unresolved' is cdktf's Token.isUnresolved: a literal holding ${ is not a token", () => {
    expect(isUnresolved("${aws_eip.vpn.public_ip}")).toBe(false);
    expect(isUnresolved(Token.asString(Lazy.stringValue({ produce: () => "x" })))).toBe(true);
  });
});
