#include "bvplan/yaml/document.hpp"

#include <vector>

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("nodes allocated after a released point stay readable (ASan would catch a freed one)") {
  DocumentStorage storage;
  std::vector<Node*> taken;
  for (unsigned i = 0; i < 2000; ++i) {  // blocks double from 64 nodes: several blocks
    Node* n = storage.allocate_nodes(100);
    for (unsigned k = 0; k < 100; ++k) n[k].count = i;
    taken.push_back(n);
  }
  storage.release_nodes_before(taken[1000]);
  storage.release_nodes_before(taken[500]);  // earlier than before: nothing more to free
  for (unsigned i = 1000; i < 2000; ++i)
    for (unsigned k = 0; k < 100; ++k) REQUIRE(taken[i][k].count == i);
  Node* more = storage.allocate_nodes(10);
  more[9].count = 7;
  CHECK(more[9].count == 7);
  storage.release_nodes_before(more);
  CHECK(more[9].count == 7);
}
