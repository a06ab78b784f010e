// The bulk contract's limits without the schema library, for modules the browser loads.

/** Most objects (provisionOnDemand calls) in one bulk run. */
export const MAX_BULK_OBJECTS = 10_000;
