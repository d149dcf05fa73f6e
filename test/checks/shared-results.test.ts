/**
 * Issue 17: the policy pack's rules share what several of them compute (a connection's tunnel
 * checks, a stack's index of objects, the facts of a repeated text). Each shortcut must give what
 * the full computation gives, and must not carry one object's or one environment's verdict to another.
 */
import { Token } from "cdktf";
import * as validation from "../../lib/aws/vpn-validation";
import { PropStyle, tunnelOptionsFromResource } from "../../lib/aws/vpn-validation";

// counts the tunnel checks the rules make (a module's exports cannot be spied on directly)
jest.mock("../../lib/aws/vpn-validation", () => {
  const actual = jest.requireActual("../../lib/aws/vpn-validation");
  return { ...actual, checkTunnelOptions: jest.fn(actual.checkTunnelOptions) };
});
const checkTunnelOptions = validation.checkTunnelOptions as jest.MockedFunction<
  typeof validation.checkTunnelOptions
>;
import { expressionsAsTokens, isUnresolved } from "../../lib/core/tokens";
import { evaluateStack } from "../../lib/checks/evaluate";
import { withEvaluationMemo } from "../../lib/checks/memo";
import { ALL_RULES } from "../../lib/checks/rules";
import { terraformTemplateInjection } from "../../lib/checks/rules/terraform-template-injection";
import { vpnDpdStartup } from "../../lib/checks/rules/vpn-dpd-startup";
import { vpnLifetimes } from "../../lib/checks/rules/vpn-lifetimes";
import { objectAt, objectsOfType, referencesIn, StackView, stackViewFromJson } from "../../lib/checks/view";

describe("isUnresolved decides literal numbers without cdktf's buffer", () => {
  const numberToken = Token.asNumber({ resolve: () => 1 });
  const listNumberToken = Token.asNumberList({ resolve: () => [1] })[0];
  test.each<[string, unknown]>([
    ["0", 0],
    ["-0", -0],
    ["an ASN", 4294967294],
    ["a negative literal", -65000],
    ["the largest double", Number.MAX_VALUE],
    ["the most negative double", -Number.MAX_VALUE],
    ["just above the fast path's bound", -1e298],
    ["below it, still a literal", -5e298],
    ["NaN", Number.NaN],
    ["-Infinity", -Infinity],
    ["a number token", numberToken],
    ["a number-list token element", listNumberToken],
  ])("%s: same answer as Token.isUnresolved", (_name, value) => {
    expect(isUnresolved(value)).toBe(Token.isUnresolved(value));
  });

  test("a number token is unresolved, a literal is not", () => {
    expect(isUnresolved(numberToken)).toBe(true);
    expect(isUnresolved(65000)).toBe(false);
  });
});

