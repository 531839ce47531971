import { getResponse } from "msw";
import { describe, expect, test } from "vitest";
import { ApiKeys } from "../../mocks/api-keys.ts";
import { platformHandlers } from "../../mocks/openai/platform/handlers.ts";
import { OPENAI_API_KEY_KIND } from "../../mocks/openai/platform/refusal.ts";

// api.openai.com's Images API as the docs' `openclaw infer image` commands call it: handlers only.
const keys = new ApiKeys([{ name: OPENAI_API_KEY_KIND, prefix: "sk-proj-", length: 32 }]);
const key = keys.issue(OPENAI_API_KEY_KIND);
const handlers = platformHandlers(keys);
const generate = (body: object, bearer = key) =>
  getResponse(handlers, new Request("https://api.openai.com/v1/images/generations", { method: "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: JSON.stringify(body) }));

describe("the Images API mock", () => {
  test("a generation returns a real PNG, base64", async () => {
    const response = await generate({ model: "gpt-image-1.5", prompt: "A simple red circle sticker", background: "transparent", output_format: "png" });
    expect(response?.status).toBe(200);
    const png = Buffer.from((await response!.json()).data[0].b64_json, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  });
  test("the image comes in the format asked for; one the mock cannot encode is its own fault, never an answer", async () => {
    const webp = Buffer.from((await (await generate({ model: "gpt-image-2.5-flare", prompt: "x", output_format: "webp" }))!.json()).data[0].b64_json, "base64");
    expect(webp.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(webp.subarray(8, 12).toString("latin1")).toBe("WEBP");
    await expect(generate({ model: "gpt-image-1.5", prompt: "x", output_format: "jpeg" })).rejects.toThrow(/png and webp only/);
  });
  test("a key this world did not issue is refused, as OpenAI refuses it", async () => {
    expect((await generate({ model: "gpt-image-1.5", prompt: "x" }, "sk-proj-not-issued-here-000000000000"))?.status).toBe(401);
  });
  test("an unknown model is a 404, a missing prompt a 400", async () => {
    expect((await generate({ model: "dall-e-9", prompt: "x" }))?.status).toBe(404);
    expect((await generate({ model: "gpt-image-1.5" }))?.status).toBe(400);
  });
  test("an edit takes the reference image as multipart", async () => {
    const form = new FormData();
    form.set("model", "gpt-image-2.5-sunburst");
    form.set("prompt", "Keep the subject");
    form.set("image", new Blob([Buffer.from("png")], { type: "image/png" }), "reference.png");
    const response = await getResponse(handlers, new Request("https://api.openai.com/v1/images/edits", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form }));
    expect(response?.status).toBe(200);
  });
});
