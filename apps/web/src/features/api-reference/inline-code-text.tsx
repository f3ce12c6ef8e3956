/** Text whose `backticked` words (as OpenAPI descriptions write code) render as code. */
export function InlineCodeText({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, index) =>
    index % 2 === 1 ? (
      <code key={`${index}-${part}`} className="font-mono text-xs">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
