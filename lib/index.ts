// Re-exports only.
export * from "./checks/provider-schema";
