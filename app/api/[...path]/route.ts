import { ApiError } from "@/lib/api";
import { apiRoute } from "@/lib/console";

// Any /api path no route claims, by any method: the one error shape, never Next's HTML 404 page.
const notFound = apiRoute({ role: "public" }, ({ request }) => {
  throw new ApiError("not_found", `No API route answers ${request.method} ${request.nextUrl.pathname}.`);
});

export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
