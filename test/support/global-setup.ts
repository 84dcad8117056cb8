/**
 * Runs once before the test workers start. Environment set here reaches every
 * worker, which matters for variables Node reads only at start-up, such as
 * NODE_EXTRA_CA_CERTS.
 */
export default async function setup(): Promise<void> {}
