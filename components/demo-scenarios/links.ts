/** The guided demo's page. */
export const DEMO_SCENARIOS_HREF = "/demo";
