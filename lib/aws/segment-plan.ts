/**
 * Address planning for a dedicated segment, as pure functions: which block the segment takes, and
 * which cell and NAT subnets each availability zone gets.
 *
 * Layout: the segment block is cut into equal slots of `/cellSubnetPrefix`. The last slot holds the
 * small public NAT subnets (`/28` each); every other slot is one AZ's cell subnet. An AZ's slot is
 * its zone letter (`…a` = 0, `…b` = 1, …), so the subnets an AZ gets depend on its name only: adding,
 * removing or reordering zones never moves another zone's subnets.
 */
import { PrivateEgressError } from "../core/errors";
import {
  availabilityZoneNoSlot,
  availabilityZoneSlotClash,
  cellPrefixOutOfRange,
  noFreeBlock,
} from "../core/errors-network";
import { Cidr, carveSubnets, cidrsOverlap, intToIpv4, nthAddress, parseCidr } from "../core/ip";
import {
  checkAvailabilityZones,
  checkCidr,
  checkSubnetPlacement,
  checkVpcCidr,
  parseCanonicalCidr,
} from "./network-validation";
import { isUnresolved } from "../core/tokens";

/** Slots in a segment block computed from the VPC: 7 cell slots (zones a–g) and the NAT slot. */
export const DEFAULT_SEGMENT_SLOTS = 8;
/** Prefix of each NAT (public) subnet. */
export const NAT_SUBNET_PREFIX = 28;
/** Cell subnet prefixes accepted. */
export const MIN_CELL_SUBNET_PREFIX = 16;
/** The longest cell subnet prefix accepted. */
export const MAX_CELL_SUBNET_PREFIX = 25;
/** The cell subnet prefix when none is given. */
export const DEFAULT_CELL_SUBNET_PREFIX = 22;

/** What to plan. */
export interface SegmentPlanInput {
  /** The VPC's primary block. */
  readonly vpcCidr: string;
  /** Zone names; each zone's slot is its trailing letter. */
  readonly availabilityZones: string[];
  /** Prefix of each AZ's cell subnet. */
  readonly cellSubnetPrefix: number;
  /** The block to carve. @default - the first free `/(cellSubnetPrefix - 3)` of the VPC */
  readonly segmentCidrBlock?: string;
  /** Subnets already in the VPC. @default - none */
  readonly existingSubnetCidrs?: string[];
}

/** One AZ's share of the segment. */
export interface AzSubnetPlan {
  /** The zone's name, e.g. `us-gov-west-1a`. */
  readonly availabilityZone: string;
  /** The zone letter's index. */
  readonly slot: number;
  /** The zone's cell subnet. */
  readonly cellSubnetCidr: string;
  /** The zone's NAT gateway subnet. */
  readonly natSubnetCidr: string;
  /** The cell subnet's router: its first host address. */
  readonly gateway: string;
  /** What BOSH must not assign: the first four addresses and the last. */
  readonly reservedRanges: string[];
}

/** The segment's addresses. */
export interface SegmentPlan {
  /** The block every subnet of the segment is carved from. */
  readonly segmentCidrBlock: string;
  /** How many zones (letters a…) the block can hold. */
  readonly cellSlots: number;
  /** In the order the zones were given. */
  readonly availabilityZones: AzSubnetPlan[];
}

/** The subnet slot of a zone name: its trailing letter (a = 0). */
export function zoneSlot(availabilityZone: string): number {
  return availabilityZone.charCodeAt(availabilityZone.length - 1) - 97;
}

/** Gateway and BOSH reserved ranges of a subnet. */
export function subnetReservations(cidr: Cidr): {
  /** The subnet's router: its first host address. */
  gateway: string;
  /** What BOSH must not assign: the first four addresses and the last. */
  reservedRanges: string[];
} {
  return {
    gateway: nthAddress(cidr, 1),
    reservedRanges: [`${nthAddress(cidr, 0)}-${nthAddress(cidr, 3)}`, nthAddress(cidr, -1)],
  };
}

function firstFreeBlock(vpc: Cidr, prefix: number, existing: Cidr[]): string | undefined {
  const candidates = carveSubnets(vpc, prefix, 2 ** (prefix - vpc.prefix)) ?? [];
  return candidates.find((c) => !existing.some((e) => cidrsOverlap(parseCidr(c) as Cidr, e)));
}

