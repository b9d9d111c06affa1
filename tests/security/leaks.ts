/**
 * Signs that internals reached a client: stack frames, source locations, dependency paths, or the
 * names of JavaScript and driver error classes. No response body may match.
 */
export const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\/node_modules\/|\.[cm]?[jt]s:\d+:\d+|Neo4jError|TypeError|RangeError|ReferenceError/;
