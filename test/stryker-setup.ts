import * as fc from "fast-check";

// Under mutation testing every covering test runs once per mutant: property tests use fewer runs
// (their own explicit numRuns still win).
fc.configureGlobal({ numRuns: 25 });
