import { crc32, deflateSync } from "node:zlib";
import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { ApiKeys } from "../../api-keys.ts";
import { base, invalidRequest, modelNotFound, refusal } from "./refusal.ts";

/** The image models the docs of both versions name (generation, and 2026.9's edit example). */
export const IMAGE_MODELS = ["gpt-image-1.5", "gpt-image-2.5-flare", "gpt-image-2.5-sunburst"];

/** One PNG chunk: length, type, data and the CRC over type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 transparent PNG: a real image file any viewer opens, whatever the prompt asked for. */
function pngPixel(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const scanline = Buffer.from([0, 0, 0, 0, 0]); // filter byte, then one transparent pixel
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(scanline)), chunk("IEND", Buffer.alloc(0))]);
}

const PNG_PIXEL = pngPixel();

/** A 1×1 lossless WebP (the image Modernizr probes WebP support with). */
const WEBP_PIXEL = Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");

/** The image in the format the request asked for, as the real API encodes it. */
function encoded(format: string): Buffer {
  if (format === "png") return PNG_PIXEL;
  if (format === "webp") return WEBP_PIXEL;
  // A fault of the mock, not an answer OpenClaw could be judged on: the run reports it as broken.
  throw new Error(`the Images API mock encodes png and webp only; the request asked for ${format}`);
}

const GenerationRequest = z.object({ model: z.string(), prompt: z.string().min(1), output_format: z.string().default("png") }).loose();

/** The Images API's answer: gpt-image models return base64 images, never URLs. */
function images(modelId: string, format: string): Response {
  if (!IMAGE_MODELS.includes(modelId)) return modelNotFound(modelId);
  return HttpResponse.json({
    created: Math.floor(Date.now() / 1000),
    data: [{ b64_json: encoded(format).toString("base64") }],
    background: "transparent", output_format: format, quality: "low", size: "1024x1024",
    usage: { input_tokens: 12, output_tokens: 272, total_tokens: 284, input_tokens_details: { text_tokens: 12, image_tokens: 0 } },
  });
}

/** Image generation (JSON) and editing (multipart, with the reference image) for an issued key. */
export function imageHandlers(keys: ApiKeys) {
  return [
    http.post(`${base}/images/generations`, async ({ request }) => {
      const refused = refusal(request, keys);
      if (refused) return refused;
      const body = GenerationRequest.safeParse(await request.json().catch(() => undefined));
      return body.success ? images(body.data.model, body.data.output_format) : invalidRequest("invalid images request body: model and prompt are required");
    }),
    http.post(`${base}/images/edits`, async ({ request }) => {
      const refused = refusal(request, keys);
      if (refused) return refused;
      const form = await request.formData().catch(() => undefined);
      const model = form?.get("model");
      const image = form?.get("image") ?? form?.get("image[]");
      if (typeof model !== "string" || !form?.get("prompt") || !(image instanceof Blob)) return invalidRequest("invalid images edit body: model, prompt and image are required");
      const format = form.get("output_format");
      return images(model, typeof format === "string" ? format : "png");
    }),
  ];
}
