import { describe, expect, it } from "vitest";
import { sanitiseSvg, UnsafeSvgError } from "./svg-sanitiser.js";

const wrap = (inner: string, attrs = "") => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>${inner}</svg>`;

describe("sanitiseSvg", () => {
  it("keeps shapes, gradients, text and their presentation attributes as they were", () => {
    const source = wrap(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
        '<rect x="1" y="1" width="8" height="8" fill="url(#g)" rx="1"/><text x="1" y="9" font-size="2">Hotel &amp; Spa</text>',
    );
    const { svg, cleaned } = sanitiseSvg(source);
    expect(cleaned).toBe(false);
    expect(svg).toContain('<rect x="1" y="1" width="8" height="8" fill="url(#g)" rx="1">');
    expect(svg).toContain("Hotel &amp; Spa");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 10 10">/);
  });

  it("drops scripts, event handlers, foreignObject and animation, with everything inside them", () => {
    const source = wrap(
      '<script>alert(1)</script><script><![CDATA[alert(2)]]></script>' +
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(3)</script></div></foreignObject>' +
        '<circle cx="5" cy="5" r="4" onclick="alert(4)" ONMOUSEOVER="alert(5)"><set attributeName="onmouseover" to="alert(6)"/></circle>' +
        '<animate attributeName="href" to="javascript:alert(7)"/>',
      ' onload="alert(8)"',
    );
    const { svg, cleaned } = sanitiseSvg(source);
    expect(cleaned).toBe(true);
    expect(svg).not.toMatch(/script|alert|onload|onclick|onmouseover|foreignObject|<set|<animate/i);
    expect(svg).toContain('<circle cx="5" cy="5" r="4"></circle>');
  });

  it("drops links out of the file and javascript: addresses, keeps links inside it", () => {
    const source = wrap(
      '<a href="https://evil.example"><rect width="1" height="1"/></a>' +
        '<use href="#logo"/><use xlink:href="javascript:alert(1)"/><use href="https://evil.example/x.svg#a"/>' +
        '<image href="data:image/png;base64,AAAA"/><rect fill="url(https://evil.example/x)" width="2" height="2"/>' +
        '<path d="M0 0" style="fill: url(&quot;https://evil.example&quot;)"/><path d="M1 1" style="fill:red"/>',
      ' xmlns:xlink="http://www.w3.org/1999/xlink"',
    );
    const { svg } = sanitiseSvg(source);
    expect(svg).not.toMatch(/evil|javascript|data:|<a |<image/);
    expect(svg).toContain('<use href="#logo">');
    expect(svg).toContain('style="fill:red"');
  });

  it("keeps what a link or Illustrator's <switch> wraps, without the wrapper", () => {
    const source = wrap(
      '<switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/"><p>pgf</p></foreignObject>' +
        '<g><a href="javascript:alert(1)"><path d="M0 0h4v4z" fill="#123456"/></a></g></switch>',
    );
    const { svg, cleaned } = sanitiseSvg(source);
    expect(cleaned).toBe(true);
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><path d="M0 0h4v4z" fill="#123456"></path></g></svg>');
  });

  it("drops a style sheet that imports or fetches, keeps a plain one", () => {
    expect(sanitiseSvg(wrap("<style>@import url(https://evil.example/a.css);</style><rect/>")).svg).not.toMatch(/style|evil/);
    expect(sanitiseSvg(wrap("<style>.a{background:url('https://evil.example/p.png')}</style>")).svg).not.toMatch(/evil/);
    expect(sanitiseSvg(wrap("<style>.a{fill:#123456}</style>")).svg).toContain("<style>.a{fill:#123456}</style>");
  });

  it("refuses entities, broken XML, and what is not an SVG", () => {
    const entities = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>';
    for (const source of [entities, "<svg><rect></svg>", "<html><body/></html>", "just text", "", wrap("&unknown;")]) {
      expect(() => sanitiseSvg(source), source).toThrow(UnsafeSvgError);
    }
  });
});
