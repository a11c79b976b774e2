/**
 * Helpers for the connectors' fuzz targets: the contract every inbound route keeps under abuse
 * ({@link io.qabot.connectors.fuzz.RouteContract}) and requests shaped as the server delivers
 * them ({@link io.qabot.connectors.fuzz.FuzzRequests}). A platform decoder's target is one
 * {@code *FuzzTest} class beside its connector's tests plus a folder of real payloads as seeds;
 * see docs/fuzzing.md.
 */
package io.qabot.connectors.fuzz;
