// Jest ignores `testTimeout` inside a project's configuration: set here, it applies to every
// integration test and hook that names no timeout of its own.
jest.setTimeout(60_000);
