import { anthropicService } from "./anthropic/service.ts";
import { npmRegistryService } from "./npm-registry/service.ts";
import { openaiService } from "./openai/service.ts";
import type { UpstreamHost } from "./edge/upstream-host.ts";
import type { ApiKeyKind } from "./api-keys.ts";
import type { ServiceDefinition } from "./upstream-service.ts";

/**
 * Every remote service the world plays. A host listed nowhere here gets NXDOMAIN at once (and a
 * journal entry): that is how the world says "not served".
 */
export const serviceCatalog: readonly ServiceDefinition[] = [openaiService, anthropicService, npmRegistryService];

/** Every served host, with its address inside the SUT's namespace. */
export const servedHosts = (services: readonly ServiceDefinition[] = serviceCatalog): UpstreamHost[] => services.flatMap((service) => service.hosts);

/** Every kind of API key a person can hold at a served provider. */
export const apiKeyKinds = (services: readonly ServiceDefinition[] = serviceCatalog): ApiKeyKind[] => services.flatMap((service) => service.apiKeys ?? []);