/** Plans the segment; returns every problem found, and the plan when there are none. */
export function planSegment(input: SegmentPlanInput): {
  /** Why no plan could be made (empty on success). */
  errors: PrivateEgressError[];
  /** The plan, when there are no errors. */
  plan?: SegmentPlan;
} {
  const errors: PrivateEgressError[] = [
    ...checkVpcCidr("vpcCidrBlock", input.vpcCidr),
    ...checkAvailabilityZones(input.availabilityZones),
    ...(input.existingSubnetCidrs ?? []).flatMap((e, i) => checkCidr(`existingSubnetCidrs[${i}]`, e)),
  ];
  const prefix = input.cellSubnetPrefix;
  if (!Number.isInteger(prefix) || prefix < MIN_CELL_SUBNET_PREFIX || prefix > MAX_CELL_SUBNET_PREFIX) {
    errors.push(
      cellPrefixOutOfRange(
        "cellSubnetPrefix",
        prefix,
        `give ${MIN_CELL_SUBNET_PREFIX} to ${MAX_CELL_SUBNET_PREFIX} (a /${MAX_CELL_SUBNET_PREFIX} has ${2 ** (32 - MAX_CELL_SUBNET_PREFIX) - 5} usable addresses)`,
      ),
    );
  }
  if (errors.length) return { errors };

  const vpc = isUnresolved(input.vpcCidr) ? undefined : (parseCidr(input.vpcCidr) as Cidr);
  const existing = (input.existingSubnetCidrs ?? [])
    .filter((e) => !isUnresolved(e))
    .map((e) => parseCidr(e) as Cidr);
  let blockText = input.segmentCidrBlock;
  if (blockText === undefined) {
    const wanted = prefix - Math.log2(DEFAULT_SEGMENT_SLOTS);
    if (!vpc) {
      return {
        errors: [
          noFreeBlock("vpcCidrBlock", input.vpcCidr, wanted, "the VPC's block is not known at synth time"),
        ],
      };
    }
    if (wanted < vpc.prefix) {
      const why = `${DEFAULT_SEGMENT_SLOTS} slots of /${prefix} need a /${wanted}, larger than the VPC`;
      return { errors: [noFreeBlock("vpcCidrBlock", input.vpcCidr, wanted, why)] };
    }
    blockText = firstFreeBlock(vpc, wanted, existing);
    if (!blockText) {
      const why = `every /${wanted} overlaps one of the existing subnets ${(input.existingSubnetCidrs ?? []).join(", ")}`;
      return { errors: [noFreeBlock("vpcCidrBlock", input.vpcCidr, wanted, why)] };
    }
  }
  const parsed = parseCanonicalCidr("segmentCidrBlock", blockText);
  if (!parsed.cidr) return { errors: parsed.errors };
  const block = parsed.cidr;
  if (block.prefix >= prefix) {
    return {
      errors: [
        cellPrefixOutOfRange(
          "cellSubnetPrefix",
          prefix,
          `a segment block ${blockText} holds fewer than 2 slots of /${prefix} (one per AZ plus one for the NAT subnets); give a prefix longer than /${block.prefix}`,
        ),
      ],
    };
  }

  const cellSize = 2 ** (32 - prefix);
  const slots = 2 ** (prefix - block.prefix);
  const natNetwork = block.network + (slots - 1) * cellSize;
  const natSize = 2 ** (32 - NAT_SUBNET_PREFIX);
  const cellSlots = Math.min(slots - 1, cellSize / natSize, 26);

  const seen = new Map<number, string>();
  const azs: AzSubnetPlan[] = [];
  input.availabilityZones.forEach((az, i) => {
    const prop = `availabilityZones[${i}]`;
    const slot = zoneSlot(az);
    if (slot >= cellSlots) {
      errors.push(availabilityZoneNoSlot(prop, az, slot, cellSlots, blockText as string));
      return;
    }
    const clash = seen.get(slot);
    if (clash !== undefined) {
      errors.push(availabilityZoneSlotClash(prop, az, clash));
      return;
    }
    seen.set(slot, az);
    const cell = parseCidr(`${intToIpv4(block.network + slot * cellSize)}/${prefix}`) as Cidr;
    azs.push({
      availabilityZone: az,
      slot,
      cellSubnetCidr: cell.text,
      natSubnetCidr: `${intToIpv4(natNetwork + slot * natSize)}/${NAT_SUBNET_PREFIX}`,
      ...subnetReservations(cell),
    });
  });
  if (errors.length) return { errors };

  if (input.segmentCidrBlock !== undefined && vpc) {
    errors.push(
      ...checkSubnetPlacement("segmentCidrBlock", input.segmentCidrBlock, {
        vpcCidr: input.vpcCidr,
        subnetCidrs: azs.flatMap((a) => [a.cellSubnetCidr, a.natSubnetCidr]),
        existingSubnetCidrs: input.existingSubnetCidrs,
      }).filter((e, i, all) => all.findIndex((o) => o.message === e.message) === i),
    );
  }
  if (errors.length) return { errors };
  return { errors: [], plan: { segmentCidrBlock: blockText, cellSlots, availabilityZones: azs } };
}
