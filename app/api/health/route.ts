import { apiRoute, health, otherMethods } from "@/lib/console";

// GET /api/health – liveness and mode; the one route that needs no sign-in.
export const GET = apiRoute({ role: "public" }, () => Response.json(health()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
