/**
 * A Mermaid diagram of a private egress environment, drawn from the construct tree like the seeds'
 * diagrams: customer network -> customer VPN endpoint -> IPsec tunnels -> VPN gateway -> dedicated
 * segment subnets (Diego cells) -> isolation segment -> spaces, with application security groups
 * towards the customer networks and NAT egress IPs towards the internet.
 *
 * Resources are found by `terraformResourceType` anywhere under the given construct, so a tree of
 * raw provider resources draws as well as the library's constructs. Edges come from the references
 * the resources actually make to each other (`customer_gateway_id`, `isolation_segment`, ...).
 * Output is deterministic: nodes and edges sorted, ids sanitized for Mermaid.
 */
import { DefaultTokenResolver, StringConcat, TerraformResource, Token, Tokenization } from "cdktf";
import type { IConstruct } from "constructs";
import { cidrContains, parseCidr } from "../core/ip";
import { joinText } from "../core/strings";

/** The resource types the diagram draws. */
export const DIAGRAM_RESOURCE_TYPES: readonly string[] = [
  "aws_customer_gateway",
  "aws_eip",
  "aws_nat_gateway",
  "aws_subnet",
  "aws_vpn_connection",
  "aws_vpn_connection_route",
  "aws_vpn_gateway",
  "cloudfoundry_isolation_segment",
  "cloudfoundry_security_group",
  "cloudfoundry_space",
];

/** Options of the diagram. */
export interface EnvironmentDiagramOptions {
  /**
   * The platform's name in the outer box.
   * @default "cloud.gov"
   */
  readonly platformName?: string;
}

type Attrs = Record<string, unknown>;

interface Found {
  readonly type: string;
  /** `type.logicalId`, as Terraform addresses it. */
  readonly address: string;
  readonly attrs: Attrs;
  /** Addresses this resource references. */
  readonly refs: Set<string>;
}

