/**
 * Error factories for the dedicated cells' BOSH artifacts (`PE-CELL-NNN`): the operator's base
 * cell, the clone, the cloud config and the cell security group. Codes never change meaning once
 * released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** The command that prints the base cell, for messages. */
export function extractCommand(baseName: string): string {
  return (
    `bosh int cf-deployment.yml -o <each ops file you deploy with> --path /instance_groups/name=${baseName} > ${baseName}.yml` +
    ` (or from the running deployment: bosh -d cf manifest > cf.yml && bosh int cf.yml --path /instance_groups/name=${baseName} > ${baseName}.yml)`
  );
}

export function baseCellMissing(prop: string, baseName: string): PrivateEgressError {
  return new PrivateEgressError(
    "PE-CELL-001",
    prop,
    `\`${prop}\` is not given; the dedicated cells are a clone of your own \`${baseName}\` instance group (every job, property and link of your foundation), so no cell is emitted without it. Extract it with: ${extractCommand(baseName)}; then pass BaseCell.fromFile("${baseName}.yml")`,
  );
}

export function baseCellNotMap(prop: string, value: unknown): PrivateEgressError {
  const kind = Array.isArray(value) ? "a list" : value === null ? "null" : typeof value;
  return invalid(
    "PE-CELL-002",
    prop,
    kind,
    "is not a map",
    "give one instance group (a map with name, jobs, networks, ...), as `bosh int --path /instance_groups/name=diego-cell` prints it",
  );
}

export function baseCellYaml(
  prop: string,
  source: string,
  line: number,
  col: number,
  why: string,
): PrivateEgressError {
  return new PrivateEgressError(
    "PE-CELL-003",
    prop,
    `\`${prop}\` ${source} is not valid YAML: line ${line}, column ${col}: ${why}`,
  );
}

export function baseCellNoRep(prop: string, jobs: string[]): PrivateEgressError {
  return invalid(
    "PE-CELL-004",
    prop,
    jobs,
    "has no `rep` job (release diego), so it is not a Diego cell",
    "extract your Diego cell instance group (`diego-cell` in cf-deployment)",
  );
}

export function baseCellNoNetworks(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CELL-005",
    prop,
    value,
    "has no `networks` list",
    "extract the instance group from an interpolated manifest (`bosh int`), which always has networks",
  );
}

export function cloneNameTaken(prop: string, name: string): PrivateEgressError {
  return invalid(
    "PE-CELL-006",
    prop,
    name,
    "is the base cell's own name, so the clone would replace your shared cells",
    "choose another instance group name (the default is `<segment>-diego-cell`)",
  );
}

export function baseCellSecret(prop: string, path: string): PrivateEgressError {
  return new PrivateEgressError(
    "PE-CELL-007",
    prop,
    `\`${prop}\` carries a literal certificate or key at ${path}; it would land in cdktf.out and in Terraform outputs. Extract the cell without --vars-store / -l so credentials stay ((variables))`,
  );
}

export function baseCellField(
  prop: string,
  value: unknown,
  problem: string,
  allowed: string,
): PrivateEgressError {
  return invalid("PE-CELL-008", prop, value, problem, allowed);
}

export function baseCellFile(prop: string, file: string, why: string): PrivateEgressError {
  return new PrivateEgressError("PE-CELL-009", prop, `\`${prop}\` ${file} cannot be read: ${why}`);
}

export function boshAzMissing(prop: string, zone: string, mapping: unknown): PrivateEgressError {
  return invalid(
    "PE-CELL-010",
    prop,
    mapping,
    `has no BOSH AZ for zone ${zone}, and ${zone} does not end in a zone letter a-z`,
    `add "${zone}": "<the AZ name your cloud config gives it>"`,
  );
}

export function controlPlaneMissing(prop: string, missing: string[]): PrivateEgressError {
  return new PrivateEgressError(
    "PE-CELL-011",
    prop,
    `\`${prop}\` has no rules toward ${missing.join(", ")}: cells in that group cannot register with the director or Diego, so the deploy would fail. Give the control-plane peers (boshDirectorPeers, sharedComponentPeers, diegoBbsPeers on DedicatedSegment; controlPlane on PrivateEgressEnvironment)`,
  );
}

export function securityGroupIdInvalid(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-CELL-012", prop, value, "is not a security group id", "give sg-<hex>, or a token");
}
