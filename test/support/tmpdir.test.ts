import * as os from "os";

test("tests run in the run's own temp directory (jest globalSetup), removed after the run", () => {
  expect(process.env.PE_JEST_TMPDIR).toMatch(/[\\/]pe-jest-[^\\/]+$/);
  expect(os.tmpdir()).toBe(process.env.PE_JEST_TMPDIR);
});