/** A Mermaid-safe node id: letters, digits and `_` only, never a bare keyword. */
export function mermaidId(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** A Mermaid-safe label: quotes and brackets become entities, template markers are dropped. */
function label(...parts: (string | undefined)[]): string {
  const text = parts
    .filter((p): p is string => p !== undefined && p !== "")
    .map((p) =>
      p
        .replace(/[${}%]/g, "")
        .replace(/"/g, "#quot;")
        .replace(/[[\]<>]/g, ""),
    );
  return `["${joinText(text, "<br/>")}"]`;
}

/** A configured literal string attribute, or undefined for tokens and anything else. */
function literal(attrs: Attrs, key: string): string | undefined {
  const v = attrs[key];
  return typeof v === "string" && !v.includes("${") && !Token.isUnresolved(v) ? v : undefined;
}

function collect(scope: IConstruct): Found[] {
  const found: Found[] = [];
  for (const c of scope.node.findAll()) {
    if (!(c instanceof TerraformResource) || !DIAGRAM_RESOURCE_TYPES.includes(c.terraformResourceType))
      continue;
    const tf = Tokenization.resolve(c.toTerraform(), {
      scope: c,
      resolver: new DefaultTokenResolver(new StringConcat()),
    }) as { resource?: Record<string, Record<string, Attrs>> };
    const byId = tf.resource?.[c.terraformResourceType] ?? {};
    for (const [logicalId, attrs] of Object.entries(byId)) {
      const refs = new Set<string>();
      for (const m of JSON.stringify(attrs).matchAll(/\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g)) {
        refs.add(`${m[1]}.${m[2]}`);
      }
      found.push({
        type: c.terraformResourceType,
        address: `${c.terraformResourceType}.${logicalId}`,
        attrs,
        refs,
      });
    }
  }
  return found.sort((a, b) => a.address.localeCompare(b.address));
}

const PREFIX: Record<string, string> = {
  aws_customer_gateway: "cgw",
  aws_eip: "eip",
  aws_nat_gateway: "nat",
  aws_subnet: "subnet",
  aws_vpn_connection: "vpn",
  aws_vpn_gateway: "vgw",
  cloudfoundry_isolation_segment: "isoseg",
  cloudfoundry_security_group: "asg",
  cloudfoundry_space: "space",
};

/**
 * Renders the Mermaid diagram (`graph TB;`) of the environment under `scope`.
 *
 * The text is plain Mermaid; to place it in a `TerraformOutput`, pass it through
 * `escapeTemplateLiteral` (labels never carry tokens, but a literal name could hold `${`).
 *
 * @example
 * const mermaid = renderEnvironmentDiagram(environment);
 * new TerraformOutput(stack, "diagram", { value: escapeTemplateLiteral(mermaid) });
 */
export function renderEnvironmentDiagram(scope: IConstruct, options: EnvironmentDiagramOptions = {}): string {
  const platformName = options.platformName ?? "cloud.gov";
  const all = collect(scope);
  const of = (type: string) => all.filter((r) => r.type === type);
  const id = (r: Found) => mermaidId(PREFIX[r.type] ?? "res", r.address.split(".")[1]);
  const byAddress = new Map(all.map((r) => [r.address, r]));
  const refsOfType = (r: Found, type: string) =>
    [...r.refs]
      .filter((a) => a.startsWith(`${type}.`) && byAddress.has(a))
      .map((a) => byAddress.get(a) as Found);

  const edges = new Set<string>();
  const edge = (from: string, arrow: string, to: string) => edges.add(`  ${from} ${arrow} ${to}`);

  // Customer side: routed CIDRs per VPN connection, and the customer gateways.
  const privateNets = new Map<string, string>(); // cidr -> node id
  const connections = of("aws_vpn_connection");
  for (const route of of("aws_vpn_connection_route")) {
    const cidr = literal(route.attrs, "destination_cidr_block");
    if (cidr === undefined) continue;
    const netId = mermaidId("net", cidr);
    privateNets.set(cidr, netId);
    for (const vpn of refsOfType(route, "aws_vpn_connection")) {
      for (const cgw of refsOfType(vpn, "aws_customer_gateway")) edge(netId, "---", id(cgw));
    }
  }
  for (const vpn of connections) {
    for (const cgw of refsOfType(vpn, "aws_customer_gateway")) {
      for (const vgw of refsOfType(vpn, "aws_vpn_gateway")) {
        edge(id(cgw), '-- "IPsec tunnel 1" ---', id(vgw));
        edge(id(cgw), '-- "IPsec tunnel 2" ---', id(vgw));
      }
    }
  }

  // Platform side: subnets hosting NAT gateways are egress subnets; the others form the dedicated segment.
  const nats = of("aws_nat_gateway");
  const natSubnets = new Set(nats.flatMap((n) => refsOfType(n, "aws_subnet").map((s) => s.address)));
  const dedicated = of("aws_subnet").filter((s) => !natSubnets.has(s.address));
  const vgws = of("aws_vpn_gateway");
  const segments = of("cloudfoundry_isolation_segment");
  for (const s of dedicated) {
    for (const vgw of vgws) edge(id(vgw), "---", id(s));
    for (const seg of segments) edge(id(s), '-- "Diego cells" ---', id(seg));
  }
  const spaces = of("cloudfoundry_space");
  for (const space of spaces) {
    for (const seg of refsOfType(space, "cloudfoundry_isolation_segment")) edge(id(seg), "---", id(space));
  }
  const asgs = of("cloudfoundry_security_group");
  for (const asg of asgs) {
    for (const space of refsOfType(asg, "cloudfoundry_space")) edge(id(space), '-- "bound" ---', id(asg));
    const rules = Array.isArray(asg.attrs.rules) ? (asg.attrs.rules as Attrs[]) : [];
    for (const [cidr, netId] of privateNets) {
      const block = parseCidr(cidr);
      const reaches = rules.some((rule) => {
        const dest = literal(rule, "destination");
        const d = dest === undefined ? undefined : parseCidr(dest.includes("/") ? dest : `${dest}/32`);
        return block !== undefined && d !== undefined && cidrContains(block, d);
      });
      if (reaches) edge(id(asg), '-. "egress" .->', netId);
    }
  }
  for (const nat of nats) {
    const natAz = refsOfType(nat, "aws_subnet")
      .map((s) => literal(s.attrs, "availability_zone"))
      .find((az) => az !== undefined);
    const sameAz = dedicated.filter(
      (s) => natAz !== undefined && literal(s.attrs, "availability_zone") === natAz,
    );
    for (const s of sameAz.length > 0 ? sameAz : dedicated) edge(id(s), '-- "egress" -->', id(nat));
    edge(id(nat), "-->", "internet");
  }

  const node = (r: Found, text: string) => `    ${id(r)}${text}`;
  const eipsOf = (nat: Found) => refsOfType(nat, "aws_eip").map(() => "egress IP: Elastic IP");
  const lines: string[] = ["graph TB;"];
  if (nats.length > 0) lines.push('  internet["Internet"]');
  lines.push('  subgraph customer_network["Customer Network"]');
  for (const [cidr, netId] of [...privateNets].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${netId}${label("Private Network", cidr)}`);
  }
  for (const cgw of of("aws_customer_gateway")) {
    lines.push(node(cgw, label("Customer VPN Endpoint", literal(cgw.attrs, "ip_address"))));
  }
  lines.push("  end");
  lines.push(`  subgraph platform${label(platformName)}`);
  for (const vgw of vgws)
    lines.push(node(vgw, label(`${platformName} VPN Endpoint`, "virtual private gateway")));
  for (const nat of nats) lines.push(node(nat, label("NAT Gateway", ...eipsOf(nat))));
  lines.push('    subgraph dedicated_segment["Dedicated Segment"]');
  for (const s of dedicated) {
    lines.push(
      `  ${node(s, label("Dedicated Subnet", literal(s.attrs, "cidr_block"), literal(s.attrs, "availability_zone")))}`,
    );
  }
  for (const seg of segments)
    lines.push(`  ${node(seg, label("Isolation Segment", literal(seg.attrs, "name")))}`);
  for (const space of spaces) lines.push(`  ${node(space, label("Space", literal(space.attrs, "name")))}`);
  lines.push("    end");
  for (const asg of asgs)
    lines.push(node(asg, label("Application Security Group", literal(asg.attrs, "name"))));
  lines.push("  end");
  lines.push(...[...edges].sort());
  return `${joinText(lines, "\n")}\n`;
}
