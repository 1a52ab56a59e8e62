package dev.anchor.system.trust;

/**
 * One generated request.
 *
 * @param refuse   the input is certainly wrong: the service must answer 4xx (and write nothing)
 * @param expected the exact status the conventions promise (401 for a bad token, 403 for a wrong role), or 0
 */
record BadRequest(ApiOperation operation, String mutation, boolean refuse, int expected, RawHttp.Request request) {
}
