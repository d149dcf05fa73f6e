/**
 * The capacity plan of a dedicated isolation segment: how many Diego cells, in which zones. Pure.
 */
import * as E from "../core/errors-cloudfoundry";

/** What the plan is computed from (everything but the zones). */
export interface CapacityOptions {
  /** Apps the tenant expects to run in the segment. */
  readonly expectedApps: number;
  /**
   * Instances per app.
   * @default 2
   */
  readonly instancesPerApp?: number;
  /**
   * Memory of one app instance, in MB.
   * @default 1024
   */
  readonly memoryPerInstanceMb?: number;
  /**
   * Memory of one cell VM, in MB (cf-deployment's `small-highmem` has 32 GB).
   * @default 32768
   */
  readonly cellMemoryMb?: number;
  /**
   * Memory per cell that apps cannot use (OS, garden, rep), in MB.
   * @default 2048
   */
  readonly cellReservedMemoryMb?: number;
  /**
   * Spare cells on top of the demand (N+1: one cell can fail or drain for an update).
   * @default 1
   */
  readonly spareCells?: number;
}

/** Input of {@link planCapacity}. */
export interface CapacityInput extends CapacityOptions {
  /** The zones the cells may use (at least 2, e.g. the BOSH AZ names). */
  readonly availabilityZones: string[];
}

/** The result of {@link planCapacity}. */
export interface CapacityPlan {
  /** expectedApps x instancesPerApp. */
  readonly totalInstances: number;
  /** totalInstances x memoryPerInstanceMb. */
  readonly demandMemoryMb: number;
  /** floor((cellMemoryMb - cellReservedMemoryMb) / memoryPerInstanceMb). */
  readonly instancesPerCell: number;
  /** ceil(totalInstances / instancesPerCell). */
  readonly cellsForDemand: number;
  /** The spare cells added. */
  readonly spareCells: number;
  /** Total cells. */
  readonly cells: number;
  /** Zones used, in the order given. */
  readonly availabilityZones: string[];
  /** Cells per zone (equal in every zone). */
  readonly cellsPerZone: { [zone: string]: number };
}

function requireInt(prop: string, value: number, min: number, allowed: string): void {
  if (!Number.isInteger(value) || value < min) throw E.capacityInput(prop, value, allowed);
}

/**
 * Plans the Diego cells of a segment.
 *
 * Formula:
 * - `totalInstances = expectedApps * instancesPerApp`
 * - `instancesPerCell = floor((cellMemoryMb - cellReservedMemoryMb) / memoryPerInstanceMb)` (whole
 *   instances: memory is not shared across cells)
 * - `cellsForDemand = ceil(totalInstances / instancesPerCell)`
 * - `cells = max(cellsForDemand + spareCells, 2, zones)`, then rounded up to a multiple of the zone
 *   count so every zone holds the same number of cells
 *
 * So the demand still fits after `spareCells` cells are lost, there are at least 2 cells, and they
 * span at least 2 zones.
 *
 * @example
 * planCapacity({ expectedApps: 40, availabilityZones: ["z1", "z2"] }).cells; // 40*2 inst / 30 per cell = 3, +1 = 4
 */
export function planCapacity(input: CapacityInput): CapacityPlan {
  const instancesPerApp = input.instancesPerApp ?? 2;
  const memoryPerInstanceMb = input.memoryPerInstanceMb ?? 1024;
  const cellMemoryMb = input.cellMemoryMb ?? 32768;
  const cellReservedMemoryMb = input.cellReservedMemoryMb ?? 2048;
  const spareCells = input.spareCells ?? 1;

  requireInt("expectedApps", input.expectedApps, 0, "a whole number, 0 or more");
  requireInt("instancesPerApp", instancesPerApp, 1, "a whole number, 1 or more");
  requireInt("memoryPerInstanceMb", memoryPerInstanceMb, 1, "a whole number of MB, 1 or more");
  requireInt("cellMemoryMb", cellMemoryMb, 1, "a whole number of MB, 1 or more");
  requireInt("cellReservedMemoryMb", cellReservedMemoryMb, 0, "a whole number of MB below cellMemoryMb");
  requireInt("spareCells", spareCells, 1, "1 or more (N+1)");
  const zones = input.availabilityZones;
  if (zones.length < 2 || new Set(zones).size !== zones.length) {
    throw E.capacityInput("availabilityZones", zones, "at least 2 distinct zones");
  }
  const usable = cellMemoryMb - cellReservedMemoryMb;
  const instancesPerCell = Math.floor(usable / memoryPerInstanceMb);
  if (instancesPerCell < 1)
    throw E.capacityInstanceTooLarge("memoryPerInstanceMb", memoryPerInstanceMb, cellMemoryMb);

  const totalInstances = input.expectedApps * instancesPerApp;
  const cellsForDemand = Math.ceil(totalInstances / instancesPerCell);
  const minimum = Math.max(cellsForDemand + spareCells, 2, zones.length);
  const cells = Math.ceil(minimum / zones.length) * zones.length;
  const cellsPerZone: { [zone: string]: number } = {};
  for (const z of zones) cellsPerZone[z] = cells / zones.length;
  return {
    totalInstances,
    demandMemoryMb: totalInstances * memoryPerInstanceMb,
    instancesPerCell,
    cellsForDemand,
    spareCells,
    cells,
    availabilityZones: [...zones],
    cellsPerZone,
  };
}