describe("tunnelOptionsFromResource reads one tunnel's arguments as the whole body's conversion would", () => {
  const body = {
    tunnel1_ike_versions: ["ikev2"],
    tunnel1_phase1_lifetime_seconds: "28800",
    tunnel1_phase2_lifetime_seconds: "${var.lifetime}",
    tunnel1_dpd_timeout_action: "restart",
    tunnel1_phase1_dh_group_numbers: [19, "${local.group}"],
    tunnel2_startup_action: "start",
    tunnel2_inside_cidr: "169.254.10.0/30",
    unrelated: "${aws_vpc.Vpc.id}",
  };
  // each option and the argument it reads; numbers are read as numbers or numeric strings
  const ARGS: Array<[string, string, boolean]> = [
    ["ikeVersions", "ike_versions", false],
    ["phase1EncryptionAlgorithms", "phase1_encryption_algorithms", false],
    ["phase2EncryptionAlgorithms", "phase2_encryption_algorithms", false],
    ["phase1IntegrityAlgorithms", "phase1_integrity_algorithms", false],
    ["phase2IntegrityAlgorithms", "phase2_integrity_algorithms", false],
    ["phase1DhGroupNumbers", "phase1_dh_group_numbers", false],
    ["phase2DhGroupNumbers", "phase2_dh_group_numbers", false],
    ["phase1LifetimeSeconds", "phase1_lifetime_seconds", true],
    ["phase2LifetimeSeconds", "phase2_lifetime_seconds", true],
    ["rekeyMarginTimeSeconds", "rekey_margin_time_seconds", true],
    ["rekeyFuzzPercentage", "rekey_fuzz_percentage", true],
    ["replayWindowSize", "replay_window_size", true],
    ["dpdTimeoutSeconds", "dpd_timeout_seconds", true],
    ["dpdTimeoutAction", "dpd_timeout_action", false],
    ["startupAction", "startup_action", false],
    ["insideCidr", "inside_cidr", false],
  ];
  test.each(["tunnel1", "tunnel2"])("%s", (tunnel) => {
    // before: the whole body converted by expressionsAsTokens, then each argument read from it
    const whole = expressionsAsTokens(body) as Record<string, unknown>;
    const options = tunnelOptionsFromResource(body, tunnel) as unknown as Record<string, unknown>;
    expect(Object.keys(options).sort()).toEqual(ARGS.map(([field]) => field).sort());
    for (const [field, arg, numeric] of ARGS) {
      const v = whole[`${tunnel}_${arg}`];
      expect(options[field]).toEqual(numeric && typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
    }
  });

  test("an expression stays unresolved; a missing argument is undefined", () => {
    const options = tunnelOptionsFromResource(body, "tunnel1");
    expect(isUnresolved(options.phase2LifetimeSeconds)).toBe(true);
    expect(options.phase1LifetimeSeconds).toBe(28800);
    expect(options.startupAction).toBeUndefined();
  });
});

/** A stack with one VPN connection whose tunnels break lifetimes and dead peer detection. */
function connectionStack(name: string, overrides: Record<string, unknown>): StackView {
  return stackViewFromJson(
    {
      resource: {
        aws_vpn_connection: {
          Vpn: {
            "//": { metadata: { path: `${name}/Env/Vpn` } },
            type: "ipsec.1",
            tunnel1_inside_cidr: "169.254.10.0/29", // malformed: must not hide the lifetime checks
            ...overrides,
          },
        },
      },
    },
    name,
  );
}

describe("the tunnel check shared by PE-AWS-VPN-004 and PE-AWS-VPN-009", () => {
  const bad = {
    tunnel1_phase1_lifetime_seconds: 3600,
    tunnel1_phase2_lifetime_seconds: 3600, // not below phase 1
    tunnel2_dpd_timeout_seconds: 10,
    tunnel2_dpd_timeout_action: "none",
  };
  const FIELDS_004 =
    /_(phase1_lifetime_seconds|phase2_lifetime_seconds|rekey_margin_time_seconds|rekey_fuzz_percentage|replay_window_size)$/;
  const FIELDS_009 = /_(dpd_timeout_seconds|dpd_timeout_action|startup_action)$/;
  /** What each rule computed on its own before the check was shared. */
  const alone = (values: Record<string, unknown>, fields: RegExp) =>
    ["tunnel1", "tunnel2"].flatMap((t) =>
      validation
        .checkTunnelOptions(
          { ...validation.tunnelOptionsFromResource(values, t), insideCidr: undefined },
          t,
          PropStyle.TERRAFORM,
        )
        .filter((e) => fields.test(e.prop))
        .map((e) => e.message),
    );

  test("each rule reports what it computed alone, and the tunnels are checked once per connection", () => {
    const stack = connectionStack("s", bad);
    const vpn = stack.objects[0];
    checkTunnelOptions.mockClear();
    const { lifetimes, dpd } = withEvaluationMemo(() => ({
      lifetimes: vpnLifetimes.evaluate(vpn, stack),
      dpd: vpnDpdStartup.evaluate(vpn, stack),
    }));
    // one per tunnel, shared by the two rules
    expect(checkTunnelOptions).toHaveBeenCalledTimes(2);
    expect(lifetimes.problems).toEqual(alone(vpn.values, FIELDS_004));
    expect(lifetimes.problems.length).toBeGreaterThan(0);
    expect(dpd.problems.slice(0, -1)).toEqual(alone(vpn.values, FIELDS_009));
    expect(dpd.problems.at(-1)).toMatch(/tunnel2_dpd_timeout_action. none/);
  });

  test("outside an evaluation nothing is kept: each call checks afresh", () => {
    const stack = connectionStack("s", bad);
    checkTunnelOptions.mockClear();
    vpnLifetimes.evaluate(stack.objects[0], stack);
    vpnLifetimes.evaluate(stack.objects[0], stack);
    expect(checkTunnelOptions).toHaveBeenCalledTimes(4);
  });

  test("another connection's body is checked afresh", () => {
    const broken = connectionStack("a", bad);
    const sound = connectionStack("b", {});
    expect(vpnLifetimes.evaluate(broken.objects[0], broken).problems.length).toBeGreaterThan(0);
    expect(vpnLifetimes.evaluate(sound.objects[0], sound).problems).toEqual([]);
  });
});

describe("the stack index behind objectAt and objectsOfType", () => {
  const json = {
    resource: {
      aws_subnet: { A: { cidr_block: "10.0.0.0/24" }, B: { cidr_block: "10.0.1.0/24" } },
      aws_vpc: { Vpc: { cidr_block: "10.0.0.0/16" } },
    },
    data: { aws_vpc: { Vpc: { id: "vpc-1" } } },
  };

  test("finds by address and type, data sources apart, the first of a repeated address", () => {
    const stack = stackViewFromJson(json, "s");
    expect(objectAt(stack, "aws_vpc.Vpc")?.isDataSource).toBe(false);
    expect(objectAt(stack, "data.aws_vpc.Vpc")?.isDataSource).toBe(true);
    expect(objectsOfType(stack, "aws_subnet").map((o) => o.name)).toEqual(["A", "B"]);
    expect(objectsOfType(stack, "aws_vpc", true).map((o) => o.address)).toEqual(["data.aws_vpc.Vpc"]);
    const twice: StackView = {
      ...stack,
      objects: [...stack.objects, { ...stack.objects[0], name: "again" }],
    };
    expect(objectAt(twice, "aws_subnet.A")?.name).toBe("A");
  });

  test("a caller's change to a returned list does not reach the next call; objects added later are found", () => {
    const stack = stackViewFromJson(json, "s");
    objectsOfType(stack, "aws_subnet").pop();
    expect(objectsOfType(stack, "aws_subnet")).toHaveLength(2);
    stack.objects.push({ ...stack.objects[0], name: "C", address: "aws_subnet.C" });
    expect(objectsOfType(stack, "aws_subnet")).toHaveLength(3);
    expect(objectAt(stack, "aws_subnet.C")?.name).toBe("C");
  });

  test("referencesIn returns a new list each call, the same references", () => {
    const text = "${aws_vpc.Vpc.id}-${data.aws_vpc.Vpc.cidr_block}-${var.x}";
    const first = referencesIn(text);
    expect(Object.isFrozen(first[0])).toBe(true); // shared by every call for this text
    first.length = 0;
    expect(referencesIn(text).map((r) => `${r.address}.${r.attribute}`)).toEqual([
      "aws_vpc.Vpc.id",
      "data.aws_vpc.Vpc.cidr_block",
    ]);
  });
});

describe("PE-TF-001's facts per text", () => {
  /** Two environments, each with a VPN connection; `text` set on a route of each. */
  function twoEnvironments(textA: string, textB: string): StackView {
    return stackViewFromJson(
      {
        resource: {
          aws_vpn_connection: {
            VpnA: { "//": { metadata: { path: "s/A/Vpn" } } },
            VpnB: { "//": { metadata: { path: "s/B/Vpn" } } },
          },
          aws_route: {
            RouteA: { "//": { metadata: { path: "s/A/Route" } }, description: textA },
            RouteB: { "//": { metadata: { path: "s/B/Route" } }, description: textB },
          },
        },
      },
      "s",
    );
  }
  const evaluate = (stack: StackView, address: string) =>
    terraformTemplateInjection.evaluate(objectAt(stack, address)!, stack).problems;

  test("the same text is another environment's reference in one object and its own in the other", () => {
    const text = "${aws_vpn_connection.VpnA.customer_gateway_configuration}";
    const stack = twoEnvironments(text, text);
    expect(evaluate(stack, "aws_route.RouteA")).toEqual([]);
    expect(evaluate(stack, "aws_route.RouteB")).toEqual([
      "`description` references `aws_vpn_connection.VpnA` of another environment (s/A); an environment reads only its own resources",
    ]);
  });

  test("a cached text's forbidden call and directive are reported at each object's own path", () => {
    const text = '%{ if true }x%{ endif }${file("/etc/passwd")}';
    const stack = twoEnvironments(text, text);
    for (const route of ["aws_route.RouteA", "aws_route.RouteB"]) {
      expect(evaluate(stack, route)).toEqual([
        "`description` holds a template directive `%{`; escape literal text as `%%{`",
        '`description` calls `file(...)` in `${file("/etc/passwd")}`; the library never does: it reads the operator\'s machine or unwraps a secret',
      ]);
    }
  });

  test("the whole pack over two views of the same JSON: the same findings", () => {
    const text = "${aws_vpn_connection.VpnA.tunnel1_address}";
    const json = twoEnvironments(text, text);
    const once = evaluateStack(json, { rules: ALL_RULES });
    const again = evaluateStack(twoEnvironments(text, text), { rules: ALL_RULES });
    expect(again).toEqual(once);
    expect(once.some((f) => f.ruleId === "PE-TF-001" && f.address === "aws_route.RouteB")).toBe(true);
  });
});

describe("what one evaluation keeps does not outlive it", () => {
  const ids = (findings: ReturnType<typeof evaluateStack>) => findings.map((f) => `${f.ruleId} ${f.address}`);

  test("a body changed between two evaluations is checked as it is now", () => {
    const stack = connectionStack("s", {});
    expect(ids(evaluateStack(stack, { rules: [vpnLifetimes] }))).toEqual([]);
    stack.objects[0].values.tunnel1_phase1_lifetime_seconds = 100;
    expect(ids(evaluateStack(stack, { rules: [vpnLifetimes] }))).toEqual([
      "PE-AWS-VPN-004 aws_vpn_connection.Vpn",
    ]);
  });

  test("an object replaced in a view between two evaluations is the one found", () => {
    const text = "${aws_vpn_connection.VpnA.customer_gateway_configuration}";
    const stack = stackViewFromJson(
      {
        resource: {
          aws_vpn_connection: {
            VpnA: { "//": { metadata: { path: "s/A/Vpn" } } },
            VpnB: { "//": { metadata: { path: "s/B/Vpn" } } },
          },
          aws_route: { Route: { "//": { metadata: { path: "s/A/Route" } }, description: text } },
        },
      },
      "s",
    );
    const rules = [terraformTemplateInjection];
    expect(ids(evaluateStack(stack, { rules }))).toEqual([]);
    // the same route, now in environment B: reading A's connection is reported
    stack.objects[2] = { ...stack.objects[2], constructPath: "s/B/Route" };
    expect(ids(evaluateStack(stack, { rules }))).toEqual(["PE-TF-001 aws_route.Route"]);
  });

  test("a rule whose appliesTo grows between two evaluations sees the new type", () => {
    const types = ["aws_vpc"];
    const rule = { ...vpnLifetimes, id: "X-1", appliesTo: types };
    const stack = connectionStack("s", { tunnel1_phase1_lifetime_seconds: 100 });
    expect(evaluateStack(stack, { rules: [rule] })).toEqual([]);
    types.push("aws_vpn_connection");
    expect(ids(evaluateStack(stack, { rules: [rule] }))).toEqual(["X-1 aws_vpn_connection.Vpn"]);
  });
});
