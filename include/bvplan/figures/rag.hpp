// Red, amber, green: the one rating of actions, key issues, plans and measures.
#pragma once

namespace bvplan {

enum class Rag { none, green, amber, red, complete };

const char* to_string(Rag rag);

}  // namespace bvplan
