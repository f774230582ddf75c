"""Contract tests: the patched Voice API spec against the sandbox (or any URL), and the client against the spec."""
