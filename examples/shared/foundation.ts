/**
 * What the examples know about the Cloud Foundry foundation the tenants join: its control plane
 * (for the cell security group) and its Diego cell (the dedicated cells are a clone of it).
 *
 * The control plane is a bosh-bootloader foundation's: the director's group and the internal group
 * the shared Cloud Foundry VMs (Diego BBS and auctioneer included) carry. Replace the ids with your
 * foundation's (`bbl outputs`: `bosh_security_group`, `internal_security_group`).
 */
import * as fs from "fs";
import * as path from "path";
import { BaseCell, ControlPlaneOptions, ControlPlanePeer } from "../../lib";

/** The foundation's internal security group (bosh-bootloader's `internal_security_group`). */
export const PLATFORM_INTERNAL_SECURITY_GROUP = "sg-0c0ffee0c0ffee001";

/** The control-plane peers of the example foundation. */
export const FOUNDATION_CONTROL_PLANE: ControlPlaneOptions = {
  boshDirector: [ControlPlanePeer.securityGroup("sg-0b0500d1ec7000001", "bosh-director")],
  sharedComponents: [ControlPlanePeer.securityGroup(PLATFORM_INTERNAL_SECURITY_GROUP, "cf-internal")],
  diegoBbs: [ControlPlanePeer.securityGroup(PLATFORM_INTERNAL_SECURITY_GROUP, "cf-internal")],
};

/**
 * The operator's Diego cell: the file `PE_BASE_CELL` names, else the example shipped beside this
 * module (`examples/shared/diego-cell.yml`, also found from the compiled `dist/examples/shared`).
 */
export function foundationBaseCell(env: Record<string, string | undefined> = process.env): BaseCell {
  if (env.PE_BASE_CELL) return BaseCell.fromFile(env.PE_BASE_CELL);
  const beside = path.join(__dirname, "diego-cell.yml");
  const source = path.join(__dirname, "..", "..", "..", "examples", "shared", "diego-cell.yml");
  return BaseCell.fromFile(fs.existsSync(beside) ? beside : source);
}
