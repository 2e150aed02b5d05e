#include <algorithm>
#include <deque>
#include <vector>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/rules/families.hpp"

namespace bvplan {

void check_dependencies(RuleContext& context, const Action& action, bool dates_known) {
  for (const Reference& dep : action.depends_on) {
    auto it = context.actions.find(dep.id);
    if (it == context.actions.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, a] : context.actions)
        if (id != action.id) ids.push_back(id);
      context.error(dep.position, "unknown-dependency",
                    fmt::format("action '{}' depends on '{}', which is not an action in this plan{}", action.id, dep.id,
                                did_you_mean(dep.id, ids)),
                    "depends_on lists ids of actions in the same plan");
      continue;
    }
    const Action& other = *it->second;
    if (dates_known && other.well_formed && action.due < other.due)
      context.warning(dep.position, "dependency-order",
                      fmt::format("action '{}' is due on {}, before '{}' which it depends on is due on {}", action.id,
                                  to_iso(action.due), other.id, to_iso(other.due)),
                      "move the due date after its dependency's, or drop the dependency");
  }
}

namespace {

// The actions with an id, in file order (the first of a duplicated id), and for each the
// actions it depends on, by index.
struct DependencyGraph {
  std::vector<const Action*> order;
  std::vector<std::vector<size_t>> edges;
};

DependencyGraph dependency_graph(const Plan& plan) {
  DependencyGraph graph;
  std::map<std::string, size_t> index;
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions)
      if (!action.id.empty() && index.emplace(action.id, graph.order.size()).second) graph.order.push_back(&action);
  graph.edges.resize(graph.order.size());
  for (size_t i = 0; i < graph.order.size(); ++i)
    for (const Reference& d : graph.order[i]->depends_on)
      if (auto it = index.find(d.id); it != index.end()) graph.edges[i].push_back(it->second);
  return graph;
}

// The strongly connected components that hold a cycle (several actions, or one that
// depends on itself): Tarjan's algorithm, iteratively (plans may hold 20,000 actions).
std::vector<std::vector<size_t>> cyclic_components(const std::vector<std::vector<size_t>>& edges) {
  size_t n = edges.size();
  std::vector<long> low(n, -1), number(n, -1);
  std::vector<bool> on_stack(n, false);
  std::vector<size_t> stack;
  std::vector<std::vector<size_t>> components;
  long counter = 0;
  for (size_t root = 0; root < n; ++root) {
    if (number[root] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work{{root, 0}};
    while (!work.empty()) {
      auto& [v, next] = work.back();
      if (next == 0 && number[v] < 0) {
        number[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
      }
      if (next < edges[v].size()) {
        size_t w = edges[v][next++];
        if (number[w] < 0)
          work.push_back({w, 0});
        else if (on_stack[w])
          low[v] = std::min(low[v], number[w]);
        continue;
      }
      if (low[v] == number[v]) {
        std::vector<size_t> component;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != v);
        bool self_loop = std::find(edges[v].begin(), edges[v].end(), v) != edges[v].end();
        if (component.size() > 1 || self_loop) components.push_back(std::move(component));
      }
      size_t finished = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[finished]);
    }
  }
  return components;
}

// The shortest cycle from `first` back to itself inside `component` (breadth first), as
// the actions' indexes from `first` to `first`.
std::vector<size_t> shortest_cycle(const std::vector<std::vector<size_t>>& edges, const std::vector<size_t>& component,
                                   size_t first) {
  size_t n = edges.size();
  std::vector<bool> member(n, false), visited(n, false);
  for (size_t c : component) member[c] = true;
  std::vector<long> parent(n, -1);
  std::deque<size_t> queue{first};
  size_t closing = first;
  bool found = false;
  while (!queue.empty() && !found) {
    size_t v = queue.front();
    queue.pop_front();
    for (size_t w : edges[v]) {
      if (!member[w]) continue;
      if (w == first) {
        closing = v;
        found = true;
        break;
      }
      if (!visited[w]) {
        visited[w] = true;
        parent[w] = static_cast<long>(v);
        queue.push_back(w);
      }
    }
  }
  std::vector<size_t> path;
  for (long v = static_cast<long>(closing); v >= 0 && static_cast<size_t>(v) != first;
       v = parent[static_cast<size_t>(v)])
    path.push_back(static_cast<size_t>(v));
  path.push_back(first);
  std::reverse(path.begin(), path.end());
  path.push_back(first);
  return path;
}

}  // namespace

void check_dependency_cycles(RuleContext& context) {
  DependencyGraph graph = dependency_graph(context.plan);
  for (const std::vector<size_t>& component : cyclic_components(graph.edges)) {
    size_t first = *std::min_element(component.begin(), component.end());
    std::vector<std::string> path;
    for (size_t v : shortest_cycle(graph.edges, component, first)) path.push_back(graph.order[v]->id);
    const Action& a = *graph.order[first];
    std::string next_id = path.size() > 1 ? path[1] : a.id;
    Position at = a.position;
    for (const Reference& d : a.depends_on)
      if (d.id == next_id) {
        at = d.position;
        break;
      }
    context.error(at, "dependency-cycle", fmt::format("dependency cycle: {}", fmt::join(path, " -> ")),
                  "remove one of the dependencies so that the actions can be done in some order");
  }
}

}  // namespace bvplan
