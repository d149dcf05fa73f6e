/**
 * A VPC the user already owns, referenced by id and CIDR: creates nothing.
 */
import { Construct } from "constructs";
import { vpcCidrMalformed } from "../core/errors-vpn";
import { parseCidr } from "../core/ip";
import { IVpc } from "./interfaces";
import { isUnresolved } from "../core/tokens";
import { ID, guardStrings, stringSpec } from "../core/boundary";

/** The attributes of an existing VPC. */
export interface VpcAttributes {
  /** The VPC id, e.g. `vpc-0abc...` (a literal or a token). */
  readonly vpcId: string;
  /** The VPC's primary IPv4 CIDR block, e.g. `10.40.0.0/16`; a literal for the overlap checks. */
  readonly vpcCidrBlock: string;
}

const STRINGS = stringSpec("VpcAttributes", { vpcId: ID, vpcCidrBlock: ID });

class ImportedVpc extends Construct implements IVpc {
  public readonly vpcId: string;
  public readonly vpcCidrBlock: string;

  constructor(scope: Construct, id: string, attrs: VpcAttributes) {
    super(scope, id);
    attrs = guardStrings(attrs, STRINGS);
    const cidr = attrs.vpcCidrBlock;
    if (!isUnresolved(cidr) && parseCidr(cidr)?.canonical !== true)
      throw vpcCidrMalformed("vpcCidrBlock", cidr);
    this.vpcId = attrs.vpcId;
    this.vpcCidrBlock = cidr;
  }
}

/**
 * Define a reference to an existing VPC.
 *
 * @example
 * const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0abc", vpcCidrBlock: "10.40.0.0/16" });
 */
export class VpcReference {
  /** Imports a VPC by id and primary CIDR block, creating nothing. */
  public static fromVpcAttributes(scope: Construct, id: string, attrs: VpcAttributes): IVpc {
    return new ImportedVpc(scope, id, attrs);
  }

  private constructor() {}
}
