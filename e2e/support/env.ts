/**
 * The test's environment without what slows every Node process it starts: NODE_EXTRA_CA_CERTS (set on these
 * machines) doubles Node's start-up, and the host starts a simulator process for every orbctl call.
 */
export function quickEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
