import type { MetadataRoute } from "next";

// A console for one organisation's admins: no search engine lists its pages. Answered per request
// rather than prerendered, so it is also what `npm run bench` takes as the framework's floor: a
// Next.js route handler doing nothing of the console's.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: "/" } };
}
