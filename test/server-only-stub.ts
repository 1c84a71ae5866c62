// Test stand-in for the 'server-only' marker (which throws outside Next's server bundles).
export {};
