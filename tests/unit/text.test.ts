import { describe, expect, it } from "vitest";
import { nombreEnClair } from "../../src/domain/text";

describe("nombreEnClair", () => {
  it("writes thousands apart by a narrow no-break space", () => {
    expect(nombreEnClair(8)).toBe("8");
    expect(nombreEnClair(999)).toBe("999");
    expect(nombreEnClair(2062)).toBe("2\u202f062");
    expect(nombreEnClair(1573247)).toBe("1\u202f573\u202f247");
  });
});
