/**
 * The dedicated cells' BOSH artifacts are staged in a private temp directory (mkdtemp, mode 0700),
 * never through a predictable path in the shared temp directory where another user could plant a
 * symlink that the synth would write through.
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

function cells(): DedicatedCells {
  const stack = newStack();
  const segment = new IsolationSegment(stack, "Segment", {
    name: "staging-probe",
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

test("stages each synth's artifacts in its own private directory, not a shared predictable one", () => {
  const a = cells();
  const b = cells();
  expect(a.artifacts.assetHash).toBe(b.artifacts.assetHash);
  expect(stagedFrom(a)).not.toBe(stagedFrom(b));
  for (const dir of [stagedFrom(a), stagedFrom(b)]) {
    expect(path.dirname(dir)).toBe(os.tmpdir());
    if (process.platform !== "win32") expect(fs.statSync(dir).mode & 0o077).toBe(0);
    expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
  }
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
