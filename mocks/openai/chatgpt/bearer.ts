import { HttpResponse } from "msw";

/** chatgpt.com wants the ChatGPT access token as a bearer token; anything else is 401. */
export const hasBearer = (request: Request) => /^Bearer\s+\S+/.test(request.headers.get("authorization") ?? "");

export const unauthorized = () => HttpResponse.json({ detail: "Unauthorized" }, { status: 401 });
