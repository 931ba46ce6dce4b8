import { parseMarkdown, type Inline, type MarkdownBlock } from "@innbox/protocol/markdown";
import type { ComponentChildren } from "preact";

// The manager's Markdown drawn as elements: text is always text, links only go where
// safeHref() allows, so nothing written in the editor can run on a guest's phone.

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "break":
        return <br key={i} />;
      case "strong":
        return <strong key={i}>{inline(node.children)}</strong>;
      case "em":
        return <em key={i}>{inline(node.children)}</em>;
      case "code":
        return <code key={i}>{node.text}</code>;
      case "link": {
        const external = /^https?:/.test(node.href);
        return (
          <a key={i} href={node.href} {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}>
            {inline(node.children)}
          </a>
        );
      }
    }
  });
}

function block(node: MarkdownBlock, i: number) {
  switch (node.type) {
    case "heading":
      return <h3 key={i}>{inline(node.children)}</h3>;
    case "paragraph":
      return <p key={i}>{inline(node.children)}</p>;
    case "list": {
      const items = node.items.map((item, j) => <li key={j}>{inline(item)}</li>);
      return node.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
  }
}

export function Markdown({ source }: { source: string }) {
  return <div class="markdown">{parseMarkdown(source).map(block)}</div>;
}

/** Plain text with its line breaks: a blank line starts a new paragraph. */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
