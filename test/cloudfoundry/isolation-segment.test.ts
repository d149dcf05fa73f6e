import { Testing } from "cdktf";
import {
  IsolationSegment,
  IsolationSegmentEntitlement,
  isValidIsolationSegmentName,
} from "../../lib/cloudfoundry/isolation-segment";
import { Org, Space } from "../../lib/cloudfoundry/org-space";
import { IsolationSegment as CfSegment } from "../../gen/providers/cloudfoundry/isolation-segment";
import { IsolationSegmentEntitlement as CfEntitlement } from "../../gen/providers/cloudfoundry/isolation-segment-entitlement";
import { Space as CfSpace } from "../../gen/providers/cloudfoundry/space";
import { newStack, only, synthChecked } from "./helpers";

const ORG_GUID = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const SPACE_GUID = "e6886bba-e263-4b52-aaf1-85d410f15fc8";

describe("IsolationSegment", () => {
  describe("GIVEN a segment entitled to an org looked up by name, with a managed space", () => {
    const stack = newStack();
    const org = Org.fromOrgName(stack, "Org", "agency-prod");
    const segment = new IsolationSegment(stack, "Segment", { name: "agency-prod", orgs: [org] });
    new Space(stack, "App", { org, name: "app", isolationSegment: segment });
    const { json, text } = synthChecked(stack);

    test("THEN the segment is named after the placement tag", () => {
      expect(text).toHaveResourceWithProperties(CfSegment, { name: "agency-prod" });
    });
    test("THEN the entitlement lists the org and leaves the default alone", () => {
      const e = only(json, "cloudfoundry_isolation_segment_entitlement");
      expect(e.orgs).toEqual(["${data.cloudfoundry_org.Org.id}"]);
      expect(e.segment).toMatch(/^\$\{cloudfoundry_isolation_segment\..*\.id\}$/);
      expect(e).not.toHaveProperty("default");
    });
    test("THEN the space joins the segment and depends on the entitlement", () => {
      const space = only(json, "cloudfoundry_space");
      expect(space.isolation_segment).toMatch(/^\$\{cloudfoundry_isolation_segment\..*\.id\}$/);
      expect(space.depends_on).toEqual([
        expect.stringMatching(/^cloudfoundry_isolation_segment_entitlement\./),
      ]);
      expect(space).not.toHaveProperty("lifecycle");
    });
  });

  test("defaultForOrgs true sets the orgs' default", () => {
    const stack = newStack();
    new IsolationSegment(stack, "Segment", {
      name: "seg",
      orgs: [Org.fromOrgId(stack, "Org", ORG_GUID)],
      defaultForOrgs: true,
    });
    expect(synthChecked(stack).text).toHaveResourceWithProperties(CfEntitlement, {
      default: true,
      orgs: [ORG_GUID],
    });
  });

  test("defaultForOrgs false clears it explicitly", () => {
    const stack = newStack();
    new IsolationSegment(stack, "Segment", {
      name: "seg",
      orgs: [Org.fromOrgId(stack, "Org", ORG_GUID)],
      defaultForOrgs: false,
    });
    expect(synthChecked(stack).text).toHaveResourceWithProperties(CfEntitlement, { default: false });
  });

  test("addOrg entitles orgs added later, once each", () => {
    const stack = newStack();
    const org = new Org(stack, "Org", { name: "agency" });
    const segment = new IsolationSegment(stack, "Segment", { name: "seg" });
    segment.addOrg(org);
    segment.addOrg(org);
    segment.addOrg(Org.fromOrgId(stack, "Other", ORG_GUID));
    const e = only(synthChecked(stack).json, "cloudfoundry_isolation_segment_entitlement");
    expect(e.orgs).toEqual([expect.stringMatching(/^\$\{cloudfoundry_org\..*\.id\}$/), ORG_GUID]);
  });

  test("importFrom adopts an existing segment with an import block", () => {
    const stack = newStack();
    new IsolationSegment(stack, "Segment", {
      name: "seg",
      orgs: [Org.fromOrgId(stack, "Org", ORG_GUID)],
      importFrom: SPACE_GUID,
    });
    const { json } = synthChecked(stack);
    expect(JSON.stringify(json.import)).toContain(SPACE_GUID);
  });

  test("a segment referenced by name is looked up and its spaces get no dependency", () => {
    const stack = newStack();
    const seg = IsolationSegment.fromIsolationSegmentName(stack, "Shared", "shared-seg");
    new Space(stack, "App", {
      org: Org.fromOrgId(stack, "Org", ORG_GUID),
      name: "app",
      isolationSegment: seg,
    });
    const { json } = synthChecked(stack);
    expect(only(json, "cloudfoundry_isolation_segment", true)).toEqual({ name: "shared-seg" });
    expect(only(json, "cloudfoundry_space")).not.toHaveProperty("depends_on");
  });

  test("a segment imported by attributes creates nothing", () => {
    const stack = newStack();
    const seg = IsolationSegment.fromIsolationSegmentAttributes(stack, "Seg", {
      isolationSegmentId: SPACE_GUID,
      isolationSegmentName: "seg",
    });
    expect(seg.isolationSegmentId).toBe(SPACE_GUID);
    expect(Testing.synth(stack)).not.toContain("cloudfoundry_isolation_segment");
  });

  test("IsolationSegmentEntitlement entitles an imported segment and orders its spaces", () => {
    const stack = newStack();
    const org = Org.fromOrgId(stack, "Org", ORG_GUID);
    const seg = IsolationSegment.fromIsolationSegmentAttributes(stack, "Seg", {
      isolationSegmentId: SPACE_GUID,
      isolationSegmentName: "seg",
    });
    const entitled = new IsolationSegmentEntitlement(stack, "Entitled", { segment: seg, orgs: [org] });
    new Space(stack, "App", { org, name: "app", isolationSegment: entitled });
    const { json, text } = synthChecked(stack);
    expect(text).toHaveResourceWithProperties(CfEntitlement, { segment: SPACE_GUID, orgs: [ORG_GUID] });
    expect(text).toHaveResourceWithProperties(CfSpace, { isolation_segment: SPACE_GUID });
    expect(only(json, "cloudfoundry_space").depends_on).toEqual([
      expect.stringMatching(/^cloudfoundry_isolation_segment_entitlement\./),
    ]);
  });

  test("snapshot (required props only)", () => {
    const stack = newStack();
    new IsolationSegment(stack, "Segment", {
      name: "agency-prod",
      orgs: [Org.fromOrgId(stack, "Org", ORG_GUID)],
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  describe("validation", () => {
    test.each(["a", "agency-prod", "seg_1", "x".repeat(63)])("accepts the name %s", (n) =>
      expect(isValidIsolationSegmentName(n)).toBe(true),
    );
    test.each(["", "Agency", "-seg", "seg-", "seg name", "seg.prod", "x".repeat(64), "sëg"])(
      "fails when the name is %j (name)",
      (n) => {
        expect(() => new IsolationSegment(newStack(), "S", { name: n })).toThrow(/`name`/);
      },
    );
    test("fails when the segment is entitled to no org (orgs), at synth", () => {
      const stack = newStack();
      new IsolationSegment(stack, "Segment", { name: "lonely" });
      const errors = stack.node.findAll().flatMap((c) => c.node.validate());
      expect(errors.join("\n")).toMatch(/PE-CF-020.*`orgs`.*lonely is entitled to no org/);
    });
    test("fails when a space's org is not entitled (isolationSegment), at synth", () => {
      const stack = newStack();
      const segment = new IsolationSegment(stack, "Segment", {
        name: "seg",
        orgs: [Org.fromOrgId(stack, "Org", ORG_GUID)],
      });
      new Space(stack, "App", {
        org: Org.fromOrgId(stack, "Other", SPACE_GUID),
        name: "app",
        isolationSegment: segment,
      });
      const errors = stack.node.findAll().flatMap((c) => c.node.validate());
      expect(errors.join("\n")).toMatch(/`isolationSegment` seg is not entitled/);
    });
    test("fails when importFrom is not a GUID (importFrom)", () => {
      expect(() => new IsolationSegment(newStack(), "S", { name: "seg", importFrom: "seg" })).toThrow(
        /`importFrom` seg is not a GUID/,
      );
    });
    test("fails when an imported segment id is not a GUID (isolationSegmentId)", () => {
      expect(() =>
        IsolationSegment.fromIsolationSegmentAttributes(newStack(), "S", {
          isolationSegmentId: "x",
          isolationSegmentName: "seg",
        }),
      ).toThrow(/`isolationSegmentId`/);
    });
    test("fails when an entitlement lists no org (orgs)", () => {
      const stack = newStack();
      const seg = IsolationSegment.fromIsolationSegmentAttributes(stack, "Seg", {
        isolationSegmentId: SPACE_GUID,
        isolationSegmentName: "seg",
      });
      expect(() => new IsolationSegmentEntitlement(stack, "E", { segment: seg, orgs: [] })).toThrow(/`orgs`/);
    });
  });
});
