/** `a, b,,c` → ["a", "b", "c"]: how every option that takes several values is read. */
export const commaList = (text: string): string[] => text.split(",").map((item) => item.trim()).filter(Boolean);
