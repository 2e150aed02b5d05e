// Values spelled as YAML for the files bvplan writes (update, new, import): plain where
// YAML reads the text back unchanged, quoted where it would not.
#pragma once

#include <string>
#include <string_view>

namespace bvplan {

enum class YamlContext {
  block,  // a value after `key: ` in block style: may become a block scalar
  flow,   // inside `{...}` or `[...]`: `,[]{}` need quotes, no block scalars
};

// The text as a YAML scalar that reads back as exactly that text, as text:
// - plain when it is safe: not empty, no leading or trailing space, no `: ` or ` #`, no
//   leading indicator (`-?:,[]{}#&*!|>'"%@` and backquote), no control character, and not
//   something YAML or bvplan would read as null, a boolean or a number;
// - with line breaks, in block context, a literal block scalar (`|`, `|-` without a final
//   line break, `|2` when the first line starts with a space) whose lines are indented by
//   `indent` spaces, two more than the key's (so `indent` is at least 2), joined by
//   `newline`;
// - else single-quoted, or double-quoted with escapes when it holds control characters
//   (or line breaks in flow context).
std::string yaml_text(std::string_view text, YamlContext context = YamlContext::block, unsigned indent = 2,
                      std::string_view newline = "\n");

// Whether `text` can stand as a plain scalar in `context` (the first rule above).
bool yaml_plain_safe(std::string_view text, YamlContext context);

}  // namespace bvplan
