/** A clock that returns the current time; tests and in-browser demos pass their own. */
export type Clock = () => Date;

/** The default clock: the system time. */
export const systemClock: Clock = () => new Date();

/**
 * The name of the SQL function that returns the current time of the database's clock as an
 * ISO 8601 string in UTC. Each database wrapper defines it from the clock it is opened with.
 * A query that depends on the time, such as whether a replaced auth token is still in its grace
 * period, then follows the same clock as the service, provided the database is opened with the
 * clock that `createApp` gets.
 */
export const SERVICE_NOW_FUNCTION = 'service_now';
