/**
 * Errors that only the composed environment can find: checks across building blocks, environments
 * and tenants. Codes `PE-ENV-NNN`; a code never changes meaning once released.
 */
import { invalid, PrivateEgressError } from "./errors";

export function environmentNameTaken(
  prop: string,
  org: string,
  name: string,
  otherPath: string,
): PrivateEgressError {
  return invalid(
    "PE-ENV-001",
    prop,
    name,
    `is already used by tenant ${org}'s environment at ${otherPath}`,
    "give each environment of a tenant its own name (production, staging, development, ...)",
  );
}

export function cidrSharedWithEnvironment(
  prop: string,
  cidr: string,
  otherCidr: string,
  otherOrg: string,
  otherName: string,
  sameTenant: boolean,
): PrivateEgressError {
  return invalid(
    "PE-ENV-002",
    prop,
    cidr,
    `overlaps ${otherCidr} of ${sameTenant ? "the same tenant's" : "another tenant's"} environment ${otherOrg}/${otherName}`,
    sameTenant
      ? "segregate each environment of a tenant in its own CIDRs"
      : "tenants on one platform must not share private CIDRs (routes and ASGs would cross)",
  );
}

export function segmentOverlapsEnvironment(
  prop: string,
  cidr: string,
  otherCidr: string,
  otherPath: string,
): PrivateEgressError {
  return invalid(
    "PE-ENV-003",
    prop,
    cidr,
    `overlaps the dedicated subnet ${otherCidr} of the environment at ${otherPath} in the same VPC`,
    "give each environment its own segment CIDR block",
  );
}

export function privateServiceOutsideCidrs(prop: string, host: string, cidrs: string[]): PrivateEgressError {
  return invalid(
    "PE-ENV-004",
    prop,
    host,
    "is not inside any of the private CIDRs routed through the VPN",
    cidrs.length === 0
      ? "add its network to `privateCidrs` (it is empty)"
      : `use a host inside ${cidrs.join(", ")} or add its network to \`privateCidrs\``,
  );
}

export function privateServiceInvalid(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-ENV-005", prop, value, "is not a valid private service", allowed);
}

export function privateServiceNameTaken(prop: string, name: string): PrivateEgressError {
  return invalid(
    "PE-ENV-006",
    prop,
    name,
    "is used by two private services",
    "give each private service its own name",
  );
}

export function asgDestinationsDiffer(prop: string, asg: string[], routed: string[]): PrivateEgressError {
  return invalid(
    "PE-ENV-007",
    prop,
    asg,
    `differ from the CIDRs routed to the VPN (${routed.join(", ")})`,
    "the private-egress ASG must open exactly the routed CIDRs and services inside them",
  );
}

export function expectedAppsInvalid(prop: string, value: unknown): PrivateEgressError {
  const whole = typeof value === "number" && Number.isInteger(value);
  return invalid(
    "PE-ENV-008",
    prop,
    value,
    whole ? "is out of range" : "is not a whole number of applications",
    "give an integer from 1 to 10000",
  );
}

export function missingAvailabilityZones(prop: string): PrivateEgressError {
  return invalid(
    "PE-ENV-009",
    prop,
    undefined,
    "cannot be derived: the stack has no AWS provider with a literal region",
    "pass `availabilityZones` (at least 2 names, e.g. us-gov-west-1a, us-gov-west-1b)",
  );
}

export function tenantInvalid(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-ENV-010", prop, value, "is not valid", allowed);
}

export function zoneOutsideRegion(prop: string, zone: string, region: string): PrivateEgressError {
  return invalid(
    "PE-ENV-011",
    prop,
    zone,
    `is not a zone of region ${region}, the region of the stack's AWS provider`,
    `use zones of ${region} (e.g. ${region}a, ${region}b), or give the stack a provider in the zones' region`,
  );
}

export function endpointIpShared(prop: string, ip: string, otherProp: string): PrivateEgressError {
  return invalid(
    "PE-ENV-012",
    prop,
    ip,
    `is also \`${otherProp}\``,
    "give the second endpoint its own public IP (one customer gateway per device)",
  );
}

/** The planned cells do not fit the cell subnets (PE-NET-015 in the environment's words). */
export function cellsDoNotFit(
  expectedApps: number,
  cells: number,
  zones: number,
  prefix: number,
  usable: number,
  fittingPrefix: number | undefined,
): PrivateEgressError {
  const perZone = Math.ceil(cells / zones);
  const more = "more `availabilityZones`, larger cells (`capacity.cellMemoryMb`) or fewer apps";
  return invalid(
    "PE-ENV-014",
    "expectedApps",
    expectedApps,
    `needs ${cells} cells (the capacity plan), ${perZone} per availability zone over ${zones} zone(s), but a /${prefix} cell subnet has ${usable} usable addresses (AWS reserves 5 per subnet)`,
    fittingPrefix === undefined
      ? `give ${more} (no cell subnet prefix the library accepts holds ${perZone} cells)`
      : `give \`cellSubnetPrefix\` ${fittingPrefix} (or shorter), ${more}`,
  );
}

export function privateCidrsEmpty(prop: string): PrivateEgressError {
  return invalid(
    "PE-ENV-013",
    prop,
    [],
    "is empty",
    "give at least one of the tenant's private CIDRs (the networks the apps reach through the VPN)",
  );
}
