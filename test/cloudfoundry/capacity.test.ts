import fc from "fast-check";
import { planCapacity } from "../../lib/cloudfoundry/capacity";

const zones = ["z1", "z2"];

describe("planCapacity", () => {
  test("the seed: 40 apps x 2 instances x 1 GB on 32 GB cells -> 3 for demand + 1 spare = 4", () => {
    expect(planCapacity({ expectedApps: 40, availabilityZones: zones })).toEqual({
      totalInstances: 80,
      demandMemoryMb: 81920,
      instancesPerCell: 30,
      cellsForDemand: 3,
      spareCells: 1,
      cells: 4,
      availabilityZones: zones,
      cellsPerZone: { z1: 2, z2: 2 },
    });
  });
  test("no apps still gives 2 cells across 2 zones", () => {
    expect(planCapacity({ expectedApps: 0, availabilityZones: zones }).cellsPerZone).toEqual({
      z1: 1,
      z2: 1,
    });
  });
  test("cells are rounded up to a multiple of the zones", () => {
    expect(planCapacity({ expectedApps: 10, availabilityZones: ["a", "b", "c"] }).cells).toBe(3);
    expect(planCapacity({ expectedApps: 100, availabilityZones: ["a", "b", "c"] }).cells).toBe(9); // 200/30=7 +1 = 8 -> 9
  });
  test("every override is used", () => {
    const p = planCapacity({
      expectedApps: 10,
      instancesPerApp: 3,
      memoryPerInstanceMb: 2048,
      cellMemoryMb: 16384,
      cellReservedMemoryMb: 0,
      spareCells: 2,
      availabilityZones: zones,
    });
    expect(p).toMatchObject({
      totalInstances: 30,
      instancesPerCell: 8,
      cellsForDemand: 4,
      spareCells: 2,
      cells: 6,
    });
  });
  test("fails when fewer than 2 zones are given (availabilityZones)", () =>
    expect(() => planCapacity({ expectedApps: 1, availabilityZones: ["z1"] })).toThrow(
      /`availabilityZones`/,
    ));
  test("fails when a zone is repeated (availabilityZones)", () =>
    expect(() => planCapacity({ expectedApps: 1, availabilityZones: ["z1", "z1"] })).toThrow(
      /`availabilityZones`/,
    ));
  test("fails when expectedApps is negative (expectedApps)", () =>
    expect(() => planCapacity({ expectedApps: -1, availabilityZones: zones })).toThrow(/`expectedApps` -1/));
  test("fails when spareCells is 0 (spareCells)", () =>
    expect(() => planCapacity({ expectedApps: 1, spareCells: 0, availabilityZones: zones })).toThrow(
      /`spareCells`/,
    ));
  test("fails when an instance does not fit a cell (memoryPerInstanceMb)", () =>
    expect(() =>
      planCapacity({ expectedApps: 1, memoryPerInstanceMb: 40000, availabilityZones: zones }),
    ).toThrow(/`memoryPerInstanceMb`/));

  test("property: the demand fits after losing the spare cells, the plan is minimal, >= 2 cells over >= 2 zones, balanced", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 64, max: 6144 }),
        fc.integer({ min: 8192, max: 262144 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 4 }),
        (apps, perApp, mem, cellMem, spare, zoneCount) => {
          const az = Array.from({ length: zoneCount }, (_, i) => `z${i + 1}`);
          const p = planCapacity({
            expectedApps: apps,
            instancesPerApp: perApp,
            memoryPerInstanceMb: mem,
            cellMemoryMb: cellMem,
            spareCells: spare,
            availabilityZones: az,
          });
          expect((p.cells - spare) * p.instancesPerCell).toBeGreaterThanOrEqual(p.totalInstances);
          if (p.cellsForDemand > 0)
            expect((p.cellsForDemand - 1) * p.instancesPerCell).toBeLessThan(p.totalInstances);
          expect(p.instancesPerCell * mem).toBeLessThanOrEqual(cellMem - 2048);
          expect(p.cells).toBeGreaterThanOrEqual(2);
          expect(p.cells % zoneCount).toBe(0);
          expect(p.cells - zoneCount).toBeLessThan(Math.max(p.cellsForDemand + spare, 2, zoneCount));
          expect(Object.values(p.cellsPerZone).every((n) => n === p.cells / zoneCount && n >= 1)).toBe(true);
        },
      ),
    );
  });
});
