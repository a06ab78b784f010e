// Graph's limits on one provisionOnDemand call, in a module without schema code so pages can import it.

/** Graph accepts one group with at most five members per provisionOnDemand call. */
export const MAX_GROUP_MEMBERS = 5;
