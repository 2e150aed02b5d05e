// The commits reachable from HEAD, in a fixed order, and a file's history through them.
#include <filesystem>
#include <fstream>
#include <queue>
#include <set>

#include "libgit2.hpp"

namespace bvplan {

namespace fs = std::filesystem;

namespace {

std::set<std::string> shallow_roots(git_repository* repo) {
  std::set<std::string> roots;
  std::ifstream file(fs::path(git_repository_path(repo)) / "shallow");
  std::string line;
  while (std::getline(file, line))
    if (!line.empty()) roots.insert(line);
  return roots;
}

}  // namespace

// Every commit reachable from HEAD into `nodes`, in walk order; returns each node's
// parents' ids (a parent that is not there is not a node).
std::vector<std::pair<size_t, std::vector<git_oid>>> GitRepository::Impl::read_commits() {
  std::vector<std::pair<size_t, std::vector<git_oid>>> links;
  git_oid head;
  if (git_reference_name_to_id(&head, repo, "HEAD") != 0) return links;  // no commits yet
  std::set<std::string> roots = shallow_roots(repo);
  std::set<std::string> seen;
  std::vector<git_oid> pending{head};
  while (!pending.empty()) {
    git_oid oid = pending.back();
    pending.pop_back();
    std::string id = hex(&oid);
    if (seen.count(id)) continue;
    Commit commit;
    if (git_commit_lookup(commit.out(), repo, &oid) != 0) {
      stopped_early = true;  // a parent that is not there: history ends here
      continue;
    }
    seen.insert(id);
    Node node;
    node.oid = oid;
    node.info = info_of(commit.get());
    node.time = static_cast<long long>(git_commit_time(commit.get()));
    std::vector<git_oid> parents;
    if (roots.count(id)) {
      stopped_early = stopped_early || git_commit_parentcount(commit.get()) > 0;
    } else {
      for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
        parents.push_back(*git_commit_parent_id(commit.get(), i));
        pending.push_back(parents.back());
      }
    }
    links.push_back({nodes.size(), parents});
    nodes.push_back(std::move(node));
  }
  return links;
}

// Kahn's algorithm: a commit comes after all its children; among those ready, the
// newest (then the larger id) first. Deterministic whatever the walk order was.
void GitRepository::Impl::sort_children_first() {
  std::vector<size_t> children(nodes.size(), 0);
  for (const Node& node : nodes)
    for (size_t p : node.parents) ++children[p];
  auto later = [&](size_t a, size_t b) {
    return std::tie(nodes[a].time, nodes[a].info.id) < std::tie(nodes[b].time, nodes[b].info.id);
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(later);
  for (size_t i = 0; i < nodes.size(); ++i)
    if (children[i] == 0) ready.push(i);
  std::vector<size_t> order;
  while (!ready.empty()) {
    size_t n = ready.top();
    ready.pop();
    order.push_back(n);
    for (size_t p : nodes[n].parents)
      if (--children[p] == 0) ready.push(p);
  }
  std::vector<size_t> position(nodes.size());
  for (size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  std::vector<Node> sorted;
  sorted.reserve(nodes.size());
  for (size_t n : order) sorted.push_back(nodes[n]);
  for (Node& node : sorted)
    for (size_t& p : node.parents) p = position[p];
  nodes = std::move(sorted);
}

void GitRepository::Impl::walk() {
  if (walked) return;
  walked = true;
  std::map<std::string, size_t> index;
  auto links = read_commits();
  for (size_t n = 0; n < nodes.size(); ++n) index[nodes[n].info.id] = n;
  for (auto& [n, parents] : links)
    for (const git_oid& p : parents)
      if (auto it = index.find(hex(&p)); it != index.end()) nodes[n].parents.push_back(it->second);
  sort_children_first();
}

bool GitRepository::truncated() {
  impl_->walk();
  return impl_->stopped_early;
}

std::vector<FileVersion> GitRepository::file_history(const std::string& path) {
  impl_->walk();
  std::vector<FileVersion> versions;
  std::string current = path;
  for (const Impl::Node& node : impl_->nodes) {
    std::optional<std::string> blob = impl_->blob_at(node.oid, current);
    if (!blob) continue;
    bool changed = true;
    bool any_parent_has_it = false;
    for (size_t p : node.parents) {
      std::optional<std::string> before = impl_->blob_at(impl_->nodes[p].oid, current);
      any_parent_has_it = any_parent_has_it || before.has_value();
      if (before == blob) changed = false;
    }
    if (!changed) continue;
    versions.push_back({node.info, current, *blob});
    if (!any_parent_has_it && !node.parents.empty()) {
      // The file is new here: follow it to the path it had in the first parent, if renamed.
      std::map<std::string, std::string> renamed =
          impl_->renames_between(impl_->nodes[node.parents.front()].oid, node.oid);
      if (auto old = renamed.find(current); old != renamed.end()) current = old->second;
    }
  }
  return versions;
}

}  // namespace bvplan
