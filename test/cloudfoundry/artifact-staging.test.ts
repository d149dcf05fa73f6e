/**
 * The dedicated cells' BOSH artifacts are staged in a private temp directory (mkdtemp, mode 0700,
 * one per process, removed when it exits: test/cli/cdktf-synth.test.ts), never through a predictable
 * path in the shared temp directory where another user could plant a symlink that the synth would
 * write through.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ControlPlaneRole } from "../../lib/aws/cell-ports";
import { BaseCell } from "../../lib/cloudfoundry/base-cell";
import { DedicatedCells } from "../../lib/cloudfoundry/dedicated-cells";
import { IsolationSegment } from "../../lib/cloudfoundry/isolation-segment";
import { Org } from "../../lib/cloudfoundry/org-space";
import { newStack } from "./helpers";

const SUBNETS = [
  {
    availabilityZone: "us-gov-west-1a",
    subnetId: "subnet-aaa",
    cidrBlock: "10.40.16.0/22",
    gateway: "10.40.16.1",
    reservedRanges: ["10.40.16.0-10.40.16.3", "10.40.19.255"],
  },
  {
    availabilityZone: "us-gov-west-1b",
    subnetId: "subnet-bbb",
    cidrBlock: "10.40.20.0/22",
    gateway: "10.40.20.1",
    reservedRanges: ["10.40.20.0-10.40.20.3", "10.40.23.255"],
  },
];

function cells(name = "staging-probe"): DedicatedCells {
  const stack = newStack();
  const segment = new IsolationSegment(stack, "Segment", {
    name,
    orgs: [Org.fromOrgId(stack, "Org", "3bc20dc4-1870-4835-8308-dda2d766e61e")],
  });
  return new DedicatedCells(stack, "Cells", {
    segment,
    subnets: SUBNETS,
    capacity: { expectedApps: 40 },
    cellSecurityGroup: {
      securityGroupId: "sg-0123456789abcdef0",
      controlPlaneRoles: [
        ControlPlaneRole.BOSH_DIRECTOR,
        ControlPlaneRole.SHARED_COMPONENTS,
        ControlPlaneRole.DIEGO_BBS,
      ],
    },
    baseCell: BaseCell.fromFile(path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml")),
  });
}

/** The directory the asset was staged from (TerraformAsset keeps it private). */
function stagedFrom(c: DedicatedCells): string {
  return (c.artifacts as unknown as { sourcePath: string }).sourcePath;
}

test("stages artifacts inside one private directory per process, one directory per content", () => {
  const a = cells();
  const b = cells();
  // the same files: staged once, shared
  expect(a.artifacts.assetHash).toBe(b.artifacts.assetHash);
  expect(stagedFrom(a)).toBe(stagedFrom(b));
  const root = path.dirname(stagedFrom(a));
  // the root: an unpredictable name made by mkdtemp in the temp directory, private to its owner
  expect(path.dirname(root)).toBe(os.tmpdir());
  expect(path.basename(root)).toMatch(/^cdktf-private-egress-artifacts-.{6}$/);
  if (process.platform !== "win32") {
    expect(fs.statSync(root).mode & 0o077).toBe(0);
    expect(fs.statSync(stagedFrom(a)).mode & 0o077).toBe(0);
  }
  expect(path.basename(stagedFrom(a))).toBe(a.artifacts.assetHash);
  expect(fs.readdirSync(stagedFrom(a)).sort()).toEqual(["cloud-config.yml", "ops-file.yml"]);
  // other files: another directory in the same root
  const other = cells("staging-other");
  expect(other.artifacts.assetHash).not.toBe(a.artifacts.assetHash);
  expect(path.dirname(stagedFrom(other))).toBe(root);
  expect(fs.readFileSync(path.join(stagedFrom(other), "ops-file.yml"), "utf8")).toContain("staging-other");
});

test("a symlink planted at the old predictable path is not written through", () => {
  const hash = cells().artifacts.assetHash;
  const predictable = path.join(os.tmpdir(), "cdktf-private-egress-artifacts", hash);
  const victimDir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-victim-"));
  const victim = path.join(victimDir, "victim.txt");
  fs.writeFileSync(victim, "untouched");
  fs.mkdirSync(predictable, { recursive: true });
  const names = fs.readdirSync(stagedFrom(cells()));
  for (const name of names) {
    fs.rmSync(path.join(predictable, name), { force: true });
    fs.symlinkSync(victim, path.join(predictable, name));
  }
  try {
    cells();
    expect(fs.readFileSync(victim, "utf8")).toBe("untouched");
  } finally {
    fs.rmSync(predictable, { recursive: true, force: true });
    fs.rmSync(victimDir, { recursive: true, force: true });
  }
});

test("a failed write leaves no half-staged directory for the next cell with the same files", () => {
  // the library reads `fs` once when loaded: patch the real module, then load a fresh copy of it
  const realFs = jest.requireActual<typeof fs>("fs");
  const write = realFs.writeFileSync;
  let failing = true;
  realFs.writeFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (failing && String(file).endsWith("cloud-config.yml")) {
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    }
    return (write as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof fs.writeFileSync;
  try {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { Testing, TerraformStack } = require("cdktf") as typeof import("cdktf");
      const isolated = {
        cells:
          require("../../lib/cloudfoundry/dedicated-cells") as typeof import("../../lib/cloudfoundry/dedicated-cells"),
        segment:
          require("../../lib/cloudfoundry/isolation-segment") as typeof import("../../lib/cloudfoundry/isolation-segment"),
        org: require("../../lib/cloudfoundry/org-space") as typeof import("../../lib/cloudfoundry/org-space"),
        base: require("../../lib/cloudfoundry/base-cell") as typeof import("../../lib/cloudfoundry/base-cell"),
        ports: require("../../lib/aws/cell-ports") as typeof import("../../lib/aws/cell-ports"),
      };
      /* eslint-enable @typescript-eslint/no-require-imports */
      const make = () => {
        const stack = new TerraformStack(Testing.app(), "test");
        return new isolated.cells.DedicatedCells(stack, "Cells", {
          segment: new isolated.segment.IsolationSegment(stack, "Segment", {
            name: "staging-failure-probe",
            orgs: [isolated.org.Org.fromOrgId(stack, "Org", "3bc20dc4-1870-4835-8308-dda2d766e61e")],
          }),
          subnets: SUBNETS,
          capacity: { expectedApps: 40 },
          cellSecurityGroup: {
            securityGroupId: "sg-0123456789abcdef0",
            controlPlaneRoles: [
              isolated.ports.ControlPlaneRole.BOSH_DIRECTOR,
              isolated.ports.ControlPlaneRole.SHARED_COMPONENTS,
              isolated.ports.ControlPlaneRole.DIEGO_BBS,
            ],
          },
          baseCell: isolated.base.BaseCell.fromFile(
            path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml"),
          ),
        });
      };
      // WHEN the second file cannot be written
      expect(() => make()).toThrow(/ENOSPC/);
      failing = false;
      // THEN a later cell with the same files finds no half directory and stages both files
      const cells = make();
      const dir = stagedFrom(cells);
      expect(fs.readdirSync(dir).sort()).toEqual(["cloud-config.yml", "ops-file.yml"]);
      expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith(".partial-"))).toEqual([]);
    });
  } finally {
    realFs.writeFileSync = write;
  }
});

test("a staging directory removed by someone else is made again", () => {
  const first = cells("staging-removed-probe-a");
  fs.rmSync(path.dirname(stagedFrom(first)), { recursive: true, force: true });
  const next = cells("staging-removed-probe-b");
  expect(fs.readdirSync(stagedFrom(next)).sort()).toEqual(["cloud-config.yml", "ops-file.yml"]);
});
